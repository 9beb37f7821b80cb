"""A filtered list of inquiries as CSV, for a spreadsheet.

Semicolons and a byte-order mark: Danish Excel reads that as columns and as UTF-8
(æøå). A cell that begins like a formula is prefixed with an apostrophe, because a
citizen writes the subject, and »=HYPERLINK(...)« in a subject must stay text in the
secretariat's spreadsheet (CSV injection). Only what a list row shows: no citizen
name, address or text leaves this way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def as_csv(rows: Iterable[tuple[Any, Any]], labels: dict[str, dict[str, str]]) -> str:
    """`rows`: (inquiry, deadline status) as the list pages have them."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
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
