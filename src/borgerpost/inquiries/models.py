"""Inquiries from citizens to council members, and everything that happens to them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from borgerpost.core.memo import once_per_request
from borgerpost.core.models import Centre, Committee, Municipality
from borgerpost.core.tenancy import TenantQuerySet
from borgerpost.pure import workdays


class Channel(models.TextChoices):
    MAIL = "mail", "Mail"
    LETTER = "letter", "Brev"
    PHONE = "phone", "Telefon"
    FACEBOOK = "facebook", "Facebook"
    MESSENGER = "messenger", "Messenger"
    IN_PERSON = "in_person", "Personligt fremmøde"


ACCESS_REQUEST_DAYS = 7  # offentlighedslovens § 36, stk. 2

SOCIAL_MEDIA_CHANNELS = frozenset({Channel.FACEBOOK, Channel.MESSENGER})


CHANNEL_LABELS = dict(Channel.choices)  # get_channel_display() is slow in a 50-row list


class Classification(models.TextChoices):
    POLITICAL = "political", "Ren politisk henvendelse"
    PRACTICAL = "practical", "Simpelt praktisk spørgsmål"
    CASE = "case", "Borgerens sag eller kommunens forvaltning"


class AnswerPath(models.TextChoices):
    PERSONAL = "personal", "1. Personligt svar"
    ADMINISTRATION = "administration", "2. Administrationen besvarer"
    AGENDA = "agenda", "3. Forslag til dagsorden"


class Status(models.TextChoices):
    NEW = "new", "Ny"
    OPEN = "open", "Under behandling"
    WITH_ADMINISTRATION = "with_administration", "Hos administrationen"
    CLOSED = "closed", "Afsluttet"


class PowerOfAttorney(models.TextChoices):
    NOT_RELEVANT = "not_relevant", "Ikke relevant"
    UNKNOWN = "unknown", "Ikke afklaret"
    PRESENT = "present", "Fuldmagt foreligger"
    MISSING = "missing", "Ingen fuldmagt"


class AnswerMode(models.TextChoices):
    WRITTEN = "written", "Skriftligt"
    PHONE = "phone", "Telefonisk"


class InquiryQuerySet(TenantQuerySet):
    def restricted_to(self, actor) -> InquiryQuerySet:  # type: ignore[no-untyped-def]
        """The one place that decides which inquiries a person may see.

        Council members see what they received and agenda proposals addressed to
        them. The administration sees only what was sent to it (styrelseslov § 8 b:
        it has no access to members' mailboxes). Nothing crosses municipalities.
        """
        rule = Q(pk__in=[])
        if actor.is_council_member:
            rule |= Q(
                Exists(InquiryRecipient.objects.filter(inquiry=OuterRef("pk"), member=actor.user))
            )
            # A proposal's addressee sees its inquiry too. They are few, so their ids are
            # read first: an OR of two subqueries makes PostgreSQL hash every inquiry the
            # member ever got (8 ms at 30,000) instead of probing the index per row read.
            proposed = once_per_request(
                ("proposed to", actor.user.pk),
                lambda: list(
                    AgendaProposal.objects.filter(addressee=actor.user).values_list(
                        "inquiry_id", flat=True
                    )
                ),
            )
            if proposed:
                rule |= Q(pk__in=proposed)
        if actor.is_administration:
            rule |= Q(sent_to_administration_at__isnull=False)
        return self.filter(rule)

    def open(self) -> InquiryQuerySet:
        return self.exclude(status=Status.CLOSED)

    def overdue(self, today: dt.date | None = None) -> InquiryQuerySet:
        today = today or timezone.localdate()
        return self.open().filter(deadline__lt=today)


class Inquiry(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField("kanal", max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField("modtaget")
    citizen_name = models.CharField("borgerens navn", max_length=200, blank=True)
    citizen_email = models.EmailField("borgerens mail", blank=True)
    citizen_phone = models.CharField("borgerens telefon", max_length=40, blank=True)
    citizen_address = models.CharField("borgerens adresse", max_length=300, blank=True)
    subject = models.CharField("emne", max_length=300, blank=True)
    body = models.TextField("tekst")
    body_was_html = models.BooleanField(default=False)
    # Looked up only within a municipality: see the composite indexes below.
    message_id = models.CharField(max_length=500, blank=True)
    # The fingerprint that decides whether another copy is the same message (mailparse):
    # for a mail its sender, date, text and attachments; never the Message-ID alone.
    content_key = models.CharField(max_length=64)
    # The addresses the mail was sent to (To, Cc, delivery headers): only a member among
    # them joins this inquiry with a copy of the same mail.
    addressed_to = models.JSONField(default=list, blank=True)
    # What registration noticed and the people handling the inquiry should know (Danish).
    intake_notes = models.JSONField("bemærkninger ved registreringen", default=list, blank=True)
    sensitive_categories = models.JSONField("følsomme oplysninger", default=list, blank=True)

    # Empty when the inquiry came in through the main mailbox's intake (no person).
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Sent by the citizen to the main mailbox: the administration's own inquiry, never
    # merged with a member's (the administration has no access to members' mail).
    received_in_main_mailbox = models.BooleanField("modtaget i hovedpostkassen", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateField("svarfrist")
    # A request for access to documents: 7 working days (offentlighedslovens § 36, stk. 2).
    is_access_request = models.BooleanField("anmodning om aktindsigt", default=False)
    # A longer answer time ("som udgangspunkt" 10 working days): the deadline before the
    # first extension, why, and when; the citizen is told the new date.
    original_deadline = models.DateField("oprindelig svarfrist", null=True, blank=True)
    extension_reason = models.TextField("begrundelse for længere svartid", blank=True)
    extended_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NEW)

    suggested_classification = models.CharField(
        max_length=20, choices=Classification.choices, blank=True
    )
    suggestion_reasons = models.JSONField(default=list, blank=True)
    classification = models.CharField(
        "vurdering", max_length=20, choices=Classification.choices, blank=True
    )
    path = models.CharField("besvarelse", max_length=20, choices=AnswerPath.choices, blank=True)
    committee = models.ForeignKey(
        Committee,
        verbose_name="udvalgsområde",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    concerns_other_citizen = models.BooleanField("vedrører en anden borger", default=False)
    power_of_attorney = models.CharField(
        "fuldmagt",
        max_length=20,
        choices=PowerOfAttorney.choices,
        default=PowerOfAttorney.NOT_RELEVANT,
    )

    acknowledgement_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    advance_notice_at = models.DateTimeField(null=True, blank=True)

    sent_to_administration_at = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_to_administration_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member_note_to_administration = models.TextField(blank=True)
    centre = models.ForeignKey(
        Centre, verbose_name="center", null=True, blank=True, on_delete=models.SET_NULL
    )
    answer_mode = models.CharField(
        "svarform", max_length=20, choices=AnswerMode.choices, blank=True
    )
    director_involved = models.BooleanField("direktøren inddrages", default=False)
    # The named person in the administration who handles it (the secretariat assigns).
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="sagsbehandler",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    records_case_number = models.CharField("journalnummer i ESDH", max_length=100, blank=True)

    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    content_deleted_at = models.DateTimeField("indhold slettet", null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = "henvendelse"
        verbose_name_plural = "henvendelser"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["municipality", "status", "deadline"]),
            models.Index(fields=["municipality", "content_key"]),
            models.Index(fields=["municipality", "message_id"]),
            # What the lists order by (issue 17): the inbox by arrival, the
            # administration's queue by deadline; the open tabs read only open rows.
            models.Index(
                fields=["municipality", "-received_at", "-id"], name="inquiry_by_received"
            ),
            models.Index(
                fields=["municipality", "-received_at", "-id"],
                condition=~Q(status="closed"),
                name="inquiry_open_by_received",
            ),
            models.Index(
                fields=["municipality", "deadline", "id"],
                condition=~Q(status="closed"),
                name="inquiry_open_by_deadline",
            ),
            models.Index(
                fields=["municipality", "deadline", "id"],
                condition=Q(sent_to_administration_at__isnull=False),
                name="inquiry_queue_by_deadline",
            ),
            models.Index(
                fields=["municipality", "deadline", "id"],
                condition=Q(sent_to_administration_at__isnull=False) & ~Q(status="closed"),
                name="inquiry_open_queue",
            ),
            # »Mine henvendelser« of a person in the administration: what is given to them.
            models.Index(
                fields=["assigned_to", "deadline", "id"],
                condition=Q(assigned_to__isnull=False),
                name="inquiry_assigned",
            ),
            # Closed, its content not yet deleted: what retention and the secretariat's
            # "waiting for a case number" read, a few rows however long the history.
            models.Index(
                fields=["municipality", "closed_at"],
                condition=Q(status="closed", content_deleted_at__isnull=True),
                name="inquiry_due_for_erasure",
            ),
            # The secretariat's "waiting for a case number" (retention.rules): its own
            # index, or PostgreSQL ANDed in every inquiry ever sent to the administration.
            models.Index(
                fields=["municipality", "closed_at"],
                condition=Q(
                    status="closed",
                    content_deleted_at__isnull=True,
                    sent_to_administration_at__isnull=False,
                    records_case_number="",
                ),
                name="inquiry_waiting_case_number",
            ),
        ]

    def __str__(self) -> str:
        return f"Henvendelse {self.pk}"

    @property
    def reference(self) -> str:
        return f"H-{self.pk}"

    @property
    def is_social_media(self) -> bool:
        return self.channel in SOCIAL_MEDIA_CHANNELS

    @property
    def is_case_related(self) -> bool:
        chosen = self.classification or self.suggested_classification
        return chosen == Classification.CASE

    @property
    def administration_involved(self) -> bool:
        return self.sent_to_administration_at is not None

    @property
    def needs_power_of_attorney_warning(self) -> bool:
        return self.concerns_other_citizen and self.power_of_attorney != PowerOfAttorney.PRESENT

    @property
    def answer_days(self) -> int:
        """The working days the answer may take before any extension."""
        return (
            ACCESS_REQUEST_DAYS
            if self.is_access_request
            else self.municipality.answer_deadline_days
        )

    def deadline_status(self, today: dt.date | None = None) -> workdays.DeadlineStatus:
        if self.status == Status.CLOSED:
            return workdays.DeadlineStatus("closed", 0, "Afsluttet")
        return workdays.deadline_status(
            self.deadline, today or timezone.localdate(), self.municipality.calendar
        )

    def sensitive_labels(self) -> list[str]:
        from borgerpost.pure.scanner import CATEGORY_LABELS

        return [CATEGORY_LABELS[c] for c in self.sensitive_categories if c in CATEGORY_LABELS]

    def display_title(self) -> str:
        return self.subject or f"{CHANNEL_LABELS[self.channel]}-henvendelse"


def of_visible_inquiry(actor) -> Exists:  # type: ignore[no-untyped-def]
    """For rows that belong to an inquiry (drafts, attachments): the inquiry's access rule,
    checked per row. `inquiry__in=for_actor(...)` made SQLite build the set of every
    inquiry the administration may see (30,000) to check a few drafts."""
    return Exists(Inquiry.objects.for_actor(actor).filter(pk=OuterRef("inquiry_id")))


def received_by(actor) -> Exists:  # type: ignore[no-untyped-def]
    """For rows that belong to an inquiry: the person is among the members who got it."""
    return Exists(
        InquiryRecipient.objects.filter(inquiry=OuterRef("inquiry_id"), member=actor.user)
    )


class InquiryRecipient(models.Model):
    """A council member who received the inquiry. One inquiry, many recipients."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="recipients")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="received_inquiries"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["registered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["inquiry", "member"], name="recipient_once")]
        # A member's own rows first: the access rule starts from them.
        indexes = [models.Index(fields=["member", "inquiry"], name="recipient_by_member")]


