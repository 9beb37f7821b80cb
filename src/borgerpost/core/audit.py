"""Writing the audit log. Called inside the same transaction as the change it records."""

from __future__ import annotations

from typing import Any

from django.db import models

from borgerpost.core.models import AuditEntry, Municipality


def record(
    actor: Any,
    action: str,
    obj: models.Model,
    municipality: Municipality | None = None,
    **details: Any,
) -> AuditEntry:
    """Append one audit entry. `details` must never hold message content or CPR numbers."""
    user = getattr(actor, "user", actor)
    if municipality is None:
        municipality = getattr(actor, "municipality", None) or getattr(obj, "municipality", None)
    return AuditEntry.objects.create(
        municipality=municipality,
        actor=user if getattr(user, "pk", None) else None,
        action=action,
        object_type=obj._meta.model_name or type(obj).__name__.lower(),
        object_id=str(obj.pk),
        details=details,
    )
