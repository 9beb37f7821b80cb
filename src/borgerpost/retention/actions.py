"""Writes to the register of printed copies (seed 001), each with its audit entry."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError

from .models import PrintedCopy


def do_register_printed_copy(actor: Actor, copy: PrintedCopy) -> PrintedCopy:
    if copy.inquiry is not None and copy.inquiry.municipality_id != actor.municipality.pk:
        raise RuleError("Henvendelsen hører til en anden kommune.")
    with transaction.atomic():
        copy.municipality = actor.municipality
        copy.printed_by = actor.user
        copy.save()
        record(actor, "printed_copy.registered", copy)
    return copy


def do_hand_in(actor: Actor, copy: PrintedCopy) -> None:
    """The person's own copy, handed in for shredding once."""
    with transaction.atomic():
        locked = PrintedCopy.objects.select_for_update().get(pk=copy.pk)
        if locked.printed_by_id != actor.user.pk or locked.municipality_id != actor.municipality.pk:
            raise RuleError("Kun den, der har printet, kan registrere udskriften som afleveret.")
        if locked.handed_in_at is not None:
            raise RuleError("Udskriften er allerede afleveret.")
        locked.handed_in_at = timezone.now()
        locked.save(update_fields=["handed_in_at"])
        record(actor, "printed_copy.handed_in", locked)
