"""Every write to an inquiry goes through one function here, with its audit entry.

Each function runs in one transaction: either the change and its audit entry are
both stored, or neither is. Mail is sent as the transaction's last step (see
core.outgoing): a refused mail undoes the action. Digital Post leaves after the commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from borgerpost import triage, workdays
from borgerpost.core.access import Actor
from borgerpost.core.audit import record, record_many
from borgerpost.core.models import Centre, Committee, Municipality
from borgerpost.core.outgoing import send_mail
from borgerpost.digitalpost.interfaces import transport
from borgerpost.digitalpost.memo import LetterContent, build_message
from borgerpost.guard import service as guard
from borgerpost.mailparse import ParsedAttachment, ParsedMail, content_key
from borgerpost.scanner import Scanner

from .models import (
    AgendaProposal,
    AgendaTarget,
    AnswerPath,
    Attachment,
    Classification,
    DraftReply,
    DraftStatus,
    Inquiry,
    InquiryRecipient,
    Message,
    MessageChannel,
    MessageKind,
    PowerOfAttorney,
    ProposalStatus,
    Status,
)
from .rules import (
    RuleError,
    acknowledgement_duty,
    quotes_inquiry,
    why_not_acknowledge,
    why_not_close,
    why_not_request_draft,
)

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


@dataclass
class NewInquiry:
    channel: str
    received_at: dt.datetime
    body: str
    subject: str = ""
    citizen_name: str = ""
    citizen_email: str = ""
    citizen_phone: str = ""
    citizen_address: str = ""
    message_id: str = ""
    body_was_html: bool = False
    attachments: list[ParsedAttachment] = field(default_factory=list)


@dataclass(frozen=True)
class Registration:
    inquiry: Inquiry
    outcome: str  # "created", "added_recipient" or "already_registered"


def _sender_key(data: NewInquiry) -> str:
    return data.citizen_email or data.citizen_phone or data.citizen_name


def _find_existing(
    municipality: Municipality, data: NewInquiry, key: str, main_mailbox: bool = False
) -> Inquiry | None:
    # Members' inquiries and the main mailbox's are never merged: the administration has
    # no access to what members received, and a member's folder is not the main mailbox.
    same = Inquiry.objects.select_for_update().filter(
        municipality=municipality, received_in_main_mailbox=main_mailbox
    )
    if data.message_id and (found := same.filter(message_id=data.message_id).first()):
        return found
    return same.filter(content_key=key).first()


def validate(data: NewInquiry) -> None:
    if not data.body.strip():
        raise RuleError("Henvendelsen har ingen tekst. Skriv eller indsæt borgerens henvendelse.")
    if data.received_at > timezone.now() + dt.timedelta(minutes=5):
        raise RuleError("Modtagelsestidspunktet ligger i fremtiden.")
    for item in data.attachments:
        if len(item.data) > MAX_ATTACHMENT_BYTES:
            size = len(item.data) / (1024 * 1024)
            raise RuleError(
                f"Vedhæftningen »{item.filename}« fylder {size:.1f} MB. Grænsen er "
                f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB pr. fil. Intet er gemt."
            )


def do_register_inquiry(actor: Actor, data: NewInquiry) -> Registration:
    """Register an inquiry a member received; the same message twice is one inquiry."""
    if not actor.is_council_member:
        raise RuleError("Kun byrådsmedlemmer registrerer henvendelser, de selv har modtaget.")
    validate(data)
    key = content_key(_sender_key(data), data.subject, data.body)
    try:
        with transaction.atomic():
            existing = _find_existing(actor.municipality, data, key)
            if existing is not None:
                return _add_recipient(actor, existing)
            inquiry = _create(actor.municipality, actor, data, key)
            InquiryRecipient.objects.create(inquiry=inquiry, member=actor.user)
            _record_registration(actor, inquiry, data)
    except IntegrityError:
        # Another member registered the same message at the same moment: join theirs.
        with transaction.atomic():
            existing = _find_existing(actor.municipality, data, key)
            if existing is None:
                raise
            return _add_recipient(actor, existing)
    return Registration(inquiry, "created")


def do_receive_in_main_mailbox(municipality: Municipality, data: NewInquiry) -> Registration:
    """A citizen's mail to the main mailbox, taken by intake: the administration's inquiry.

    No person registers it, so the audit entry has no actor. The same mail twice (or the
    same text from the same sender) is one inquiry.
    """
    validate(data)
    key = content_key(_sender_key(data), data.subject, data.body)
    with transaction.atomic():
        existing = _find_existing(municipality, data, key, main_mailbox=True)
        if existing is not None:
            return Registration(existing, "already_registered")
        inquiry = _create(municipality, None, data, key, main_mailbox=True)
        _record_registration(municipality, inquiry, data)
    return Registration(inquiry, "created")


def _record_registration(who: Actor | Municipality, inquiry: Inquiry, data: NewInquiry) -> None:
    actor = who if isinstance(who, Actor) else None
    record(
        actor,
        "inquiry.registered",
        inquiry,
        municipality=inquiry.municipality,
        channel=inquiry.channel,
        attachments=len(data.attachments),
        main_mailbox=inquiry.received_in_main_mailbox,
    )


def _add_recipient(actor: Actor, inquiry: Inquiry) -> Registration:
    _, created = InquiryRecipient.objects.get_or_create(inquiry=inquiry, member=actor.user)
    if not created:
        return Registration(inquiry, "already_registered")
    record(actor, "inquiry.recipient_added", inquiry)
    return Registration(inquiry, "added_recipient")


def _create(
    municipality: Municipality,
    actor: Actor | None,
    data: NewInquiry,
    key: str,
    main_mailbox: bool = False,
) -> Inquiry:
    inquiry = _build(municipality, actor, data, key, main_mailbox)
    inquiry.save()
    _store_attachments(inquiry, data)
    return inquiry


def _build(
    municipality: Municipality,
    actor: Actor | None,
    data: NewInquiry,
    key: str,
    main_mailbox: bool = False,
    scanner: Scanner | None = None,
) -> Inquiry:
    """The inquiry for a new message, not yet saved: scanned, triaged, with its deadline."""
    suggestion = triage.suggest(f"{data.subject}\n{data.body}")
    scanner = scanner or guard.scanner_for(municipality)
    return Inquiry(
        municipality=municipality,
        channel=data.channel,
        received_at=data.received_at,
        citizen_name=data.citizen_name[:200],
        citizen_email=data.citizen_email,
        citizen_phone=data.citizen_phone[:40],
        citizen_address=data.citizen_address[:300],
        subject=data.subject[:300],
        body=data.body,
        body_was_html=data.body_was_html,
        message_id=data.message_id[:500],
        content_key=key,
        contains_personal_data=_holds_personal_data(data),
        sensitive_categories=sorted(
            {f.category for f in scanner.scan(f"{data.subject}\n{data.body}")}
        ),
        registered_by=actor.user if actor else None,
        deadline=workdays.answer_deadline(
            data.received_at, municipality.answer_deadline_days, municipality.calendar
        ),
        suggested_classification=suggestion.classification,
        suggestion_reasons=list(suggestion.reasons),
        received_in_main_mailbox=main_mailbox,
        # The main mailbox is the administration's: it answers (path 2) from the start.
        sent_to_administration_at=data.received_at if main_mailbox else None,
        path=AnswerPath.ADMINISTRATION if main_mailbox else "",
        status=Status.WITH_ADMINISTRATION if main_mailbox else Status.NEW,
    )


def _store_attachments(inquiry: Inquiry, data: NewInquiry) -> None:
    for item in data.attachments:
        attachment = Attachment(
            inquiry=inquiry,
            filename=item.filename,
            content_type=item.content_type[:150],
            size=len(item.data),
            sha256=item.sha256,
        )
        attachment.file.save(item.sha256, ContentFile(item.data), save=True)


def do_register_inquiries(actor: Actor, batch: list[NewInquiry]) -> list[Registration]:
    """Many mails a member received at once (bulk import), with the same rules as
    do_register_inquiry, written in bulk in one transaction: an export of 100,000 mails
    imports at close to the speed of reading them (benchmarks/mail_intake.py).

    The caller validates each mail first (bad ones are reported, not imported). A mail
    that is already registered, or repeats one earlier in the batch, joins that inquiry.
    """
    if not actor.is_council_member:
        raise RuleError("Kun byrådsmedlemmer registrerer henvendelser, de selv har modtaget.")
    for data in batch:
        validate(data)
    keys = [content_key(_sender_key(d), d.subject, d.body) for d in batch]
    place = actor.municipality
    with transaction.atomic():
        known = (
            Inquiry.objects.select_for_update()
            .filter(municipality=place, received_in_main_mailbox=False)
            .only("pk", "municipality", "message_id", "content_key")
            .order_by()
        )
        ids = [d.message_id for d in batch if d.message_id]
        by_message_id = {i.message_id: i for i in known.filter(message_id__in=ids)}
        by_key = {i.content_key: i for i in known.filter(content_key__in=keys)}
        scanner = guard.scanner_for(place)  # once per batch: it reads the municipality's terms
        plan: list[Inquiry | int] = []  # an existing inquiry, or the index of a new one
        new: list[tuple[Inquiry, NewInquiry]] = []
        for data, key in zip(batch, keys, strict=True):
            found = by_message_id.get(data.message_id) if data.message_id else None
            found = found or by_key.get(key)
            if found is not None:
                plan.append(found)
                continue
            inquiry = _build(place, actor, data, key, scanner=scanner)
            by_key[key] = inquiry
            if data.message_id:
                by_message_id[data.message_id] = inquiry
            plan.append(len(new))
            new.append((inquiry, data))
        Inquiry.objects.bulk_create([inquiry for inquiry, _ in new], batch_size=500)
        InquiryRecipient.objects.bulk_create(
            [InquiryRecipient(inquiry=inquiry, member=actor.user) for inquiry, _ in new],
            batch_size=1000,
        )
        for inquiry, data in new:
            _store_attachments(inquiry, data)
        record_many(
            actor,
            "inquiry.registered",
            [
                (inquiry, {"channel": inquiry.channel, "attachments": len(data.attachments)})
                for inquiry, data in new
            ],
            place,
        )
        created = {id(inquiry) for inquiry, _ in new}
        results = []
        for step in plan:
            if isinstance(step, int):
                results.append(Registration(new[step][0], "created"))
            elif id(step) in created:  # repeated within the batch
                results.append(Registration(step, "already_registered"))
            else:
                results.append(_add_recipient(actor, step))
    return results


def _holds_personal_data(data: NewInquiry) -> bool:
    # Any inquiry from an identifiable citizen holds personal data: the name and contact
    # alone are personal data, and retention is decided by that.
    return bool(
        data.citizen_name or data.citizen_email or data.citizen_phone or data.citizen_address
    ) or bool(data.body.strip())


def new_inquiry_from_mail(mail: ParsedMail) -> NewInquiry:
    return NewInquiry(
        channel="mail",
        received_at=mail.date or timezone.now(),
        body=mail.body,
        subject=mail.subject,
        citizen_name=mail.sender_name,
        citizen_email=mail.sender_email,
        message_id=mail.message_id,
        body_was_html=mail.body_was_html,
        attachments=mail.attachments,
    )


def do_view_inquiry(actor: Actor, inquiry: Inquiry) -> None:
    """Reading an inquiry's content is logged: who, when, never what."""
    record(actor, "inquiry.viewed", inquiry)


