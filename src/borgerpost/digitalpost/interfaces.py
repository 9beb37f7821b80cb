"""The Digital Post transport interface, and its two implementations.

External systems sit behind an interface. The default `OutboxTransport` writes each
MeMo message and a JSON receipt to a folder: for development, and for municipalities
that hand files to a print or dispatch service. `SF1601Transport` sends through
KOMBIT's SF1601 with the municipality's certificate (python-serviceplatformen's client).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.utils import timezone
from python_serviceplatformen.models.message import Message

from .memo import to_xml


@dataclass(frozen=True)
class Receipt:
    message_uuid: str
    transport: str
    accepted_at: datetime
    location: str = ""


class DigitalPostTransport(Protocol):
    name: str
    supports_delayed_delivery: bool

    def is_registered(self, recipient_id: str) -> bool: ...

    def send(self, message: Message) -> Receipt: ...


class OutboxTransport:
    """Writes `<uuid>.xml` (the MeMo message) and `<uuid>.json` (the receipt) to a folder.

    Registration for Digital Post cannot be looked up offline: every recipient counts as
    registered unless listed in `not-registered.txt` in the folder (one CPR/CVR a line).
    """

    name = "outbox"
    supports_delayed_delivery = True

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(settings.DATA_DIR) / "outbox" / "digitalpost"

    def is_registered(self, recipient_id: str) -> bool:
        listing = self.folder / "not-registered.txt"
        if not listing.exists():
            return True
        return recipient_id not in {line.strip() for line in listing.read_text().splitlines()}

    def send(self, message: Message) -> Receipt:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        uuid = message.messageHeader.messageUUID
        receipt = Receipt(uuid, self.name, timezone.now(), str(self.folder / f"{uuid}.xml"))
        _write_private(self.folder / f"{uuid}.xml", to_xml(message))
        _write_private(
            self.folder / f"{uuid}.json",
            json.dumps(
                {
                    "messageUUID": uuid,
                    "transport": self.name,
                    "acceptedAt": receipt.accepted_at.isoformat(),
                    "label": message.messageHeader.label,
                    "doNotDeliverUntilDate": (
                        message.messageHeader.doNotDeliverUntilDate.isoformat()
                        if message.messageHeader.doNotDeliverUntilDate
                        else None
                    ),
                },
                ensure_ascii=False,
                indent=2,
            ).encode("utf-8"),
        )
        return receipt


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


class SF1601Transport:
    """KOMBIT SF1601 (KombiPostAfsend) with the municipality's OCES certificate."""

    name = "sf1601"
    supports_delayed_delivery = True

    def __init__(self, cvr: str, cert_path: str, test: bool = False) -> None:
        from python_serviceplatformen.authentication import KombitAccess

        self._access = KombitAccess(cvr=cvr, cert_path=cert_path, test=test)

    def is_registered(self, recipient_id: str) -> bool:
        from python_serviceplatformen import digital_post

        return digital_post.is_registered(recipient_id, "digitalpost", self._access)

    def send(self, message: Message) -> Receipt:
        from python_serviceplatformen import digital_post

        transaction_id = digital_post.send_message("Digital Post", message, self._access)
        return Receipt(message.messageHeader.messageUUID, self.name, timezone.now(), transaction_id)


def transport(municipality: Any = None) -> DigitalPostTransport:
    """The municipality's transport: SF1601 with its certificate, or the outbox."""
    if municipality is not None and municipality.digital_post_transport == "sf1601":
        return SF1601Transport(
            municipality.cvr, municipality.sf1601_certificate, test=municipality.sf1601_test
        )
    return OutboxTransport()
