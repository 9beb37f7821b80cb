"""The audit log: append-only, one tamper-evident chain per municipality (log.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet


class AuditQuerySet(TenantQuerySet):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only")


class AuditEntry(models.Model):
    """Who did what to which record, when. Never the content itself."""

    municipality = models.ForeignKey(
        Municipality, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Each municipality's entries form a chain of their own (its id; 0: no municipality).
    chain = models.PositiveBigIntegerField(default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set before hashing (audit/log.py), so not auto_now_add, which would overwrite it.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    details = models.JSONField(default=dict, blank=True)
    # Tamper evidence: each entry carries the hash of the one before it (audit/log.py).
    prev_hash = models.CharField(max_length=64, default="", blank=True)
    hash = models.CharField(max_length=64, default="", blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        db_table = "core_auditentry"  # moved from core; the table kept its name
        verbose_name = "logpost"
        verbose_name_plural = "log"
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["chain", "id"], name="audit_chain_order"),
        ]

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("The audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only")


class AuditChainHead(models.Model):
    """A chain's newest MAC; its row lock makes writers append to that chain one at a time
    (writers in other municipalities take other rows and never wait)."""

    chain = models.PositiveBigIntegerField(unique=True)
    last_hash = models.CharField(max_length=64, default="")
    last_entry_id = models.BigIntegerField(default=0)

    class Meta:
        db_table = "core_auditchainhead"
