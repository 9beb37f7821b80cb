"""The Digital Post gateway: other systems' letters pass the dispatch guard too.

Seed 004 exists because the municipality could not steer Digital Post from its IT
systems technically, so the guideline rested on each employee remembering it. Here a
system (the social and employment systems, the job centre's, the case systems) hands
its letter to borgerpost with a token scoped to this gateway; the letter is checked
(a generic title, no way to contact the municipality, LIX over the target), held
before weekends and holidays when the citizen is assessed as vulnerable in borgerpost's
own register, and goes on through the outbox exactly once.

The law comes before consideration: a letter with a statutory deadline or marked urgent
is never held, and a letter that says nothing about a deadline, of a kind the
municipality has no rule for, is sent, never held (docs/design.md, »The Digital Post
gateway«). A system can never mark a citizen vulnerable: that is an individual
assessment made in borgerpost.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from stdnum.dk import cvr as stdnum_cvr

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.pure import dispatch
from borgerpost.pure.scanner import cpr as cprmod
from borgerpost.pure.text import clean_line

from .actions import CHANNEL_DIGITAL_POST, _dispatch, dispatch_decision, hold, registered
from .checks import check_letter
from .models import (
    Citizen,
    Company,
    Letter,
    LetterAttachment,
    LetterStatus,
    SendingSystem,
    SystemLetterKind,
)

FIELDS = {
    "recipient": "modtagerens CPR- eller CVR-nummer",
    "recipient_name": "modtagerens navn",
    "title": "brevets titel",
    "lead_text": "forklarende følgetekst",
    "body": "brevets tekst",
    "contact": "sådan kontakter borgeren kommunen",
    "has_deadline": "om brevet har en lovbestemt frist (true/false)",
    "urgent": "om brevet haster (true/false)",
    "kind": "systemets navn for denne slags brev (fx MeMo-label)",
    "message_uuid": "systemets id for brevet (MeMo messageUUID)",
    "case_number": "sagsnummer",
    "pdf": "brevet som PDF (base64) i stedet for eller ud over »body«",
    "attachments": "bilag: en liste af {filename, content_type, content (base64)}",
}
# What a system may send with a letter, recognised by its first bytes as well as its type.
ATTACHMENT_TYPES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "text/plain": (),
}
MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 10_000_000
_UUID = re.compile(r"[A-Za-z0-9-]{1,40}")
MAX_BODY = 100_000

# Where the decision about a deadline came from, as the answer names it.
DEADLINE_FROM_SYSTEM, DEADLINE_FROM_RULE, DEADLINE_UNKNOWN = "system", "rule", "unknown"


@dataclass(frozen=True)
class Submission:
    recipient: str
    title: str
    body: str
    recipient_name: str = ""
    lead_text: str = ""
    contact: str = ""
    has_deadline: bool | None = None
    urgent: bool = False
    legal_notification: bool = False
    kind: str = ""
    message_uuid: str = ""
    case_number: str = ""
    document: bytes = b""  # the system's own PDF (a MeMo's main document)
    attachments: tuple[tuple[str, str, bytes], ...] = ()  # (file name, MIME type, bytes)


def parse(data: dict[str, Any]) -> Submission:
    """A system's JSON, checked field by field; RuleError names the first problem in
    Danish and nothing is stored."""
    if "vulnerable" in data or "sårbar" in data:
        raise RuleError(
            "Et system kan ikke markere en borger som sårbar: det er en individuel "
            "vurdering, som kommunen foretager i borgerpost."
        )
    if unknown := sorted(set(data) - set(FIELDS)):
        raise RuleError(
            f"Ukendt felt: {', '.join(unknown)[:200]}. Felterne er: {', '.join(FIELDS)}."
        )
    document = _base64(data.get("pdf"), "pdf") if data.get("pdf") is not None else b""
    body = _text(data, "body", MAX_BODY, required=not document)
    if document:
        text_of_pdf = _pdf_text(document)  # refuses what is no readable PDF
        body = body or text_of_pdf
    return Submission(
        recipient=_recipient(data.get("recipient")),
        title=_text(data, "title", 150, required=True, line=True),
        body=body,
        document=document,
        attachments=_json_attachments(data.get("attachments")),
        recipient_name=_text(data, "recipient_name", 200, line=True),
        lead_text=_text(data, "lead_text", 5_000),
        contact=_text(data, "contact", 2_000),
        has_deadline=_flag(data, "has_deadline", None),
        urgent=bool(_flag(data, "urgent", False)),
        kind=_text(data, "kind", 100, line=True),
        message_uuid=_message_uuid(data.get("message_uuid")),
        case_number=_text(data, "case_number", 100, line=True),
    )


MAX_MEMO_BYTES = 30_000_000
MEMO = "{https://DigitalPost.dk/MeMo-1}"


def parse_memo(xml: bytes) -> Submission:
    """The MeMo message a system would have sent to SF1601: its header says who, what
    and whether it is a legal notification; its main document is the PDF, passed on
    unchanged. Parsed without DTDs or entities (a hostile file cannot expand or fetch
    anything); RuleError names the problem in Danish."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    if len(xml) > MAX_MEMO_BYTES:
        raise RuleError(f"MeMo-beskeden er for stor (højst {MAX_MEMO_BYTES // 1_000_000} MB).")
    try:
        root = fromstring(xml, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        raise RuleError("Body skal være en MeMo-besked i gyldig XML (uden DTD).") from None
    if root.tag != f"{MEMO}Message":
        raise RuleError("Body er ikke en MeMo-besked (roden skal være MeMo-1 Message).")

    def text(path: str) -> str:
        return (root.findtext(path.replace("m:", MEMO)) or "").strip()

    header = "m:MessageHeader/"
    legal = text(header + "m:legalNotification").lower()
    document, filename_text = _main_document(root)
    label = text(header + "m:label")
    data = {
        "recipient": text(header + "m:Recipient/m:recipientID"),
        "recipient_name": text(header + "m:Recipient/m:label"),
        "title": label,
        "body": filename_text,
        "message_uuid": text(header + "m:messageUUID"),
        "kind": label,
        "case_number": text(header + "m:ContentData/m:CaseID/m:caseID"),
        # A legal notification has legal effect (a decision, a hearing): never held. Not
        # one says nothing either way, so the municipality's rule for the label decides.
        "has_deadline": True if legal == "true" else None,
    }
    parsed = parse(data)
    return Submission(
        **{
            **parsed.__dict__,
            "document": document,
            "attachments": _memo_attachments(root),
            "legal_notification": legal == "true",
        }
    )


def _memo_attachments(root: Any) -> tuple[tuple[str, str, bytes], ...]:
    """The files of MeMo's additional documents."""
    found = []
    for document in root.iter(f"{MEMO}AdditionalDocument"):
        for file in document.iter(f"{MEMO}File"):
            data = _base64(file.findtext(f"{MEMO}content", ""), "bilaget")
            found.append(
                _attachment(
                    file.findtext(f"{MEMO}filename", ""),
                    file.findtext(f"{MEMO}encodingFormat", ""),
                    data,
                )
            )
    return tuple(_at_most(found))


def _main_document(root: Any) -> tuple[bytes, str]:
    """The main document's PDF and its text (for the checks and the letter's page); only
    a file of MainDocument, wherever the additional documents stand."""
    for file in root.iterfind(f"{MEMO}MessageBody/{MEMO}MainDocument/{MEMO}File"):
        if file.findtext(f"{MEMO}encodingFormat", "").strip().lower() != "application/pdf":
            continue
        pdf = _base64(file.findtext(f"{MEMO}content", ""), "hoveddokumentet")
        return pdf, _pdf_text(pdf)
    raise RuleError("MeMo-beskeden har intet hoveddokument som PDF (application/pdf).")


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not pdf.startswith(b"%PDF-"):
        raise RuleError("Hoveddokumentet er ikke en PDF.")
    try:
        reader = PdfReader(io.BytesIO(pdf))
        pages = [page.extract_text() or "" for page in reader.pages[:30]]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise RuleError("Hoveddokumentets PDF kan ikke læses.") from None
    text = "\n".join(pages).strip()
    return text[:MAX_BODY] or "(PDF uden tekst)"


def _base64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise RuleError(f"»{what}« skal være base64-tekst.")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise RuleError(f"»{what}« er ikke gyldig base64.") from None


def _json_attachments(value: Any) -> tuple[tuple[str, str, bytes], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise RuleError("»attachments« skal være en liste af {filename, content_type, content}.")
    return tuple(
        _attachment(
            item.get("filename"), item.get("content_type"), _base64(item.get("content"), "content")
        )
        for item in _at_most(value)
    )


def _at_most(items: list[Any]) -> list[Any]:
    if len(items) > MAX_ATTACHMENTS:
        raise RuleError(f"Højst {MAX_ATTACHMENTS} bilag til et brev.")
    return items


def _attachment(filename: Any, content_type: Any, data: bytes) -> tuple[str, str, bytes]:
    """One document sent with the letter: a known type whose first bytes say the same,
    a plain file name, at most 10 MB."""
    name = (
        clean_line(filename).replace("/", "_").replace("\\", "_")[:200]
        if isinstance(filename, str)
        else ""
    )
    kind = content_type.strip().lower() if isinstance(content_type, str) else ""
    if not name:
        raise RuleError("Et bilag mangler sit filnavn.")
    if kind not in ATTACHMENT_TYPES:
        raise RuleError(
            f"Bilaget »{name}« har en type, der ikke tages imod. Brug PDF, JPEG, PNG eller tekst."
        )
    signatures = ATTACHMENT_TYPES[kind]
    if signatures and not data.startswith(signatures):
        raise RuleError(f"Bilaget »{name}« er ikke en {kind}-fil.")
    if not data or len(data) > MAX_ATTACHMENT_BYTES:
        raise RuleError(f"Bilaget »{name}« er tomt eller over 10 MB.")
    return name, kind, data


def _recipient(value: Any) -> str:
    digits = re.sub(r"[\s-]", "", value) if isinstance(value, str) else ""
    if len(digits) == 10 and digits.isdigit() and cprmod.birth_date(digits) is not None:
        return digits
    if len(digits) == 8 and digits.isdigit() and stdnum_cvr.is_valid(digits):
        return digits
    raise RuleError("»recipient« skal være et CPR-nummer (10 cifre) eller et gyldigt CVR-nummer.")


def _text(
    data: dict[str, Any], key: str, most: int, required: bool = False, line: bool = False
) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RuleError(f"»{key}« skal være tekst ({FIELDS[key]}).")
    value = clean_line(value) if line else value.replace("\x00", "").strip()
    if required and not value:
        raise RuleError(f"»{key}« mangler ({FIELDS[key]}).")
    if len(value) > most:
        raise RuleError(f"»{key}« må højst være {most:,} tegn.".replace(",", "."))
    return value


def _flag(data: dict[str, Any], key: str, default: bool | None) -> bool | None:
    value = data.get(key, default)
    if value is not None and not isinstance(value, bool):
        raise RuleError(f"»{key}« skal være true eller false ({FIELDS[key]}).")
    return value


def _message_uuid(value: Any) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise RuleError(
            "»message_uuid« må kun indeholde bogstaver, tal og bindestreger (højst 40)."
        )
    return value.lower()


@dataclass(frozen=True)
class Received:
    letter: Letter
    created: bool
    action: str  # dispatch.SEND or dispatch.HOLD
    release_at: dt.datetime | None
    reason: str
    deadline_from: str
    warnings: tuple[str, ...]


def deadline_for(system: SendingSystem, submission: Submission) -> tuple[bool, str]:
    """Whether the letter has a statutory deadline, and who said so. Nothing said and no
    rule for the kind: treated as having one, so it is sent, never held."""
    if submission.has_deadline is not None:
        return submission.has_deadline, DEADLINE_FROM_SYSTEM
    rule = (
        SystemLetterKind.objects.filter(system=system, kind__iexact=submission.kind).first()
        if submission.kind
        else None
    )
    if rule is not None:
        return rule.has_deadline, DEADLINE_FROM_RULE
    return True, DEADLINE_UNKNOWN


def do_receive_system_letter(
    actor: Actor, system: SendingSystem, submission: Submission, now: dt.datetime | None = None
) -> Received:
    """Receive, check and send or hold a system's letter. The same message_uuid again
    returns the letter received the first time, never a second one."""
    if system.municipality_id != actor.municipality.pk:
        raise RuleError("Systemet hører til en anden kommune.")
    if submission.message_uuid and (earlier := _earlier(system, submission)):
        return earlier
    stored: list[Any] = []  # files written for the letter, removed if it is not kept
    # Asked before the transaction: a call to KOMBIT must not hold the database's locks.
    has_digital_post = registered(actor.municipality, submission.recipient)
    try:
        with transaction.atomic():
            return _receive(actor, system, submission, now, stored, has_digital_post)
    except IntegrityError:
        _remove(stored)
        # The same letter sent twice at once: the other request stored it first.
        earlier = _earlier(system, submission)
        if earlier is None:
            raise
        return earlier
    except BaseException:
        _remove(stored)  # a rolled-back letter leaves no PDF or attachment on disk
        raise


def _remove(stored: list[Any]) -> None:
    for field_file in stored:
        field_file.storage.delete(field_file.name)


def _tell_the_caseworker(
    system: SendingSystem, citizen: Citizen, letter: Letter, release_at: dt.datetime | None
) -> None:
    """Seed 004's advance notice: the caseworker who assessed the citizen can call first.
    The notice names the system and the masked CPR number, never the letter's content."""
    caseworker = citizen.vulnerability_assessed_by
    if not system.notify_caseworker or caseworker is None:
        return
    from django.urls import reverse

    from borgerpost.notices.actions import notify
    from borgerpost.notices.models import NoticeKind

    when = f" til {timezone.localtime(release_at):%d.%m. kl. %H.%M}" if release_at else ""
    notify(
        letter.municipality,
        [caseworker],
        NoticeKind.LETTER_HELD,
        f"Et brev fra {system.name} til {citizen.masked_cpr}, som du har vurderet sårbar, "
        f"holdes tilbage{when}. Overvej at ringe til borgeren først.",
        link=reverse("letter-detail", args=[letter.municipality.slug, letter.pk]),
    )


def _earlier(system: SendingSystem, submission: Submission) -> Received | None:
    letter = Letter.objects.filter(
        sending_system=system, external_uuid=submission.message_uuid
    ).first()
    if letter is None:
        return None
    held = letter.status == LetterStatus.HELD
    return Received(
        letter,
        created=False,
        action=dispatch.HOLD if held else dispatch.SEND,
        release_at=letter.hold_until if held else None,
        reason=letter.hold_reason if held else "Brevet er modtaget før og sendt.",
        deadline_from="",
        warnings=(),
    )


def _receive(
    actor: Actor,
    system: SendingSystem,
    submission: Submission,
    now: dt.datetime | None,
    stored: list[Any],
    has_digital_post: bool,
) -> Received:
    municipality = actor.municipality
    citizen = company = None
    if len(submission.recipient) == 10:
        citizen, _ = Citizen.objects.get_or_create(
            municipality=municipality,
            cpr=submission.recipient,
            defaults={"name": submission.recipient_name or f"{submission.recipient[:6]}-XXXX"},
        )
    else:
        company, _ = Company.objects.get_or_create(
            municipality=municipality,
            cvr=submission.recipient,
            defaults={"name": submission.recipient_name or f"CVR {submission.recipient}"},
        )
    has_deadline, deadline_from = deadline_for(system, submission)
    checked = check_letter(
        submission.title,
        submission.lead_text,
        submission.body,
        # In a system's own PDF, how to reach the municipality is in the letter itself.
        submission.contact or (submission.body if submission.document else ""),
        is_standard=False,
        lix_target=municipality.lix_target,
    )
    letter = Letter.objects.create(
        municipality=municipality,
        citizen=citizen,
        company=company,
        title=submission.title,
        lead_text=submission.lead_text,
        body=submission.body,
        contact_text=submission.contact,
        case_number=submission.case_number,
        statutory_deadline=has_deadline,
        urgent=submission.urgent,
        legal_notification=submission.legal_notification,
        created_by=actor.user,
        sending_system=system,
        external_uuid=submission.message_uuid,
        kind=submission.kind,
        generic_title=checked.generic_title,
        missing_contact=checked.missing_contact,
        lix_score=min(round(checked.readability.score), 32_767),
        over_lix_target=checked.over_target,
    )
    if submission.document:
        letter.document.save("brev.pdf", ContentFile(submission.document), save=True)
        stored.append(letter.document)
    for name, kind, data in submission.attachments:
        attachment = LetterAttachment(
            letter=letter, filename=name, content_type=kind, size=len(data)
        )
        attachment.file.save(name, ContentFile(data), save=True)
        stored.append(attachment.file)
    record(actor, "letter.received_from_system", letter, system=system.name, kind=letter.kind)
    decision = dispatch_decision(letter, now or timezone.now())
    reason = decision.reason
    if deadline_from == DEADLINE_UNKNOWN and citizen is not None and citizen.vulnerable:
        reason = (
            "Systemet oplyser ikke, om brevet har en lovbestemt frist, og kommunen har ingen "
            "regel for denne slags brev: det sendes nu, for loven går forud for hensynet. " + reason
        )
    if decision.action == dispatch.HOLD and citizen is not None:
        _tell_the_caseworker(system, citizen, letter, decision.release_at)
    if decision.action == dispatch.HOLD and system.deliver_later_by_memo:
        # Passed on at once; Digital Post delivers it at the release time.
        release = decision.release_at
        letter.hold_until = release
        letter.hold_reason = decision.reason
        _dispatch(
            actor,
            letter,
            CHANNEL_DIGITAL_POST,
            timezone.localtime(release).date() if release else None,
            registered=has_digital_post,
        )
    elif decision.action == dispatch.HOLD:
        hold(actor, letter, decision, CHANNEL_DIGITAL_POST)
    else:
        _dispatch(actor, letter, CHANNEL_DIGITAL_POST, registered=has_digital_post)
    return Received(
        letter,
        created=True,
        action=decision.action,
        release_at=decision.release_at,
        reason=reason,
        deadline_from=deadline_from,
        warnings=checked.warnings
        + (
            (f"LIX er {checked.readability.score:.0f}, over kommunens mål på {checked.target}.",)
            if checked.over_target
            else ()
        ),
    )
