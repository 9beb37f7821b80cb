"""A filtered list of inquiries as CSV, for a spreadsheet.

Written for a Danish spreadsheet, formula-safe (core/spreadsheet.py). Only what a list
row shows: no citizen name, address or text leaves this way.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from borgerpost.core.spreadsheet import danish_writer, safe_cell

HEADER = [
    "nummer",
    "modtaget",
    "svarfrist",
    "status",
    "frist",
    "kanal",
    "besvarelse",
    "center",
    "emne",
    "journalnummer",
]
MAX_ROWS = 10_000


def as_csv(rows: Iterable[tuple[Any, Any]], labels: dict[str, dict[str, str]]) -> str:
    """`rows`: (inquiry, deadline status) as the list pages have them."""
    out = io.StringIO()
    writer = danish_writer(out)
    writer.writerow(HEADER)
    for inquiry, status in rows:
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    inquiry.reference,
                    timezone.localtime(inquiry.received_at).strftime("%d-%m-%Y %H:%M"),
                    inquiry.deadline.strftime("%d-%m-%Y"),
                    labels["status"][inquiry.status],
                    status.label,
                    labels["channel"][inquiry.channel],
                    labels["path"].get(inquiry.path, ""),
                    inquiry.centre.name if inquiry.centre else "",
                    inquiry.subject,
                    inquiry.records_case_number,
                )
            ]
        )
    return out.getvalue()
