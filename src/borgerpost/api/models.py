"""Tokens for integrations (records systems, mail gateways, the meeting system).

A token acts as a service account with one role in one municipality, so every rule that
applies to a person with that role (for_actor, the do_* actions, the audit log) applies
to the integration too. Only administration roles can be given: no integration ever
reads what council members received. The secret is shown once and stored as a hash.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet


class Scope(models.TextChoices):
    # The inquiries API: what the token's administration role may read and write.
    API = "api", "API'et for henvendelser"
    # Only the Digital Post gateway: a sending system hands over letters, nothing else.
    DIGITAL_POST = "digital-post", "Digital Post-gatewayen"


class ApiToken(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.API)
    name = models.CharField("navn", max_length=100)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_token"
    )
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    requests_per_minute = models.PositiveIntegerField(default=120)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"


class RateWindow(models.Model):
    """Requests per token per minute, counted in the database so that every app server
    shares one limit."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    minute = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "minute"], name="one_window_per_minute")
        ]
