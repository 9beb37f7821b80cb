"""What is new for a person: an inquiry given to them, a new inquiry for the
administration, an answer to an inquiry they sent on, a deadline about to pass."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet
from borgerpost.inquiries.models import Inquiry


class NoticeKind(models.TextChoices):
    NEW_INQUIRY = "new_inquiry", "Ny henvendelse"
    ASSIGNED = "assigned", "Tildelt dig"
    DIRECTOR_INVOLVED = "director_involved", "Direktøren inddrages"
    ANSWERED = "answered", "Administrationen har svaret"
    DEADLINE = "deadline", "Fristen nærmer sig"
    LETTER_HELD = "letter_held", "Brev holdt tilbage"


class OwnNoticeQuerySet(TenantQuerySet):
    def restricted_to(self, actor: Any) -> Self:
        """Each person's notices are their own: nobody else reads them, not even IT."""
        return self.filter(recipient=actor.user)


class Notice(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=30, choices=NoticeKind.choices)
    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Danish, written by borgerpost: inquiry numbers and staff names, never what a
    # citizen wrote (a notice may go by mail, and outlives the inquiry's text).
    text = models.CharField(max_length=300)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = OwnNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The navigation's number on every page: a person's unread notices.
            models.Index(
                fields=["recipient", "municipality"],
                condition=Q(read_at__isnull=True),
                name="notice_unread",
            ),
            models.Index(fields=["recipient", "municipality", "-created_at"], name="notice_list"),
        ]


class OwnSettingsQuerySet(TenantQuerySet):
    def restricted_to(self, actor: Any) -> Self:
        return self.filter(user=actor.user)


class NoticeSettings(models.Model):
    """Whether a person also gets their notices by mail, per municipality."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    by_mail = models.BooleanField("send mig også nyt på mail", default=False)

    objects = OwnSettingsQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="notice_settings_once")
        ]
