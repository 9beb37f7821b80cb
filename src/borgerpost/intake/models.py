"""Mailboxes borgerpost reads over IMAP, what it has taken from them, and what it could not read."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet


class MailboxKind(models.TextChoices):
    MAIN = "main", "Hovedpostkassen"
    MEMBER = "member", "Byrådsmedlemmets mappe"
    # The citizen counsellor's own mailbox: its mails go to the counsellor's register
    # only, never to the administration (seed 003: the function is independent).
    COUNSELLOR = "counsellor", "Borgerrådgiverens postkasse"


class MailSource(models.TextChoices):
    IMAP = "imap", "IMAP-postkasse"
    FOLDER = "folder", "Mappe med mailfiler"


class AuthMethod(models.TextChoices):
    PASSWORD = "password", "Adgangskode"
    XOAUTH2 = "xoauth2", "OAuth2 (Microsoft 365)"


class MailboxQuerySet(TenantQuerySet):
    def restricted_to(self, actor) -> MailboxQuerySet:  # type: ignore[no-untyped-def]
        """The administrator sees the main mailbox; a member sees only the folders they
        connected. Nobody else sees a member's mailbox (styrelseslov § 8 b)."""
        rule = Q(pk__in=[])
        if actor.is_admin:
            rule |= Q(kind=MailboxKind.MAIN)
        if actor.is_council_member:
            rule |= Q(kind=MailboxKind.MEMBER, member=actor.user)
        if actor.is_counsellor:
            rule |= Q(kind=MailboxKind.COUNSELLOR, member=actor.user)
        return self.filter(rule)


class Mailbox(models.Model):
    """An IMAP folder borgerpost reads: the main mailbox, or a folder a member connected.

    A member's folder exists only with the member's recorded consent, and only the
    member can connect, change or disconnect it.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("slags", max_length=10, choices=MailboxKind.choices)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consent_statement = models.TextField(blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)

    host = models.CharField("IMAP-server", max_length=255)
    port = models.PositiveIntegerField("port", default=993)
    username = models.CharField("brugernavn", max_length=255)
    auth_method = models.CharField(
        "log-in", max_length=10, choices=AuthMethod.choices, default=AuthMethod.PASSWORD
    )
    sealed_secret = models.TextField(blank=True)  # password or OAuth2 client secret (secrets.seal)
    oauth_tenant = models.CharField("Microsoft 365-tenant", max_length=100, blank=True)
    oauth_client_id = models.CharField("OAuth2-klient-id", max_length=200, blank=True)
    oauth_token_url = models.URLField("token-adresse", blank=True)
    # Where the mail is read: an IMAP folder, or a directory of .eml files that only the
    # operator can set up (intake/emlfolder.py); `folder` is then the directory.
    source = models.CharField(
        "kilde", max_length=10, choices=MailSource.choices, default=MailSource.IMAP
    )
    folder = models.CharField("mappe", max_length=255, default="INBOX")
    active = models.BooleanField("aktiv", default=True)

    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MailboxQuerySet.as_manager()

    class Meta:
        verbose_name = "postkasse"
        verbose_name_plural = "postkasser"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="main", member__isnull=True)
                | Q(kind="member", member__isnull=False, consent_at__isnull=False)
                | Q(kind="counsellor", member__isnull=False),
                name="mailbox_member_has_consent",
            ),
            models.UniqueConstraint(
                fields=["municipality"], condition=Q(kind="main"), name="one_main_mailbox"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.username} ({self.folder})"

    @property
    def label(self) -> str:
        if self.kind == MailboxKind.MAIN and self.source == MailSource.FOLDER:
            return f"Hovedpostkassen (mailfiler i mappen »{Path(self.folder).name}«)"
        if self.kind == MailboxKind.MAIN:
            return f"Hovedpostkassen ({self.username})"
        return f"Mappen »{self.folder}« hos {self.username}"


class IntakeRecord(models.Model):
    """One mail taken from a mailbox, written in the same transaction as its inquiry.

    The unique (mailbox, uidvalidity, uid) makes intake exactly-once: a worker killed
    after the commit finds the record on restart and only marks the mail as taken on
    the server; killed before it, the whole transaction is gone and the mail is taken
    again. The Message-ID catches the same mail after the server renumbered the folder.
    """

    class Outcome(models.TextChoices):
        CREATED = "created", "Ny henvendelse"
        JOINED = "joined", "Samme henvendelse som en allerede registreret"
        FOLLOW_UP = "follow_up", "Borgerens svar på en henvendelse"
        DUPLICATE = "duplicate", "Dublet"
        QUARANTINED = "quarantined", "I karantæne"

    mailbox = models.ForeignKey(Mailbox, on_delete=models.CASCADE, related_name="records")
    uidvalidity = models.BigIntegerField()
    uid = models.BigIntegerField()
    message_id = models.CharField(max_length=500, blank=True, db_index=True)
    # The same mail after the server renumbered the folder: the fingerprint of its content
    # (mailparse), never the Message-ID alone, which another mail may reuse.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    inquiry = models.ForeignKey(
        "inquiries.Inquiry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    taken_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailbox", "uidvalidity", "uid"], name="intake_exactly_once"
            )
        ]


class QuarantineQuerySet(TenantQuerySet):
    def restricted_to(self, actor) -> QuarantineQuerySet:  # type: ignore[no-untyped-def]
        """The main mailbox's quarantine is the secretariat's; a member's is the member's."""
        rule = Q(pk__in=[])
        if actor.is_secretariat:
            rule |= Q(mailbox__kind=MailboxKind.MAIN)
        if actor.is_council_member:
            rule |= Q(mailbox__kind=MailboxKind.MEMBER, mailbox__member=actor.user)
        if actor.is_counsellor:
            rule |= Q(mailbox__kind=MailboxKind.COUNSELLOR, mailbox__member=actor.user)
        return self.filter(rule)


class QuarantinedMail(models.Model):
    """A mail intake could not turn into an inquiry, kept whole with the reason.

    Never lost: a person reads the reason, downloads the original and registers it by
    hand or discards it. The content is deleted by the retention rules like an inquiry's.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    mailbox = models.ForeignKey(Mailbox, on_delete=models.PROTECT, related_name="quarantine")
    reason = models.CharField("årsag", max_length=500)
    subject = models.CharField("emne", max_length=300, blank=True)
    sender = models.CharField("afsender", max_length=300, blank=True)
    size = models.PositiveIntegerField(default=0)
    raw = models.FileField(upload_to="quarantine/", blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=200, blank=True)

    objects = QuarantineQuerySet.as_manager()

    class Meta:
        verbose_name = "mail i karantæne"
        verbose_name_plural = "mails i karantæne"
        ordering = ["-received_at"]
        # What still waits, per mailbox: the navigation counts it on every page.
        indexes = [
            models.Index(
                fields=["mailbox", "received_at"],
                condition=Q(resolved_at__isnull=True),
                name="quarantine_waiting",
            )
        ]