def attachment_path(instance: Attachment, filename: str) -> str:
    # Stored under a random name: the citizen's file name may hold personal data.
    return f"attachments/{instance.inquiry.municipality_id}/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=150)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to=attachment_path, max_length=300)

    class Meta:
        ordering = ["id"]


class MessageKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Kvittering"
    SOCIAL_MEDIA_ANSWER = "social_media_answer", "Standardsvar til sociale medier"
    ADVANCE_NOTICE = "advance_notice", "Varsling før videresendelse"
    REPLY = "reply", "Personligt svar"
    COPY_TO_ADMINISTRATION = "copy_to_administration", "Kopi til administrationen"
    ADMINISTRATION_ANSWER = "administration_answer", "Administrationens svar"
    FORWARD = "forward", "Videresendt"
    EXTENSION_NOTICE = "extension_notice", "Besked om længere svartid"


class MessageChannel(models.TextChoices):
    MAIL = "mail", "Mail"
    LETTER = "letter", "Brev"
    PHONE = "phone", "Telefon"
    MEETING = "meeting", "Møde"
    DIGITAL_POST = "digital_post", "Digital Post"
    FACEBOOK = "facebook", "Facebook"
    MESSENGER = "messenger", "Messenger"
    INTERNAL = "internal", "Internt i systemet"


