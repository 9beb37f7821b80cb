"""Letter pages for the administration. All reads go through `letters_for(actor)`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from borgerpost.audit.log import record_list, record_read
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import ADMINISTRATION_ROLES, Role
from borgerpost.core.params import int_param
from borgerpost.guard.service import GuardBlocked
from borgerpost.outgoing.queue import state_of

from . import actions
from .checks import check_letter
from .forms import (
    CitizenForm,
    CompanyForm,
    KindRuleForm,
    LetterForm,
    ReleaseForm,
    SendForm,
    SendingSystemForm,
    TemplateForm,
    VulnerabilityForm,
)
from .models import (
    Citizen,
    Company,
    Letter,
    LetterStatus,
    LetterTemplate,
    SendingSystem,
    SystemLetterKind,
)

STAFF = tuple(ADMINISTRATION_ROLES)
QUESTIONS = [
    "Kan brevet vente til efter weekenden eller helligdagen, uden at det får konsekvenser for "
    "borgeren?",
    "Hvilken borger er det, og hvordan forestiller du dig, at borgeren vil reagere på brevet?",
    "Hvordan kan borgeren kontakte dig eller en kollega, når brevet er modtaget?",
]


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


def letters_for(actor: Actor) -> QuerySet[Letter]:
    """Letters are the administration's, within its own municipality."""
    return Letter.objects.for_actor(actor)


@municipality_view(*STAFF)
def letter_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    show = request.GET.get("vis", "held")
    status = {
        "kladder": LetterStatus.DRAFT,
        "held": LetterStatus.HELD,
        "sendt": LetterStatus.SENT,
        "print": LetterStatus.PRINT_QUEUE,
        "standset": LetterStatus.STOPPED,
    }.get(show)
    letters = letters_for(actor).select_related("citizen", "company", "sending_system")
    if status:
        letters = letters.filter(status=status)
    ordering = "hold_until" if status == LetterStatus.HELD else "-created_at"
    shown = list(letters.order_by(ordering)[:300])
    record_list(actor, "letters", len(shown))
    return render(
        request,
        "letters/list.html",
        {
            "letters": shown,
            "stopped": letters_for(actor).filter(status=LetterStatus.STOPPED).count(),
            "show": show,
            "release_form": ReleaseForm(),
        },
    )


@municipality_view(*STAFF)
def sending_systems(request: HttpRequest) -> HttpResponse:
    """Which systems hand their Digital Post to the gateway, and how their letters fare:
    received, held, released early, and the seed's advice not followed, per system, so
    the municipality can see which system needs a better template."""
    actor = _actor(request)
    from_systems = letters_for(actor).filter(sending_system__isnull=False)
    figures = {
        row["sending_system"]: row
        for row in from_systems.values("sending_system").annotate(
            received=Count("pk"),
            held=Count("pk", filter=~Q(hold_reason="")),
            held_now=Count("pk", filter=Q(status=LetterStatus.HELD)),
            released_early=Count("pk", filter=~Q(released_early_reason="")),
            generic_titles=Count("pk", filter=Q(generic_title=True)),
            missing_contact=Count("pk", filter=Q(missing_contact=True)),
            over_lix=Count("pk", filter=Q(over_lix_target=True)),
        )
    }
    systems = list(SendingSystem.objects.for_actor(actor).prefetch_related("kinds"))
    rows = [(system, figures.get(system.pk, {})) for system in systems]
    record_list(actor, "sending-systems", len(rows))
    return render(request, "letters/systems.html", {"rows": rows})


SYSTEM_KEEPERS = (Role.SECRETARIAT, Role.ADMIN)


@municipality_view(*SYSTEM_KEEPERS)
def sending_system(request: HttpRequest, pk: int) -> HttpResponse:
    """One system's settings and the municipality's rules per kind of its letters."""
    actor = _actor(request)
    system = get_object_or_404(SendingSystem.objects.for_actor(actor), pk=pk)
    form = SendingSystemForm(request.POST or None, instance=system)
    if request.method == "POST" and form.is_valid():
        actions.do_save_sending_system(actor, form.save(commit=False))
        messages.success(request, "Indstillingerne er gemt.")
        return redirect("sending-system", actor.municipality.slug, system.pk)
    return _system_page(request, system, form, KindRuleForm())


