"""The outbox: one row per mail or Digital Post letter, written in the transaction of the
action that sends it and delivered by the worker after the commit."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet


class Kind(models.TextChoices):
    MAIL = "mail", "Mail"
    DIGITAL_POST = "digital_post", "Digital Post"


class State(models.TextChoices):
    PENDING = "pending", "Venter på afsendelse"
    SENDING = "sending", "Sendes nu"
    RETRYING = "retrying", "Afsendelsen mislykkedes – prøves igen"
    SENT = "sent", "Sendt"
    FAILED = "failed", "Kunne ikke sendes"


# States in which the worker will still try to send the row.
WAITING = (State.PENDING, State.SENDING, State.RETRYING)


class Purpose(models.TextChoices):
    CITIZEN = "citizen", "Til en borger"
    INTERNAL = "internal", "Intern besked"


class OutgoingQuerySet(TenantQuerySet):
    def restricted_to(self, actor) -> OutgoingQuerySet:  # type: ignore[no-untyped-def]
        """Post as the people who can act on it see it: each person what they sent, and
        the secretariat also what the administration and borgerpost sent. Never a council
        member's own messages to anyone else (styrelseslov § 8 b)."""
        mine = Q(author=actor.user)
        if actor.is_secretariat:
            return self.filter(mine | Q(secretariat_sees=True))
        return self.filter(mine)

    def undelivered(self) -> OutgoingQuerySet:
        return self.filter(state=State.FAILED, handled_at__isnull=True)


class OutgoingMessage(models.Model):
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.CITIZEN)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    # What the message is about (an inquiry's message, a letter, an inquiry), for its page.
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Whether the secretariat may see the row when it cannot be delivered. A council
    # member's own messages are the member's (styrelseslov § 8 b): only they see them.
    secretariat_sees = models.BooleanField(default=False)
    # The same Message-ID (mail) or MeMo messageUUID (Digital Post) on every attempt, so a
    # message sent twice after a crash is recognisable as one.
    message_id = models.CharField(max_length=255, unique=True)
    recipient = models.CharField("modtager", max_length=300)  # CPR/CVR masked
    sender = models.CharField(max_length=300, blank=True)
    reply_to = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)  # the mail's text, emptied once sent
    payload = models.BinaryField(blank=True, default=b"")  # the MeMo XML, emptied once sent
    details = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField("årsag", max_length=500, blank=True)
    receipt = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # A person has seen that it could not be sent and dealt with it (sent it another way).
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = OutgoingQuerySet.as_manager()

    class Meta:
        verbose_name = "udgående besked"
        verbose_name_plural = "udgående post"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state__in=["pending", "sending", "retrying"]),
                name="outgoing_due",
            ),
            models.Index(fields=["about_type", "about_id"], name="outgoing_about"),
            models.Index(
                fields=["municipality", "created_at"],
                condition=Q(state="failed", handled_at__isnull=True),
                name="outgoing_undelivered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.message_id}"

    @property
    def state_label(self) -> str:
        if self.state == State.FAILED:
            return (
                f"Kunne ikke sendes: {self.last_error}"
                if self.last_error
                else self.get_state_display()
            )
        if self.state == State.RETRYING:
            return f"Afsendelsen mislykkedes ({self.last_error}) – prøves igen"
        return self.get_state_display()

    @property
    def waiting(self) -> bool:
        return self.state in WAITING
