"""Reading a citizen's mail (.eml) into plain parts, with no Django import.

Every path that takes mail (upload, bulk import, IMAP intake) reads it here, so one
mail's problems are decided in one place: it is read, read with notes, or refused with
a Danish reason (MailParseError) in bounded time and memory.

- Structure is parsed with the email package's compat32 policy, and headers are decoded
  here. The modern policy parses every header into objects on access: on a 300 KB mail
  of thousands of parts or a header of 50,000 addresses it took seconds to minutes
  where compat32 takes milliseconds (measured in docs/performance.md).
- Limits: `MAX_MAIL_BYTES`, `MAX_PARTS` MIME parts and `MAX_DEPTH` levels of nesting,
  checked before and during parsing; headers are cut at `MAX_HEADER_CHARS`.
- The text is found where it is: in text parts, in HTML (sanitised with nh3 and turned
  into plain text, never rendered), inside attached mails (message/rfc822), and in
  multiparts whose boundary is missing, unquoted or wrong. A mail with only attachments
  is a valid mail (a scanned letter), with a note.
- Control characters are removed from every header, name and text (borgerpost.pure.text).
"""

from __future__ import annotations

import contextlib
import email
import email.header
import email.policy
import email.utils
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message

import nh3

from borgerpost.pure.text import clean_filename, clean_line, clean_text