@municipality_view(*SYSTEM_KEEPERS)
@require_POST
def sending_system_kind_add(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    system = get_object_or_404(SendingSystem.objects.for_actor(actor), pk=pk)
    rule_form = KindRuleForm(request.POST)
    if rule_form.is_valid():
        try:
            actions.do_add_kind_rule(
                actor,
                system,
                rule_form.cleaned_data["kind"],
                rule_form.cleaned_data["has_deadline"],
            )
        except RuleError as exc:
            rule_form.add_error("kind", str(exc))
        else:
            messages.success(request, "Reglen er tilføjet.")
            return redirect("sending-system", actor.municipality.slug, system.pk)
    return _system_page(request, system, SendingSystemForm(instance=system), rule_form)


@municipality_view(*SYSTEM_KEEPERS)
@require_POST
def sending_system_kind_delete(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    rule = get_object_or_404(SystemLetterKind.objects.for_actor(actor), pk=pk)
    actions.do_remove_kind_rule(actor, rule)
    messages.success(request, "Reglen er slettet.")
    return redirect("sending-system", actor.municipality.slug, rule.system_id)


def _system_page(
    request: HttpRequest, system: SendingSystem, form: SendingSystemForm, rule_form: KindRuleForm
) -> HttpResponse:
    return render(
        request,
        "letters/system.html",
        {
            "system": system,
            "form": form,
            "rule_form": rule_form,
            "rules": SystemLetterKind.objects.for_actor(_actor(request)).filter(system=system),
        },
    )


@municipality_view(*STAFF)
def letter_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    actor = _actor(request)
    letter = get_object_or_404(letters_for(actor), pk=pk) if pk else None
    initial: dict[str, Any] = {}
    template_id = int_param(request, "skabelon", default=None, low=1, high=2**53, what="Skabelonen")
    if letter is None and template_id:
        template = get_object_or_404(LetterTemplate.objects.for_actor(actor), pk=template_id)
        initial = {
            "template": template.pk,
            "title": template.title,
            "lead_text": template.lead_text,
            "body": template.body,
        }
    form = LetterForm(
        request.POST or None, instance=letter, initial=initial, municipality=actor.municipality
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.do_save_letter(actor, form.save(commit=False))
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Brevet er gemt.")
            return redirect("letter-detail", actor.municipality.slug, saved.pk)
    return render(
        request,
        "letters/edit.html",
        {
            "form": form,
            "letter": letter,
            "templates": LetterTemplate.objects.for_actor(actor),
        },
    )


@municipality_view(*STAFF)
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    letter = get_object_or_404(
        letters_for(actor).select_related("citizen", "company", "template"), pk=pk
    )
    record_read(actor, "letter.viewed", letter)
    send_form = SendForm(request.POST or None)
    guard_result = None
    if request.method == "POST" and send_form.is_valid():
        data = send_form.cleaned_data
        try:
            decision = actions.do_send_letter(
                actor,
                letter,
                actions.SendRequest(
                    data["channel"], data["considered_questions"], data["advance_notice_task"]
                ),
            )
        except GuardBlocked as exc:
            guard_result = exc.result
            send_form.add_error(None, str(exc))
        except RuleError as exc:
            send_form.add_error(None, str(exc))
        else:
            if decision.action == "hold":
                messages.warning(request, decision.reason)
            else:
                messages.success(
                    request,
                    "Brevet er sendt."
                    if letter.status == LetterStatus.SENT
                    else "Borgeren er ikke tilmeldt Digital Post: brevet er lagt i "
                    "printkøen som fysisk brev.",
                )
            return redirect("letter-detail", actor.municipality.slug, letter.pk)
    is_standard = letter.template.is_standard if letter.template else False
    return render(
        request,
        "letters/detail.html",
        {
            "letter": letter,
            "check": check_letter(
                letter.title,
                letter.lead_text,
                letter.body,
                letter.contact_text,
                is_standard,
                actor.municipality.lix_target,
            ),
            "decision": actions.dispatch_decision(letter, timezone.now()),
            "delivery": state_of(letter),
            "send_form": send_form,
            "questions": QUESTIONS,
            "guard": guard_result,
            "guard_prefix": "",
            "release_form": ReleaseForm(),
        },
        status=400 if request.method == "POST" else 200,
    )


@municipality_view(*STAFF)
@require_POST
def letter_release(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    letter = get_object_or_404(letters_for(actor), pk=pk)
    form = ReleaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Skriv, hvorfor brevet skal sendes før tiden.")
    else:
        try:
            actions.do_release_early(actor, letter, form.cleaned_data["reason"])
        except (RuleError, GuardBlocked) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Brevet er frigivet og sendt.")
    return redirect("letter-detail", actor.municipality.slug, letter.pk)


@municipality_view(*STAFF)
@require_POST
def letter_redraft(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    letter = get_object_or_404(letters_for(actor), pk=pk)
    try:
        actions.do_return_to_draft(actor, letter)
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Brevet er en kladde igen. Ret det, og send det.")
    return redirect("letter-detail", actor.municipality.slug, letter.pk)


@municipality_view(*STAFF)
def citizen_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    adding_company = request.method == "POST" and "cvr" in request.POST
    form = CitizenForm(
        None if adding_company else (request.POST or None), municipality=actor.municipality
    )
    company_form = CompanyForm(request.POST if adding_company else None)
    if adding_company and company_form.is_valid():
        company = actions.do_save_company(actor, company_form.save(commit=False))
        messages.success(request, f"{company.name} er oprettet.")
        return redirect("citizens", actor.municipality.slug)
    if request.method == "POST" and not adding_company and form.is_valid():
        citizen = actions.do_save_citizen(actor, form.save(commit=False))
        messages.success(request, f"{citizen.name} er oprettet.")
        return redirect("citizen-detail", actor.municipality.slug, citizen.pk)
    citizens = list(Citizen.objects.for_actor(actor)[:500])
    record_list(actor, "citizens", len(citizens))
    return render(
        request,
        "letters/citizens.html",
        {
            "citizens": citizens,
            "form": form,
            "companies": Company.objects.for_actor(actor)[:500],
            "company_form": company_form,
        },
    )


@municipality_view(*STAFF)
def citizen_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    citizen = get_object_or_404(Citizen.objects.for_actor(actor), pk=pk)
    if request.method == "GET":
        record_read(actor, "citizen.viewed", citizen)  # a CPR number and perhaps a vulnerability
    form = VulnerabilityForm(
        request.POST or None,
        initial={
            "vulnerable": citizen.vulnerable,
            "note": citizen.vulnerability_note,
            "review_on": citizen.vulnerability_review_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_assess_vulnerability(
                actor,
                citizen,
                form.cleaned_data["vulnerable"],
                form.cleaned_data["note"],
                form.cleaned_data["review_on"],
            )
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Vurderingen er gemt.")
            return redirect("citizen-detail", actor.municipality.slug, citizen.pk)
    return render(
        request,
        "letters/citizen.html",
        {
            "citizen": citizen,
            "form": form,
            "letters": letters_for(actor).filter(citizen=citizen)[:50],
        },
    )


@municipality_view(Role.ADMIN, *STAFF)
def template_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    actor = _actor(request)
    template = get_object_or_404(LetterTemplate.objects.for_actor(actor), pk=pk) if pk else None
    form = TemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        actions.do_save_template(actor, form.save(commit=False))
        messages.success(request, "Skabelonen er gemt.")
        return redirect("letter-templates", actor.municipality.slug)
    return render(request, "letters/template_edit.html", {"form": form, "template": template})


@municipality_view(Role.ADMIN, *STAFF)
def template_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    return render(
        request,
        "letters/templates.html",
        {
            "templates": LetterTemplate.objects.for_actor(actor),
        },
    )