def do_view_attachment(actor: Actor, attachment: Attachment) -> None:
    record(actor, "attachment.downloaded", attachment, municipality=actor.municipality)


@dataclass
class TriageDecision:
    classification: str
    path: str
    committee: Committee | None
    concerns_other_citizen: bool
    power_of_attorney: str


def do_triage(actor: Actor, inquiry: Inquiry, decision: TriageDecision) -> None:
    _require_recipient(actor, inquiry)
    if inquiry.status == Status.CLOSED:
        raise RuleError("Henvendelsen er afsluttet og kan ikke vurderes igen.")
    if decision.committee and decision.committee.municipality_id != inquiry.municipality_id:
        raise RuleError("Udvalget hører ikke til kommunen.")
    with transaction.atomic():
        inquiry.classification = decision.classification
        inquiry.path = decision.path
        inquiry.committee = decision.committee
        inquiry.concerns_other_citizen = decision.concerns_other_citizen
        inquiry.power_of_attorney = (
            decision.power_of_attorney
            if decision.concerns_other_citizen
            else PowerOfAttorney.NOT_RELEVANT
        )
        if inquiry.status == Status.NEW:
            inquiry.status = Status.OPEN
        inquiry.save()
        record(
            actor,
            "inquiry.triaged",
            inquiry,
            classification=inquiry.classification,
            path=inquiry.path,
            suggested=inquiry.suggested_classification,
            committee=inquiry.committee_id,
            power_of_attorney=inquiry.power_of_attorney,
        )


