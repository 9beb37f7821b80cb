"""Writing and verifying the audit log. Called inside the same transaction as the change.

The log is append-only and tamper-evident: every entry stores the hash of the entry
before it and its own hash over its fields, so changing or removing an entry breaks
the chain from there on, and `borgerpost audit verify` reports the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from borgerpost.core.models import AuditChainHead, AuditEntry, Municipality


def entry_hash(entry: AuditEntry) -> str:
    payload = json.dumps(
        {
            "prev": entry.prev_hash,
            "municipality": entry.municipality_id,
            "actor": entry.actor_id,
            "at": entry.at.isoformat(),
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "details": entry.details,
        },
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _entry(
    actor: Any,
    municipality: Municipality | None,
    action: str,
    obj: models.Model,
    details: dict[str, Any],
    previous: str,
    at: Any,
) -> AuditEntry:
    """One entry, linked to the one before it and hashed, not yet saved."""
    user = getattr(actor, "user", actor)
    entry = AuditEntry(
        municipality=municipality,
        actor=user if getattr(user, "pk", None) else None,
        action=action,
        object_type=obj._meta.model_name or type(obj).__name__.lower(),
        object_id=str(obj.pk),
        details=json.loads(json.dumps(details, default=str)),
        prev_hash=previous,
    )
    entry.at = at
    entry.hash = entry_hash(entry)
    return entry


def record(
    actor: Any,
    action: str,
    obj: models.Model,
    municipality: Municipality | None = None,
    **details: Any,
) -> AuditEntry:
    """Append one audit entry. `details` must never hold message content or CPR numbers."""
    if municipality is None:
        municipality = getattr(actor, "municipality", None) or getattr(obj, "municipality", None)
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = _entry(actor, municipality, action, obj, details, head.last_hash, timezone.now())
        entry.save()
        head.last_hash = entry.hash
        head.save(update_fields=["last_hash"])
    return entry


def record_many(
    actor: Any,
    action: str,
    items: list[tuple[models.Model, dict[str, Any]]],
    municipality: Municipality,
) -> None:
    """Append one entry per (object, details), chained in order under one lock: a bulk
    import of thousands of mails writes its audit trail in one statement."""
    if not items:
        return
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        previous, now, entries = head.last_hash, timezone.now(), []
        for obj, details in items:
            entry = _entry(actor, municipality, action, obj, details, previous, now)
            previous = entry.hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=1000)
        head.last_hash = previous
        head.save(update_fields=["last_hash"])


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken: int | None  # the id of the first entry whose link or content is wrong
    reason: str


def verify_chain() -> ChainReport:
    previous, count = "", 0
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        count += 1
        if entry.prev_hash != previous:
            return ChainReport(
                count,
                entry.pk,
                "forkert henvisning til forrige post (en post er slettet eller indsat)",
            )
        if entry_hash(entry) != entry.hash:
            return ChainReport(count, entry.pk, "posten er ændret efter den blev skrevet")
        previous = entry.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != previous:
        return ChainReport(count, None, "de nyeste poster mangler")
    return ChainReport(count, None, "kæden er hel")
