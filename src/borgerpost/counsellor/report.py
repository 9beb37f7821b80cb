"""The counsellor's annual report: the statistics of seed 003 section 2, per municipality.

Counts cases opened in the report's period: a whole year for the annual report, any
stretch of days for a status part of the way through (seed 003 §1.2.1, the counsellor's
»midtvejsstatus«), by the same registration rules. Each figure is one aggregate query on the
(municipality, opened) index, so a register of a million cases reports in well under a
second per municipality (benchmarks/counsellor_report.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from borgerpost.core.models import Municipality
from borgerpost.pure import dispatch

from .models import (
    COMPLAINT_HANDLING,
    OTHER_AUTHORITIES_LABEL,
    OTHER_HANDLING,
    Activity,
    ActivityKind,
    CaseStep,
    Category,
    CounsellorCase,
    Criticism,
    Handling,
    RejectionReason,
    StepKind,
    TimeAgreement,
    TimeEntry,
)

# Danish month names, as the dispatch guard writes them too.
MONTHS = dispatch.MONTHS


@dataclass(frozen=True)
class Period:
    """The days a report counts, both included."""

    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def whole_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1, 1, 12, 31,
        ) and self.start.year == self.end.year  # fmt: skip

    @property
    def label(self) -> str:
        """»2017«, or »1. januar – 30. juni 2017«."""
        if self.whole_year:
            return str(self.start.year)
        first = f"{self.start.day}. {MONTHS[self.start.month - 1]}"
        if self.start.year != self.end.year:
            first += f" {self.start.year}"
        return f"{first} – {self.end.day}. {MONTHS[self.end.month - 1]} {self.end.year}"

    @property
    def slug(self) -> str:
        return self.label if self.whole_year else f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"


def period_from(start: str, end: str) -> Period:
    """A period from two ISO dates; ValueError with a Danish message."""
    try:
        period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    except ValueError:
        raise ValueError("Angiv datoerne som ÅÅÅÅ-MM-DD.") from None
    if period.end < period.start:
        raise ValueError("Slutdatoen ligger før startdatoen.")
    if period.start.year < 1990 or period.end.year > 2100:
        raise ValueError("Datoerne skal ligge mellem 1990 og 2100.")
    return period


def annual_report(municipality: Municipality, year: int) -> dict[str, Any]:
    return report_for(municipality, Period.year(year))


def report_for(municipality: Municipality, period: Period) -> dict[str, Any]:
    """The annual report's figures for any period, under the annual report's keys (and
    »from« and »to«; »year« is the period's first year)."""
    base = CounsellorCase.objects.in_municipality(municipality)
    cases = base.filter(opened__range=(period.start, period.end))
    totals = cases.aggregate(
        cases=Count("pk"),
        complaints=Count("pk", filter=Q(category=Category.COMPLAINT)),
        other=Count("pk", filter=Q(category=Category.OTHER)),
        main_cases=Count("pk", filter=Q(main_case__isnull=True)),
        follow_up_cases=Count("pk", filter=Q(main_case__isnull=False)),
    )
    by_year = {
        str(row["y"]): row["n"]
        for row in base.filter(opened__lte=period.end)
        .annotate(y=ExtractYear("opened"))
        .values("y")
        .annotate(n=Count("pk"))
        .order_by("y")
    }
    by_centre: dict[str, int] = {}
    for row in cases.values("centre__name").annotate(n=Count("pk")).order_by("-n", "centre__name"):
        name = row["centre__name"] or OTHER_AUTHORITIES_LABEL
        by_centre[name] = by_centre.get(name, 0) + row["n"]
    complaints = cases.filter(category=Category.COMPLAINT)
    themes = {
        row["themes__name"]: row["n"]
        for row in complaints.filter(themes__isnull=False)
        .values("themes__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "themes__name")
    }
    handled = dict(cases.values_list("handling").annotate(n=Count("pk")))
    rejections = dict(
        complaints.filter(handling=Handling.REJECTED)
        .values_list("rejection_reason")
        .annotate(n=Count("pk"))
    )
    criticism = dict(
        complaints.exclude(criticism="").values_list("criticism").annotate(n=Count("pk"))
    )
    # Recommendation 4: do the centres' answers to complaints say whether the complaint
    # is justified? Counted per centre over the answers recorded in the period's cases.
    positions = {
        row["case__centre__name"] or OTHER_AUTHORITIES_LABEL: {
            "takes_position": row["yes"],
            "no_position": row["no"],
        }
        for row in CaseStep.objects.in_municipality(municipality)
        .filter(case__in=complaints, kind=StepKind.CENTRE_ANSWER, takes_position__isnull=False)
        .values("case__centre__name")
        .annotate(
            yes=Count("pk", filter=Q(takes_position=True)),
            no=Count("pk", filter=Q(takes_position=False)),
        )
        .order_by("case__centre__name")
    }
    return {
        "municipality": municipality.slug,
        "year": period.start.year,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "totals": totals,
        "by_year": by_year,
        "by_centre": by_centre,
        "themes": themes,
        "complaint_handling": {str(c): handled.get(c, 0) for c in COMPLAINT_HANDLING},
        "other_handling": {str(c): handled.get(c, 0) for c in OTHER_HANDLING},
        "rejection_reasons": {str(c): rejections.get(c, 0) for c in RejectionReason.values},
        "criticism": {str(c): criticism.get(c, 0) for c in Criticism.values if c},
        "answers_on_justified": positions,
        "learning": _learning(municipality, period),
        "split": split(municipality, period),
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def split(municipality: Municipality, period: Period) -> list[dict[str, Any]]:
    """For a counsellor shared between municipalities: each municipality's agreed share
    beside the hours spent and the cases opened there in the period, for the evaluation
    the agreement names. Empty when the function is not shared by agreement."""
    agreements = TimeAgreement.objects.filter(starts__lte=period.end)
    counsellors = set(
        TimeAgreement.objects.in_municipality(municipality)
        .filter(starts__lte=period.end)
        .values_list("counsellor", flat=True)
    )
    if not counsellors:
        return []
    latest: dict[int, TimeAgreement] = {}
    for agreement in agreements.filter(counsellor__in=counsellors).order_by("starts", "pk"):
        latest[agreement.municipality_id] = agreement  # the one in force at the end
    places = Municipality.objects.filter(pk__in=latest).order_by("name")
    hours = dict(
        TimeEntry.objects.in_municipalities(places)
        .filter(counsellor__in=counsellors, on__range=(period.start, period.end))
        .values_list("municipality")
        .annotate(total=Sum("hours"))
    )
    cases = dict(
        CounsellorCase.objects.in_municipalities(places)
        .filter(opened__range=(period.start, period.end))
        .values_list("municipality")
        .annotate(n=Count("pk"))
    )
    all_hours = sum(hours.values()) or 0
    all_cases = sum(cases.values())
    return [
        {
            "municipality": place.slug,
            "name": place.name,
            "agreed_share": latest[place.pk].share,
            "hours_per_week": float(latest[place.pk].hours_per_week),
            "evaluate_on": _iso(latest[place.pk].evaluate_on),
            "hours": float(hours.get(place.pk, 0)),
            "hours_share": round(100 * hours.get(place.pk, 0) / all_hours) if all_hours else 0,
            "cases": cases.get(place.pk, 0),
            "cases_share": round(100 * cases.get(place.pk, 0) / all_cases) if all_cases else 0,
        }
        for place in places
    ]


def _learning(municipality: Municipality, period: Period) -> dict[str, Any]:
    """Meetings, advice to management and outreach in the period (seed 003 §1.1.4)."""
    done = Activity.objects.in_municipality(municipality).filter(
        on__range=(period.start, period.end)
    )
    counts = dict(done.values_list("kind").annotate(n=Count("pk")))
    return {
        "by_kind": {str(k): counts.get(k, 0) for k in ActivityKind.values},
        "activities": [
            {"on": a.on.isoformat(), "kind": a.kind, "with_whom": a.with_whom, "topic": a.topic}
            for a in done.order_by("on", "pk")
        ],
    }


def percentages(counts: dict[str, int]) -> dict[str, int]:
    """Whole percentages as the seed report prints them (62/10/26/2)."""
    total = sum(counts.values())
    return {k: round(100 * v / total) if total else 0 for k, v in counts.items()}


LABELS = {
    **{c.value: c.label for c in ActivityKind},
    **{c.value: c.label for c in Handling},
    **{c.value: c.label for c in RejectionReason},
    **{c.value: c.label for c in Criticism if c.value},
}