# What someone who sees an inquiry but did not receive it (the administration, or the
# addressee of an agenda proposal) sees of its messages: only what was sent to the
# administration. A copy carries the one reply the member chose to send with it.
ADMINISTRATION_SEES = frozenset({"copy_to_administration", "administration_answer"})


class MessageQuerySet(TenantQuerySet):
    tenant_field = "inquiry__municipality"

    def restricted_to(self, actor) -> MessageQuerySet:  # type: ignore[no-untyped-def]
        """The messages of inquiries the person may see; all of them only for a member who
        received the inquiry (styrelseslov § 8 b: never the member's own messages to the
        administration)."""
        rule = Q(kind__in=ADMINISTRATION_SEES)
        if actor.is_council_member:
            rule |= Q(received_by(actor))
        return self.filter(of_visible_inquiry(actor)).filter(rule)


class Message(models.Model):
    """Something said to the citizen or to the administration about an inquiry."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=30, choices=MessageKind.choices)
    channel = models.CharField("kanal", max_length=20, choices=MessageChannel.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    on_behalf_of_all = models.BooleanField(default=False)
    recipient = models.CharField("modtager", max_length=300, blank=True)
    subject = models.CharField("emne", max_length=300, blank=True)
    body = models.TextField("tekst", blank=True)
    answered_how = models.CharField(
        "svaret er givet", max_length=20, choices=MessageChannel.choices, blank=True
    )
    includes_answer = models.BooleanField(default=False)
    # A copy to the administration carries the one reply the member chose to send with
    # it; the administration sees that reply and no other (styrelseslov § 8 b).
    carried_reply = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["sent_at", "id"]
        constraints = [
            # Never two acknowledgements for one inquiry, whoever sends them.
            models.UniqueConstraint(
                fields=["inquiry"],
                condition=Q(kind="acknowledgement"),
                name="one_acknowledgement_per_inquiry",
            )
        ]


class NoteVisibility(models.TextChoices):
    ADMINISTRATION = "administration", "Administrationens interne noter"
    MEMBER = "member", "Mine egne noter"


class NoteQuerySet(TenantQuerySet):
    tenant_field = "inquiry__municipality"

    def restricted_to(self, actor) -> NoteQuerySet:  # type: ignore[no-untyped-def]
        """The administration's notes are the administration's thread; a member's notes are
        that member's alone (styrelseslov § 8 b: the administration never reads them, and
        nor does another member)."""
        rule = Q(pk__in=[])
        if actor.is_administration:
            rule |= Q(visibility=NoteVisibility.ADMINISTRATION)
        if actor.is_council_member:
            rule |= Q(visibility=NoteVisibility.MEMBER, author=actor.user)
        return self.filter(of_visible_inquiry(actor)).filter(rule)


class Note(models.Model):
    """An internal note on an inquiry: never sent anywhere, scanned by the guard like
    everything else so a note with sensitive data says so."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    visibility = models.CharField(max_length=20, choices=NoteVisibility.choices)
    body = models.TextField("note")
    sensitive_categories = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def sensitive_labels(self) -> list[str]:
        from borgerpost.pure.scanner import CATEGORY_LABELS

        return [CATEGORY_LABELS[c] for c in self.sensitive_categories if c in CATEGORY_LABELS]


