"""Danish numbers in templates: `{{ n|antal:"sag,sager" }}` gives »1 sag« or »3 sager«,
`{{ n|flertal:"sag,sager" }}` the noun alone (when the number has its own markup)."""

from __future__ import annotations

from django import template

from borgerpost.pure.text import count_of, noun_for

register = template.Library()


def _forms(forms: str) -> tuple[str, str]:
    singular, _, plural = forms.partition(",")
    return singular.strip(), (plural or singular).strip()


@register.filter
def antal(count: int, forms: str) -> str:
    return count_of(int(count or 0), *_forms(forms))


@register.filter
def flertal(count: int, forms: str) -> str:
    return noun_for(int(count or 0), *_forms(forms))
