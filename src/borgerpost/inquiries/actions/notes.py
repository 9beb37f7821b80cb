"""Internal notes on an inquiry: the administration's thread, and each member's own.
A note is never sent anywhere; the guard scans it like every text, so a note that holds
sensitive data says so wherever it is shown."""

from __future__ import annotations

from django.db import transaction

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.guard import service as guard
from borgerpost.pure.text import clean_text

from ..models import Inquiry, Note, NoteVisibility
from .common import locked

MAX_NOTE = 5000


def do_add_note(actor: Actor, inquiry: Inquiry, body: str, visibility: str) -> Note:
    text = clean_text(body).strip()
    if not text:
        raise RuleError("Skriv noten først.")
    if len(text) > MAX_NOTE:
        raise RuleError(f"En note må højst være {MAX_NOTE} tegn.")
    with transaction.atomic():
        row = locked(inquiry)
        _may_write(actor, row, visibility)
        scanner = guard.scanner_for(row.municipality)
        note = Note.objects.create(
            inquiry=row,
            author=actor.user,
            visibility=visibility,
            body=text,
            sensitive_categories=sorted({f.category for f in scanner.scan(text)}),
        )
        record(actor, "inquiry.note_added", row, note=note.pk, visibility=visibility)
    return note


def _may_write(actor: Actor, inquiry: Inquiry, visibility: str) -> None:
    if visibility == NoteVisibility.ADMINISTRATION:
        if not (actor.is_administration and inquiry.administration_involved):
            raise RuleError("Kun administrationen skriver i administrationens noter.")
        return
    if visibility == NoteVisibility.MEMBER:
        if not (actor.is_council_member and inquiry.recipients.filter(member=actor.user).exists()):
            raise RuleError("Kun byrådsmedlemmer, der har modtaget henvendelsen, har egne noter.")
        return
    raise RuleError("Ukendt slags note.")