class DraftStatus(models.TextChoices):
    REQUESTED = "requested", "Bestilt"
    READY = "ready", "Klar til redigering"
    SENT = "sent", "Sendt"


class DraftReply(models.Model):
    """A draft reply the administration writes for the mayor or a committee chair."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="drafts")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    request_note = models.TextField("besked til administrationen", blank=True)
    body = models.TextField("udkast", blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=DraftStatus.choices, default=DraftStatus.REQUESTED
    )

    class Meta:
        ordering = ["-requested_at", "-id"]
        # The drafts the administration has still to write: a few, however many were.
        indexes = [
            models.Index(
                fields=["requested_at", "id"],
                condition=Q(status="requested"),
                name="draft_requested",
            )
        ]


class AgendaTarget(models.TextChoices):
    COUNCIL = "council", "Byrådets dagsorden (styrelseslovens § 11, stk. 1)"
    COMMITTEE = "committee", "Udvalgets dagsorden (forretningsordenens § 7)"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "Foreslået"
    ACCEPTED = "accepted", "Sat på dagsordenen"
    REJECTED = "rejected", "Ikke sat på dagsordenen"
    TREATED = "treated", "Behandlet på mødet"


class ProposalQuerySet(TenantQuerySet):
    tenant_field = "inquiry__municipality"

    def restricted_to(self, actor) -> ProposalQuerySet:  # type: ignore[no-untyped-def]
        """A proposal is seen by whoever may see its inquiry: the members who received it,
        the addressee (whom the proposal lets see the inquiry), and, for an inquiry sent
        to the administration, the administration. The proposals page then shows each
        person those they made and those addressed to them."""
        return self.filter(of_visible_inquiry(actor))


class AgendaProposal(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="agenda_proposals")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    target = models.CharField("dagsorden", max_length=20, choices=AgendaTarget.choices)
    committee = models.ForeignKey(
        Committee, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    addressee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agenda_proposals_received"
    )
    title = models.CharField("punktets titel", max_length=200)
    motivation = models.TextField("begrundelse")
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    status_note = models.TextField("bemærkning", blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-id"]
        indexes = [models.Index(fields=["addressee", "inquiry"], name="proposal_by_addressee")]


class ReminderSent(models.Model):
    """One deadline reminder per person (or main mailbox) per day, even with several workers."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    recipient = models.CharField(max_length=300)
    inquiry_count = models.PositiveIntegerField()

    objects = TenantQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "day", "recipient"], name="reminder_once_a_day"
            )
        ]


