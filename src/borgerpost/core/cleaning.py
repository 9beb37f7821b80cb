"""The last line against control characters: every text a model of ours stores is cleaned
as it is saved, whichever way it came in (a form, a mail, the API, the command line).

The entry points clean what they take (mailparse, the registration action, the API),
and this makes sure a new entry point cannot forget: a NUL byte that PostgreSQL would
refuse, a line break in a subject that would become a mail header, a bidi override in a
file name. Bulk writes (bulk_create, update) skip signals, so the paths that use them
clean their values themselves.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from borgerpost.pure.text import clean_line, clean_text

# The audit log is hashed before it is saved and holds no free text from users.
_SKIP = {("core", "auditentry")}


def _ours(model: type[models.Model]) -> bool:
    meta = model._meta
    if (meta.app_label, meta.model_name) in _SKIP:
        return False
    return model.__module__.startswith("borgerpost.") or model is get_user_model()


@receiver(pre_save)
def _clean_text_fields(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    if not _ours(sender):
        return
    for field in sender._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname, None)
        if not isinstance(value, str) or not value:
            continue
        cleaned = clean_text(value) if isinstance(field, models.TextField) else clean_line(value)
        if cleaned != value:
            setattr(instance, field.attname, cleaned)
