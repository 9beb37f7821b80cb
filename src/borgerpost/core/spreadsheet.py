"""CSV for a Danish spreadsheet, in one place: semicolons and a byte-order mark, so
Danish Excel reads columns and UTF-8 (æøå); and a cell that begins like a formula gets
an apostrophe, because citizens write subjects and names (»=HYPERLINK(...)« must stay
text in the secretariat's spreadsheet: CSV injection)."""

from __future__ import annotations

import csv
from typing import IO, Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def danish_writer(out: IO[str]) -> Any:
    """A csv writer on `out`, after the byte-order mark."""
    out.write("\ufeff")
    return csv.writer(out, delimiter=";", lineterminator="\r\n")


def danish_decimal(value: float, places: int | None = None) -> str:
    """»0,500«, »7,5«: a decimal comma, with `places` decimals or as few as needed."""
    text = f"{value:.{places}f}" if places is not None else f"{value:g}"
    return text.replace(".", ",")
