"""The counsellor's pages. Only the counsellor: `cases_for(actor)` is the one access rule."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from borgerpost.audit.log import record_list, record_read
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality, Role
from borgerpost.core.params import int_param
from borgerpost.guard.service import GuardBlocked

from . import actions, importing, rendering
from .forms import (
    ActivityForm,
    AgreementForm,
    CaseForm,
    FollowUpForm,
    RecommendationForm,
    ReportTextForm,
    StepForm,
    TimeEntryForm,
)
from .models import (
    Activity,
    CaseStep,
    Channel,
    CounsellorCase,
    CounsellorMail,
    ImportMapping,
    Recommendation,
    TimeAgreement,
    TimeEntry,
)
from .report import Period, annual_report, period_from, report_for, split

COUNSELLOR = (Role.COUNSELLOR,)


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


def _id(raw: str) -> int:
    """An id from a form or the address; 0 (found nowhere) for anything else."""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 16 else 0


def counsellor_municipalities(actor: Actor) -> QuerySet[Municipality]:
    """Every municipality this counsellor serves (Hvidovre and Ishøj share one)."""
    return Municipality.objects.filter(
        memberships__user=actor.user, memberships__role=Role.COUNSELLOR
    ).distinct()


def cases_for(actor: Actor, combined: bool = False) -> QuerySet[CounsellorCase]:
    if combined:
        shared = CounsellorCase.objects.in_municipalities(counsellor_municipalities(actor))
        return shared.restricted_to(actor)
    return CounsellorCase.objects.for_actor(actor)


@municipality_view(*COUNSELLOR)
def case_list(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    combined = request.GET.get("samlet") == "1"
    cases = cases_for(actor, combined).select_related("municipality", "centre", "main_case")
    year = int_param(request, "aar", default=None, low=1990, high=2100, what="Året")
    if year is not None:
        cases = cases.filter(opened__year=year)
    shown = list(cases[:500])
    # In the counsellor's own access log (borgerpost audit counsellor), never the DPO's.
    if shown:
        record_read(actor, "counsellor_case.listed", actor.municipality, shown=len(shown))
    return render(
        request,
        "counsellor/cases.html",
        {
            "cases": shown,
            "combined": combined,
            "places": counsellor_municipalities(actor),
            "year": year or "",
        },
    )


@municipality_view(*COUNSELLOR)
def case_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    actor = _actor(request)
    actions.ensure_default_themes(actor.municipality)
    case = get_object_or_404(cases_for(actor), pk=pk) if pk else None
    if case is not None:
        record_read(actor, "counsellor_case.viewed", case)
    # A new case from a mail to the counsellor's own mailbox (»Post«).
    mail = None
    raw_mail = request.GET.get("post", "")
    if case is None and raw_mail:
        mail = get_object_or_404(
            CounsellorMail.objects.for_actor(actor).filter(case__isnull=True),
            pk=_id(raw_mail),
        )
    initial: dict[str, object] | None = None
    if case is None:
        initial = {"opened": timezone.localdate()}
        if mail is not None:
            initial = {
                "opened": timezone.localtime(mail.received_at).date(),
                "channel": Channel.OWN_MAIL,
                "citizen_contact": f"{mail.sender_name} <{mail.sender_email}>",
                "notes": actions.mail_as_case_notes(mail),
            }
    form = CaseForm(
        request.POST or None,
        instance=case,
        municipality=actor.municipality,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.do_save_case(actor, form)
            if mail is not None:
                actions.do_link_mail(actor, mail, saved)
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Sagen er gemt.")
            return redirect("counsellor-cases", actor.municipality.slug)
    return _case_page(request, form, case, StepForm(initial={"on": timezone.localdate()}))


def _case_page(
    request: HttpRequest, form: CaseForm, case: CounsellorCase | None, step_form: StepForm
) -> HttpResponse:
    steps = case.steps.select_related("created_by") if case else []
    return render(
        request,
        "counsellor/case.html",
        {"form": form, "case": case, "steps": steps, "step_form": step_form},
    )


@municipality_view(*COUNSELLOR)
@require_POST
def case_step(request: HttpRequest, pk: int) -> HttpResponse:
    """A dated step of the case, in the dialogue principle's order (actions.do_record_step)."""
    actor = _actor(request)
    case = get_object_or_404(cases_for(actor), pk=pk)
    step_form = StepForm(request.POST)
    if step_form.is_valid():
        data = step_form.cleaned_data
        try:
            actions.do_record_step(
                actor,
                case,
                actions.NewStep(
                    kind=data["kind"],
                    on=data["on"],
                    note=data["note"],
                    takes_position=data["takes_position"],
                    limits=tuple(data["limits"]),
                    criticism=data["criticism"] or "",
                ),
            )
        except RuleError as exc:
            step_form.add_error(None, str(exc))
        else:
            messages.success(request, "Trinnet er registreret.")
            return redirect("counsellor-case", actor.municipality.slug, case.pk)
    form = CaseForm(instance=case, municipality=actor.municipality)
    return _case_page(request, form, case, step_form)


