"""What the administration does with an inquiry sent to it: distribute it to a centre,
write the draft a member asked for, record the records system's case number, answer."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import ADMINISTRATION_ROLES, Centre, Membership
from borgerpost.notices import events
from borgerpost.outgoing.models import Purpose
from borgerpost.outgoing.queue import enqueue_mail

from ..models import AnswerPath, DraftReply, DraftStatus, Inquiry, Message, MessageKind, Status
from ..rules import quotes_inquiry
from .common import locked, refresh, require_open
from .delivery import Delivery, how, inquiry_link, send_to_citizen, subject_for


def do_write_draft(actor: Actor, draft: DraftReply, body: str) -> None:
    if not actor.is_administration:
        raise RuleError("Kun administrationen skriver svarudkast.")
    if not body.strip():
        raise RuleError("Udkastet har ingen tekst.")
    if quotes_inquiry(body, draft.inquiry.body):
        raise RuleError("Udkastet citerer borgerens henvendelse. Skriv svaret som ny tekst.")
    with transaction.atomic():
        locked(draft.inquiry)
        row = (
            DraftReply.objects.select_for_update(of=("self",))
            .select_related("requested_by")
            .get(pk=draft.pk)
        )
        if row.status == DraftStatus.SENT:
            raise RuleError("Udkastet er allerede brugt i et sendt svar.")
        row.body = body
        row.written_by = actor.user
        row.written_at = timezone.now()
        row.status = DraftStatus.READY
        row.save()
        record(actor, "draft.written", draft.inquiry, draft=row.pk)
        member = row.requested_by
        if member.email:
            enqueue_mail(
                to=member.email,
                subject=f"Svarudkast klar ({draft.inquiry.reference})",
                body="Administrationen har skrevet et svarudkast. Se det her: "
                f"{inquiry_link(draft.inquiry)}\n",
                sender=actor.municipality.main_mailbox,
                municipality=actor.municipality,
                about=draft.inquiry,
                author=actor.user,
                purpose=Purpose.INTERNAL,
                secretariat_sees=True,
            )
    draft.refresh_from_db()


def do_assign_in_administration(
    actor: Actor,
    inquiry: Inquiry,
    centre: Centre | None,
    answer_mode: str,
    director_involved: bool,
    records_case_number: str,
    assigned_to: Any = None,
) -> None:
    """The secretariat assigns the centre and a named person, and decides phone or writing
    and the director's part. The person given it, and the director when they are to be
    involved, are told (notices)."""
    if not actor.is_secretariat:
        raise RuleError("Kun sekretariatet fordeler henvendelser.")
    if centre is not None and centre.municipality_id != inquiry.municipality_id:
        raise RuleError("Centret hører ikke til kommunen.")
    if assigned_to is not None and not _in_administration(assigned_to, inquiry):
        raise RuleError("Henvendelsen kan kun gives til en person i kommunens administration.")
    with transaction.atomic():
        row = locked(inquiry)
        newly_assigned = assigned_to is not None and row.assigned_to_id != assigned_to.pk
        newly_involved = director_involved and (
            not row.director_involved or row.centre_id != getattr(centre, "pk", None)
        )
        row.centre = centre
        row.assigned_to = assigned_to
        row.answer_mode = answer_mode
        row.director_involved = director_involved
        row.records_case_number = records_case_number.strip()[:100]
        row.save(
            update_fields=[
                "centre",
                "assigned_to",
                "answer_mode",
                "director_involved",
                "records_case_number",
            ]
        )
        record(
            actor,
            "inquiry.assigned",
            row,
            centre=centre.pk if centre else None,
            assigned_to=assigned_to.pk if assigned_to else None,
            answer_mode=answer_mode,
            director_involved=director_involved,
        )
        if newly_assigned:
            events.assigned(row, assigned_to, actor.user)
        if newly_involved:
            events.director_involved(row, actor.user)
    refresh(inquiry)


def _in_administration(person: Any, inquiry: Inquiry) -> bool:
    return (
        Membership.objects.in_municipality(inquiry.municipality)
        .filter(user=person, role__in=ADMINISTRATION_ROLES)
        .exists()
    )


def do_record_case_number(actor: Actor, inquiry: Inquiry, case_number: str) -> None:
    """The records system's case number (journalnummer), typically set by the records
    system itself through the API once it has filed the inquiry; retention waits for it."""
    if not actor.is_administration:
        raise RuleError("Kun administrationen registrerer journalnumre.")
    number = case_number.strip()
    if not number or len(number) > 100:
        raise RuleError("Journalnummeret skal være 1-100 tegn.")
    with transaction.atomic():
        row = locked(inquiry)
        row.records_case_number = number
        row.save(update_fields=["records_case_number"])
        record(actor, "inquiry.case_number_recorded", row)
    refresh(inquiry)


def do_administration_answer(
    actor: Actor, inquiry: Inquiry, channel: str | Delivery, body: str
) -> Message:
    """The administration answers the citizen (path 2) and the member sees it is done."""
    if not actor.is_administration:
        raise RuleError("Kun administrationen kan registrere administrationens svar.")
    if not body.strip():
        raise RuleError("Skriv svaret eller et referat af telefonsamtalen.")
    with transaction.atomic():
        row = locked(inquiry)
        if row.path != AnswerPath.ADMINISTRATION or not row.administration_involved:
            raise RuleError("Henvendelsen er ikke sendt til administrationen til besvarelse.")
        require_open(row)
        delivery = how(channel)
        message = send_to_citizen(
            actor,
            row,
            delivery,
            MessageKind.ADMINISTRATION_ANSWER,
            subject_for(row, f"Svar fra {row.municipality.name}"),
            body,
            # The municipality answers, not the employee: from its main mailbox, where
            # the citizen's answer to it arrives and the whole administration sees it.
            sender=row.municipality.main_mailbox,
            secretariat_sees=True,
        )
        row.answered_at = message.sent_at
        row.status = Status.CLOSED
        row.closed_at = message.sent_at
        row.save(update_fields=["answered_at", "status", "closed_at"])
        record(
            actor,
            "inquiry.administration_answered",
            row,
            channel=delivery.channel,
            message=message.pk,
        )
        events.answered(row, actor.user)
    refresh(inquiry)
    return message