def _require_recipient(actor: Actor, inquiry: Inquiry) -> None:
    if not inquiry.recipients.filter(member=actor.user).exists():
        raise RuleError("Kun de byrådsmedlemmer, der har modtaget henvendelsen, kan gøre dette.")


def _require_open(inquiry: Inquiry) -> None:
    if inquiry.status == Status.CLOSED:
        raise RuleError("Henvendelsen er afsluttet.")


def _require_power_of_attorney_confirmed(inquiry: Inquiry, confirmed: bool) -> None:
    if inquiry.needs_power_of_attorney_warning and not confirmed:
        raise RuleError(
            "Henvendelsen vedrører en anden borger, og der foreligger ikke fuldmagt. "
            "Bekræft, at du ikke oplyser noget om den anden borgers sag."
        )


@dataclass(frozen=True)
class Delivery:
    """How a message to the citizen leaves: the channel, and what the guard needs."""

    channel: str
    cpr: str = ""  # only for Digital Post; never stored in full
    accepted: frozenset[str] = frozenset()  # findings the sender marked as not sensitive


def _deliver(actor: Actor, inquiry: Inquiry, how: Delivery, subject: str, body: str) -> str:
    """Scan, then send by mail or Digital Post; other channels are recorded as given.

    The guard raises GuardBlocked before anything leaves on an insecure channel.
    """
    address = inquiry.citizen_email if how.channel == MessageChannel.MAIL else ""
    guard.enforce(actor, how.channel, address, body, inquiry.body, how.accepted)
    if subject and guard.check(actor.municipality, how.channel, address, subject).blocked:
        # The citizen's own subject line may carry the sensitive detail: leave it out.
        subject = "Svar på din henvendelse"
    if how.channel == MessageChannel.MAIL:
        if not inquiry.citizen_email:
            raise RuleError("Borgeren har ingen mailadresse. Vælg en anden kanal.")
        send_mail(inquiry.citizen_email, subject, body, actor.user.email)
        return inquiry.citizen_email
    if how.channel == MessageChannel.DIGITAL_POST:
        if len(how.cpr) != 10 or not how.cpr.isdigit():
            raise RuleError("Angiv borgerens CPR-nummer for at sende med Digital Post.")
        message = build_message(_secure_reply(actor, inquiry, how.cpr, subject, body))
        carrier = transport(actor.municipality)
        transaction.on_commit(lambda: carrier.send(message))
        return f"Digital Post til {how.cpr[:6]}-XXXX"
    return inquiry.citizen_phone or inquiry.citizen_address or inquiry.citizen_name


