"""What a council member does with an inquiry they received: assess it, acknowledge it,
answer it, forward it, send a copy to the administration, ask for a draft, close it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Committee
from borgerpost.guard import service as guard
from borgerpost.notices import events
from borgerpost.outgoing.queue import enqueue_mail
from borgerpost.pure import workdays

from ..models import (
    AnswerPath,
    DraftReply,
    DraftStatus,
    Inquiry,
    Message,
    MessageChannel,
    MessageKind,
    PowerOfAttorney,
    Status,
)
from ..rules import quotes_inquiry, why_not_acknowledge, why_not_close, why_not_request_draft
from .common import (
    locked,
    refresh,
    require_open,
    require_power_of_attorney_confirmed,
    require_recipient,
)
from .delivery import Delivery, how, notify_main_mailbox, send_to_citizen, subject_for


@dataclass
class TriageDecision:
    classification: str
    path: str
    committee: Committee | None
    concerns_other_citizen: bool
    power_of_attorney: str
    # A request for access to documents (7 working days); None leaves it as it is.
    access_request: bool | None = None


def do_triage(actor: Actor, inquiry: Inquiry, decision: TriageDecision) -> None:
    if decision.committee and decision.committee.municipality_id != inquiry.municipality_id:
        raise RuleError("Udvalget hører ikke til kommunen.")
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        if row.status == Status.CLOSED:
            raise RuleError("Henvendelsen er afsluttet og kan ikke vurderes igen.")
        row.classification = decision.classification
        row.path = decision.path
        row.committee = decision.committee
        row.concerns_other_citizen = decision.concerns_other_citizen
        row.power_of_attorney = (
            decision.power_of_attorney
            if decision.concerns_other_citizen
            else PowerOfAttorney.NOT_RELEVANT
        )
        if row.status == Status.NEW:
            row.status = Status.OPEN
        if decision.access_request is not None and decision.access_request != row.is_access_request:
            row.is_access_request = decision.access_request
            if row.original_deadline is None:  # an extended deadline stays as agreed
                row.deadline = workdays.answer_deadline(
                    row.received_at, row.answer_days, row.municipality.calendar
                )
        row.save()
        record(
            actor,
            "inquiry.triaged",
            row,
            classification=row.classification,
            path=row.path,
            suggested=row.suggested_classification,
            committee=row.committee_id,
            power_of_attorney=row.power_of_attorney,
            access_request=row.is_access_request,
        )
    refresh(inquiry)


def do_take_acknowledgement(actor: Actor, inquiry: Inquiry) -> None:
    """A recipient takes on the acknowledgement for all recipients (when they agree who)."""
    with transaction.atomic():
        row = locked(inquiry)
        recipients = [r.member for r in row.recipients.select_related("member")]
        if row.acknowledgement_owner_id:
            raise RuleError("En anden modtager har allerede påtaget sig at kvittere.")
        if reason := why_not_acknowledge(actor, row, recipients):
            raise RuleError(reason)
        row.acknowledgement_owner = actor.user
        row.save(update_fields=["acknowledgement_owner"])
        record(actor, "inquiry.acknowledgement_taken", row)
    refresh(inquiry)


def do_acknowledge(
    actor: Actor,
    inquiry: Inquiry,
    channel: str | Delivery,
    body: str,
    confirmed_no_third_party: bool = False,
) -> Message:
    """Send the one acknowledgement the citizen gets, whoever of the recipients sends it."""
    if not body.strip():
        raise RuleError("Kvitteringen har ingen tekst.")
    if quotes_inquiry(body, inquiry.body):
        raise RuleError(
            "Kvitteringen gentager borgerens henvendelse. Skriv en ny tekst uden citat."
        )
    try:
        with transaction.atomic():
            row = locked(inquiry)
            recipients = [r.member for r in row.recipients.select_related("member")]
            if reason := why_not_acknowledge(actor, row, recipients):
                raise RuleError(reason)
            require_power_of_attorney_confirmed(row, confirmed_no_third_party)
            subject = subject_for(row, "Kvittering")
            delivery = how(channel)
            message = send_to_citizen(
                actor,
                row,
                delivery,
                MessageKind.ACKNOWLEDGEMENT,
                subject,
                body,
                on_behalf_of_all=len(recipients) > 1,
            )
            row.acknowledged_at = message.sent_at
            row.acknowledgement_owner = actor.user
            if row.status == Status.NEW:
                row.status = Status.OPEN
            row.save(update_fields=["acknowledged_at", "acknowledgement_owner", "status"])
            record(actor, "inquiry.acknowledged", row, channel=delivery.channel, message=message.pk)
    except IntegrityError:
        raise RuleError("Der er allerede kvitteret for henvendelsen.") from None
    refresh(inquiry)
    return message


def social_media_answer_text(inquiry: Inquiry, member: Any) -> str:
    municipality = inquiry.municipality
    try:
        return municipality.social_media_answer.format(
            member_email=member.email or municipality.main_mailbox,
            main_mailbox=municipality.main_mailbox,
            member_name=member.get_full_name(),
        )
    except (KeyError, IndexError, ValueError):
        return municipality.social_media_answer


def do_send_social_media_answer(actor: Actor, inquiry: Inquiry, body: str) -> Message:
    """The standard answer on Facebook or Messenger, recorded; the member pastes it there."""
    if not body.strip():
        raise RuleError("Svaret har ingen tekst.")
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        if not row.is_social_media:
            raise RuleError("Standardsvaret bruges kun til henvendelser fra Facebook og Messenger.")
        guard.enforce(actor, row.channel, "", body, row.body)
        message = Message.objects.create(
            inquiry=row,
            kind=MessageKind.SOCIAL_MEDIA_ANSWER,
            channel=row.channel,
            author=actor.user,
            recipient=row.citizen_name,
            body=body,
        )
        record(actor, "inquiry.social_media_answer", row, message=message.pk)
    return message


def do_send_advance_notice(
    actor: Actor, inquiry: Inquiry, channel: str | Delivery, body: str
) -> Message:
    """Tell the citizen before forwarding to the administration (varsling, seed 001 note 2)."""
    if not body.strip():
        raise RuleError("Varslingen har ingen tekst.")
    if quotes_inquiry(body, inquiry.body):
        raise RuleError("Varslingen gentager borgerens henvendelse. Skriv en ny tekst uden citat.")
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        require_open(row)
        if row.administration_involved:
            raise RuleError("Henvendelsen er allerede sendt til administrationen.")
        delivery = how(channel)
        message = send_to_citizen(
            actor,
            row,
            delivery,
            MessageKind.ADVANCE_NOTICE,
            subject_for(row, "Din henvendelse sendes videre"),
            body,
        )
        row.advance_notice_at = message.sent_at
        row.save(update_fields=["advance_notice_at"])
        record(actor, "inquiry.advance_notice", row, channel=delivery.channel, message=message.pk)
    refresh(inquiry)
    return message


def do_forward_to_administration(actor: Actor, inquiry: Inquiry, note: str = "") -> None:
    """Path 2: the administration answers. The secretariat gets it in its queue."""
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        require_open(row)
        if row.path != AnswerPath.ADMINISTRATION:
            raise RuleError("Vælg først »Administrationen besvarer« som besvarelse.")
        if row.administration_involved and row.status == Status.WITH_ADMINISTRATION:
            raise RuleError("Henvendelsen er allerede sendt til administrationen.")
        row.sent_to_administration_at = timezone.now()
        row.sent_to_administration_by = actor.user
        row.member_note_to_administration = note
        row.status = Status.WITH_ADMINISTRATION
        row.save()
        record(actor, "inquiry.forwarded_to_administration", row)
        notify_main_mailbox(row, actor, "Ny borgerhenvendelse til besvarelse")
        events.sent_to_administration(row, actor.user)
    refresh(inquiry)


def do_send_reply(
    actor: Actor,
    inquiry: Inquiry,
    channel: str | Delivery,
    body: str,
    confirmed_no_third_party: bool = False,
    draft: DraftReply | None = None,
) -> Message:
    """Path 1: a personal reply, always a new message that never quotes the inquiry."""
    if not body.strip():
        raise RuleError("Svaret har ingen tekst.")
    if quotes_inquiry(body, inquiry.body):
        raise RuleError(
            "Svaret gentager borgerens henvendelse. Skriv svaret som en ny besked uden at "
            "citere borgerens tekst – den kan indeholde fortrolige oplysninger."
        )
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        require_open(row)
        if row.path != AnswerPath.PERSONAL:
            raise RuleError("Vælg først »Personligt svar« som besvarelse.")
        require_power_of_attorney_confirmed(row, confirmed_no_third_party)
        subject = subject_for(row, "Svar på din henvendelse")
        delivery = how(channel)
        message = send_to_citizen(actor, row, delivery, MessageKind.REPLY, subject, body)
        row.answered_at = message.sent_at
        row.save(update_fields=["answered_at"])
        if draft is not None:
            DraftReply.objects.filter(pk=draft.pk, inquiry=row).update(status=DraftStatus.SENT)
        record(
            actor,
            "inquiry.reply_sent",
            row,
            channel=delivery.channel,
            message=message.pk,
            from_draft=draft.pk if draft else None,
        )
    refresh(inquiry)
    return message


COPY_CHANNELS = frozenset(
    {MessageChannel.MAIL, MessageChannel.MEETING, MessageChannel.PHONE, MessageChannel.LETTER}
)


def do_send_copy_to_administration(
    actor: Actor, inquiry: Inquiry, answered_how: str, include_answer: bool, note: str = ""
) -> Message:
    """Path 1 for a case: the administration gets the inquiry and how it was answered."""
    if answered_how not in COPY_CHANNELS:
        raise RuleError("Angiv, hvordan du har svaret borgeren (mail, møde, telefon eller brev).")
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        reply = row.messages.filter(kind=MessageKind.REPLY).order_by("sent_at", "id").last()
        if include_answer and reply is None:
            raise RuleError("Der er endnu intet svar at sende med.")
        message = Message.objects.create(
            inquiry=row,
            kind=MessageKind.COPY_TO_ADMINISTRATION,
            channel=MessageChannel.INTERNAL,
            author=actor.user,
            recipient=row.municipality.main_mailbox,
            body=note,
            answered_how=answered_how,
            includes_answer=include_answer,
            carried_reply=reply if include_answer else None,
        )
        if not row.sent_to_administration_at:
            row.sent_to_administration_at = message.sent_at
            row.sent_to_administration_by = actor.user
            row.save(update_fields=["sent_to_administration_at", "sent_to_administration_by"])
        record(
            actor,
            "inquiry.copy_to_administration",
            row,
            answered_how=answered_how,
            includes_answer=include_answer,
        )
        notify_main_mailbox(row, actor, "Kopi af borgerhenvendelse, som medlemmet selv besvarer")
    refresh(inquiry)
    return message


def do_forward_by_mail(actor: Actor, inquiry: Inquiry, to: str, note: str = "") -> Message:
    """Forward the inquiry by mail, only to the municipality's own addresses (seed 001).

    A member's private address is refused outright: mails with personal data must never
    go to private mail, and it would take them out of the 30-day deletion.
    """
    address = to.strip().lower()
    private = {m.private_email.lower() for m in actor.user.memberships.all() if m.private_email}
    if address in private:
        raise RuleError(
            "Du må ikke videresende henvendelsen til din private mail. Mails med "
            "personoplysninger skal blive i kommunens sikre mailsystem."
        )
    if not actor.municipality.is_internal_address(address):
        raise RuleError(
            "Henvendelser kan kun videresendes til kommunens egne mailadresser ("
            + ", ".join("@" + d for d in actor.municipality.mail_domains)
            + ")."
        )
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        guard.enforce(actor, "mail", address, row.body)
        message = Message.objects.create(
            inquiry=row,
            kind=MessageKind.FORWARD,
            channel=MessageChannel.MAIL,
            author=actor.user,
            recipient=address,
            body=note,
        )
        enqueue_mail(
            to=address,
            subject=f"VS: {row.display_title()}",
            body=(
                f"{note}\n\n--- Videresendt henvendelse {row.reference} ---\n"
                f"Fra: {row.citizen_name}\nModtaget: "
                f"{timezone.localtime(row.received_at):%d.%m.%Y %H.%M}\n\n{row.body}"
            ),
            sender=actor.user.email,
            municipality=actor.municipality,
            about=message,
            author=actor.user,
        )
        record(actor, "inquiry.forwarded_by_mail", row, message=message.pk)
    return message


def do_request_draft(actor: Actor, inquiry: Inquiry, note: str) -> DraftReply:
    """The mayor or a committee chair asks the administration for a draft reply."""
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        require_open(row)
        if reason := why_not_request_draft(actor, row):
            raise RuleError(reason)
        if row.drafts.filter(status=DraftStatus.REQUESTED).exists():
            raise RuleError(
                "Der er allerede bestilt et svarudkast, som administrationen arbejder på."
            )
        draft = DraftReply.objects.create(inquiry=row, requested_by=actor.user, request_note=note)
        if not row.sent_to_administration_at:
            row.sent_to_administration_at = timezone.now()
            row.sent_to_administration_by = actor.user
            row.save(update_fields=["sent_to_administration_at", "sent_to_administration_by"])
        record(actor, "draft.requested", row, draft=draft.pk)
        notify_main_mailbox(row, actor, "Bestilling af svarudkast")
    refresh(inquiry)
    return draft


def do_close(actor: Actor, inquiry: Inquiry) -> None:
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        if reason := why_not_close(row):
            raise RuleError(reason)
        row.status = Status.CLOSED
        row.closed_at = timezone.now()
        row.save(update_fields=["status", "closed_at"])
        record(actor, "inquiry.closed", row, path=row.path)
    refresh(inquiry)
