"""Form fields and a ModelForm base for every form in borgerpost.

Django's model choice fields pass the submitted id straight to the database. An id of
25 digits overflows SQLite's driver and PostgreSQL's bigint, and that surfaced as a
server error instead of "Vælg en gyldig mulighed". These fields refuse anything that
cannot be an id before any query; `ModelForm` below uses them for every foreign key and
many-to-many field, so a new form gets them without thinking of it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

MAX_ID = 2**63 - 1


def _plausible_id(value: Any) -> bool:
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        if self.to_field_name is None and not _plausible_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value: Any) -> Any:
        if self.to_field_name is None:
            for pk in value if isinstance(value, list | tuple | set | frozenset) else [value]:
                if not _plausible_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(pk)[:20]},
                    )
        return super()._check_values(value)  # type: ignore[misc]


def _formfield(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", IdMultipleChoiceField)
    elif isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", IdChoiceField)
    return db_field.formfield(**kwargs)


class ModelForm(forms.ModelForm):
    """Every model form in borgerpost: ids are checked before the database sees them.
    A subclass's Meta inherits this one's (`class Meta(ModelForm.Meta)`), which is where
    Django looks for the callback."""

    class Meta:
        formfield_callback = _formfield


# Browsers take only ISO values in date and time inputs: rendered in the Danish format
# (01.12.2026, Django's default with LANGUAGE_CODE da) the field shows empty and is sent
# empty, so an unchanged form would not save. Every date and time input uses these.
class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")