def _secure_reply(
    actor: Actor, inquiry: Inquiry, cpr: str, subject: str, body: str
) -> LetterContent:
    """A member's secure reply as a Digital Post letter (MeMo with a PDF)."""
    from borgerpost.letters.pdf import render_letter_pdf

    title = subject or "Svar på din henvendelse"
    pdf = render_letter_pdf(
        {
            "letter": {
                "title": title,
                "body": body,
                "contact_text": f"{actor.user.get_full_name()}, {actor.user.email}",
                "case_number": "",
            },
            "municipality": actor.municipality,
        }
    )
    return LetterContent(
        sender_id=actor.municipality.cvr or "00000000",
        sender_label=actor.municipality.name,
        recipient_id=cpr,
        recipient_label=inquiry.citizen_name,
        title=title,
        pdf=pdf,
    )


def _how(channel: str | Delivery) -> Delivery:
    return channel if isinstance(channel, Delivery) else Delivery(channel)


def do_take_acknowledgement(actor: Actor, inquiry: Inquiry) -> None:
    """A recipient takes on the acknowledgement for all recipients (when they agree who)."""
    with transaction.atomic():
        locked = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
        recipients = [r.member for r in locked.recipients.select_related("member")]
        if locked.acknowledgement_owner_id:
            raise RuleError("En anden modtager har allerede påtaget sig at kvittere.")
        if reason := why_not_acknowledge(actor, locked, recipients):
            raise RuleError(reason)
        locked.acknowledgement_owner = actor.user
        locked.save(update_fields=["acknowledgement_owner"])
        record(actor, "inquiry.acknowledgement_taken", locked)
    inquiry.refresh_from_db()


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
            locked = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
            recipients = [r.member for r in locked.recipients.select_related("member")]
            if reason := why_not_acknowledge(actor, locked, recipients):
                raise RuleError(reason)
            _require_power_of_attorney_confirmed(locked, confirmed_no_third_party)
            subject = f"Kvittering: {locked.subject}" if locked.subject else "Kvittering"
            how = _how(channel)
            to = _deliver(actor, locked, how, subject, body)
            message = Message.objects.create(
                inquiry=locked,
                kind=MessageKind.ACKNOWLEDGEMENT,
                channel=how.channel,
                author=actor.user,
                on_behalf_of_all=len(recipients) > 1,
                recipient=to,
                subject=subject,
                body=body,
            )
            locked.acknowledged_at = message.sent_at
            locked.acknowledgement_owner = actor.user
            if locked.status == Status.NEW:
                locked.status = Status.OPEN
            locked.save(update_fields=["acknowledged_at", "acknowledgement_owner", "status"])
            record(actor, "inquiry.acknowledged", locked, channel=how.channel, message=message.pk)
    except IntegrityError:
        raise RuleError("Der er allerede kvitteret for henvendelsen.") from None
    inquiry.refresh_from_db()
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
    _require_recipient(actor, inquiry)
    if not inquiry.is_social_media:
        raise RuleError("Standardsvaret bruges kun til henvendelser fra Facebook og Messenger.")
    if not body.strip():
        raise RuleError("Svaret har ingen tekst.")
    with transaction.atomic():
        guard.enforce(actor, inquiry.channel, "", body, inquiry.body)
        message = Message.objects.create(
            inquiry=inquiry,
            kind=MessageKind.SOCIAL_MEDIA_ANSWER,
            channel=inquiry.channel,
            author=actor.user,
            recipient=inquiry.citizen_name,
            body=body,
        )
        record(actor, "inquiry.social_media_answer", inquiry, message=message.pk)
    return message


