from django import forms

from .models import CATEGORY_CHOICES, TermKind


class GuardTermForm(forms.Form):
    kind = forms.ChoiceField(label="Type", choices=TermKind.choices)
    text = forms.CharField(label="Ord eller udtryk", max_length=200)
    category = forms.ChoiceField(
        label="Kategori (for ekstra ord)",
        required=False,
        choices=[("", "(vælg)"), *CATEGORY_CHOICES],
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if data.get("kind") == TermKind.TERM and not data.get("category"):
            self.add_error("category", "Vælg, hvilken slags følsom oplysning ordet er.")
        return data
