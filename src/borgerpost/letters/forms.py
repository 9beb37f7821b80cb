from __future__ import annotations

from typing import Any

from django import forms
from stdnum.dk import cpr as stdnum_cpr
from stdnum.dk import cvr as stdnum_cvr
from stdnum.exceptions import ValidationError as StdnumError

from borgerpost.core.fields import DateInput, ModelForm
from borgerpost.core.models import Municipality

from .models import Citizen, Company, Letter, LetterTemplate, SendingSystem


class CitizenForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Citizen
        fields = ["cpr", "name", "address", "email", "digital_post_exempt"]

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_cpr(self) -> str:
        try:
            value = stdnum_cpr.validate(self.cleaned_data["cpr"])
        except StdnumError:
            raise forms.ValidationError("Angiv et gyldigt CPR-nummer (DDMMÅÅ-XXXX).") from None
        clash = Citizen.objects.in_municipality(self.municipality).filter(cpr=value)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Borgeren findes allerede.")
        return value


class CompanyForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Company
        fields = ["cvr", "name"]

    def clean_cvr(self) -> str:
        try:
            return stdnum_cvr.validate(self.cleaned_data["cvr"])
        except StdnumError:
            raise forms.ValidationError("Angiv et gyldigt CVR-nummer (8 cifre).") from None


class VulnerabilityForm(forms.Form):
    vulnerable = forms.BooleanField(
        label="Borgeren er sårbar i forhold til digital post før weekender og helligdage",
        required=False,
    )
    note = forms.CharField(
        label="Begrundelse (individuel vurdering)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Skriv begrundelsen for vurderingen."},
    )
    review_on = forms.DateField(
        label="Revurderes senest",
        required=False,
        widget=DateInput(),
        help_text="Højst to år frem. Tomt: om et år. Vurderingen bortfalder på datoen, "
        "hvis den ikke er vurderet igen.",
    )


class LetterForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Letter
        fields = [
            "template",
            "citizen",
            "company",
            "title",
            "lead_text",
            "body",
            "contact_text",
            "case_number",
            "statutory_deadline",
            "urgent",
        ]
        widgets = {
            "lead_text": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "contact_text": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = LetterTemplate.objects.in_municipality(municipality)  # type: ignore[attr-defined]
        self.fields["citizen"].queryset = Citizen.objects.in_municipality(municipality)  # type: ignore[attr-defined]
        self.fields["company"].queryset = Company.objects.in_municipality(municipality)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("citizen") is None) == (data.get("company") is None):
            raise forms.ValidationError(
                "Vælg én modtager: en borger (CPR) eller en virksomhed (CVR)."
            )
        return data


class SendForm(forms.Form):
    channel = forms.ChoiceField(
        label="Send med",
        choices=[
            ("digital_post", "Digital Post (sikker)"),
            ("mail", "Mail (kun uden følsomme oplysninger)"),
        ],
    )
    considered_questions = forms.BooleanField(
        label="Jeg har overvejet de tre spørgsmål", required=False
    )
    advance_notice_task = forms.BooleanField(
        label="Opret en opgave: ring til borgeren, før brevet kommer", required=False
    )


class ReleaseForm(forms.Form):
    reason = forms.CharField(
        label="Hvorfor skal brevet sendes nu?",
        max_length=500,
        error_messages={"required": "Skriv en begrundelse."},
    )


class TemplateForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = LetterTemplate
        fields = ["name", "title", "lead_text", "body", "is_standard"]
        widgets = {
            "lead_text": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 8}),
        }


class SendingSystemForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = SendingSystem
        fields = ["notify_caseworker", "deliver_later_by_memo"]


class KindRuleForm(forms.Form):
    kind = forms.CharField(
        label="Slags brev",
        max_length=100,
        help_text="Som systemet kalder det, fx brevets MeMo-label (»Indkaldelse«).",
    )
    has_deadline = forms.TypedChoiceField(
        label="Har denne slags brev en lovbestemt frist?",
        choices=[("ja", "Ja – sendes altid straks"), ("nej", "Nej – kan holdes tilbage")],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        initial="ja",
    )