def do_send_advance_notice(
    actor: Actor, inquiry: Inquiry, channel: str | Delivery, body: str
) -> Message:
    """Tell the citizen before forwarding to the administration (varsling, seed 001 note 2)."""
    _require_recipient(actor, inquiry)
    _require_open(inquiry)
    if inquiry.administration_involved:
        raise RuleError("Henvendelsen er allerede sendt til administrationen.")
    if not body.strip():
        raise RuleError("Varslingen har ingen tekst.")
    if quotes_inquiry(body, inquiry.body):
        raise RuleError("Varslingen gentager borgerens henvendelse. Skriv en ny tekst uden citat.")
    with transaction.atomic():
        how = _how(channel)
        to = _deliver(actor, inquiry, how, "Din henvendelse sendes videre", body)
        message = Message.objects.create(
            inquiry=inquiry,
            kind=MessageKind.ADVANCE_NOTICE,
            channel=how.channel,
            author=actor.user,
            recipient=to,
            subject="Din henvendelse sendes videre",
            body=body,
        )
        inquiry.advance_notice_at = message.sent_at
        inquiry.save(update_fields=["advance_notice_at"])
        record(actor, "inquiry.advance_notice", inquiry, channel=how.channel, message=message.pk)
    return message


def _notify_main_mailbox(inquiry: Inquiry, actor: Actor, what: str) -> None:
    # Only a link and the reference: the content stays in the system.
    link = f"{settings.SITE_URL}/k/{inquiry.municipality.slug}/henvendelser/{inquiry.pk}/"
    body = (
        f"{what}\n\nHenvendelse {inquiry.reference}, modtaget "
        f"{timezone.localtime(inquiry.received_at):%d.%m.%Y}, svarfrist "
        f"{inquiry.deadline:%d.%m.%Y}.\nSendt af {actor.user.get_full_name()}.\n\n"
        f"Åbn henvendelsen i borgerpost: {link}\n"
    )
    send_mail(
        inquiry.municipality.main_mailbox, f"{what} ({inquiry.reference})", body, actor.user.email
    )


def do_forward_to_administration(actor: Actor, inquiry: Inquiry, note: str = "") -> None:
    """Path 2: the administration answers. The secretariat gets it in its queue."""
    _require_recipient(actor, inquiry)
    _require_open(inquiry)
    if inquiry.path != AnswerPath.ADMINISTRATION:
        raise RuleError("Vælg først »Administrationen besvarer« som besvarelse.")
    if inquiry.administration_involved and inquiry.status == Status.WITH_ADMINISTRATION:
        raise RuleError("Henvendelsen er allerede sendt til administrationen.")
    with transaction.atomic():
        inquiry.sent_to_administration_at = timezone.now()
        inquiry.sent_to_administration_by = actor.user
        inquiry.member_note_to_administration = note
        inquiry.status = Status.WITH_ADMINISTRATION
        inquiry.save()
        record(actor, "inquiry.forwarded_to_administration", inquiry)
        _notify_main_mailbox(inquiry, actor, "Ny borgerhenvendelse til besvarelse")


