"""Building MeMo-1 messages for Digital Post with python-serviceplatformen's models.

The package ships the MeMo dataclasses and their XML serialisation (no XSD); we fill
them from a letter and render the letter itself as a PDF main document.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from xml.etree import ElementTree

from python_serviceplatformen.models import message as memo
from python_serviceplatformen.models.xml_util import dataclass_to_xml

MEMO_NAMESPACE = memo.NAME_SPACES["memo"]


@dataclass(frozen=True)
class LetterContent:
    sender_id: str  # the municipality's MyndighedsID (or CVR)
    sender_label: str
    recipient_id: str  # CPR or CVR, 10 or 8 digits
    recipient_label: str
    title: str
    pdf: bytes
    filename: str = "brev.pdf"
    do_not_deliver_until: dt.date | None = None
    case_number: str = ""
    legal_notification: bool = False
    # Documents sent with the letter, passed on unchanged: (file name, MIME type, bytes).
    attachments: tuple[tuple[str, str, bytes], ...] = ()


def build_message(letter: LetterContent, message_uuid: str | None = None) -> memo.Message:
    id_type = "CPR" if len(letter.recipient_id) == 10 else "CVR"
    content_data = None
    if letter.case_number:
        content_data = memo.ContentData(
            caseID=memo.CaseID(caseID=letter.case_number, caseSystem="borgerpost")
        )
    return memo.Message(
        messageHeader=memo.MessageHeader(
            messageType="DIGITALPOST",
            messageUUID=message_uuid or str(uuid.uuid4()),
            label=letter.title[:150],
            mandatory=False,
            legalNotification=letter.legal_notification,
            doNotDeliverUntilDate=letter.do_not_deliver_until,
            sender=memo.Sender(senderID=letter.sender_id, idType="CVR", label=letter.sender_label),
            recipient=memo.Recipient(
                recipientID=letter.recipient_id, idType=id_type, label=letter.recipient_label
            ),
            contentData=content_data,
        ),
        messageBody=memo.MessageBody(
            createdDateTime=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            mainDocument=memo.MainDocument(
                files=(
                    memo.File(
                        encodingFormat="application/pdf",
                        filename=letter.filename,
                        language="da",
                        content=base64.b64encode(letter.pdf).decode("ascii"),
                    ),
                )
            ),
            additionalDocuments=tuple(
                memo.AdditionalDocument(
                    label=name[:150],
                    files=(
                        memo.File(
                            encodingFormat=mime,
                            filename=name,
                            language="da",
                            content=base64.b64encode(data).decode("ascii"),
                        ),
                    ),
                )
                for name, mime, data in letter.attachments
            )
            or None,
        ),
    )


def to_xml(message: memo.Message) -> bytes:
    """The message as MeMo XML, checked (`check_memo`) before anything stores it."""
    xml = ElementTree.tostring(dataclass_to_xml(message), encoding="utf-8", xml_declaration=True)
    check_memo(xml)
    return xml


class InvalidMemo(ValueError):
    """A MeMo message Digital Post would refuse. The message is Danish."""


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# XML 1.0 allows tab, newline and carriage return and nothing else below U+0020.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def check_memo(xml: bytes) -> None:
    """What Digital Post needs of a message, checked on the bytes that will be sent: run
    when the outbox stores it and again just before a transport hands it over.

    The package ships no XSD, so this checks by hand what a letter must have: well-formed
    XML 1.0, a messageUUID, a label of 1-150 characters, sender and recipient ids of the
    right form, and a main document with content."""
    try:
        root = ElementTree.fromstring(xml)  # noqa: S314 - our own XML, never a citizen's
    except ElementTree.ParseError:
        raise InvalidMemo(
            "Brevet kunne ikke laves til gyldig Digital Post (ugyldige tegn)."
        ) from None
    if _NOT_XML.search(xml.decode("utf-8", "replace")):
        raise InvalidMemo("Brevet indeholder tegn, som Digital Post ikke tillader.")
    ns = {"memo": MEMO_NAMESPACE}

    def text(path: str) -> str:
        return (root.findtext(path, default="", namespaces=ns) or "").strip()

    label = text("memo:MessageHeader/memo:label")
    recipient = text("memo:MessageHeader/memo:Recipient/memo:recipientID")
    problems = [
        (not _UUID.fullmatch(text("memo:MessageHeader/memo:messageUUID")), "messageUUID"),
        (not 1 <= len(label) <= 150, "titel (1-150 tegn)"),
        (not text("memo:MessageHeader/memo:Sender/memo:senderID").isdigit(), "afsender"),
        (not (recipient.isdigit() and len(recipient) in (8, 10)), "modtager (CPR eller CVR)"),
        (not text("memo:MessageBody/memo:MainDocument/memo:File/memo:content"), "hoveddokument"),
    ]
    missing = [what for bad, what in problems if bad]
    if missing:
        raise InvalidMemo(f"Brevet mangler noget, Digital Post kræver: {', '.join(missing)}.")
