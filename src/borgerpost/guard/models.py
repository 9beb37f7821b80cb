"""A municipality's own guard terms and exceptions, and findings users marked as false."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet
from borgerpost.pure.scanner import CATEGORIES, CATEGORY_LABELS

CATEGORY_CHOICES = [(c, CATEGORY_LABELS[c]) for c in CATEGORIES if c != "cpr"]


class TermKind(models.TextChoices):
    TERM = "term", "Ekstra ord (skal fanges)"
    EXCEPTION = "exception", "Undtagelse (skal ikke fanges)"


class GuardTerm(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("type", max_length=20, choices=TermKind.choices)
    text = models.CharField(
        "ord eller udtryk",
        max_length=200,
        help_text="Ord: fanges med bøjninger (fx »bostøtte« fanger også »bostøtten«). "
        "Undtagelse: en sætning med udtrykket giver intet fund.",
    )
    category = models.CharField("kategori", max_length=30, choices=CATEGORY_CHOICES, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "text"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "kind", "text"], name="guard_term_once")
        ]

    def __str__(self) -> str:
        return self.text


class FalsePositive(models.Model):
    """A finding a user said was not sensitive. Counted; the word itself is not stored."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=30)
    rule = models.CharField(max_length=60)
    at = models.DateTimeField(auto_now_add=True)
    objects = TenantQuerySet.as_manager()