def do_send_reply(
    actor: Actor,
    inquiry: Inquiry,
    channel: str | Delivery,
    body: str,
    confirmed_no_third_party: bool = False,
    draft: DraftReply | None = None,
) -> Message:
    """Path 1: a personal reply, always a new message that never quotes the inquiry."""
    _require_recipient(actor, inquiry)
    _require_open(inquiry)
    if inquiry.path != AnswerPath.PERSONAL:
        raise RuleError("Vælg først »Personligt svar« som besvarelse.")
    if not body.strip():
        raise RuleError("Svaret har ingen tekst.")
    if quotes_inquiry(body, inquiry.body):
        raise RuleError(
            "Svaret gentager borgerens henvendelse. Skriv svaret som en ny besked uden at "
            "citere borgerens tekst – den kan indeholde fortrolige oplysninger."
        )
    _require_power_of_attorney_confirmed(inquiry, confirmed_no_third_party)
    with transaction.atomic():
        subject = (
            f"Svar på din henvendelse: {inquiry.subject}"
            if inquiry.subject
            else ("Svar på din henvendelse")
        )
        how = _how(channel)
        to = _deliver(actor, inquiry, how, subject, body)
        message = Message.objects.create(
            inquiry=inquiry,
            kind=MessageKind.REPLY,
            channel=how.channel,
            author=actor.user,
            recipient=to,
            subject=subject,
            body=body,
        )
        inquiry.answered_at = message.sent_at
        inquiry.save(update_fields=["answered_at"])
        if draft is not None:
            draft.status = DraftStatus.SENT
            draft.save(update_fields=["status"])
        record(
            actor,
            "inquiry.reply_sent",
            inquiry,
            channel=how.channel,
            message=message.pk,
            from_draft=draft.pk if draft else None,
        )
    return message


def do_send_copy_to_administration(
    actor: Actor, inquiry: Inquiry, answered_how: str, include_answer: bool, note: str = ""
) -> Message:
    """Path 1 for a case: the administration gets the inquiry and how it was answered."""
    _require_recipient(actor, inquiry)
    if answered_how not in {
        MessageChannel.MAIL,
        MessageChannel.MEETING,
        MessageChannel.PHONE,
        MessageChannel.LETTER,
    }:
        raise RuleError("Angiv, hvordan du har svaret borgeren (mail, møde, telefon eller brev).")
    reply = inquiry.messages.filter(kind=MessageKind.REPLY).last()
    if include_answer and reply is None:
        raise RuleError("Der er endnu intet svar at sende med.")
    with transaction.atomic():
        message = Message.objects.create(
            inquiry=inquiry,
            kind=MessageKind.COPY_TO_ADMINISTRATION,
            channel=MessageChannel.INTERNAL,
            author=actor.user,
            recipient=inquiry.municipality.main_mailbox,
            body=note,
            answered_how=answered_how,
            includes_answer=include_answer,
        )
        if not inquiry.sent_to_administration_at:
            inquiry.sent_to_administration_at = message.sent_at
            inquiry.sent_to_administration_by = actor.user
            inquiry.save(update_fields=["sent_to_administration_at", "sent_to_administration_by"])
        record(
            actor,
            "inquiry.copy_to_administration",
            inquiry,
            answered_how=answered_how,
            includes_answer=include_answer,
        )
        _notify_main_mailbox(
            inquiry, actor, "Kopi af borgerhenvendelse, som medlemmet selv besvarer"
        )
    return message


