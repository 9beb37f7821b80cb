"""What retention asks of the outbox (retention/rules.py decides when)."""

from __future__ import annotations

from .models import OutgoingMessage


def erase_outgoing(message: OutgoingMessage) -> None:
    message.delete()
