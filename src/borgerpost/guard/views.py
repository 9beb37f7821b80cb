from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.models import Role
from borgerpost.pure.scanner import CATEGORY_LABELS

from .actions import GuardSetupError, do_add_guard_term, do_remove_guard_term
from .forms import GuardTermForm
from .models import FalsePositive, GuardTerm


@municipality_view(Role.ADMIN)
def guard_terms(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    form = GuardTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_add_guard_term(actor, data["kind"], data["text"], data["category"])
        except GuardSetupError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, "Ordet er gemt. Det gælder fra nu af for alle i kommunen.")
            return redirect("guard-terms", actor.municipality.slug)
    false_positives = (
        FalsePositive.objects.for_actor(actor)
        .values("category", "rule")
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    return render(
        request,
        "guard/terms.html",
        {
            "form": form,
            "terms": GuardTerm.objects.for_actor(actor),
            "false_positives": [
                dict(fp, label=CATEGORY_LABELS.get(fp["category"], fp["category"]))
                for fp in false_positives
            ],
        },
    )


@municipality_view(Role.ADMIN)
@require_POST
def guard_term_remove(request: HttpRequest, pk: int) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    term = get_object_or_404(GuardTerm.objects.for_actor(actor), pk=pk)
    do_remove_guard_term(actor, term)
    messages.success(request, "Ordet er fjernet.")
    return redirect("guard-terms", actor.municipality.slug)
