from __future__ import annotations

from typing import Any

from django import forms

from borgerpost.core.fields import DateInput, ModelForm
from borgerpost.core.models import Centre, Municipality

from .models import (
    COMPLAINT_HANDLING,
    OTHER_HANDLING,
    Activity,
    Category,
    ComplaintTheme,
    CounsellorCase,
    Criticism,
    Handling,
    Limit,
    Recommendation,
    RecommendationFollowUp,
    ReportText,
    StepKind,
    TimeAgreement,
)


class CaseForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = CounsellorCase
        fields = [
            "reference",
            "opened",
            "closed",
            "category",
            "handling",
            "main_case",
            "centre",
            "other_authority",
            "themes",
            "rejection_reason",
            "criticism",
            "centre_follows_criticism",
            "sent_to_centre",
            "centre_answered",
            "reminders",
            "citizen_contact",
            "notes",
            "records_case_number",
            "channel",
            "citizen_cpr",
        ]
        widgets = {
            "opened": DateInput(),
            "closed": DateInput(),
            "sent_to_centre": DateInput(),
            "centre_answered": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "citizen_contact": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["centre"].queryset = Centre.objects.in_municipality(municipality)  # type: ignore[attr-defined]
        self.fields["themes"].queryset = ComplaintTheme.objects.in_municipality(municipality)  # type: ignore[attr-defined]
        mains = CounsellorCase.objects.in_municipality(municipality).filter(main_case__isnull=True)
        if self.instance.pk:
            mains = mains.exclude(pk=self.instance.pk)
        self.fields["main_case"].queryset = mains  # type: ignore[attr-defined]

    def clean_citizen_cpr(self) -> str:
        from stdnum.dk import cpr as stdnum_cpr
        from stdnum.exceptions import ValidationError as StdnumError

        value = self.cleaned_data.get("citizen_cpr", "")
        if not value:
            return ""
        try:
            return str(stdnum_cpr.compact(stdnum_cpr.validate(value)))
        except StdnumError:
            raise forms.ValidationError("Angiv et gyldigt CPR-nummer (DDMMÅÅ-XXXX).") from None

    def clean_reference(self) -> str:
        reference = self.cleaned_data["reference"].strip()
        clash = CounsellorCase.objects.in_municipality(self.municipality).filter(
            reference=reference
        )
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Sagsnummeret findes allerede i kommunen.")
        return reference

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        category, handling = data.get("category"), data.get("handling")
        allowed = COMPLAINT_HANDLING if category == Category.COMPLAINT else OTHER_HANDLING
        if handling and handling not in allowed:
            self.add_error("handling", "Behandlingen passer ikke til sagstypen.")
        if handling == Handling.REJECTED and not data.get("rejection_reason"):
            self.add_error("rejection_reason", "En afvist klage skal have en afvisningsgrund.")
        if handling != Handling.REJECTED:
            data["rejection_reason"] = ""
        if data.get("criticism") and handling != Handling.INVESTIGATION:
            self.add_error("criticism", "Kritik gives kun i en undersøgelsessag.")
        if bool(data.get("centre")) == bool((data.get("other_authority") or "").strip()):
            self.add_error(
                "centre",
                "Vælg enten et center eller skriv den anden instans (fx Udbetaling Danmark).",
            )
        opened, closed = data.get("opened"), data.get("closed")
        if opened and closed and closed < opened:
            self.add_error("closed", "Sagen kan ikke afsluttes, før den er oprettet.")
        return data


class ReportTextForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = ReportText
        fields = ["summary", "recommendations", "facts"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 8}),
            "recommendations": forms.Textarea(attrs={"rows": 6}),
            "facts": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "facts": "Rammer, synlighed og netværket af borgerrådgivere. Teksten følger med "
            "til næste år, hvor den kan rettes."
        }


class RecommendationForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Recommendation
        fields = ["year", "number", "title"]


class FollowUpForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = RecommendationFollowUp
        fields = ["year", "status", "note"]

    def validate_unique(self) -> None:
        pass  # the view updates the year's follow-up instead of adding a second one


class StepForm(forms.Form):
    kind = forms.ChoiceField(label="Trin", choices=StepKind.choices)
    on = forms.DateField(label="Dato", widget=DateInput())
    note = forms.CharField(
        label="Notat",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ved en udtalelse: udtalelsen. Ved en afvist undersøgelse: grunden.",
    )
    takes_position = forms.TypedChoiceField(
        label="Tager centrets svar stilling til, om klagen er berettiget? (anbefaling 4)",
        choices=[("", "– (kun ved centrets svar)"), ("ja", "Ja"), ("nej", "Nej")],
        coerce=lambda value: value == "ja",
        empty_value=None,
        required=False,
    )
    limits = forms.MultipleChoiceField(
        label="Begrænsninger (før en undersøgelse): sæt kryds ved hver, der er gennemgået "
        "og ikke gælder – eller ved en afvisning: dem, der gælder",
        choices=Limit.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    criticism = forms.ChoiceField(
        label="Kritik (ved en udtalelse)", choices=Criticism.choices, required=False
    )


class ActivityForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Activity
        fields = ["on", "kind", "with_whom", "topic"]
        widgets = {"on": DateInput()}


class TimeEntryForm(forms.Form):
    on = forms.DateField(label="Dato", widget=DateInput())
    municipality = forms.ModelChoiceField(label="Kommune", queryset=Municipality.objects.none())
    hours = forms.DecimalField(label="Timer", min_value=0.25, max_value=24, decimal_places=2)
    note = forms.CharField(label="Notat", max_length=200, required=False)

    def __init__(self, *args: Any, places: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = places  # type: ignore[attr-defined]


class AgreementForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = TimeAgreement
        fields = ["municipality", "share", "hours_per_week", "starts", "evaluate_on"]
        widgets = {"starts": DateInput(), "evaluate_on": DateInput()}

    def __init__(self, *args: Any, places: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = places  # type: ignore[attr-defined]
