"""Registering inquiries: by hand, from an uploaded or imported mail, and from intake.

The same citizen message is one inquiry however many members received it, and joining
an inquiry is access to everything on it. So a registration joins an existing inquiry
only when it is demonstrably the same message (the fingerprint in mailparse: sender,
date, text and attachments; never the Message-ID alone, which every recipient of a mail
can read and reuse) and, for a mail, only for a member the original mail was addressed
to. Anything else becomes an inquiry of its own, with a note saying why. The same rule
holds on every path: the form, upload, bulk import and IMAP intake.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from borgerpost.audit.log import record, record_many
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Membership, Municipality
from borgerpost.guard import service as guard
from borgerpost.pure import triage, workdays
from borgerpost.pure.mailparse import (
    ParsedAttachment,
    ParsedMail,
    hand_fingerprint,
    mail_fingerprint,
)
from borgerpost.pure.scanner import Scanner
from borgerpost.pure.text import clean_line, clean_text

from .. import counts, signals
from ..models import (
    ACCESS_REQUEST_DAYS,
    AnswerPath,
    Attachment,
    Inquiry,
    InquiryRecipient,
    Status,
)
from . import followup

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024

NOT_ADDRESSED = (
    "Samme mail er allerede registreret, men den er ikke sendt til din mailadresse. Den "
    "er derfor oprettet som en selvstændig henvendelse."
)
REUSED_MESSAGE_ID = (
    "Mailens Message-ID er også brugt af en anden mail med et andet indhold. Den er "
    "derfor oprettet som en selvstændig henvendelse."
)
DATE_MISSING = "Mailen har ingen dato; tidspunktet, den blev registreret, er brugt i stedet."
DATE_IN_FUTURE = (
    "Mailens dato ligger i fremtiden (afsenderens ur går forkert); tidspunktet, den blev "
    "registreret, er brugt i stedet."
)
DATE_TOO_OLD = "Mailens dato er ikke troværdig (før 1990); registreringstidspunktet er brugt."


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
    # From a mail: the addresses it names as recipients, and the Date it carried.
    from_mail: bool = False
    mail_date: dt.datetime | None = None
    addressed_to: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replies_to: list[str] = field(default_factory=list)  # Message-IDs it answers

    def sender_key(self) -> str:
        return self.citizen_email or self.citizen_phone or self.citizen_name

    def fingerprint(self) -> str:
        if self.from_mail:
            return mail_fingerprint(
                self.sender_key(),
                self.mail_date,
                self.subject,
                self.body,
                [a.sha256 for a in self.attachments],
            )
        day = timezone.localtime(self.received_at).date().isoformat()
        return hand_fingerprint(self.sender_key(), day, self.subject, self.body)


@dataclass(frozen=True)
class Registration:
    inquiry: Inquiry
    outcome: str  # "created", "added_recipient", "already_registered" or "follow_up"

    @property
    def notes(self) -> list[str]:
        return list(self.inquiry.intake_notes)


def validate(data: NewInquiry) -> None:
    if not data.body.strip() and not data.attachments:
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


def new_inquiry_from_mail(mail: ParsedMail, now: dt.datetime | None = None) -> NewInquiry:
    """The inquiry a parsed mail becomes. A date that cannot be placed gives way to the
    time of receipt, with a note, so a sender's broken clock never refuses a mail."""
    now = now or timezone.now()
    notes = list(mail.notes)
    received = mail.date
    if received is None:
        if not any("dato" in note for note in notes):
            notes.append(DATE_MISSING)
        received = now
    elif received > now + dt.timedelta(minutes=5):
        notes.append(DATE_IN_FUTURE)
        received = now
    elif received.year < 1990:
        notes.append(DATE_TOO_OLD)
        received = now
    return NewInquiry(
        channel="mail",
        received_at=received,
        body=mail.body,
        subject=mail.subject,
        citizen_name=mail.sender_name,
        citizen_email=mail.sender_email,
        message_id=mail.message_id,
        body_was_html=mail.body_was_html,
        attachments=mail.attachments,
        from_mail=True,
        mail_date=mail.date,
        addressed_to=list(mail.addressed_to),
        notes=notes,
        replies_to=list(mail.replies_to),
    )


