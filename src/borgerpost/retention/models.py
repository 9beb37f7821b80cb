from django.conf import settings
from django.db import models

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet


class DeletionLog(models.Model):
    """What was deleted, when and by which rule. Never the content."""

    # None for the installation's own files (the file transports' folders).
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    record_type = models.CharField(max_length=40)
    record_id = models.CharField(max_length=40)
    rule = models.CharField(max_length=60)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]


class PrintedCopy(models.Model):
    """A printed mail with confidential content: kept locked away until handed in for
    shredding (seed 001). Describes the copy, never its content."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    inquiry = models.ForeignKey(
        "inquiries.Inquiry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="henvendelse",
    )
    description = models.CharField(
        "hvad er printet",
        max_length=200,
        help_text="Fx »Mail om skolevej, 2 sider«. Intet om indholdet.",
    )
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    printed_at = models.DateTimeField("printet", auto_now_add=True)
    kept_where = models.CharField(
        "opbevares", max_length=200, help_text="Fx »aflåst skab på kontoret«."
    )
    handed_in_at = models.DateTimeField("afleveret til makulering", null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["handed_in_at", "-printed_at"]

    def __str__(self) -> str:
        return self.description
