"""Leave to enrol a second factor."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class EnrolmentTicket(models.Model):
    """Leave to set up an authenticator app: a link mailed to the person's municipal
    address, or a code the administrator hands them. One use, and it expires. Without it
    the first person to know an account's password could enrol their own app."""

    class Kind(models.TextChoices):
        LINK = "link", "link i mail"
        CODE = "code", "kode fra administratoren"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    secret_hash = models.CharField(max_length=64, unique=True)  # SHA-256; never the secret
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "core_enrolmentticket"  # moved from core; the table kept its name
