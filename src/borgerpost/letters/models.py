"""Letters to citizens and companies, the recipients, and the dispatch guard's holds."""

from __future__ import annotations

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

    objects = AdministrationOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

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


class AdvanceNoticeTask(models.Model):
    """Call the citizen first: the guideline's advance notice before a hard letter."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="notice_tasks")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
