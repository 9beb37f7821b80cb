"""Log-in, the start page, the municipal administrator's settings, and the data
protection officer's page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from borgerpost.core import actions
from borgerpost.core.access import Actor, municipalities_for, municipality_view, public, signed_in
from borgerpost.core.exceptions import RuleError
from borgerpost.core.forms import (
    CentreForm,
    CommitteeForm,
    MunicipalityForm,
    PersonForm,
    SetPasswordForm,
)
from borgerpost.core.models import Centre, Committee, Membership, Role
from borgerpost.core.people import why_not_manage
from borgerpost.core.setup_log import setup_changes
from borgerpost.jobs.models import JobProblem
from borgerpost.letters.models import SendingSystem


@signed_in("lists the municipalities the person has a role in, and nothing else")
def home(request: HttpRequest) -> HttpResponse:
    places = municipalities_for(request.user)
    if len(places) == 1:
        return redirect("dashboard", places[0].slug)
    return render(request, "core/home.html", {"places": places})


@municipality_view()
def dashboard(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    if actor.is_council_member:
        return redirect("inbox", actor.municipality.slug)
    if actor.is_administration:
        return redirect("administration-queue", actor.municipality.slug)
    if actor.is_counsellor:
        return redirect("counsellor-cases", actor.municipality.slug)
    if actor.is_dpo:
        return redirect("dpo", actor.municipality.slug)
    return redirect("settings", actor.municipality.slug)


@public("the load balancer's health check; says only whether the database answers")
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@municipality_view(Role.ADMIN)
def settings_overview(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    municipality = actor.municipality
    form = MunicipalityForm(request.POST or None, instance=municipality)
    if request.method == "POST" and form.is_valid():
        actions.do_save_settings(actor, form, "municipality")
        messages.success(request, "Kommunens indstillinger er gemt.")
        return redirect("settings", municipality.slug)
    return render(
        request,
        "core/settings.html",
        {
            "form": form,
            "centres": Centre.objects.in_municipality(municipality).select_related("director"),
            "committees": Committee.objects.in_municipality(municipality)
            .select_related("chair")
            .prefetch_related("members"),
            "memberships": _people(actor),
            "problems": JobProblem.objects.in_municipality(municipality).filter(
                resolved_at__isnull=True
            )[:50],
            "audit": setup_changes(municipality),
            "systems": SendingSystem.objects.for_actor(actor),
        },
    )


def _people(actor: Actor) -> list[tuple[Membership, str | None]]:
    """The municipality's roles, each with why the administrator may not change it."""
    rows = Membership.objects.for_actor(actor).select_related("user")
    return [(m, why_not_manage(actor, m.user)) for m in rows.order_by("user__first_name", "role")]


def _edit(request: HttpRequest, model, form_class, pk: int | None, what: str, label: str):  # type: ignore[no-untyped-def]
    actor: Actor = request.actor  # type: ignore[attr-defined]
    instance = get_object_or_404(model.objects.for_actor(actor), pk=pk) if pk is not None else None
    form = form_class(request.POST or None, instance=instance, municipality=actor.municipality)
    if request.method == "POST" and form.is_valid():
        actions.do_save_settings(actor, form, what)
        messages.success(request, f"{label} er gemt.")
        return redirect("settings", actor.municipality.slug)
    return render(
        request, "core/edit.html", {"form": form, "label": label, "is_new": instance is None}
    )


@municipality_view(Role.ADMIN)
def centre_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return _edit(request, Centre, CentreForm, pk, "centre", "Centret")


@municipality_view(Role.ADMIN)
def committee_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return _edit(request, Committee, CommitteeForm, pk, "committee", "Udvalget")


@municipality_view(Role.ADMIN)
def person_add(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    form = PersonForm(request.POST or None, municipality=actor.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_person(actor, form.cleaned_data)
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Personen er tilføjet.")
            return redirect("settings", actor.municipality.slug)
    return render(request, "core/edit.html", {"form": form, "label": "Ny person", "is_new": True})


def _membership(actor: Actor, pk: int) -> Membership:
    return get_object_or_404(Membership.objects.for_actor(actor).select_related("user"), pk=pk)


@municipality_view(Role.ADMIN)
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    try:
        actions.do_remove_membership(actor, _membership(actor, pk))
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Rollen er fjernet. Personen har fået besked.")
    return redirect("settings", actor.municipality.slug)


@municipality_view(Role.ADMIN)
@require_POST
def two_factor_reset(request: HttpRequest, pk: int) -> HttpResponse:
    """A person lost the phone with their authenticator app: they enrol again at log-in."""
    actor: Actor = request.actor  # type: ignore[attr-defined]
    membership = _membership(actor, pk)
    try:
        actions.do_reset_two_factor(actor, membership.user)
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"To-faktor-log-ind er nulstillet for {membership.user.get_full_name()}. Personen "
            "sætter en ny app op ved næste log-ind.",
        )
    return redirect("settings", actor.municipality.slug)


@municipality_view(Role.ADMIN)
@require_POST
def enrolment_code(request: HttpRequest, pk: int) -> HttpResponse:
    """A one-time code for a person to set up their app with (no municipal mail, or a new
    phone): shown on this page once, never stored, never mailed."""
    from borgerpost.login.enrolment import CODE_VALID, do_issue_enrolment_code

    actor: Actor = request.actor  # type: ignore[attr-defined]
    membership = _membership(actor, pk)
    try:
        code = do_issue_enrolment_code(actor, membership.user)
    except RuleError as exc:
        messages.error(request, str(exc))
        return redirect("settings", actor.municipality.slug)
    return render(
        request,
        "core/enrolment_code.html",
        {
            "person": membership.user,
            "code": code,
            "hours": int(CODE_VALID.total_seconds() // 3600),
        },
    )


@municipality_view(Role.ADMIN)
def password_set(request: HttpRequest, pk: int) -> HttpResponse:
    """A person forgot their password: the administrator gives them a new one."""
    actor: Actor = request.actor  # type: ignore[attr-defined]
    membership = _membership(actor, pk)
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_password(actor, membership.user, form.cleaned_data["password"])
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Adgangskoden er ændret. Personen har fået besked.")
            return redirect("settings", actor.municipality.slug)
    label = f"Ny adgangskode til {membership.user.get_full_name() or membership.user.username}"
    return render(request, "core/edit.html", {"form": form, "label": label, "is_new": False})
