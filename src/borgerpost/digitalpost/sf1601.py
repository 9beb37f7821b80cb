"""Handing a stored MeMo message to KOMBIT's SF1601 (KombiPostAfsend).

python-serviceplatformen's `digital_post.send_message` builds the XML from a Message
object at the moment of sending. The outbox keeps the exact XML written with the letter
and must hand over those bytes on every attempt (same messageUUID, same content), so this
module posts the stored XML itself, in the same request shape as the package, and uses
the package's KombitAccess for the SAML and access tokens.
"""

from __future__ import annotations

import urllib.parse
import uuid
from datetime import datetime
from typing import Any
from xml.etree import ElementTree

import requests

from .interfaces import DeliveryError

# HTTP answers that mean the letter itself was refused: sending it again cannot help.
_REFUSED = {400, 403, 404, 409, 413, 415, 422}


def post_memo(access: Any, memo_xml: bytes) -> str:
    """POST the MeMo message; the SF1601 transaction id. Raises DeliveryError."""
    from python_serviceplatformen.date_helper import format_datetime

    try:
        token = access.get_access_token("http://entityid.kombit.dk/service/kombipostafsend/1")
    except (ValueError, requests.RequestException, OSError):
        raise DeliveryError(
            "Kommunens certifikat gav ikke adgang til Digital Post (SF1601). Kontakt IT."
        ) from None
    transaction_id = str(uuid.uuid4())
    request = ElementTree.Element("kombi_request")
    ElementTree.SubElement(request, "KombiValgKode").text = "Digital Post"
    request.append(ElementTree.fromstring(memo_xml))  # noqa: S314 - our own stored XML
    try:
        response = requests.post(
            urllib.parse.urljoin(access.environment, "service/KombiPostAfsend_1/memos"),
            headers={
                "X-TransaktionsId": transaction_id,
                "X-TransaktionsTid": format_datetime(datetime.now()),
                "authorization": token,
                "Content-Type": "application/xml",
            },
            # "UTF-8", the encoding's registered name: python-serviceplatformen writes
            # "utf8", which expat (and so any strict XML parser) refuses as soon as a
            # name has an æ, ø or å. The test peer found this.
            data=ElementTree.tostring(request, encoding="UTF-8"),
            cert=access.cert_path,
            timeout=30,
        )
    except requests.RequestException:
        raise DeliveryError("Digital Post (SF1601) svarede ikke. Der prøves igen.") from None
    if response.status_code in _REFUSED:
        raise DeliveryError(
            f"Digital Post afviste brevet (HTTP {response.status_code}).", permanent=True
        )
    if response.status_code >= 300:
        raise DeliveryError(
            f"Digital Post svarede med en fejl (HTTP {response.status_code}). Der prøves igen."
        )
    return transaction_id
