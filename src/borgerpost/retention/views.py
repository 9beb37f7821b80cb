"""The register of printed copies: each person sees and manages their own."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.fields import ModelForm
from borgerpost.core.models import ADMINISTRATION_ROLES, Role
from borgerpost.inquiries.models import Inquiry

from . import actions
from .models import PrintedCopy

PEOPLE = (Role.COUNCIL_MEMBER, *ADMINISTRATION_ROLES)


class PrintedCopyForm(ModelForm):
    class Meta(ModelForm.Meta):
        model = PrintedCopy
        fields = ["inquiry", "description", "kept_where"]

    def __init__(self, *args, actor: Actor, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["inquiry"].queryset = Inquiry.objects.for_actor(actor)  # type: ignore[attr-defined]
        self.fields["inquiry"].required = False


@municipality_view(*PEOPLE)
def printed_copies(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    form = PrintedCopyForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        actions.do_register_printed_copy(actor, form.save(commit=False))
        messages.success(request, "Udskriften er registreret. Opbevar den i et aflåst skab.")
        return redirect("printed-copies", actor.municipality.slug)
    mine = PrintedCopy.objects.for_actor(actor).filter(printed_by=actor.user)
    return render(request, "retention/printed.html", {"form": form, "copies": mine})


@municipality_view(*PEOPLE)
@require_POST
def hand_in(request: HttpRequest, pk: int) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    copy = get_object_or_404(
        PrintedCopy.objects.for_actor(actor),
        printed_by=actor.user,
        pk=pk,
        handed_in_at__isnull=True,
    )
    try:
        actions.do_hand_in(actor, copy)
    except RuleError as exc:
        messages.error(request, str(exc))
        return redirect("printed-copies", actor.municipality.slug)
    messages.success(request, "Udskriften er registreret som afleveret til makulering.")
    return redirect("printed-copies", actor.municipality.slug)
