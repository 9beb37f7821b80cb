"""The annual report as HTML and PDF, in Danish, following seed 003 section 2."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.template.loader import render_to_string

from borgerpost.core.models import Municipality

from .charts import bar_chart, data_uri
from .models import Activity, Recommendation, ReportText
from .report import LABELS, Period, annual_report, percentages, report_for


def report_context(municipality: Municipality, period: int | Period) -> dict[str, Any]:
    period = Period.year(period) if isinstance(period, int) else period
    year = period.start.year
    data = report_for(municipality, period)
    complaint_handling = {LABELS[k]: v for k, v in data["complaint_handling"].items() if v}
    other_handling = {LABELS[k]: v for k, v in data["other_handling"].items() if v}
    charts = {
        "by_year": bar_chart(list(data["by_year"].items()), "Antal sager pr. år"),
        "by_centre": bar_chart(list(data["by_centre"].items()), "Sager fordelt på centre"),
        "themes": bar_chart(list(data["themes"].items()), "Klagetemaer"),
        "complaint_handling": bar_chart(
            list(complaint_handling.items()), "Behandling af klager", percent=True
        ),
        "other_handling": bar_chart(
            list(other_handling.items()), "Behandling af andre henvendelser", percent=True
        ),
    }
    text = ReportText.objects.in_municipality(municipality).filter(year=year).first()
    activities = Activity.objects.in_municipality(municipality).filter(
        on__range=(period.start, period.end)
    )
    return {
        "municipality": municipality,
        "year": year,
        "period": period,
        "data": data,
        "charts": {k: data_uri(v) for k, v in charts.items()},
        "complaint_pct": percentages(complaint_handling),
        "other_pct": percentages(other_handling),
        "rejections": {LABELS[k]: v for k, v in data["rejection_reasons"].items() if v},
        "criticism": {LABELS[k]: v for k, v in data["criticism"].items() if v},
        "text": text,
        "activities": activities.order_by("on", "pk"),
        "recommendations": Recommendation.objects.in_municipality(municipality)
        .filter(year=year)
        .prefetch_related("follow_ups"),
        "earlier": Recommendation.objects.in_municipality(municipality)
        .filter(year__lt=year)
        .prefetch_related("follow_ups"),
    }


def render_html(municipality: Municipality, period: int | Period) -> str:
    return render_to_string("counsellor/report.html", report_context(municipality, period))


def render_pdf(municipality: Municipality, period: int | Period) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(municipality, period)).write_pdf()


NETWORK_COLUMNS = [
    "municipality",
    "year",
    "cases",
    "complaints",
    "other",
    "main_cases",
    "follow_up_cases",
    "other_authorities",
]


def network_export(municipalities: list[Municipality], year: int) -> str:
    """Anonymous figures for comparison in the counsellors' network (docs/counsellor.md)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    handling_codes: list[str] = []
    rows = []
    for place in municipalities:
        data = annual_report(place, year)
        handling = {**data["complaint_handling"], **data["other_handling"]}
        handling_codes = list(handling)
        rows.append(
            [
                place.slug,
                year,
                *[data["totals"][k] for k in NETWORK_COLUMNS[2:7]],
                data["by_centre"].get("Andre instanser", 0),
                *[handling[c] for c in handling_codes],
            ]
        )
    writer.writerow(NETWORK_COLUMNS + [f"handling_{c}" for c in handling_codes])
    writer.writerows(rows)
    return out.getvalue()