def do_forward_by_mail(actor: Actor, inquiry: Inquiry, to: str, note: str = "") -> Message:
    """Forward the inquiry by mail, only to the municipality's own addresses (seed 001).

    A member's private address is refused outright: mails with personal data must never
    go to private mail, and it would take them out of the 30-day deletion.
    """
    _require_recipient(actor, inquiry)
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
        guard.enforce(actor, "mail", address, inquiry.body)
        body = (
            f"{note}\n\n--- Videresendt henvendelse {inquiry.reference} ---\n"
            f"Fra: {inquiry.citizen_name}\nModtaget: "
            f"{timezone.localtime(inquiry.received_at):%d.%m.%Y %H.%M}\n\n{inquiry.body}"
        )
        send_mail(address, f"VS: {inquiry.display_title()}", body, actor.user.email)
        message = Message.objects.create(
            inquiry=inquiry,
            kind=MessageKind.FORWARD,
            channel=MessageChannel.MAIL,
            author=actor.user,
            recipient=address,
            body=note,
        )
        record(actor, "inquiry.forwarded_by_mail", inquiry, message=message.pk)
    return message


def do_request_draft(actor: Actor, inquiry: Inquiry, note: str) -> DraftReply:
    """The mayor or a committee chair asks the administration for a draft reply."""
    _require_recipient(actor, inquiry)
    _require_open(inquiry)
    if reason := why_not_request_draft(actor, inquiry):
        raise RuleError(reason)
    if inquiry.drafts.filter(status=DraftStatus.REQUESTED).exists():
        raise RuleError("Der er allerede bestilt et svarudkast, som administrationen arbejder på.")
    with transaction.atomic():
        draft = DraftReply.objects.create(
            inquiry=inquiry, requested_by=actor.user, request_note=note
        )
        if not inquiry.sent_to_administration_at:
            inquiry.sent_to_administration_at = timezone.now()
            inquiry.sent_to_administration_by = actor.user
            inquiry.save(update_fields=["sent_to_administration_at", "sent_to_administration_by"])
        record(actor, "draft.requested", inquiry, draft=draft.pk)
        _notify_main_mailbox(inquiry, actor, "Bestilling af svarudkast")
    return draft


def do_write_draft(actor: Actor, draft: DraftReply, body: str) -> None:
    if not actor.is_administration:
        raise RuleError("Kun administrationen skriver svarudkast.")
    if draft.status == DraftStatus.SENT:
        raise RuleError("Udkastet er allerede brugt i et sendt svar.")
    if not body.strip():
        raise RuleError("Udkastet har ingen tekst.")
    if quotes_inquiry(body, draft.inquiry.body):
        raise RuleError("Udkastet citerer borgerens henvendelse. Skriv svaret som ny tekst.")
    with transaction.atomic():
        draft.body = body
        draft.written_by = actor.user
        draft.written_at = timezone.now()
        draft.status = DraftStatus.READY
        draft.save()
        record(actor, "draft.written", draft.inquiry, draft=draft.pk)
        member = draft.requested_by
        if member.email:
            link = (
                f"{settings.SITE_URL}/k/{actor.municipality.slug}/henvendelser/{draft.inquiry_id}/"
            )
            send_mail(
                member.email,
                f"Svarudkast klar ({draft.inquiry.reference})",
                f"Administrationen har skrevet et svarudkast. Se det her: {link}\n",
                actor.municipality.main_mailbox,
            )


def do_propose_agenda(
    actor: Actor,
    inquiry: Inquiry,
    target: str,
    committee: Committee | None,
    title: str,
    motivation: str,
) -> AgendaProposal:
    """Path 3: propose an agenda item to the mayor (§ 11, stk. 1) or a chair (forretningsorden § 7)."""
    _require_recipient(actor, inquiry)
    _require_open(inquiry)
    if not title.strip() or not motivation.strip():
        raise RuleError("Skriv en titel og en begrundelse for forslaget.")
    if target == AgendaTarget.COUNCIL:
        addressee = inquiry.municipality.mayor
        if addressee is None:
            raise RuleError("Kommunen har ingen borgmester registreret.")
        committee = None
    elif target == AgendaTarget.COMMITTEE:
        if committee is None or committee.municipality_id != inquiry.municipality_id:
            raise RuleError("Vælg det udvalg, punktet skal på.")
        if not committee.members.filter(pk=actor.user.pk).exists():
            raise RuleError(
                "Du kan kun foreslå punkter til dagsordenen i udvalg, du selv er medlem af."
            )
        if committee.chair is None:
            raise RuleError("Udvalget har ingen formand registreret.")
        addressee = committee.chair
    else:
        raise RuleError("Vælg byrådets eller et udvalgs dagsorden.")
    with transaction.atomic():
        proposal = AgendaProposal.objects.create(
            inquiry=inquiry,
            proposed_by=actor.user,
            target=target,
            committee=committee,
            addressee=addressee,
            title=title.strip()[:200],
            motivation=motivation,
        )
        if inquiry.path != AnswerPath.AGENDA:
            inquiry.path = AnswerPath.AGENDA
        if inquiry.status == Status.NEW:
            inquiry.status = Status.OPEN
        inquiry.save(update_fields=["path", "status"])
        record(
            actor,
            "agenda.proposed",
            inquiry,
            proposal=proposal.pk,
            target=target,
            committee=committee.pk if committee else None,
        )
    return proposal


