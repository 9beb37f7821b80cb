from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from borgerpost.core.fields import DateInput, DateTimeInput, IdChoiceField
from borgerpost.core.models import ADMINISTRATION_ROLES, Centre, Committee, Membership, Municipality

from .models import (
    AgendaTarget,
    AnswerMode,
    AnswerPath,
    Channel,
    Classification,
    MessageChannel,
    NoteVisibility,
    PowerOfAttorney,
    ProposalStatus,
)

CITIZEN_CHANNELS = [
    (MessageChannel.MAIL.value, "Mail"),
    (MessageChannel.DIGITAL_POST.value, "Digital Post (sikker, kræver CPR-nummer)"),
    (MessageChannel.LETTER.value, "Brev"),
    (MessageChannel.PHONE.value, "Telefon"),
    (MessageChannel.MEETING.value, "Møde"),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):  # type: ignore[no-untyped-def]
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class RegisterInquiryForm(forms.Form):
    channel = forms.ChoiceField(label="Kanal", choices=Channel.choices)
    received_at = forms.DateTimeField(
        label="Modtaget",
        widget=DateTimeInput(),
        initial=lambda: timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    )
    citizen_name = forms.CharField(label="Borgerens navn", max_length=200, required=False)
    citizen_email = forms.EmailField(label="Borgerens mail", required=False)
    citizen_phone = forms.CharField(label="Borgerens telefon", max_length=40, required=False)
    citizen_address = forms.CharField(label="Borgerens adresse", max_length=300, required=False)
    subject = forms.CharField(label="Emne", max_length=300, required=False)
    body = forms.CharField(
        label="Henvendelsens tekst",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Skriv eller indsæt henvendelsen. Ved telefon: et kort referat.",
        error_messages={"required": "Henvendelsen har ingen tekst."},
    )
    attachments = MultipleFileField(label="Vedhæftede filer", required=False)

    def clean_received_at(self):  # type: ignore[no-untyped-def]
        value = self.cleaned_data["received_at"]
        if value > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError("Modtagelsestidspunktet ligger i fremtiden.")
        return value

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data and not any(
            data.get(f)
            for f in ("citizen_name", "citizen_email", "citizen_phone", "citizen_address")
        ):
            raise forms.ValidationError(
                "Angiv mindst borgerens navn eller en kontaktoplysning, så der kan svares."
            )
        return data


