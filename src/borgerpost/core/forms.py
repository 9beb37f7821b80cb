from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from borgerpost.core.fields import ModelForm, TimeInput
from borgerpost.core.models import Centre, Committee, Membership, Municipality, Role
from borgerpost.pure import workdays

User = get_user_model()


def users_with_role(municipality: Municipality, role: str) -> Any:
    holders = Membership.objects.in_municipality(municipality).filter(role=role)
    return User.objects.filter(pk__in=holders.values("user_id")).order_by("first_name", "last_name")


class ListField(forms.CharField):
    """A list typed one item per line or separated by commas."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]


class MunicipalityForm(ModelForm):
    mail_domains = ListField(
        label="Interne maildomæner",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ét pr. linje, fx ishoj.dk. Mail mellem dem er sikker.",
    )
    closing_days = ListField(
        label="Lukkedage",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="MM-DD gælder hvert år, ÅÅÅÅ-MM-DD kun det år.",
    )

    class Meta(ModelForm.Meta):
        model = Municipality
        fields = [
            "name",
            "mail_domains",
            "main_mailbox",
            "cvr",
            "answer_deadline_days",
            "reopen_working_days",
            "closing_days",
            "dispatch_cutoff",
            "dispatch_release",
            "retention_days",
            "counsellor_retention_days",
            "letter_retention_days",
            "citizen_retention_days",
            "lix_target",
            "digital_post_transport",
            "sf1601_certificate",
            "sf1601_test",
            "social_media_answer",
            "mayor",
        ]
        widgets = {
            "dispatch_cutoff": TimeInput(),
            "dispatch_release": TimeInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mayor"].queryset = users_with_role(self.instance, Role.COUNCIL_MEMBER)  # type: ignore[attr-defined]

    def clean_retention_days(self) -> int:
        days = self.cleaned_data["retention_days"]
        if not 1 <= days <= 30:
            raise forms.ValidationError(
                "Mails med personoplysninger skal slettes inden for 30 dage (1-30)."
            )
        return days

    def clean_mail_domains(self) -> list[str]:
        domains = [d.lower() for d in self.cleaned_data["mail_domains"]]
        for domain in domains:
            if "@" in domain or "." not in domain or " " in domain:
                raise forms.ValidationError(f"»{domain}« er ikke et maildomæne (fx ishoj.dk).")
        if not domains:
            raise forms.ValidationError("Angiv mindst ét internt maildomæne.")
        return domains

    def clean_closing_days(self) -> list[str]:
        try:
            return [workdays.parse_closing_day(d) for d in self.cleaned_data["closing_days"]]
        except workdays.CalendarError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("digital_post_transport") == "sf1601":
            if not data.get("sf1601_certificate"):
                self.add_error("sf1601_certificate", "SF1601 kræver kommunens certifikat.")
            if not data.get("cvr"):
                self.add_error("cvr", "SF1601 kræver kommunens CVR-nummer.")
        return data

    def clean_reopen_working_days(self) -> int:
        days = self.cleaned_data["reopen_working_days"]
        if not 0 <= days <= 60:
            raise forms.ValidationError("Vælg mellem 0 og 60 arbejdsdage (0: genåbn aldrig).")
        return days

    def clean_answer_deadline_days(self) -> int:
        days = self.cleaned_data["answer_deadline_days"]
        if not 1 <= days <= 60:
            raise forms.ValidationError("Svarfristen skal være mellem 1 og 60 arbejdsdage.")
        return days


class CentreForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = Centre
        fields = ["name", "director"]

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["director"].queryset = users_with_role(municipality, Role.DIRECTOR)  # type: ignore[attr-defined]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Centre.objects.in_municipality(self.municipality).filter(name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Der findes allerede et center med det navn.")
        return name


class CommitteeForm(ModelForm):
    keywords = ListField(
        label="Nøgleord",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ord der peger på udvalgets område, adskilt med komma.",
    )

    class Meta(ModelForm.Meta):
        model = Committee
        fields = ["name", "area", "keywords", "chair", "members", "centres"]
        widgets = {
            "members": forms.CheckboxSelectMultiple,
            "centres": forms.CheckboxSelectMultiple,
            "area": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        members = users_with_role(municipality, Role.COUNCIL_MEMBER)
        self.fields["chair"].queryset = members  # type: ignore[attr-defined]
        self.fields["members"].queryset = members  # type: ignore[attr-defined]
        self.fields["centres"].queryset = Centre.objects.in_municipality(municipality)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chair, members = data.get("chair"), data.get("members")
        if chair is not None and members is not None and chair not in members:
            self.add_error("chair", "Formanden skal også være medlem af udvalget.")
        clash = Committee.objects.in_municipality(self.municipality).filter(
            name__iexact=(data.get("name") or "").strip()
        )
        if clash.exclude(pk=self.instance.pk).exists():
            self.add_error("name", "Der findes allerede et udvalg med det navn.")
        return data


class PersonForm(forms.Form):
    full_name = forms.CharField(label="Navn", max_length=150)
    email = forms.EmailField(label="Kommunal mailadresse")
    username = forms.CharField(label="Brugernavn", max_length=150)
    # The citizen counsellor's role is never given from here (core.people).
    role = forms.ChoiceField(
        label="Rolle", choices=[c for c in Role.choices if c[0] != Role.COUNSELLOR]
    )
    private_email = forms.EmailField(
        label="Privat mailadresse (kun byrådsmedlemmer)", required=False
    )
    password = forms.CharField(
        label="Adgangskode",
        widget=forms.PasswordInput,
        min_length=12,
        help_text="Mindst 12 tegn. Personen kan ændre den senere.",
    )

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if not self.municipality.is_internal_address(email):
            raise forms.ValidationError(
                "Brug personens kommunale mailadresse (et af kommunens interne domæner)."
            )
        return email


class SetPasswordForm(forms.Form):
    password = forms.CharField(
        label="Ny adgangskode",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        min_length=12,
        help_text="Mindst 12 tegn. Giv den til personen på en sikker måde (ikke på mail).",
    )
