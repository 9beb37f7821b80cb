"""Registering inquiries: by hand, from an uploaded or imported mail, and from intake.
The same citizen message is one inquiry however many members received it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from borgerpost import triage, workdays
from borgerpost.core.access import Actor
from borgerpost.core.audit import record, record_many
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality
from borgerpost.guard import service as guard
from borgerpost.mailparse import ParsedAttachment, ParsedMail, content_key
from borgerpost.scanner import Scanner

from ..models import AnswerPath, Attachment, Inquiry, InquiryRecipient, Status

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
