"""Reading a citizen's mail (.eml) into plain parts, with no Django import.

HTML bodies are sanitised with nh3 and turned into plain text; nothing from the
mail is ever rendered as HTML or executed. Unknown or wrong charsets are decoded
with replacement characters rather than rejected, and the problem is noted.
Everything a person sees from here is Danish.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage, Message

import nh3

MAX_HEADER_CHARS = 64 * 1024


class MailParseError(ValueError):
    """The mail cannot be read; the message is Danish and tells the user what to do."""


@dataclass
class ParsedAttachment:
    filename: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class ParsedMail:
    sender_name: str
    sender_email: str
    subject: str
    message_id: str
    date: datetime | None
    body: str
    body_was_html: bool
    attachments: list[ParsedAttachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _decode_part(part: Message, notes: list[str]) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except LookupError:
        notes.append(f"Ukendt tegnsæt »{charset[:40]}«: teksten er læst som UTF-8.")
    except UnicodeDecodeError:
        notes.append(f"Teksten passede ikke til tegnsættet »{charset[:40]}«.")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", errors="replace")


_BLOCK_TAGS = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(markup: str) -> str:
    """Plain text from untrusted HTML: sanitised first, so scripts and styles are dropped whole."""
    clean = nh3.clean(
        markup,
        tags={
            "p",
            "br",
            "div",
            "li",
            "ul",
            "ol",
            "tr",
            "td",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "b",
            "i",
            "strong",
            "em",
            "span",
        },
        attributes={},
        url_schemes=set(),
        strip_comments=True,
    )
    with_breaks = _BLOCK_TAGS.sub("\n", clean)
    text = html.unescape(_TAG.sub("", with_breaks))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name, "")
    except Exception:  # a malformed header must not stop the whole mail
        return ""
    return str(value or "")[:MAX_HEADER_CHARS].strip()


def parse_eml(raw: bytes) -> ParsedMail:
    """Parse one mail. Raises MailParseError when it is not a mail at all."""
    if not raw or not raw.strip():
        raise MailParseError("Filen er tom. Vælg en .eml-fil med en mail.")
    head = raw[:8192]
    if b":" not in head.split(b"\n\n", 1)[0] and b":" not in head.split(b"\r\n\r\n", 1)[0]:
        raise MailParseError(
            "Filen ligner ikke en mail (.eml). Gem mailen fra Outlook som .eml og prøv igen."
        )
    try:
        return _parse(raw)
    except MailParseError:
        raise
    except Exception:  # the email package's own failures on broken mail
        raise MailParseError(BROKEN) from None


BROKEN = (
    "Mailens opbygning (MIME) er ødelagt, så borgerpost ikke kan læse den. Hent originalen, "
    "åbn den i Outlook, og registrér henvendelsen i hånden."
)
ENCRYPTED = (
    "Mailen er krypteret (S/MIME), så borgerpost ikke kan læse den. Hent originalen, åbn "
    "den i Outlook med kommunens certifikat, og registrér henvendelsen i hånden."
)
_SMIME_ENCRYPTED = {"application/pkcs7-mime", "application/x-pkcs7-mime"}
_SIGNATURES = {"application/pkcs7-signature", "application/x-pkcs7-signature"}
_TNEF = {"application/ms-tnef", "application/vnd.ms-tnef"}


def _parse(raw: bytes) -> ParsedMail:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    if not any(msg.get(h) for h in ("From", "Subject", "Date", "Message-ID")):
        raise MailParseError(
            "Filen mangler afsender, emne og dato. Gem mailen fra Outlook som .eml og prøv igen."
        )
    notes: list[str] = []
    name, address = email.utils.parseaddr(_header(msg, "From"))
    date = None
    if raw_date := _header(msg, "Date"):
        try:
            date = email.utils.parsedate_to_datetime(raw_date)
        except (TypeError, ValueError):
            notes.append("Mailens dato kunne ikke læses; modtagelsestidspunktet sættes til nu.")
    text_parts: list[str] = []
    html_parts: list[str] = []
    attachments: list[ParsedAttachment] = []
    encrypted = False
    for part in msg.walk():
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        ctype = part.get_content_type()
        filename = part.get_filename()
        if ctype in _SIGNATURES:
            continue  # an S/MIME signature: the text beside it is readable
        if ctype in _SMIME_ENCRYPTED:
            encrypted = True
            continue
        if ctype in _TNEF:
            notes.append(
                "Vedhæftningen winmail.dat er i Outlooks eget format (TNEF) og kan ikke "
                "åbnes her. Bed borgeren sende vedhæftningerne igen."
            )
        if disposition == "attachment" or filename or not ctype.startswith("text/"):
            data = part.get_payload(decode=True)
            attachments.append(
                ParsedAttachment(
                    filename=_safe_filename(filename or "vedhaeftning"),
                    content_type=ctype,
                    data=data if isinstance(data, bytes) else b"",
                )
            )
        elif ctype == "text/html":
            html_parts.append(_decode_part(part, notes))
        else:
            text_parts.append(_decode_part(part, notes))
    if encrypted and not any(t.strip() for t in text_parts + html_parts):
        raise MailParseError(ENCRYPTED)
    body_was_html = not any(t.strip() for t in text_parts) and bool(html_parts)
    if body_was_html:
        body = "\n\n".join(html_to_text(h) for h in html_parts)
    else:
        body = "\n\n".join(t.strip() for t in text_parts)
    return ParsedMail(
        sender_name=name.strip(),
        sender_email=address.strip().lower() if "@" in address else "",
        subject=_header(msg, "Subject")[:300],
        message_id=_header(msg, "Message-ID")[:500],
        date=date,
        body=body.replace("\x00", "").strip(),
        body_was_html=body_was_html,
        attachments=attachments,
        notes=notes,
    )


def _safe_filename(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f\"<>:|?*]", "_", name).strip(" .")
    return (name or "vedhaeftning")[:200]


_SUBJECT_PREFIX = re.compile(r"^\s*((re|sv|fw|fwd|vs|videresendt)\s*:\s*)+", re.IGNORECASE)


def content_key(sender: str, subject: str, body: str) -> str:
    """A fingerprint for matching the same citizen message received by several members.

    Sender, subject without reply/forward prefixes, and the body with case and
    whitespace folded: forwarding or different mail clients change those, not the text.
    """
    norm_subject = _SUBJECT_PREFIX.sub("", subject or "")
    parts = [
        (sender or "").strip().casefold(),
        " ".join(norm_subject.casefold().split()),
        " ".join(unicodedata.normalize("NFKC", body or "").casefold().split()),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def build_eml(parsed: EmailMessage) -> bytes:
    return parsed.as_bytes()
