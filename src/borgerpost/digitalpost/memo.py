"""Building MeMo-1 messages for Digital Post with python-serviceplatformen's models.

The package ships the MeMo dataclasses and their XML serialisation (no XSD); we fill
them from a letter and render the letter itself as a PDF main document.
"""

from __future__ import annotations

import base64
import datetime as dt
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
            legalNotification=False,
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
        ),
    )


def to_xml(message: memo.Message) -> bytes:
    return ElementTree.tostring(dataclass_to_xml(message), encoding="utf-8", xml_declaration=True)
