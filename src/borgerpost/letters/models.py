"""Letters to citizens and companies, the recipients, and the dispatch guard's holds."""

from __future__ import annotations

import uuid
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import AdministrationOnlyQuerySet, TenantQuerySet


class Citizen(models.Model):
    """A citizen letters go to, by CPR. Vulnerability is assessed individually, never by group."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    cpr = models.CharField("CPR-nummer", max_length=10)
    name = models.CharField("navn", max_length=200)
    address = models.CharField("adresse", max_length=300, blank=True)
    email = models.EmailField("mail", blank=True)
    digital_post_exempt = models.BooleanField("fritaget for Digital Post", default=False)
    vulnerable = models.BooleanField("sårbar", default=False)
    vulnerability_note = models.TextField("begrundelse for vurderingen", blank=True)
    vulnerability_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vulnerability_assessed_at = models.DateTimeField(null=True, blank=True)
    # An assessment is about the citizen now: it lapses at its review date unless it is
    # assessed again (retention removes it then, with the reason).
    vulnerability_review_on = models.DateField("revurderes senest", null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "cpr"], name="citizen_once")]

    def __str__(self) -> str:
        return self.name

    @property
    def masked_cpr(self) -> str:
        return f"{self.cpr[:6]}-XXXX"


class Company(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    cvr = models.CharField("CVR-nummer", max_length=8)
    name = models.CharField("navn", max_length=200)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "cvr"], name="company_once")]

    def __str__(self) -> str:
        return f"{self.name} (CVR {self.cvr})"


class LetterTemplate(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("skabelonens navn", max_length=150)
    title = models.CharField("titel", max_length=150)
    lead_text = models.TextField("forklarende følgetekst", blank=True)
    body = models.TextField("tekst")
    is_standard = models.BooleanField("standardbrev", default=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SystemsQuerySet(TenantQuerySet):
    """The sending systems and their rules: the administration's and IT's (no personal
    data, only which systems send and how their letters are treated)."""

    def restricted_to(self, actor: Any) -> Self:
        return self if actor.is_administration or actor.is_admin else self.none()


class SystemKindQuerySet(SystemsQuerySet):
    tenant_field = "system__municipality"


class SendingSystem(models.Model):
    """A system that hands its Digital Post to borgerpost's gateway (the social and
    employment systems, the job centre's, the case systems), so the dispatch guard holds
    its letters to vulnerable citizens too (seed 004). Registered by the municipality,
    with a token scoped to the gateway only."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    name = models.CharField("systemets navn", max_length=100)
    token = models.OneToOneField(
        "api.ApiToken", null=True, blank=True, on_delete=models.PROTECT, related_name="system"
    )
    # Whether a system's letters may be passed on at once with MeMo's doNotDeliverUntilDate
    # instead of being held in borgerpost (where the transport supports it).
    deliver_later_by_memo = models.BooleanField(
        "send straks med MeMo's doNotDeliverUntilDate i stedet for at holde brevet",
        default=False,
    )
    # Seed 004's advance notice: the caseworker who assessed the citizen is told that a
    # letter from this system is being held, so they can call the citizen first.
    notify_caseworker = models.BooleanField(
        "fortæl sagsbehandleren, der har vurderet borgeren, når et brev holdes tilbage",
        default=True,
    )
    # For a system that can only write files: its sub-directory of DIGITAL_POST_FOLDERS,
    # where it drops MeMo files (letters/folders.py takes them).
    folder = models.CharField("mappe til MeMo-filer", max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SystemsQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SystemLetterKind(models.Model):
    """What the municipality has decided about one kind of letter from one system (a MeMo
    label or the system's own name for it), for systems that cannot say per letter
    whether it has a statutory deadline. A kind with no rule is sent, never held."""

    system = models.ForeignKey(SendingSystem, on_delete=models.CASCADE, related_name="kinds")
    kind = models.CharField("slags brev", max_length=100)
    has_deadline = models.BooleanField("har en lovbestemt frist", default=True)

    objects = SystemKindQuerySet.as_manager()

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["system", "kind"], name="one_rule_per_kind")]

    def __str__(self) -> str:
        return self.kind