class UploadEmlForm(forms.Form):
    eml = forms.FileField(
        label="Mail gemt som .eml",
        error_messages={"required": "Vælg en .eml-fil.", "empty": "Filen er tom."},
    )

    def clean_eml(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["eml"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"Filen fylder {upload.size / 1048576:.1f} MB; grænsen er "
                f"{settings.MAX_UPLOAD_BYTES // 1048576} MB."
            )
        return upload


class TriageForm(forms.Form):
    classification = forms.ChoiceField(
        label="Hvad handler henvendelsen om?",
        choices=Classification.choices,
        widget=forms.RadioSelect,
    )
    path = forms.ChoiceField(
        label="Hvordan skal den besvares?", choices=AnswerPath.choices, widget=forms.RadioSelect
    )
    committee = IdChoiceField(
        label="Udvalgsområde",
        queryset=Committee.objects.none(),
        required=False,
        empty_label="(intet bestemt udvalg)",
    )
    concerns_other_citizen = forms.BooleanField(
        label="Henvendelsen vedrører en anden borgers forhold", required=False
    )
    power_of_attorney = forms.ChoiceField(
        label="Fuldmagt", choices=PowerOfAttorney.choices, required=False
    )
    is_access_request = forms.BooleanField(
        label="Anmodning om aktindsigt",
        required=False,
        help_text="Svarfristen er da 7 arbejdsdage (offentlighedslovens § 36, stk. 2): "
        "afgørelse, eller besked om hvorfor og hvornår.",
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.in_municipality(municipality)  # type: ignore[attr-defined]

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if data.get("concerns_other_citizen") and data.get("power_of_attorney") in (
            "",
            PowerOfAttorney.NOT_RELEVANT,
        ):
            data["power_of_attorney"] = PowerOfAttorney.UNKNOWN
        if (
            data.get("path") == AnswerPath.PERSONAL
            and data.get("classification") == Classification.CASE
        ):
            self.case_with_personal_reply = True
        return data


class MessageForm(forms.Form):
    channel = forms.ChoiceField(label="Send som", choices=CITIZEN_CHANNELS)
    body = forms.CharField(
        label="Tekst",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Skriv en tekst."},
    )
    cpr = forms.CharField(
        label="Borgerens CPR-nummer (kun til Digital Post)",
        required=False,
        max_length=11,
        help_text="Bruges kun til at sende brevet sikkert og gemmes ikke i henvendelsen.",
    )
    confirm_third_party = forms.BooleanField(
        label="Jeg oplyser intet om den anden borgers sag", required=False
    )

    def clean(self):  # type: ignore[no-untyped-def]
        from stdnum.dk import cpr as stdnum_cpr
        from stdnum.exceptions import ValidationError as StdnumError

        data = super().clean() or {}
        if data.get("channel") == MessageChannel.DIGITAL_POST:
            try:
                data["cpr"] = stdnum_cpr.validate(data.get("cpr") or "")
            except StdnumError:
                self.add_error(
                    "cpr",
                    "Angiv et gyldigt CPR-nummer (DDMMÅÅ-XXXX) for at sende med Digital Post.",
                )
        else:
            data["cpr"] = ""
        return data


class ForwardByMailForm(forms.Form):
    to = forms.EmailField(label="Videresend til (kommunal mailadresse)")
    note = forms.CharField(label="Besked", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SocialMediaAnswerForm(forms.Form):
    body = forms.CharField(label="Standardsvar", widget=forms.Textarea(attrs={"rows": 5}))


class ForwardForm(forms.Form):
    note = forms.CharField(
        label="Besked til administrationen (valgfri)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class CopyForm(forms.Form):
    answered_how = forms.ChoiceField(label="Jeg har svaret borgeren via", choices=CITIZEN_CHANNELS)
    include_answer = forms.BooleanField(label="Send mit svar med", required=False)
    note = forms.CharField(
        label="Besked til administrationen (valgfri)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class DraftRequestForm(forms.Form):
    note = forms.CharField(
        label="Hvad skal svaret indeholde?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class DraftWriteForm(forms.Form):
    body = forms.CharField(label="Svarudkast", widget=forms.Textarea(attrs={"rows": 10}))


class AgendaProposalForm(forms.Form):
    target = forms.ChoiceField(
        label="Dagsorden", choices=AgendaTarget.choices, widget=forms.RadioSelect
    )
    committee = IdChoiceField(
        label="Udvalg",
        queryset=Committee.objects.none(),
        required=False,
        empty_label="(vælg udvalg)",
    )
    title = forms.CharField(label="Punktets titel", max_length=200)
    motivation = forms.CharField(label="Begrundelse", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, municipality: Municipality, member, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.in_municipality(  # type: ignore[attr-defined]
            municipality
        ).filter(members=member)


class ProposalDecisionForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=[c for c in ProposalStatus.choices if c[0] != ProposalStatus.PROPOSED],
    )
    note = forms.CharField(
        label="Bemærkning", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    centre = IdChoiceField(
        label="Center", queryset=Centre.objects.none(), required=False, empty_label="(ikke fordelt)"
    )
    assigned_to = IdChoiceField(
        label="Sagsbehandler",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="(ingen bestemt person)",
        help_text="Personen får besked under »Nyt til mig« og finder den under »Mine henvendelser«.",
    )
    answer_mode = forms.ChoiceField(label="Svarform", choices=AnswerMode.choices)
    director_involved = forms.BooleanField(label="Direktøren inddrages", required=False)
    records_case_number = forms.CharField(
        label="Journalnummer i ESDH", max_length=100, required=False
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.in_municipality(municipality)  # type: ignore[attr-defined]
        self.fields["assigned_to"].queryset = administration_people(municipality)  # type: ignore[attr-defined]
        self.fields["assigned_to"].label_from_instance = _person_label  # type: ignore[attr-defined]


def administration_people(municipality: Municipality) -> Any:
    """The people an inquiry can be given to: the municipality's administration."""
    roles = Membership.objects.in_municipality(municipality).filter(role__in=ADMINISTRATION_ROLES)
    return (
        get_user_model()
        .objects.filter(pk__in=roles.values("user_id"))
        .order_by("first_name", "last_name", "pk")
    )


def _person_label(person: Any) -> str:
    return person.get_full_name() or person.username


class NoteForm(forms.Form):
    visibility = forms.ChoiceField(choices=NoteVisibility.choices, widget=forms.HiddenInput)
    body = forms.CharField(
        label="Ny note", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtendDeadlineForm(MessageForm):
    """A longer answer time, and the message that tells the citizen (any channel the
    other messages use, Digital Post with the CPR number included)."""

    new_deadline = forms.DateField(label="Ny svarfrist", widget=DateInput())
    reason = forms.CharField(
        label="Hvad venter henvendelsen på?",
        max_length=1000,
        help_text="Fx »vi venter på en udtalelse fra Center for Børn og Familier«. Skriv det "
        "også i beskeden til borgeren.",
    )
    confirm_third_party = None  # type: ignore[assignment]
    field_order = ["new_deadline", "reason", "channel", "body", "cpr"]

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if "[ny frist]" in body or "[hvad henvendelsen venter på]" in body:
            raise forms.ValidationError("Udfyld den nye frist og begrundelsen i beskeden.")
        return body


class AdministrationAnswerForm(forms.Form):
    channel = forms.ChoiceField(label="Svaret gives via", choices=CITIZEN_CHANNELS)
    body = forms.CharField(label="Svar eller referat", widget=forms.Textarea(attrs={"rows": 6}))
