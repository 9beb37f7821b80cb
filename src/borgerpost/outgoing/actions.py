"""What a person does about post that could not be sent, with its audit entry."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError

from .models import OutgoingMessage, State


def _locked(actor: Actor, row: OutgoingMessage) -> OutgoingMessage:
    found = (
        OutgoingMessage.objects.for_actor(actor)
        .select_for_update(of=("self",))
        .filter(pk=row.pk)
        .first()
    )
    if found is None:
        raise RuleError("Beskeden findes ikke.")
    return found


def do_retry_outgoing(actor: Actor, row: OutgoingMessage) -> None:
    """Try again now, with a fresh series of attempts (the mail server is fixed, say)."""
    with transaction.atomic():
        found = _locked(actor, row)
        if found.state != State.FAILED or found.handled_at:
            raise RuleError("Kun en besked, der ikke kunne sendes, kan prøves igen.")
        if found.kind == "mail" and not found.body:
            raise RuleError("Beskedens tekst er ikke gemt længere. Send den igen fra sagen.")
        found.state = State.PENDING
        found.attempts = 0
        found.next_attempt_at = timezone.now()
        found.save(update_fields=["state", "attempts", "next_attempt_at"])
        record(actor, "outgoing.retried", found)


def do_mark_outgoing_handled(actor: Actor, row: OutgoingMessage) -> None:
    """The person has dealt with it another way (a phone call, Digital Post instead).
    The unsent text goes: it is kept where the action recorded it."""
    with transaction.atomic():
        found = _locked(actor, row)
        if found.state != State.FAILED:
            raise RuleError("Kun en besked, der ikke kunne sendes, kan markeres som håndteret.")
        found.handled_at = timezone.now()
        found.handled_by = actor.user
        found.body = ""
        found.payload = b""
        found.save(update_fields=["handled_at", "handled_by", "body", "payload"])
        record(actor, "outgoing.handled", found)
