"""A citizen's reply to an answer joins the inquiry it answers, and reopens it if it
was closed within the municipality's number of working days (`reopen_working_days`).

Which inquiry a mail answers is read from its In-Reply-To and References: the
Message-ID of a mail borgerpost sent about the inquiry, or of the citizen's own first
mail. A Message-ID alone is not trusted (anyone the citizen forwards the answer to can
read it): the reply must come from the citizen's own address, and to the mailbox the
answer came from (a member's reply to the member, the administration's to the main
mailbox), so nothing crosses styrelseslov § 8 b. Anything else becomes a new inquiry.
Runs inside the registration's transaction.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.guard import service as guard
from borgerpost.notices import events
from borgerpost.outgoing.models import OutgoingMessage
from borgerpost.pure import workdays
from borgerpost.pure.text import clean_line, clean_text

from ..models import FollowUp, Inquiry, Message, Status


def answered_inquiry(place: Any, data: Any, member: Any) -> Inquiry | None:
    """The inquiry `data` answers, if it is the citizen's reply to this mailbox's answer."""
    if not data.replies_to or not data.citizen_email:
        return None
    sent = OutgoingMessage.objects.in_municipality(place).filter(
        message_id__in=data.replies_to, about_type=ContentType.objects.get_for_model(Message)
    )
    candidates = Inquiry.objects.in_municipality(place).filter(
        Q(messages__pk__in=sent.values("about_id")) | Q(message_id__in=data.replies_to),
        citizen_email__iexact=data.citizen_email,
    )
    if member is not None:
        candidates = candidates.filter(recipients__member=member)
    else:
        candidates = candidates.filter(
            Q(sent_to_administration_at__isnull=False) | Q(received_in_main_mailbox=True)
        )
    return candidates.order_by("-received_at", "-pk").first()


def join(place: Any, inquiry: Inquiry, data: Any, member: Any) -> FollowUp | None:
    """The reply on the inquiry (reopened if it was closed lately); None when it was closed
    too long ago, and the mail is to be an inquiry of its own."""
    row = Inquiry.objects.select_for_update(of=("self",)).get(pk=inquiry.pk)
    closed = row.status == Status.CLOSED
    if closed and not _recently_closed(place, row, data.received_at):
        return None
    body = clean_text(data.body)
    follow_up = FollowUp.objects.create(
        inquiry=row,
        member=member,
        received_at=data.received_at,
        subject=clean_line(data.subject)[:300],
        body=body,
        sensitive_categories=sorted({f.category for f in guard.scanner_for(place).scan(body)}),
        reopened=closed,
    )
    if closed:
        _reopen(place, row, data.received_at)
    record(
        None,
        "inquiry.reopened" if closed else "inquiry.follow_up",
        row,
        municipality=place,
        follow_up=follow_up.pk,
        main_mailbox=member is None,
    )
    events.citizen_wrote_again(row, member, reopened=closed)
    return follow_up


def _recently_closed(place: Any, inquiry: Inquiry, received: Any) -> bool:
    if inquiry.closed_at is None:
        return True
    if place.reopen_working_days == 0:
        return False  # the municipality never reopens: a reply is a new inquiry
    calendar = place.calendar
    closed_on = workdays.local_date(inquiry.closed_at)
    return calendar.working_days_between(closed_on, workdays.local_date(received)) <= (
        place.reopen_working_days
    )


def _reopen(place: Any, inquiry: Inquiry, received: Any) -> None:
    """Open again with a new deadline from the reply; a new answer is owed."""
    inquiry.status = Status.WITH_ADMINISTRATION if inquiry.administration_involved else Status.OPEN
    inquiry.closed_at = None
    inquiry.deadline = workdays.answer_deadline(received, inquiry.answer_days, place.calendar)
    inquiry.original_deadline = None
    inquiry.extension_reason = ""
    inquiry.extended_at = None
    inquiry.save(
        update_fields=[
            "status",
            "closed_at",
            "deadline",
            "original_deadline",
            "extension_reason",
            "extended_at",
        ]
    )


def too_late_note(inquiry: Inquiry) -> str:
    closed = timezone.localtime(inquiry.closed_at) if inquiry.closed_at else None
    when = f" {closed:%d.%m.%Y}" if closed else ""
    return (
        f"Mailen er et svar på {inquiry.reference}, som blev afsluttet{when}. Det er for længe "
        "siden til at genåbne den, så mailen er registreret som en ny henvendelse."
    )
