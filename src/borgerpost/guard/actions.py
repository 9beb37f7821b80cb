"""Writes to the guard's set-up, each with its audit entry in the same transaction."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from borgerpost.audit.log import record
from borgerpost.core.access import Actor

from .models import GuardTerm


class GuardSetupError(ValueError):
    """A change the guard set-up refuses; the message is Danish."""


def do_add_guard_term(actor: Actor, kind: str, text: str, category: str) -> GuardTerm:
    text = " ".join(text.split())
    if len(text) < 3:
        raise GuardSetupError("Skriv mindst tre tegn.")
    try:
        with transaction.atomic():
            term = GuardTerm.objects.create(
                municipality=actor.municipality,
                kind=kind,
                text=text,
                category=category,
                created_by=actor.user,
            )
            # The word is the municipality's own configuration, not personal data.
            record(actor, "guard_term.created", term, kind=kind, category=category, text=text)
    except IntegrityError:
        raise GuardSetupError("Ordet findes allerede.") from None
    return term


def do_remove_guard_term(actor: Actor, term: GuardTerm) -> None:
    with transaction.atomic():
        record(actor, "guard_term.removed", term, kind=term.kind, text=term.text)
        term.delete()