def do_decide_proposal(actor: Actor, proposal: AgendaProposal, status: str, note: str) -> None:
    if proposal.addressee_id != actor.user.pk:
        raise RuleError("Kun den, forslaget er sendt til, kan ændre dets status.")
    if status not in ProposalStatus.values or status == ProposalStatus.PROPOSED:
        raise RuleError("Vælg en gyldig status.")
    with transaction.atomic():
        proposal.status = status
        proposal.status_note = note
        proposal.status_changed_at = timezone.now()
        proposal.save()
        record(
            actor, "agenda.status_changed", proposal.inquiry, proposal=proposal.pk, status=status
        )


def do_assign_in_administration(
    actor: Actor,
    inquiry: Inquiry,
    centre: Centre | None,
    answer_mode: str,
    director_involved: bool,
    records_case_number: str,
) -> None:
    """The secretariat assigns the centre and decides phone or writing and the director's part."""
    if not actor.is_secretariat:
        raise RuleError("Kun sekretariatet fordeler henvendelser.")
    if centre is not None and centre.municipality_id != inquiry.municipality_id:
        raise RuleError("Centret hører ikke til kommunen.")
    with transaction.atomic():
        inquiry.centre = centre
        inquiry.answer_mode = answer_mode
        inquiry.director_involved = director_involved
        inquiry.records_case_number = records_case_number.strip()[:100]
        inquiry.save(
            update_fields=["centre", "answer_mode", "director_involved", "records_case_number"]
        )
        record(
            actor,
            "inquiry.assigned",
            inquiry,
            centre=centre.pk if centre else None,
            answer_mode=answer_mode,
            director_involved=director_involved,
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
        inquiry.records_case_number = number
        inquiry.save(update_fields=["records_case_number"])
        record(actor, "inquiry.case_number_recorded", inquiry)


def do_administration_answer(
    actor: Actor, inquiry: Inquiry, channel: str | Delivery, body: str
) -> Message:
    """The administration answers the citizen (path 2) and the member sees it is done."""
    if not actor.is_administration:
        raise RuleError("Kun administrationen kan registrere administrationens svar.")
    if inquiry.path != AnswerPath.ADMINISTRATION or not inquiry.administration_involved:
        raise RuleError("Henvendelsen er ikke sendt til administrationen til besvarelse.")
    _require_open(inquiry)
    if not body.strip():
        raise RuleError("Skriv svaret eller et referat af telefonsamtalen.")
    with transaction.atomic():
        subject = "Svar fra kommunen på din henvendelse"
        how = _how(channel)
        to = _deliver(actor, inquiry, how, subject, body)
        message = Message.objects.create(
            inquiry=inquiry,
            kind=MessageKind.ADMINISTRATION_ANSWER,
            channel=how.channel,
            author=actor.user,
            recipient=to,
            subject=subject,
            body=body,
        )
        inquiry.answered_at = message.sent_at
        inquiry.status = Status.CLOSED
        inquiry.closed_at = message.sent_at
        inquiry.save(update_fields=["answered_at", "status", "closed_at"])
        record(
            actor,
            "inquiry.administration_answered",
            inquiry,
            channel=how.channel,
            message=message.pk,
        )
    return message


def do_close(actor: Actor, inquiry: Inquiry) -> None:
    _require_recipient(actor, inquiry)
    if reason := why_not_close(inquiry):
        raise RuleError(reason)
    with transaction.atomic():
        inquiry.status = Status.CLOSED
        inquiry.closed_at = timezone.now()
        inquiry.save(update_fields=["status", "closed_at"])
        record(actor, "inquiry.closed", inquiry, path=inquiry.path)


__all__ = [
    "Classification",
    "NewInquiry",
    "Registration",
    "RuleError",
    "TriageDecision",
    "acknowledgement_duty",
]
