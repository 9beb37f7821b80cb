"""The municipality's standard texts: kept by the secretariat and IT's administrator."""

from __future__ import annotations

from django.db import transaction

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.pure import placeholders
from borgerpost.pure.text import clean_line, clean_text

from ..models import StandardText


def _may_keep_texts(actor: Actor) -> None:
    if not (actor.is_secretariat or actor.is_admin):
        raise RuleError("Kun sekretariatet og kommunens administrator retter standardtekster.")


def do_save_standard_text(actor: Actor, text: StandardText) -> StandardText:
    _may_keep_texts(actor)
    text.name, text.body = clean_line(text.name).strip()[:150], clean_text(text.body).strip()
    if not text.name or not text.body:
        raise RuleError("Giv teksten et navn og en tekst.")
    if wrong := placeholders.unknown(text.body):
        known = ", ".join("{" + name + "}" for name in placeholders.PLACEHOLDERS)
        raise RuleError(
            f"Ukendt felt i teksten: {', '.join('{' + w + '}' for w in wrong)}. Brug {known}."
        )
    with transaction.atomic():
        if text.pk is not None:
            current = StandardText.objects.select_for_update().get(pk=text.pk)
            if current.municipality_id != actor.municipality.pk:
                raise RuleError("Teksten hører til en anden kommune.")
        text.municipality = actor.municipality
        text.save()
        record(actor, "standard_text.saved", text, kind=text.kind)
    return text


def do_delete_standard_text(actor: Actor, text: StandardText) -> None:
    _may_keep_texts(actor)
    if text.municipality_id != actor.municipality.pk:
        raise RuleError("Teksten hører til en anden kommune.")
    with transaction.atomic():
        record(actor, "standard_text.deleted", text, kind=text.kind)
        text.delete()
