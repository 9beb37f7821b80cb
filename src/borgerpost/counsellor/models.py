"""The citizen counsellor's own case register (seed 003 § 3.5), separate from everything else.

The counsellor is independent of the administration and reports to the council
(styrelseslov § 65 e): cases are visible to the counsellor only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from borgerpost.core.models import Centre, Municipality
from borgerpost.core.tenancy import CounsellorOnlyQuerySet

OTHER_AUTHORITIES_LABEL = "Andre instanser"


class Category(models.TextChoices):
    COMPLAINT = "klage", "Klage"
    OTHER = "anden", "Anden henvendelse"


class Handling(models.TextChoices):
    # Complaints
    COMPLAINT_PROCESS = "klageproces", "Hjælp til klageprocessen"
    STRENGTHENED_DIALOGUE = "styrket_dialog", "Styrket dialog"
    REJECTED = "afvist", "Afvist"
    FORWARDED = "videresendt", "Videresendt til centret"
    RESUBMITTED = "genfremsendt", "Genfremsendt med borgerrådgiverens uddybning"
    INVESTIGATION = "undersoegelse", "Undersøgelse"
    # Other inquiries
    GUIDANCE = "vejledning", "Vejledning"
    WAYFINDING = "vejvisning", "Vejvisning"
    PASSED_ON = "videreformidlet", "Videreformidlet til forvaltningen"
    INSIGHT = "indsigt", "Indsigtssag hos borgerrådgiveren"


COMPLAINT_HANDLING = [
    Handling.COMPLAINT_PROCESS,
    Handling.STRENGTHENED_DIALOGUE,
    Handling.REJECTED,
    Handling.FORWARDED,
    Handling.RESUBMITTED,
    Handling.INVESTIGATION,
]
OTHER_HANDLING = [Handling.GUIDANCE, Handling.WAYFINDING, Handling.PASSED_ON, Handling.INSIGHT]


class RejectionReason(models.TextChoices):
    """What the counsellor may not handle (seed 003 § 3.1)."""

    TOO_OLD = "over_et_aar", "Forholdet er over et år gammelt"
    OUTSIDE = "uden_for_kommunen", "Uden for kommunens virksomhed"
    APPEALS_BODY = "klageorgan", "Kan indbringes for et lovbestemt klageorgan (fx Ankestyrelsen)"
    BROUGHT_ELSEWHERE = (
        "tilsyn_ombudsmand_domstole",
        "Indbragt for tilsynet, Ombudsmanden eller domstolene",
    )
    POLITICAL = (
        "politisk",
        "Politisk beslutning eller bedømt af udvalg, Økonomiudvalget eller byrådet",
    )
    EMPLOYMENT = "ansaettelse", "Ansættelsesforhold i kommunen"
    HOPELESS = "udsigtsloes", "Udsigtsløs sag"


class Criticism(models.TextChoices):
    NONE = "", "Ingen kritik"
    UNFORTUNATE = "uheldigt", "Uheldigt"
    REGRETTABLE = "beklageligt", "Beklageligt"
    VERY_REGRETTABLE = "meget_beklageligt", "Meget beklageligt"
    CENSURABLE = "kritisabelt", "Kritisabelt"
    VERY_CENSURABLE = "meget_kritisabelt", "Meget kritisabelt"
    STRONGLY_CENSURABLE = "staerkt_kritisabelt", "Stærkt kritisabelt"


class Channel(models.TextChoices):
    """How a case came to the counsellor."""

    PHONE = "telefon", "Telefon"
    OWN_MAIL = "mail", "Borgerrådgiverens egen mail"
    LETTER = "brev", "Brev"
    DIGITAL_POST = "digital_post", "Digital Post"
    MEETING = "moede", "Møde"
    OTHER = "andet", "Andet"


class StepKind(models.TextChoices):
    """The steps of a case, in the order seed 003 §3.5.2.1 describes them."""

    CONTACT = "henvendelse", "Henvendelse fra borgeren"
    ADVICE = "vejledning", "Vejledning"
    FORWARDED = "videresendt", "Klagen videresendt til centret"
    REMINDER = "rykker", "Rykker til centret"
    CENTRE_ANSWER = "centrets_svar", "Centrets svar"
    MAINTAINED = "fastholder", "Borgeren fastholder klagen"
    INVESTIGATION = "undersoegelse", "Undersøgelse iværksat"
    DECLINED = "ikke_undersoegt", "Undersøgelse afvist"
    ASSESSMENT = "vurdering", "Borgerrådgiverens vurdering"
    STATEMENT = "udtalelse", "Udtalelse"


class Limit(models.TextChoices):
    """What the counsellor cannot assess in an investigation (seed 003 §3.5.2.4,
    »Begrænsninger i undersøgelsessager«), checked before one starts."""

    EVIDENCE = "bevistvivl", "Bevistvivl: modstridende oplysninger, der ikke kan dokumenteres"
    PROFESSIONAL = "faglig_vurdering", "Social- eller lægefaglige vurderinger"
    DECISION = "afgoerelse", "Forhold nært knyttet til en afgørelses gyldighed og udfald"
    APPEALABLE = "klageinstans", "Forholdet kan prøves ved en anden klageinstans"
    HOPELESS = "udsigtsloes", "Udsigtsløs sag (vedtægten)"


DEFAULT_THEMES = [
    "God forvaltningsskik",
    "Koordineret indsats",
    "Inddragelse",
    "Sagsbehandlingstid og manglende svar",
    "Forvaltningsloven, offentlighedsloven og persondataloven",
    "Partshøring, begrundelse og klagevejledning",
    "Sikker håndtering af persondata",
    "Hjemmelsspørgsmål",
    "Personalets optræden",
]


class ComplaintTheme(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("tema", max_length=150)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="theme_once")]

    def __str__(self) -> str:
        return self.name


class CounsellorCase(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField("sagsnummer hos borgerrådgiveren", max_length=50)
    opened = models.DateField("oprettet")
    closed = models.DateField("afsluttet", null=True, blank=True)
    main_case = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name="hovedsag",
    )
    category = models.CharField("sagstype", max_length=10, choices=Category.choices)
    handling = models.CharField("behandling", max_length=20, choices=Handling.choices)
    centre = models.ForeignKey(
        Centre,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="center",
    )
    other_authority = models.CharField("anden instans", max_length=150, blank=True)
    themes = models.ManyToManyField(
        ComplaintTheme, blank=True, related_name="cases", verbose_name="klagetemaer"
    )
    rejection_reason = models.CharField(
        "afvisningsgrund", max_length=40, blank=True, choices=RejectionReason.choices
    )
    criticism = models.CharField("kritik", max_length=30, blank=True, choices=Criticism.choices)
    centre_follows_criticism = models.BooleanField(
        "centret følger kritikken", null=True, blank=True
    )
    sent_to_centre = models.DateField("sendt til centret", null=True, blank=True)
    centre_answered = models.DateField("centrets svar", null=True, blank=True)
    reminders = models.PositiveSmallIntegerField("rykkere", default=0)
    channel = models.CharField("kanal", max_length=20, choices=Channel.choices, blank=True)
    # Only for sending the counsellor's statement to the citizen by Digital Post; erased
    # with the case's other personal data.
    citizen_cpr = models.CharField("borgerens CPR-nummer", max_length=10, blank=True)
    citizen_contact = models.TextField("borgerens kontaktoplysninger", blank=True)
    notes = models.TextField("notater", blank=True)
    records_case_number = models.CharField(
        "sagsnummer i ESDH (fx Acadre)", max_length=100, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    personal_data_deleted_at = models.DateTimeField(null=True, blank=True)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-opened", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference"], name="counsellor_case_reference_once"
            )
        ]
        indexes = [models.Index(fields=["municipality", "opened"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_follow_up(self) -> bool:
        return self.main_case_id is not None

    @property
    def answer_days(self) -> int | None:
        if self.sent_to_centre and self.centre_answered:
            return (self.centre_answered - self.sent_to_centre).days
        return None


class CaseStepQuerySet(CounsellorOnlyQuerySet):
    tenant_field = "case__municipality"


class CaseStep(models.Model):
    """One dated step of a case: contact, advice, forwarded to a centre, the centre's
    answer, reminders, the counsellor's assessment, an investigation and its statement."""

    case = models.ForeignKey(CounsellorCase, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField("trin", max_length=20, choices=StepKind.choices)
    on = models.DateField("dato")
    note = models.TextField("notat", blank=True)
    # Recommendation 4: does the centre's answer to a complaint take a position on
    # whether the complaint is justified (»berettiget«)?
    takes_position = models.BooleanField(
        "svaret tager stilling til, om klagen er berettiget", null=True, blank=True
    )
    # The limits the counsellor went through before an investigation: all of them ruled
    # out (an investigation), or those that apply (declined).
    limits = models.JSONField(default=list, blank=True)
    criticism = models.CharField("kritik", max_length=30, blank=True, choices=Criticism.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A statement sent to the citizen (Digital Post) and the centre (internal mail).
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = CaseStepQuerySet.as_manager()

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def limit_labels(self) -> list[str]:
        return [Limit(value).label for value in self.limits if value in Limit.values]


class ActivityKind(models.TextChoices):
    """What the counsellor does for the organisation's learning (seed 003 §1.1.4)."""

    DIALOGUE_MEETING = "dialogmoede", "Dialogmøde med et center"
    EXECUTIVE_BOARD = "direktion", "Møde med direktionen"
    MANAGERS_FORUM = "lederforum", "Lederforum"
    ADVICE = "raadgivning", "Rådgivning af ledelsen"
    OUTREACH = "synlighed", "Udadrettet aktivitet (synlighed)"


class Activity(models.Model):
    """A meeting, advice to management or an outreach activity: date, with whom, topic."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    on = models.DateField("dato")
    kind = models.CharField("slags", max_length=20, choices=ActivityKind.choices)
    with_whom = models.CharField("med hvem", max_length=200)
    topic = models.CharField("emne", max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return self.topic


class TimeAgreement(models.Model):
    """The agreed split of a counsellor shared between municipalities (seed 003: two
    thirds to Hvidovre, about 24.5 hours a week, to be evaluated after two years)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    share = models.PositiveSmallIntegerField("aftalt andel (%)")
    hours_per_week = models.DecimalField("timer pr. uge", max_digits=4, decimal_places=1)
    starts = models.DateField("gælder fra")
    evaluate_on = models.DateField("evalueres", null=True, blank=True)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-starts", "municipality__name"]

    def __str__(self) -> str:
        return f"{self.share} %"


class TimeEntry(models.Model):
    """Hours the counsellor spent on one municipality's function."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField("dato")
    hours = models.DecimalField("timer", max_digits=4, decimal_places=2)
    note = models.CharField("notat", max_length=200, blank=True)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["counsellor", "on"])]

    def __str__(self) -> str:
        return f"{self.hours} t"


class ImportMapping(models.Model):
    """Which column of the statistics module's export holds which field, confirmed by the
    counsellor in the browser and used again next time (also by the command line)."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="counsellor_import_mapping"
    )
    # field name -> the file's column header, or "=value" for a fixed value
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CounsellorOnlyQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Kolonner for {self.municipality_id}"


class CounsellorMail(models.Model):
    """A mail to the counsellor's own mailbox, taken in by the intake, waiting for the
    counsellor to register it as a case (its content then moves into the case)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField("modtaget")
    sender_name = models.CharField("afsender", max_length=200, blank=True)
    sender_email = models.CharField("afsenderens mail", max_length=300, blank=True)
    subject = models.CharField("emne", max_length=300, blank=True)
    body = models.TextField("tekst", blank=True)
    attachment_names = models.JSONField(default=list, blank=True)
    case = models.ForeignKey(
        CounsellorCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="mails"
    )
    content_deleted_at = models.DateTimeField(null=True, blank=True)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.subject or "(uden emne)"


class Recommendation(models.Model):
    """A recommendation in an annual report, followed up in later years."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("årsberetning")
    number = models.PositiveSmallIntegerField("nummer")
    title = models.CharField("anbefaling", max_length=300)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "number"], name="recommendation_once"
            )
        ]

    def __str__(self) -> str:
        return f"Anbefaling {self.number} ({self.year}): {self.title}"


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "ikke_startet", "Ikke påbegyndt"
    IN_PROGRESS = "i_gang", "I gang"
    DONE = "gennemfoert", "Gennemført"
    DROPPED = "opgivet", "Ikke fulgt"


class RecommendationFollowUp(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    year = models.PositiveSmallIntegerField("opfølgningsår")
    status = models.CharField(max_length=20, choices=FollowUpStatus.choices)
    note = models.TextField("bemærkning", blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "year"], name="follow_up_once_a_year")
        ]


class ReportText(models.Model):
    """The counsellor's own sections of an annual report, edited in the UI."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    summary = models.TextField("sammenfatning", blank=True)
    recommendations = models.TextField("anbefalinger", blank=True)
    # »Fakta«: the framework, visibility and the network of counsellors (seed 003 §3),
    # carried forward from the year before and edited where it changed.
    facts = models.TextField("fakta om funktionen", blank=True)

    objects = CounsellorOnlyQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="report_text_once")
        ]
