"""The figures as CSV (a row per group and value) and as text for a terminal."""

from __future__ import annotations

import io
from typing import Any

from borgerpost.core.spreadsheet import danish_decimal, danish_writer, safe_cell
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
    writer = danish_writer(out)
    writer.writerow(["opdeling", "værdi", *(HEADER[c] for c in COLUMNS)])
    writer.writerow(["i alt", figures["year"], *(_cell(figures[c], c) for c in COLUMNS)])
    for group, key in KEY_NAMES.items():
        for row in figures.get(group, []):
            cells = (_cell(row[c], c) for c in COLUMNS)
            writer.writerow([GROUP_NAMES[group], safe_cell(row[key]), *cells])
    return out.getvalue()


def _cell(value: Any, column: str) -> str:
    """Danish decimal commas: the share with three decimals, the median as it is."""
    if value is None:
        return ""
    if column == "share_within_deadline":
        return danish_decimal(value, 3)
    if isinstance(value, float):
        return danish_decimal(value)
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
    return "-" if value is None else danish_decimal(value)
