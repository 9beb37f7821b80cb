"""The Digital Post transport interface, and its two implementations.

External systems sit behind an interface. The default `OutboxTransport` writes each
MeMo message and a JSON receipt to a folder: for development, and for municipalities
that hand files to a print or dispatch service. `SF1601Transport` sends through
KOMBIT's SF1601 with the municipality's certificate (python-serviceplatformen's client).

A transport is given the MeMo message as the XML the outbox stored when the letter was
written (borgerpost.outgoing), so every attempt hands over the same bytes with the same
messageUUID. It raises DeliveryError, saying whether trying again can help.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import requests
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("borgerpost.digitalpost")


@dataclass(frozen=True)
class Receipt:
    message_uuid: str
    transport: str
    accepted_at: datetime
    location: str = ""


class DeliveryError(Exception):
    """The transport did not take the letter. `permanent`: trying again will not help
    (the letter was refused); otherwise the outbox tries again later. Danish message."""

    def __init__(self, reason: str, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


class DigitalPostTransport(Protocol):
    name: str
    supports_delayed_delivery: bool

    def is_registered(self, recipient_id: str) -> bool: ...

    def deliver(self, message_uuid: str, memo_xml: bytes, details: dict[str, Any]) -> Receipt: ...


class OutboxTransport:
    """Writes `<uuid>.xml` (the MeMo message) and `<uuid>.json` (the receipt) to a folder.

    Writing the same messageUUID again replaces the same two files, so a resend after a
    crash never makes a second letter. Registration for Digital Post cannot be looked up
    offline: every recipient counts as registered unless listed in `not-registered.txt`
    in the folder (one CPR/CVR a line).
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

    def deliver(self, message_uuid: str, memo_xml: bytes, details: dict[str, Any]) -> Receipt:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            receipt = Receipt(
                message_uuid, self.name, timezone.now(), str(self.folder / f"{message_uuid}.xml")
            )
            _write_private(self.folder / f"{message_uuid}.xml", memo_xml)
            _write_private(
                self.folder / f"{message_uuid}.json",
                json.dumps(
                    {
                        "messageUUID": message_uuid,
                        "transport": self.name,
                        "acceptedAt": receipt.accepted_at.isoformat(),
                        "label": details.get("label", ""),
                        "doNotDeliverUntilDate": details.get("do_not_deliver_until"),
                    },
                    ensure_ascii=False,
                    indent=2,
                ).encode("utf-8"),
            )
        except OSError:
            raise DeliveryError(
                "Udbakkens mappe kunne ikke skrives. Kontakt kommunens IT."
            ) from None
        return receipt


def _write_private(path: Path, data: bytes) -> None:
    # Written under a temporary name and renamed, so a reader never sees half a file.
    temporary = path.with_name(f".{path.name}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class SF1601Transport:
    """KOMBIT SF1601 (KombiPostAfsend) with the municipality's OCES certificate."""

    name = "sf1601"
    supports_delayed_delivery = True

    def __init__(self, cvr: str, cert_path: str, test: bool = False) -> None:
        from .kombit import access_for

        self._access = access_for(cvr, cert_path, test)

    def is_registered(self, recipient_id: str) -> bool:
        from python_serviceplatformen import digital_post

        # When the lookup cannot be made, the letter goes by Digital Post: should the
        # recipient not have it, SF1601 refuses the letter, and the refusal reaches the
        # sender like any other (the outbox's failed list), instead of the letter
        # silently going to print or the action failing.
        try:
            return bool(digital_post.is_registered(recipient_id, "digitalpost", self._access))
        except (requests.RequestException, KeyError, ValueError):
            logger.warning("PostForespoerg could not be asked; sending by Digital Post")
            return True

    def deliver(self, message_uuid: str, memo_xml: bytes, details: dict[str, Any]) -> Receipt:
        from .sf1601 import post_memo

        transaction_id = post_memo(self._access, memo_xml)
        return Receipt(message_uuid, self.name, timezone.now(), transaction_id)


def transport(municipality: Any = None) -> DigitalPostTransport:
    """The municipality's transport: SF1601 with its certificate, or the outbox."""
    if municipality is not None and municipality.digital_post_transport == "sf1601":
        return SF1601Transport(
            municipality.cvr, municipality.sf1601_certificate, test=municipality.sf1601_test
        )
    return OutboxTransport()