@municipality_view(*COUNSELLOR)
def report(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    place = actor.municipality
    years_with_cases = _years_with_cases(place)
    # Open on the latest year with cases (this year's too, once it has any).
    latest = years_with_cases[0] if years_with_cases else timezone.localdate().year - 1
    year = int_param(request, "aar", default=latest, low=1990, high=2100, what="Året")
    assert year is not None
    fmt = request.GET.get("format")
    period = Period.year(year)
    if "fra" in request.GET or "til" in request.GET:
        try:
            period = period_from(request.GET.get("fra", ""), request.GET.get("til", ""))
        except ValueError as exc:
            messages.error(request, f"Perioden kan ikke bruges: {exc}")
            return redirect(f"{request.path}?aar={year}")
    if fmt == "netvaerk":
        record_read(actor, "counsellor_report.network_export", place, year=year)
        response = HttpResponse(
            rendering.network_export(list(counsellor_municipalities(actor).order_by("slug")), year),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="netvaerk-{year}.csv"'
        return response
    if fmt in ("json", "html", "pdf"):
        record_read(
            actor,
            "counsellor_report.downloaded",
            place,
            start=period.start.isoformat(),
            end=period.end.isoformat(),
            format=fmt,
        )
        filename = f"borgerraadgiver-{place.slug}-{period.slug}.{fmt}"
        if fmt == "json":
            body: bytes | str = json.dumps(report_for(place, period), ensure_ascii=False, indent=2)
            content_type = "application/json"
        elif fmt == "html":
            body, content_type = rendering.render_html(place, period), "text/html; charset=utf-8"
        else:
            body, content_type = rendering.render_pdf(place, period), "application/pdf"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    text = actions.report_text(place, year)
    form = ReportTextForm(request.POST or None, instance=text)
    if request.method == "POST" and form.is_valid():
        actions.do_save_report_text(actor, form, year)
        messages.success(request, "Teksten er gemt.")
        return redirect(f"{request.path}?aar={year}")
    return render(
        request,
        "counsellor/report_page.html",
        {
            "year": year,
            "years": sorted({*years_with_cases, timezone.localdate().year, year}, reverse=True),
            "form": form,
            "data": annual_report(place, year),
            "period_from": f"{year}-01-01",
            "period_to": min(timezone.localdate(), dt.date(year, 12, 31)).isoformat(),
        },
    )


def _years_with_cases(place: Municipality) -> list[int]:
    return sorted(
        {d.year for d in CounsellorCase.objects.in_municipality(place).dates("opened", "year")},
        reverse=True,
    )


@municipality_view(*COUNSELLOR)
def recommendations(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    place = actor.municipality
    form = RecommendationForm(
        request.POST if "title" in request.POST else None,
        initial={"year": dt.date.today().year - 1},
    )
    follow_form = FollowUpForm(
        request.POST if "status" in request.POST else None, initial={"year": dt.date.today().year}
    )
    if request.method == "POST":
        if "title" in request.POST and form.is_valid():
            try:
                actions.do_add_recommendation(actor, form.save(commit=False))
            except RuleError as exc:
                form.add_error("number", str(exc))
            else:
                messages.success(request, "Anbefalingen er gemt.")
                return redirect("counsellor-recommendations", place.slug)
        if "status" in request.POST and follow_form.is_valid():
            rec = get_object_or_404(
                Recommendation.objects.for_actor(actor), pk=request.POST.get("recommendation")
            )
            actions.do_follow_up(actor, rec, follow_form.cleaned_data)
            messages.success(request, "Opfølgningen er gemt.")
            return redirect("counsellor-recommendations", place.slug)
    return render(
        request,
        "counsellor/recommendations.html",
        {
            "items": Recommendation.objects.for_actor(actor).prefetch_related("follow_ups"),
            "form": form,
            "follow_form": follow_form,
        },
    )


@municipality_view(*COUNSELLOR)
def learning(request: HttpRequest) -> HttpResponse:
    """Dialogue meetings, advice to management and outreach (seed 003 §1.1.4), for the
    report's section on organisational learning."""
    actor = _actor(request)
    form = ActivityForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_activity(actor, form.save(commit=False))
        except RuleError as exc:
            form.add_error("on", str(exc))
        else:
            messages.success(request, "Aktiviteten er registreret.")
            return redirect("counsellor-learning", actor.municipality.slug)
    activities = list(Activity.objects.for_actor(actor)[:200])
    record_list(actor, "counsellor-activities", len(activities))
    return render(request, "counsellor/learning.html", {"form": form, "activities": activities})


@municipality_view(*COUNSELLOR)
def time_split(request: HttpRequest) -> HttpResponse:
    """The counsellor's hours per municipality and the agreed split, with the figures the
    agreement's evaluation needs (the report's section on the shared function)."""
    actor = _actor(request)
    places = counsellor_municipalities(actor)
    time_form = TimeEntryForm(
        request.POST if "hours" in request.POST else None,
        places=places,
        initial={"on": timezone.localdate(), "municipality": actor.municipality.pk},
    )
    agreement_form = AgreementForm(request.POST if "share" in request.POST else None, places=places)
    if request.method == "POST":
        try:
            if "hours" in request.POST and time_form.is_valid():
                data = time_form.cleaned_data
                actions.do_record_time(
                    actor, places, data["municipality"], data["on"], data["hours"], data["note"]
                )
                messages.success(request, "Timerne er registreret.")
                return redirect("counsellor-time", actor.municipality.slug)
            if "share" in request.POST and agreement_form.is_valid():
                actions.do_save_agreement(actor, places, agreement_form.save(commit=False))
                messages.success(request, "Aftalen er gemt.")
                return redirect("counsellor-time", actor.municipality.slug)
        except RuleError as exc:
            messages.error(request, str(exc))
    year = timezone.localdate().year
    entries = list(
        TimeEntry.objects.in_municipalities(places)
        .filter(counsellor=actor.user)
        .select_related("municipality")[:100]
    )
    record_list(actor, "counsellor-time", len(entries))
    return render(
        request,
        "counsellor/time.html",
        {
            "time_form": time_form,
            "agreement_form": agreement_form,
            "entries": entries,
            "agreements": TimeAgreement.objects.in_municipalities(places)
            .filter(counsellor=actor.user)
            .select_related("municipality"),
            "split": split(actor.municipality, Period.year(year)),
            "year": year,
        },
    )


IMPORT_SESSION_KEY = "counsellor_import"
MAX_IMPORT_BYTES = 2_000_000
FIELD_LABELS = {
    "reference": "Sagsnummer",
    "municipality": "Kommune",
    "opened": "Oprettet (dato)",
    "closed": "Afsluttet (dato)",
    "main_reference": "Hovedsagens sagsnummer",
    "category": "Sagstype (klage/anden)",
    "handling": "Behandling",
    "centre": "Center",
    "other_authority": "Anden instans",
    "themes": "Klagetemaer (adskilt af ;)",
    "criticism": "Kritik",
}


@municipality_view(*COUNSELLOR)
def import_cases(request: HttpRequest) -> HttpResponse:
    """The statistics module's export, imported through columns the counsellor confirms
    on a preview of the first rows; the choice is kept for next time and for
    `borgerpost counsellor import FILE --mapping KOMMUNE`."""
    actor = _actor(request)
    places = counsellor_municipalities(actor)
    if request.method == "POST" and "fil" in request.FILES:
        upload = request.FILES.get("fil")
        if upload is None or isinstance(upload, list):
            return redirect("counsellor-import", actor.municipality.slug)
        if upload.size is None or upload.size > MAX_IMPORT_BYTES:
            messages.error(request, "Filen er for stor (højst 2 MB).")
            return redirect("counsellor-import", actor.municipality.slug)
        try:
            text = upload.read().decode("utf-8-sig")
            importing.headers(text)
        except UnicodeDecodeError:
            messages.error(request, "Filen skal være gemt som UTF-8 (CSV).")
            return redirect("counsellor-import", actor.municipality.slug)
        except importing.ImportError_ as exc:
            messages.error(request, str(exc))
            return redirect("counsellor-import", actor.municipality.slug)
        request.session[IMPORT_SESSION_KEY] = text
        return redirect("counsellor-import", actor.municipality.slug)
    text = request.session.get(IMPORT_SESSION_KEY)
    if not text:
        return render(request, "counsellor/import.html", {"stage": "upload"})
    columns, preview, _ = importing.headers(text)
    saved = ImportMapping.objects.for_actor(actor).first()  # one per municipality
    chosen = _chosen_columns(request, columns, saved)
    if request.method == "POST" and "importer" in request.POST:
        try:
            summary = actions.do_import_with_mapping(actor, places, text, chosen)
        except importing.ImportError_ as exc:
            messages.error(request, f"{exc} Intet er importeret.")
        else:
            del request.session[IMPORT_SESSION_KEY]
            messages.success(
                request,
                f"Importeret: {summary.created} nye, {summary.updated} opdaterede og "
                f"{summary.unchanged} uændrede sager.",
            )
            return redirect("counsellor-cases", actor.municipality.slug)
    return render(
        request,
        "counsellor/import.html",
        {
            "stage": "columns",
            "columns": columns,
            "preview": preview,
            "fields": [
                (name, FIELD_LABELS[name], chosen.get(name, "")) for name in importing.COLUMNS
            ],
            "places": places,
            "fixed_municipality": chosen.get("municipality", "")[1:]
            if chosen.get("municipality", "").startswith("=")
            else "",
        },
    )


def _chosen_columns(
    request: HttpRequest, columns: list[str], saved: ImportMapping | None
) -> dict[str, str]:
    """The columns chosen on the page, else the ones saved last time, else a column whose
    header is the field's own name."""
    if request.method == "POST" and "importer" in request.POST:
        chosen = {
            name: request.POST.get(f"kolonne_{name}", "")
            for name in importing.COLUMNS
            if request.POST.get(f"kolonne_{name}", "") in columns
        }
        fixed = request.POST.get("fast_kommune", "")
        if fixed:
            chosen["municipality"] = f"={fixed}"
        return chosen
    if saved is not None:
        return {
            name: source
            for name, source in saved.columns.items()
            if source in columns or source.startswith("=")
        }
    return {name: name for name in importing.COLUMNS if name in columns}


@municipality_view(*COUNSELLOR)
@require_POST
def send_statement(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    case = get_object_or_404(cases_for(actor), pk=pk)
    step = get_object_or_404(
        CaseStep.objects.for_actor(actor).filter(case=case), pk=_id(request.POST.get("trin", ""))
    )
    try:
        actions.do_send_statement(actor, case, step)
    except (RuleError, GuardBlocked) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "Udtalelsen er sendt til borgeren med Digital Post og til centrets direktør."
        )
    return redirect("counsellor-case", actor.municipality.slug, case.pk)


@municipality_view(*COUNSELLOR)
def mail_list(request: HttpRequest) -> HttpResponse:
    """Mails to the counsellor's own mailbox, waiting to be registered as cases."""
    actor = _actor(request)
    waiting = list(CounsellorMail.objects.for_actor(actor).filter(case__isnull=True)[:200])
    record_list(actor, "counsellor-mail", len(waiting))
    return render(request, "counsellor/mail.html", {"mails": waiting})
