"""Writes to the citizen counsellor's register, each with its audit entry in the same
transaction. Only the counsellor writes here (the views check the role); each action
checks that the case or recommendation belongs to the counsellor's municipality."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.forms import ModelForm

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality

from .models import (
    DEFAULT_THEMES,
    ComplaintTheme,
    CounsellorCase,
    Recommendation,
    RecommendationFollowUp,
    ReportText,
)


def ensure_default_themes(municipality: Municipality) -> None:
    """The seed's complaint themes, the first time the counsellor opens a case form."""
    with transaction.atomic():
        if not ComplaintTheme.objects.filter(municipality=municipality).exists():
            ComplaintTheme.objects.bulk_create(
                [ComplaintTheme(municipality=municipality, name=n) for n in DEFAULT_THEMES]
            )


def do_save_case(actor: Actor, form: ModelForm) -> CounsellorCase:
    """Save a validated case form (new or changed) in the counsellor's municipality."""
    with transaction.atomic():
        case: CounsellorCase = form.save(commit=False)
        if case.pk is not None:
            locked = CounsellorCase.objects.select_for_update().get(pk=case.pk)
            if locked.municipality_id != actor.municipality.pk:
                raise RuleError("Sagen hører til en anden kommune.")
        case.municipality = actor.municipality
        if case.created_by_id is None:
            case.created_by = actor.user
        case.save()
        form.save_m2m()
        record(actor, "counsellor_case.saved", case, handling=case.handling)
    return case


def report_text(place: Municipality, year: int) -> ReportText:
    with transaction.atomic():
        text, _ = ReportText.objects.get_or_create(municipality=place, year=year)
    return text


def do_save_report_text(actor: Actor, form: ModelForm, year: int) -> ReportText:
    with transaction.atomic():
        text: ReportText = form.save(commit=False)
        if text.municipality_id != actor.municipality.pk:
            raise RuleError("Teksten hører til en anden kommune.")
        text.save()
        record(actor, "counsellor_report.text_saved", text, year=year)
    return text


def do_add_recommendation(actor: Actor, rec: Recommendation) -> Recommendation:
    place = actor.municipality
    with transaction.atomic():
        # Locking the municipality row serialises two counsellors' numbering at once.
        Municipality.objects.select_for_update().get(pk=place.pk)
        if Recommendation.objects.filter(
            municipality=place, year=rec.year, number=rec.number
        ).exists():
            raise RuleError("Der er allerede en anbefaling med det nummer i året.")
        rec.municipality = place
        rec.save()
        record(actor, "recommendation.created", rec)
    return rec


def do_follow_up(actor: Actor, rec: Recommendation, data: dict[str, Any]) -> None:
    with transaction.atomic():
        rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
        if rec.municipality_id != actor.municipality.pk:
            raise RuleError("Anbefalingen hører til en anden kommune.")
        RecommendationFollowUp.objects.update_or_create(
            recommendation=rec,
            year=data["year"],
            defaults={"status": data["status"], "note": data["note"]},
        )
        record(actor, "recommendation.followed_up", rec, status=data["status"])