def member_addresses(actor: Actor) -> set[str]:
    """The addresses a mail to this member is sent to: their municipal and private ones."""
    addresses = {actor.user.email.lower()} if actor.user.email else set()
    addresses |= {
        e.lower()
        for e in Membership.objects.filter(user=actor.user).values_list("private_email", flat=True)
        if e
    }
    return addresses


def why_not_join(actor: Actor, existing: Inquiry, data: NewInquiry) -> str | None:
    """None when the member may join the existing inquiry (it is theirs too), else the
    note the new, separate inquiry gets."""
    if not data.from_mail:
        return None  # the same letter or call typed in by two members: the same inquiry
    if member_addresses(actor) & set(existing.addressed_to):
        return None
    return NOT_ADDRESSED


def _serialise(municipality: Municipality, fingerprint: str) -> None:
    """Two registrations of the same message at once must not both create it. SQLite's
    write transactions already run one at a time; PostgreSQL takes a lock on the
    fingerprint until the transaction ends."""
    if connection.vendor == "postgresql":
        key = int.from_bytes(
            hashlib.sha256(f"{municipality.pk}:{fingerprint}".encode()).digest()[:8],
            "big",
            signed=True,
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _same_messages(
    municipality: Municipality, fingerprint: str, main_mailbox: bool
) -> list[Inquiry]:
    # Members' inquiries and the main mailbox's are never merged: the administration has
    # no access to what members received, and a member's folder is not the main mailbox.
    return list(
        Inquiry.objects.filter(
            municipality=municipality,
            received_in_main_mailbox=main_mailbox,
            content_key=fingerprint,
            content_deleted_at__isnull=True,
        ).order_by("pk")
    )


def _reuses_message_id(
    municipality: Municipality, data: NewInquiry, fingerprint: str, main_mailbox: bool
) -> bool:
    if not data.message_id:
        return False
    return (
        Inquiry.objects.filter(
            municipality=municipality,
            received_in_main_mailbox=main_mailbox,
            message_id=data.message_id,
        )
        .exclude(content_key=fingerprint)
        .exists()
    )


def do_register_inquiry(actor: Actor, data: NewInquiry) -> Registration:
    """Register an inquiry a member received; the same message twice is one inquiry."""
    if not actor.is_council_member:
        raise RuleError("Kun byrådsmedlemmer registrerer henvendelser, de selv har modtaget.")
    validate(data)
    fingerprint = data.fingerprint()
    place = actor.municipality
    try:
        with transaction.atomic():
            _serialise(place, fingerprint)
            notes = list(data.notes)
            for existing in _same_messages(place, fingerprint, main_mailbox=False):
                if existing.recipients.filter(member=actor.user).exists():
                    return Registration(existing, "already_registered")
                reason = why_not_join(actor, existing, data)
                if reason is None:
                    return _add_recipient(actor, existing)
                if reason not in notes:
                    notes.append(reason)
            answered = followup.answered_inquiry(place, data, member=actor.user)
            if answered is not None:
                joined = followup.join(place, answered, data, member=actor.user)
                if joined is not None:
                    return Registration(answered, "follow_up")
                notes.append(followup.too_late_note(answered))
            if _reuses_message_id(place, data, fingerprint, main_mailbox=False):
                notes.append(REUSED_MESSAGE_ID)
            inquiry = _create(place, actor, data, fingerprint, notes=notes)
            InquiryRecipient.objects.create(inquiry=inquiry, member=actor.user)
            _record_registration(actor, inquiry, data)
    except IntegrityError:
        # The same member registered the same message at the same moment.
        existing_ones = _same_messages(place, fingerprint, main_mailbox=False)
        mine = [i for i in existing_ones if i.recipients.filter(member=actor.user).exists()]
        if not mine:
            raise
        return Registration(mine[0], "already_registered")
    return Registration(inquiry, "created")


def do_receive_in_main_mailbox(municipality: Municipality, data: NewInquiry) -> Registration:
    """A citizen's mail to the main mailbox, taken by intake: the administration's inquiry.

    No person registers it, so the audit entry has no actor. The same mail twice is one
    inquiry; another mail with the same Message-ID is its own, with a note.
    """
    validate(data)
    fingerprint = data.fingerprint()
    with transaction.atomic():
        _serialise(municipality, fingerprint)
        existing = _same_messages(municipality, fingerprint, main_mailbox=True)
        if existing:
            return Registration(existing[0], "already_registered")
        notes = list(data.notes)
        answered = followup.answered_inquiry(municipality, data, member=None)
        if answered is not None:
            if followup.join(municipality, answered, data, member=None) is not None:
                return Registration(answered, "follow_up")
            notes.append(followup.too_late_note(answered))
        if _reuses_message_id(municipality, data, fingerprint, main_mailbox=True):
            notes.append(REUSED_MESSAGE_ID)
        inquiry = _create(municipality, None, data, fingerprint, main_mailbox=True, notes=notes)
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
        separate=bool(inquiry.intake_notes),
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
    fingerprint: str,
    main_mailbox: bool = False,
    notes: list[str] | None = None,
) -> Inquiry:
    inquiry = _build(municipality, actor, data, fingerprint, main_mailbox, notes=notes)
    inquiry.save()
    _store_attachments(inquiry, data)
    return inquiry


