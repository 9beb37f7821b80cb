"""The figures as CSV (a row per group and value) and as text for a terminal."""

from __future__ import annotations

import csv
import io
from typing import Any

from borgerpost.pure.inquirystats import KEY_NAMES

COLUMNS = [
    "received",
    "answered",
    "answered_within_deadline",
    "share_within_deadline",
    "median_working_days",
    "overdue_now",
]
HEADER = {
    "received": "modtaget",
    "answered": "besvaret",
    "answered_within_deadline": "besvaret inden for fristen",
    "share_within_deadline": "andel inden for fristen",
    "median_working_days": "median arbejdsdage",
    "overdue_now": "overskredet nu",
}
GROUP_NAMES = {
    "by_month": "måned",
    "by_centre": "center",
    "by_channel": "kanal",
    "by_path": "besvarelse",
    "by_member": "medlem",
}


def as_csv(figures: dict[str, Any]) -> str:
    out = io.StringIO()
    out.write("\ufeff")  # Danish Excel reads UTF-8 by this mark
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["opdeling", "værdi", *(HEADER[c] for c in COLUMNS)])
    writer.writerow(["i alt", figures["year"], *(_cell(figures[c], c) for c in COLUMNS)])
    for group, key in KEY_NAMES.items():
        for row in figures.get(group, []):
            value = str(row[key])
            value = "'" + value if value.startswith(("=", "+", "-", "@")) else value
            writer.writerow([GROUP_NAMES[group], value, *(_cell(row[c], c) for c in COLUMNS)])
    return out.getvalue()


def _cell(value: Any, column: str) -> str:
    """Danish decimal commas: the share with three decimals, the median as it is."""
    if value is None:
        return ""
    if column == "share_within_deadline":
        return f"{value:.3f}".replace(".", ",")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def as_text(figures: dict[str, Any]) -> str:
    share = figures["share_within_deadline"]
    median = figures["median_working_days"]
    lines = [
        f"{figures['municipality']} {figures['year']}",
        f"  modtaget: {figures['received']}",
        f"  besvaret: {figures['answered']}",
        f"  besvaret inden for fristen: {figures['answered_within_deadline']}"
        + (f" ({share:.0%})" if share is not None else ""),
        f"  median svartid: {_danish(median)} arbejdsdage",
        f"  overskredet nu: {figures['overdue_now']}",
    ]
    return "\n".join(lines)


def _danish(value: Any) -> str:
    return "-" if value is None else f"{value:g}".replace(".", ",")