def letter_document_path(instance: Letter, filename: str) -> str:
    # Under a random name: a system's file name may hold the citizen's name.
    return f"letters/{instance.municipality_id}/{uuid.uuid4().hex}.pdf"


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Kladde"
    HELD = "held", "Holdt tilbage"
    SENT = "sent", "Sendt"
    PRINT_QUEUE = "print_queue", "I printkø (fysisk brev)"
    # Held, but at release it could no longer be sent (the guard, the address): a person
    # must act, and the letter says why.
    STOPPED = "stopped", "Standset – kunne ikke sendes"


class Letter(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    template = models.ForeignKey(
        LetterTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="skabelon",
    )
    # Retention deletes a citizen from the register after their last letter; the letters'
    # own content is deleted before that, so what stays is a letter with no recipient.
    citizen = models.ForeignKey(
        Citizen,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
        verbose_name="borger",
    )
    company = models.ForeignKey(
        Company,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name="virksomhed",
    )
    title = models.CharField("titel", max_length=150)
    lead_text = models.TextField("forklarende følgetekst", blank=True)
    body = models.TextField("tekst")
    contact_text = models.TextField(
        "sådan kontakter borgeren os",
        blank=True,
        help_text="Telefontider, mail og sagsbehandlerens navn, så borgeren kan få hjælp bagefter.",
    )
    case_number = models.CharField("sagsnummer", max_length=100, blank=True)
    statutory_deadline = models.BooleanField("brevet har en lovbestemt tidsfrist", default=False)
    urgent = models.BooleanField("hastende", default=False)
    # A system's MeMo said legalNotification (a decision, a hearing): passed on as such.
    legal_notification = models.BooleanField("retsvirkning (legalNotification)", default=False)
    status = models.CharField(
        max_length=20, choices=LetterStatus.choices, default=LetterStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    hold_until = models.DateTimeField("holdes til", null=True, blank=True, db_index=True)
    hold_reason = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    transport = models.CharField(max_length=20, blank=True)
    message_uuid = models.CharField(max_length=40, blank=True)
    released_early_reason = models.TextField(blank=True)
    content_deleted_at = models.DateTimeField(null=True, blank=True)
    # Handed over by another system through the gateway (None: written in borgerpost).
    sending_system = models.ForeignKey(
        SendingSystem,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name="afsendersystem",
    )
    # The system's own id of the letter (MeMo's messageUUID): the same id again is the
    # same letter, never a second one.
    external_uuid = models.CharField(max_length=40, blank=True)
    kind = models.CharField("slags brev", max_length=100, blank=True)
    # The system's own PDF (a MeMo's main document), passed on unchanged; the text of it
    # is in `body` for the checks and the letter's page.
    document = models.FileField(upload_to=letter_document_path, blank=True, max_length=300)
    # The seed's advice, checked on every letter from a system and counted per system.
    generic_title = models.BooleanField(default=False)
    missing_contact = models.BooleanField(default=False)
    lix_score = models.PositiveSmallIntegerField(null=True, blank=True)
    over_lix_target = models.BooleanField(default=False)

    objects = AdministrationOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sending_system", "external_uuid"],
                condition=~models.Q(external_uuid=""),
                name="one_letter_per_system_uuid",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def recipient_label(self) -> str:
        if self.citizen:
            return f"{self.citizen.name} ({self.citizen.masked_cpr})"
        return str(self.company) if self.company else ""

    @property
    def transport_label(self) -> str:
        return {
            "outbox": "afleveret i kommunens forsendelsesmappe til Digital Post",
            "sf1601": "sendt med Digital Post",
            "mail": "sendt som mail",
            "print": "lagt i printkøen som fysisk brev",
        }.get(self.transport, "")

    @property
    def full_text(self) -> str:
        return "\n\n".join(
            p for p in (self.title, self.lead_text, self.body, self.contact_text) if p
        )


class LetterAttachmentQuerySet(AdministrationOnlyQuerySet):
    tenant_field = "letter__municipality"


def letter_attachment_path(instance: LetterAttachment, filename: str) -> str:
    # Under a random name: the file name may hold the citizen's name.
    return f"letters/{instance.letter.municipality_id}/bilag/{uuid.uuid4().hex}"


class LetterAttachment(models.Model):
    """A document sent with a letter from a system (MeMo's additional documents), passed
    on unchanged."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField("filnavn", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=letter_attachment_path, max_length=300)

    objects = LetterAttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class AdvanceNoticeTask(models.Model):
    """Call the citizen first: the guideline's advance notice before a hard letter."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="notice_tasks")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
