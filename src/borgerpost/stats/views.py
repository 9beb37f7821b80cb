"""»Overblik«: how the inquiries one may see are doing against the deadline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from borgerpost.audit.log import record_read
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.models import Role
from borgerpost.core.spreadsheet import danish_decimal
from borgerpost.inquiries.models import AnswerPath, Channel, Inquiry

from .charts import months_chart
from .export import as_csv
from .figures import figures_for

READERS = (Role.SECRETARIAT, Role.DIRECTOR, Role.CASEWORKER, Role.COUNCIL_MEMBER)


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


@municipality_view(*READERS)
def overview(request: HttpRequest) -> HttpResponse:
    """Counts of what the person may see (for_actor): the administration what was sent
    to it, by the member who sent it; a member their own inquiries."""
    actor = _actor(request)
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("aar", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year + 1)
    groups: tuple[str, ...] = ("by_month", "by_centre", "by_channel", "by_path")
    if actor.is_administration:
        groups += ("by_member",)
    figures = figures_for(Inquiry.objects.for_actor(actor), actor.municipality, year, groups)
    if request.GET.get("format") == "csv":
        record_read(actor, "stats.exported", actor.municipality, year=year)
        response = HttpResponse(as_csv(figures), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="overblik-{year}.csv"'
        return response
    for row in [figures, *(r for g in groups for r in figures[g])]:
        row.update(_texts(row))
    labels = {"channel": dict(Channel.choices), "path": dict(AnswerPath.choices)}
    for row in figures["by_channel"]:
        row["label"] = labels["channel"].get(row["channel"], row["channel"])
    for row in figures["by_path"]:
        row["label"] = labels["path"].get(row["path"], "Ikke valgt")
    chart = months_chart(
        figures["by_month"],
        f"Modtagne henvendelser pr. måned i {year}, og hvor mange af dem der blev besvaret "
        "inden for fristen",
    )
    return render(
        request,
        "stats/overview.html",
        {
            "figures": figures,
            "year": year,
            "years": list(range(this_year - 4, this_year + 1)),
            "chart": mark_safe(chart),  # noqa: S308 (built from numbers and escaped text)
            "groups": [
                ("Pr. center", "centre", figures["by_centre"]),
                ("Pr. kanal", "label", figures["by_channel"]),
                ("Pr. besvarelse", "label", figures["by_path"]),
                *(
                    [("Pr. medlem, der sendte henvendelsen", "member", figures["by_member"])]
                    if "by_member" in figures
                    else []
                ),
            ],
        },
    )


def _texts(row: dict) -> dict[str, str]:
    """A row's share and median as a Danish reader writes them (»87 %«, »3,5«)."""
    share, median = row["share_within_deadline"], row["median_working_days"]
    return {
        "share_text": f"{share * 100:.0f} %" if share is not None else "–",
        "median_text": danish_decimal(median) if median is not None else "–",
    }
