"""A longer answer time. The guidance says 10 working days "som udgangspunkt"; when the
answer will be later, the Ombudsman's practice is that the citizen is told on the
authority's own initiative, with a time frame and what the case waits for. So an
extension always tells the citizen, and the inquiry keeps both deadlines."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError

from ..models import Inquiry, Message, MessageKind
from .common import locked, refresh, require_open
from .delivery import Delivery, how, send_to_citizen, subject_for

MAX_EXTENSION_DAYS = 120  # calendar days: a longer wait is a new case, not an extension


def do_extend_deadline(
    actor: Actor,
    inquiry: Inquiry,
    new_deadline: dt.date,
    reason: str,
    channel: str | Delivery,
    body: str,
) -> Message:
    """Move the deadline to `new_deadline` because of `reason`, and tell the citizen."""
    reason = reason.strip()
    if not reason:
        raise RuleError("Skriv, hvad henvendelsen venter på – borgeren skal have at vide hvorfor.")
    if not body.strip():
        raise RuleError("Skriv beskeden til borgeren om den nye frist.")
    with transaction.atomic():
        row = locked(inquiry)
        _may_extend(actor, row)
        require_open(row)
        _check_date(row, new_deadline)
        delivery = how(channel)
        answer_by_administration = actor.is_administration and row.administration_involved
        message = send_to_citizen(
            actor,
            row,
            delivery,
            MessageKind.EXTENSION_NOTICE,
            subject_for(row, "Længere svartid på din henvendelse"),
            body,
            sender=row.municipality.main_mailbox if answer_by_administration else "",
            secretariat_sees=answer_by_administration,
        )
        if row.original_deadline is None:
            row.original_deadline = row.deadline
        row.deadline = new_deadline
        row.extension_reason = reason[:1000]
        row.extended_at = timezone.now()
        row.save(update_fields=["deadline", "original_deadline", "extension_reason", "extended_at"])
        record(
            actor,
            "inquiry.deadline_extended",
            row,
            deadline=new_deadline.isoformat(),
            original=row.original_deadline.isoformat(),
            channel=delivery.channel,
            message=message.pk,
        )
    refresh(inquiry)
    return message


def _may_extend(actor: Actor, inquiry: Inquiry) -> None:
    """Whoever answers: the members who got it, or the administration once it has it."""
    if actor.is_administration and inquiry.administration_involved:
        return
    if actor.is_council_member and inquiry.recipients.filter(member=actor.user).exists():
        return
    raise RuleError("Kun den, der besvarer henvendelsen, kan forlænge svarfristen.")


def _check_date(inquiry: Inquiry, new_deadline: dt.date) -> None:
    calendar = inquiry.municipality.calendar
    if new_deadline <= inquiry.deadline:
        raise RuleError(
            f"Den nye frist skal ligge efter den nuværende ({inquiry.deadline:%d.%m.%Y})."
        )
    if new_deadline > timezone.localdate() + dt.timedelta(days=MAX_EXTENSION_DAYS):
        raise RuleError(f"Den nye frist kan højst ligge {MAX_EXTENSION_DAYS} dage ude i fremtiden.")
    if not calendar.is_working_day(new_deadline):
        why = calendar.non_working_reason(new_deadline)
        raise RuleError(
            f"Den nye frist skal være en arbejdsdag ({new_deadline:%d.%m.%Y} er {why})."
        )


def extension_text(
    inquiry: Inquiry, new_deadline: dt.date | None, waits_for: str, signature: str
) -> str:
    """The standard advance notice of a longer answer time: the time frame and what the
    case waits for, as the Ombudsman's practice asks."""
    name = f" {inquiry.citizen_name}" if inquiry.citizen_name else ""
    when = f"{new_deadline:%d.%m.%Y}" if new_deadline else "[ny frist]"
    why = waits_for.strip() or "[hvad henvendelsen venter på]"
    return (
        f"Kære{name}\n\nVi kan desværre ikke svare på din henvendelse ({inquiry.reference}) "
        f"inden for den frist, vi har oplyst ({inquiry.deadline:%d.%m.%Y}). Det skyldes, at "
        f"{why}. Du kan forvente et svar senest {when}.\n\nVenlig hilsen\n{signature}"
    )