class InboxCount(models.Model):
    """How many of a viewer's inquiries are open with each deadline day, or closed: the
    navigation's numbers without counting rows (`counts.py` keeps and explains them)."""

    CLOSED = dt.date(9999, 12, 31)  # the bucket of closed inquiries

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    viewer = models.PositiveBigIntegerField()  # a member's user id; 0: the administration
    due = models.DateField()
    # The filters counted per value (search/finder.py's facets): the lists' counts by
    # status, answer path and channel come from here too, without reading the rows.
    status = models.CharField(max_length=30, default="")
    path = models.CharField(max_length=20, default="")
    channel = models.CharField(max_length=20, default="")
    n = models.IntegerField(default=0)

    objects = TenantQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "viewer", "due", "status", "path", "channel"],
                name="count_once",
            )
        ]


class InboxCounted(models.Model):
    """What one inquiry adds to `InboxCount` now, so a change can take exactly that away."""

    # Not a foreign key: the rows must outlive the inquiry's deletion until its post_delete
    # signal has taken them off the counters (a cascade would delete them first).
    inquiry_pk = models.PositiveBigIntegerField()
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    viewer = models.PositiveBigIntegerField()
    due = models.DateField()
    status = models.CharField(max_length=30, default="")
    path = models.CharField(max_length=20, default="")
    channel = models.CharField(max_length=20, default="")

    objects = TenantQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inquiry_pk", "viewer"], name="counted_once")
        ]


class StandardTextKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Kvittering"
    ANSWER = "answer", "Svar"
    SOCIAL_MEDIA_ANSWER = "social_media_answer", "Standardsvar til sociale medier"
    ADVANCE_NOTICE = "advance_notice", "Varsling før videresendelse"
    EXTENSION_NOTICE = "extension_notice", "Besked om længere svartid"


class StandardText(models.Model):
    """A municipality's standard text for a message to the citizen, with placeholders
    (pure/placeholders.py). Filled in for one inquiry, it is a starting point the writer
    edits; the guard checks what is sent like any other text."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("bruges til", max_length=30, choices=StandardTextKind.choices)
    name = models.CharField("navn", max_length=150)
    body = models.TextField("tekst")
    updated_at = models.DateTimeField(auto_now=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return self.name


class FollowUpQuerySet(TenantQuerySet):
    tenant_field = "inquiry__municipality"

    def restricted_to(self, actor) -> FollowUpQuerySet:  # type: ignore[no-untyped-def]
        """A reply that came to a member's own mailbox is that member's (and the other
        recipients'), never the administration's (styrelseslov § 8 b); one that came to
        the main mailbox is seen by whoever sees the inquiry."""
        rule = Q(member__isnull=True)
        if actor.is_council_member:
            rule |= Q(received_by(actor))
        return self.filter(of_visible_inquiry(actor)).filter(rule)


class FollowUp(models.Model):
    """The citizen wrote again, in reply to an answer (In-Reply-To/References): the mail
    joins the inquiry it answers instead of becoming a new one."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="follow_ups")
    # The member whose mailbox it came to; empty: the main mailbox.
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField()
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    sensitive_categories = models.JSONField(default=list, blank=True)
    reopened = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["received_at", "id"]
