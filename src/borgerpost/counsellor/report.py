"""The counsellor's annual report: the statistics of seed 003 section 2, per municipality.

Counts cases opened in the report's year. Each figure is one aggregate query on the
(municipality, opened) index, so a register of a million cases reports in well under a
second per municipality (benchmarks/counsellor_report.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from borgerpost.core.models import Municipality

from .models import (
    COMPLAINT_HANDLING,
    OTHER_AUTHORITIES_LABEL,
    OTHER_HANDLING,
    Category,
    CounsellorCase,
    Criticism,
    Handling,
    RejectionReason,
)


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def annual_report(municipality: Municipality, year: int) -> dict[str, Any]:
    base = CounsellorCase.objects.in_municipality(municipality)
    cases = base.filter(opened__range=_year_range(year))
    totals = cases.aggregate(
        cases=Count("pk"),
        complaints=Count("pk", filter=Q(category=Category.COMPLAINT)),
        other=Count("pk", filter=Q(category=Category.OTHER)),
        main_cases=Count("pk", filter=Q(main_case__isnull=True)),
        follow_up_cases=Count("pk", filter=Q(main_case__isnull=False)),
    )
    by_year = {
        str(row["y"]): row["n"]
        for row in base.filter(opened__lte=dt.date(year, 12, 31))
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
    return {
        "municipality": municipality.slug,
        "year": year,
        "totals": totals,
        "by_year": by_year,
        "by_centre": by_centre,
        "themes": themes,
        "complaint_handling": {str(c): handled.get(c, 0) for c in COMPLAINT_HANDLING},
        "other_handling": {str(c): handled.get(c, 0) for c in OTHER_HANDLING},
        "rejection_reasons": {str(c): rejections.get(c, 0) for c in RejectionReason.values},
        "criticism": {str(c): criticism.get(c, 0) for c in Criticism.values if c},
    }


def percentages(counts: dict[str, int]) -> dict[str, int]:
    """Whole percentages as the seed report prints them (62/10/26/2)."""
    total = sum(counts.values())
    return {k: round(100 * v / total) if total else 0 for k, v in counts.items()}


LABELS = {
    **{c.value: c.label for c in Handling},
    **{c.value: c.label for c in RejectionReason},
    **{c.value: c.label for c in Criticism if c.value},
}
