"""The Digital Post transport interface and the default outbox implementation.

External systems sit behind an interface: the default writes each message and a JSON
receipt to a folder (development, and municipalities that hand files to a dispatch
service); a real SF1601 transport is configured per municipality.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class SecureMessage:
    sender_name: str
    recipient_cpr: str
    title: str
    body: str
    municipality: str


@dataclass(frozen=True)
class Receipt:
    message_id: str
    transport: str
    accepted_at: datetime


class DigitalPostTransport(Protocol):
    name: str

    def send(self, message: SecureMessage) -> Receipt: ...


class OutboxTransport:
    name = "outbox"

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(settings.DATA_DIR) / "outbox" / "digitalpost"

    def send(self, message: SecureMessage) -> Receipt:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        receipt = Receipt(str(uuid.uuid4()), self.name, timezone.now())
        path = self.folder / f"{receipt.message_id}.json"
        path.write_text(
            json.dumps(
                {
                    "message": asdict(message),
                    "receipt": {
                        "message_id": receipt.message_id,
                        "accepted_at": receipt.accepted_at.isoformat(),
                    },
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        path.chmod(0o600)
        return receipt


def transport() -> DigitalPostTransport:
    return OutboxTransport()
