"""The municipality's standard texts (»Standardtekster«): kept by the secretariat and the
municipality's administrator, used on every inquiry page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Role
from borgerpost.pure.placeholders import PLACEHOLDERS

from . import actions
from .models import StandardText

KEEPERS = (Role.SECRETARIAT, Role.ADMIN)


class StandardTextForm(forms.ModelForm):
    class Meta:
        model = StandardText
        fields = ["kind", "name", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


@municipality_view(*KEEPERS)
def text_list(request: HttpRequest) -> HttpResponse:
    texts = StandardText.objects.for_actor(_actor(request))
    return render(request, "inquiries/texts.html", {"texts": texts})


@municipality_view(*KEEPERS)
def text_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    actor = _actor(request)
    text = get_object_or_404(StandardText.objects.for_actor(actor), pk=pk) if pk else None
    form = StandardTextForm(request.POST or None, instance=text)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_standard_text(actor, form.save(commit=False))
        except RuleError as exc:
            form.add_error("body", str(exc))
        else:
            messages.success(request, "Standardteksten er gemt.")
            return redirect("standard-texts", actor.municipality.slug)
    return render(
        request,
        "inquiries/text_edit.html",
        {"form": form, "text": text, "placeholders": PLACEHOLDERS},
    )


@municipality_view(*KEEPERS)
@require_POST
def text_delete(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    text = get_object_or_404(StandardText.objects.for_actor(actor), pk=pk)
    actions.do_delete_standard_text(actor, text)
    messages.success(request, f"»{text.name}« er slettet.")
    return redirect("standard-texts", actor.municipality.slug)
