"""How a municipality is doing against the answer deadline: received, answered, the share
answered within the deadline, the median answer time in working days, overdue now; in
all and by month, centre, channel, answer path and member. No Django import.

An inquiry counts as answered when it has an answer date; answered within the deadline
when that date (Danish time) is on or before its deadline, so an extended deadline
counts as the deadline. The answer time is the number of working days after the day of
receipt up to and including the day of the answer, on the municipality's calendar: an
answer on the day it came in took 0 working days.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .workdays import WorkingCalendar


@dataclass(frozen=True)
class Row:
    received: dt.date
    deadline: dt.date
    answered: dt.date | None
    is_open: bool
    channel: str
    path: str
    centre: str
    member: str


@dataclass
class Tally:
    received: int = 0
    answered: int = 0
    answered_within_deadline: int = 0
    overdue_now: int = 0
    days: list[int] = field(default_factory=list)

    def add(self, row: Row, today: dt.date, days: int | None) -> None:
        self.received += 1
        if row.answered is not None:
            self.answered += 1
            self.answered_within_deadline += row.answered <= row.deadline
            if days is not None:
                self.days.append(days)
        if row.is_open and row.deadline < today:
            self.overdue_now += 1

    def as_dict(self) -> dict[str, Any]:
        share = self.answered_within_deadline / self.answered if self.answered else None
        return {
            "received": self.received,
            "answered": self.answered,
            "answered_within_deadline": self.answered_within_deadline,
            "share_within_deadline": round(share, 3) if share is not None else None,
            "median_working_days": statistics.median(self.days) if self.days else None,
            "overdue_now": self.overdue_now,
        }


GROUPS: dict[str, Callable[[Row], str]] = {
    "by_month": lambda r: f"{r.received:%Y-%m}",
    "by_centre": lambda r: r.centre,
    "by_channel": lambda r: r.channel,
    "by_path": lambda r: r.path,
    "by_member": lambda r: r.member,
}
KEY_NAMES = {
    "by_month": "month",
    "by_centre": "centre",
    "by_channel": "channel",
    "by_path": "path",
    "by_member": "member",
}


def figures(
    rows: Iterable[Row],
    calendar: WorkingCalendar,
    today: dt.date,
    months: list[str] | None = None,
    groups: tuple[str, ...] = tuple(GROUPS),
) -> dict[str, Any]:
    """The figures for `rows`; `months` lists every month of the period, so a month
    with nothing received is there with zeros (a chart needs its empty months)."""
    total = Tally()
    by: dict[str, dict[str, Tally]] = {name: {} for name in groups}
    for month in months or []:
        by.get("by_month", {}).setdefault(month, Tally())
    working_days = _working_days(calendar)
    for row in rows:
        days = working_days(row.received, row.answered) if row.answered else None
        total.add(row, today, days)
        for name in groups:
            by[name].setdefault(GROUPS[name](row), Tally()).add(row, today, days)
    result = total.as_dict()
    for name in groups:
        keys = sorted(by[name]) if name == "by_month" else _by_size(by[name])
        result[name] = [{KEY_NAMES[name]: key, **by[name][key].as_dict()} for key in keys]
    return result


def _by_size(tallies: dict[str, Tally]) -> list[str]:
    return sorted(tallies, key=lambda key: (-tallies[key].received, key))


def _working_days(calendar: WorkingCalendar) -> Callable[[dt.date, dt.date], int]:
    """Working days between two dates, remembered: a year has a few hundred distinct
    pairs however many inquiries it holds."""
    known: dict[tuple[dt.date, dt.date], int] = {}

    def between(start: dt.date, end: dt.date) -> int:
        key = (start, end)
        if key not in known:
            known[key] = max(0, calendar.working_days_between(start, end))
        return known[key]

    return between


def months_of(start: dt.date, end: dt.date) -> list[str]:
    """Every month from `start` to `end` (inclusive) as YYYY-MM."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