MAX_HEADER_CHARS = 64 * 1024
MAX_MAIL_BYTES = 40 * 1024 * 1024
MAX_PARTS = 500
MAX_DEPTH = 25


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
    date: datetime | None  # always aware (UTC when the mail gave no zone); None if unknown
    body: str
    body_was_html: bool
    attachments: list[ParsedAttachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Every address the mail names as a recipient (To, Cc, and the delivery headers).
    addressed_to: list[str] = field(default_factory=list)
    # The Message-IDs it answers (In-Reply-To, then References): a citizen's reply to an
    # answer joins that inquiry (inquiries/actions/followup.py).
    replies_to: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        return mail_fingerprint(
            self.sender_email or self.sender_name,
            self.date,
            self.subject,
            self.body,
            [a.sha256 for a in self.attachments],
        )


BROKEN = (
    "Mailens opbygning (MIME) er ødelagt, så borgerpost ikke kan læse den. Hent originalen, "
    "åbn den i Outlook, og registrér henvendelsen i hånden."
)
ENCRYPTED = (
    "Mailen er krypteret (S/MIME), så borgerpost ikke kan læse den. Hent originalen, åbn "
    "den i Outlook med kommunens certifikat, og registrér henvendelsen i hånden."
)
TOO_LARGE = (
    "Mailen fylder {size:.0f} MB; grænsen er {limit} MB pr. mail. Hent den i mailprogrammet, "
    "og registrér henvendelsen i hånden med de vigtigste vedhæftninger."
)
TOO_MANY_PARTS = (
    "Mailen består af over {limit} dele (vedhæftninger og tekstdele), hvilket ingen "
    "almindelig mail gør. Den er ikke læst. Åbn originalen i mailprogrammet."
)
TOO_DEEP = (
    "Mailen er pakket ind i sig selv i over {limit} lag (videresendte mails i mails), hvilket "
    "ingen almindelig mail er. Den er ikke læst. Åbn originalen i mailprogrammet."
)
NO_TEXT_NOTE = (
    "Mailen har ingen tekst, kun vedhæftede filer ({names}). Åbn vedhæftningerne for at "
    "læse henvendelsen."
)
_SMIME_ENCRYPTED = {"application/pkcs7-mime", "application/x-pkcs7-mime"}
_SIGNATURES = {"application/pkcs7-signature", "application/x-pkcs7-signature"}
_TNEF = {"application/ms-tnef", "application/vnd.ms-tnef"}
_RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To", "Resent-To")


def parse_eml(raw: bytes, max_bytes: int = MAX_MAIL_BYTES) -> ParsedMail:
    """Parse one mail. Raises MailParseError (Danish) when it cannot or must not be read."""
    if not raw or not raw.strip():
        raise MailParseError("Filen er tom. Vælg en .eml-fil med en mail.")
    if len(raw) > max_bytes:
        raise MailParseError(TOO_LARGE.format(size=len(raw) / 1048576, limit=max_bytes // 1048576))
    head = raw[:8192]
    if b":" not in head.split(b"\n\n", 1)[0] and b":" not in head.split(b"\r\n\r\n", 1)[0]:
        raise MailParseError(
            "Filen ligner ikke en mail (.eml). Gem mailen fra Outlook som .eml og prøv igen."
        )
    # Counted on the raw bytes, before the parser spends time on them: every MIME part
    # has a Content-Type header, so this bounds the parts from above.
    if raw.lower().count(b"content-type:") > MAX_PARTS:
        raise MailParseError(TOO_MANY_PARTS.format(limit=MAX_PARTS))
    try:
        return _parse(raw)
    except MailParseError:
        raise
    except RecursionError:
        raise MailParseError(TOO_DEEP.format(limit=MAX_DEPTH)) from None
    except MemoryError:
        raise MailParseError(TOO_MANY_PARTS.format(limit=MAX_PARTS)) from None
    except Exception:  # the email package's own failures on broken mail
        raise MailParseError(BROKEN) from None


def _parse(raw: bytes) -> ParsedMail:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    if not any(msg.get(h) for h in ("From", "Subject", "Date", "Message-ID")):
        raise MailParseError(
            "Filen mangler afsender, emne og dato. Gem mailen fra Outlook som .eml og prøv igen."
        )
    notes: list[str] = []
    name, address = email.utils.parseaddr(header(msg, "From"))
    reader = _Reader(notes)
    reader.read(msg, depth=0)
    if reader.encrypted and not reader.has_text():
        raise MailParseError(ENCRYPTED)
    body, was_html = reader.body()
    if not body and reader.attachments:
        names = ", ".join(a.filename for a in reader.attachments[:5])
        notes.append(NO_TEXT_NOTE.format(names=names))
    address = clean_line(address).lower()
    return ParsedMail(
        sender_name=clean_line(name),
        sender_email=address if "@" in address else "",
        subject=clean_line(header(msg, "Subject"))[:300],
        message_id=clean_line(header(msg, "Message-ID"))[:500],
        date=_date(header(msg, "Date"), notes),
        body=body,
        body_was_html=was_html,
        attachments=reader.attachments,
        notes=notes,
        addressed_to=_recipients(msg),
        replies_to=_replies_to(msg),
    )


_MESSAGE_ID = re.compile(r"<[^<>\s]{1,250}>")
MAX_REPLIES_TO = 20


def _replies_to(msg: Message) -> list[str]:
    found = _MESSAGE_ID.findall(header(msg, "In-Reply-To") + " " + header(msg, "References"))
    return list(dict.fromkeys(clean_line(i) for i in found))[:MAX_REPLIES_TO]


class _Reader:
    """Walks the parts without recursion limits of its own: depth and count are bounded."""

    def __init__(self, notes: list[str]) -> None:
        self.notes = notes
        self.text: list[str] = []
        self.html: list[str] = []
        self.attachments: list[ParsedAttachment] = []
        self.encrypted = False
        self.parts = 0

    def has_text(self) -> bool:
        return any(t.strip() for t in self.text + self.html)

    def body(self) -> tuple[str, bool]:
        if any(t.strip() for t in self.text):
            return clean_text("\n\n".join(t.strip() for t in self.text if t.strip())).strip(), False
        if any(h.strip() for h in self.html):
            return clean_text("\n\n".join(html_to_text(h) for h in self.html)).strip(), True
        return "", False

    def read(self, part: Message, depth: int) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise MailParseError(TOO_MANY_PARTS.format(limit=MAX_PARTS))
        if depth > MAX_DEPTH:
            raise MailParseError(TOO_DEEP.format(limit=MAX_DEPTH))
        ctype = part.get_content_type()
        if ctype in ("message/rfc822", "message/global"):
            self._attached_mail(part, depth)
        elif part.is_multipart():
            for child in part.get_payload():  # type: ignore[union-attr]
                if isinstance(child, Message):
                    self.read(child, depth + 1)
        elif ctype.startswith("multipart/"):
            # The parser found no parts: the boundary is missing, unquoted or wrong.
            recovered = _recover_multipart(part)
            if recovered is not None:
                self.read(recovered, depth + 1)
            else:
                self._leaf(part, "text/plain")
        else:
            self._leaf(part, ctype)

    def _attached_mail(self, part: Message, depth: int) -> None:
        """A forwarded mail inside the mail: its text belongs to the inquiry."""
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if not isinstance(inner, Message):
            self._leaf(part, "application/octet-stream")
            return
        subject, sender = header(inner, "Subject"), header(inner, "From")
        self.text.append(
            f"--- Vedhæftet mail: {clean_line(subject) or '(intet emne)'}"
            f"{' fra ' + clean_line(sender) if sender else ''} ---"
        )
        self.read(inner, depth + 1)

    def _leaf(self, part: Message, ctype: str) -> None:
        disposition = part.get_content_disposition()
        filename = _filename(part)
        if ctype in _SIGNATURES:
            return  # an S/MIME signature: the text beside it is readable
        if ctype in _SMIME_ENCRYPTED:
            self.encrypted = True
            return
        if ctype in _TNEF:
            self.notes.append(
                "Vedhæftningen winmail.dat er i Outlooks eget format (TNEF) og kan ikke "
                "åbnes her. Bed borgeren sende vedhæftningerne igen."
            )
        if disposition == "attachment" or filename or not ctype.startswith("text/"):
            data = part.get_payload(decode=True)
            self.attachments.append(
                ParsedAttachment(
                    filename=clean_filename(filename or "vedhaeftning"),
                    content_type=clean_line(ctype)[:150],
                    data=data if isinstance(data, bytes) else b"",
                )
            )
        elif ctype == "text/html":
            self.html.append(_decode_part(part, self.notes))
        else:
            self.text.append(_decode_part(part, self.notes))


_BOUNDARY_LINE = re.compile(rb"^--([^\s]{1,200}?)(--)?\s*$", re.MULTILINE)


def _recover_multipart(part: Message) -> Message | None:
    """Re-read a multipart whose declared boundary does not match its body, with the
    boundary the body actually uses (the first line that looks like one)."""
    body = part.get_payload(decode=False)
    if not isinstance(body, str):
        return None
    data = body.encode("ascii", "surrogateescape")
    found = _BOUNDARY_LINE.search(data)
    if found is None:
        return None
    boundary = found.group(1)
    if boundary.endswith(b"--"):
        boundary = boundary[:-2]
    head = b'Content-Type: multipart/mixed; boundary="' + boundary.replace(b'"', b"") + b'"\r\n\r\n'
    recovered = email.message_from_bytes(head + data, policy=email.policy.compat32)
    return recovered if recovered.is_multipart() else None


def header(msg: Message, name: str) -> str:
    """A header as text: RFC 2047 words decoded, 8-bit bytes read as UTF-8 or Windows-1252,
    cut at MAX_HEADER_CHARS before anything else looks at it. Never raises."""
    try:
        value = msg.get(name)
    except Exception:  # a malformed header must not stop the whole mail
        return ""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        # compat32 hands back a header with raw 8-bit bytes as an "unknown-8bit" Header.
        text = _eight_bit_header(value)
    else:
        text = _undo_surrogateescape(str(value))
    return _decode_words(text[:MAX_HEADER_CHARS]).strip()


def _eight_bit(data: bytes) -> str:
    """Undeclared 8-bit text: UTF-8 if it is that, else Windows-1252 (what Danish mail
    programs used before UTF-8), which decodes any byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _eight_bit_header(value: email.header.Header) -> str:
    try:
        chunks = email.header.decode_header(value)
    except Exception:
        return ""
    out: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset in (None, "unknown-8bit"):
            out.append(_eight_bit(chunk))
        else:
            try:
                out.append(chunk.decode(charset))
            except (LookupError, UnicodeDecodeError):
                out.append(_eight_bit(chunk))
    return "".join(out)


def _undo_surrogateescape(value: str) -> str:
    """compat32 may keep a header's 8-bit bytes as surrogates; read them as text."""
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    return _eight_bit(value.encode("ascii", "surrogateescape"))


def _decode_words(value: str) -> str:
    if "=?" not in value:
        return value
    try:
        chunks = email.header.decode_header(value)
    except Exception:
        return value
    with contextlib.suppress(Exception):  # an unknown or lying charset in one of the words
        return str(email.header.make_header(chunks))
    out: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
            continue
        try:
            # decode_header returns the words between encoded ones in raw-unicode-escape.
            out.append(chunk.decode(charset or "raw-unicode-escape"))
        except (LookupError, UnicodeDecodeError):
            out.append(chunk.decode("utf-8", errors="replace"))
    return "".join(out)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        return ""
    if not name:
        return ""
    return _decode_words(_undo_surrogateescape(str(name)[:1000]))


def _recipients(msg: Message) -> list[str]:
    values = [header(msg, name) for name in _RECIPIENT_HEADERS]
    try:
        pairs = email.utils.getaddresses([v for v in values if v])
    except Exception:
        return []
    found: list[str] = []
    for _, address in pairs:
        address = clean_line(address).lower()
        if "@" in address and address not in found:
            found.append(address[:300])
    return found[:200]


def _date(raw: str, notes: list[str]) -> datetime | None:
    if not raw:
        return None
    try:
        value = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        notes.append("Mailens dato kunne ikke læses; modtagelsestidspunktet er brugt i stedet.")
        return None
    if value.tzinfo is None:
        # "-0000" (RFC 5322: the time is UTC, the sender's zone unknown) and zone names
        # the parser does not know.
        value = value.replace(tzinfo=UTC)
    return value


def _decode_part(part: Message, notes: list[str]) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if not isinstance(payload, bytes):
        return ""
    declared = part.get_content_charset()
    if not declared:
        return _eight_bit(payload)
    charset = clean_line(declared)
    try:
        return payload.decode(charset)
    except LookupError:
        notes.append(f"Ukendt tegnsæt »{charset[:40]}«: teksten er læst som UTF-8.")
    except UnicodeDecodeError:
        notes.append(f"Teksten passede ikke til tegnsættet »{charset[:40]}«.")
    return _eight_bit(payload)


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


# --- the same message, received twice ------------------------------------------------

_SUBJECT_PREFIX = re.compile(r"^\s*((re|sv|fw|fwd|vs|videresendt)\s*:\s*)+", re.IGNORECASE)


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def mail_fingerprint(
    sender: str,
    date: datetime | None,
    subject: str,
    body: str,
    attachment_digests: list[str],
) -> str:
    """What makes two copies of a mail demonstrably the same mail: the sender, the moment
    the mail says it was written (to the second, in UTC), the subject without reply and
    forward prefixes, the text with case and spacing folded, and every attachment's
    digest. A Message-ID is not part of it: every recipient of a mail can read it and
    reuse it on a mail of their own (docs/mail.md)."""
    when = date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if date else ""
    parts = [
        "mail",
        (sender or "").strip().casefold(),
        when,
        _folded(_SUBJECT_PREFIX.sub("", subject or "")),
        _folded(body),
        ",".join(sorted(attachment_digests)),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def hand_fingerprint(sender: str, day: str, subject: str, body: str) -> str:
    """Two members typing in the same letter or call: the sender (name, mail or phone),
    the day it was received, the subject and the folded text. Kept apart from mail
    fingerprints, so a typed inquiry never joins a mail or the other way round."""
    parts = [
        "hand",
        (sender or "").strip().casefold(),
        day,
        _folded(_SUBJECT_PREFIX.sub("", subject or "")),
        _folded(body),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