def _build(
    municipality: Municipality,
    actor: Actor | None,
    data: NewInquiry,
    fingerprint: str,
    main_mailbox: bool = False,
    scanner: Scanner | None = None,
    notes: list[str] | None = None,
) -> Inquiry:
    """The inquiry for a new message, not yet saved: scanned, triaged, with its deadline.

    Text enters cleaned of control characters here, whichever path it came by (the form,
    a mail, the API), because bulk writes skip the models' own cleaning."""
    subject, body = clean_line(data.subject)[:300], clean_text(data.body)
    suggestion = triage.suggest(f"{subject}\n{body}")
    access = triage.access_request(f"{subject}\n{body}")
    notes = list(notes if notes is not None else data.notes)
    if access:
        notes.append(
            f"Ligner en anmodning om aktindsigt ({access.lower()}): svarfristen er derfor "
            f"{ACCESS_REQUEST_DAYS} arbejdsdage (offentlighedslovens § 36, stk. 2). Ret det "
            "under vurderingen, hvis det ikke er en anmodning om aktindsigt."
        )
    days = ACCESS_REQUEST_DAYS if access else municipality.answer_deadline_days
    scanner = scanner or guard.scanner_for(municipality)
    return Inquiry(
        municipality=municipality,
        channel=data.channel,
        received_at=data.received_at,
        citizen_name=clean_line(data.citizen_name)[:200],
        citizen_email=clean_line(data.citizen_email)[:254],
        citizen_phone=clean_line(data.citizen_phone)[:40],
        citizen_address=clean_line(data.citizen_address)[:300],
        subject=subject,
        body=body,
        body_was_html=data.body_was_html,
        message_id=clean_line(data.message_id)[:500],
        content_key=fingerprint,
        addressed_to=list(data.addressed_to)[:200],
        intake_notes=notes,
        is_access_request=access is not None,
        sensitive_categories=sorted({f.category for f in scanner.scan(f"{subject}\n{body}")}),
        registered_by=actor.user if actor else None,
        deadline=workdays.answer_deadline(data.received_at, days, municipality.calendar),
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
    that is already registered, or repeats one earlier in the batch, joins that inquiry
    when the rules allow it.
    """
    if not actor.is_council_member:
        raise RuleError("Kun byrådsmedlemmer registrerer henvendelser, de selv har modtaget.")
    for data in batch:
        validate(data)
    fingerprints = [d.fingerprint() for d in batch]
    place = actor.municipality
    with transaction.atomic():
        known = _known(place, actor, fingerprints, [d.message_id for d in batch if d.message_id])
        scanner = guard.scanner_for(place)  # once per batch: it reads the municipality's terms
        plan: list[Inquiry | int] = []  # an existing inquiry, or the index of a new one
        new: list[tuple[Inquiry, NewInquiry]] = []
        for data, fingerprint in zip(batch, fingerprints, strict=True):
            found, notes = known.decide(actor, data, fingerprint)
            if found is not None:
                plan.append(found)
                continue
            inquiry = _build(place, actor, data, fingerprint, scanner=scanner, notes=notes)
            known.add(inquiry)
            plan.append(len(new))
            new.append((inquiry, data))
        Inquiry.objects.bulk_create([inquiry for inquiry, _ in new], batch_size=500)
        InquiryRecipient.objects.bulk_create(
            [InquiryRecipient(inquiry=inquiry, member=actor.user) for inquiry, _ in new],
            batch_size=1000,
        )
        # bulk_create skips the signals: the counters and the search index are told here.
        counts.recount(inquiry.pk for inquiry, _ in new)
        signals.inquiries_bulk_created.send(Inquiry, inquiry_ids=[i.pk for i, _ in new])
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
            elif id(step) in created or step.pk in known.mine:
                results.append(Registration(step, "already_registered"))
            else:
                results.append(_add_recipient(actor, step))
                known.mine.add(step.pk)
    return results


class _Known:
    """What a batch needs to know about registered inquiries, read in three queries."""

    def __init__(self, by_fingerprint: dict[str, list[Inquiry]], mine: set[int]) -> None:
        self.by_fingerprint = by_fingerprint
        self.fingerprints_by_message_id: dict[str, set[str]] = {}
        self.mine = mine  # inquiries the member already received

    def decide(
        self, actor: Actor, data: NewInquiry, fingerprint: str
    ) -> tuple[Inquiry | None, list[str]]:
        notes = list(data.notes)
        for existing in self.by_fingerprint.get(fingerprint, []):
            if existing.pk is None or existing.pk in self.mine:
                return existing, notes  # repeated within the batch, or already the member's
            reason = why_not_join(actor, existing, data)
            if reason is None:
                return existing, notes
            if reason not in notes:
                notes.append(reason)
        others = self.fingerprints_by_message_id.get(data.message_id, set())
        if data.message_id and others - {fingerprint}:
            notes.append(REUSED_MESSAGE_ID)
        return None, notes

    def add(self, inquiry: Inquiry) -> None:
        self.by_fingerprint.setdefault(inquiry.content_key, []).insert(0, inquiry)
        if inquiry.message_id:
            self.fingerprints_by_message_id.setdefault(inquiry.message_id, set()).add(
                inquiry.content_key
            )


def _known(
    place: Municipality, actor: Actor, fingerprints: list[str], message_ids: list[str]
) -> _Known:
    scope = Inquiry.objects.filter(
        municipality=place, received_in_main_mailbox=False, content_deleted_at__isnull=True
    ).order_by()
    same = list(
        scope.filter(content_key__in=set(fingerprints)).only(
            "pk", "municipality", "message_id", "content_key", "addressed_to"
        )
    )
    by_fingerprint: dict[str, list[Inquiry]] = {}
    for inquiry in same:
        by_fingerprint.setdefault(inquiry.content_key, []).append(inquiry)
    mine = set(
        InquiryRecipient.objects.filter(
            member=actor.user, inquiry_id__in=[i.pk for i in same]
        ).values_list("inquiry_id", flat=True)
    )
    known = _Known(by_fingerprint, mine)
    for message_id, fingerprint in scope.filter(message_id__in=set(message_ids)).values_list(
        "message_id", "content_key"
    ):
        known.fingerprints_by_message_id.setdefault(message_id, set()).add(fingerprint)
    return known


def do_view_inquiry(actor: Actor, inquiry: Inquiry) -> None:
    """Reading an inquiry's content is logged: who, when, never what."""
    record(actor, "inquiry.viewed", inquiry)


def do_view_attachment(actor: Actor, attachment: Attachment) -> None:
    record(actor, "attachment.downloaded", attachment, municipality=actor.municipality)
