"""The Danish working-day calendar, with no Django import.

Working days are Monday to Friday except Danish public holidays (from the
`holidays` package, Danish names; Store Bededag is gone from 2024 there) and the
municipality's own closing days (by default Grundlovsdag 5 June, Christmas Eve
and New Year's Eve). Closing days are written "MM-DD" (every year) or
"YYYY-MM-DD" (one year only).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DEFAULT_CLOSING_DAYS: tuple[str, ...] = ("06-05", "12-24", "12-31")
DEFAULT_ANSWER_DAYS = 10
CLOSING_DAY_NAMES = {"06-05": "Grundlovsdag", "12-24": "Juleaftensdag", "12-31": "Nytårsaftensdag"}

_RECURRING = re.compile(r"^(\d{2})-(\d{2})$")
_ONE_OFF = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class CalendarError(ValueError):
    """A closing day or date that cannot be read; the message is Danish, for the user."""


def parse_closing_day(text: str) -> str:
    """Return the canonical form of a closing day, or raise CalendarError."""
    value = text.strip()
    if m := _RECURRING.match(value):
        month, day = int(m[1]), int(m[2])
        try:
            dt.date(2024, month, day)  # a leap year, so 02-29 is accepted
        except ValueError:
            raise CalendarError(f"»{value}« er ikke en gyldig dato (MM-DD).") from None
        return value
    if _ONE_OFF.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise CalendarError(f"»{value}« er ikke en gyldig dato (ÅÅÅÅ-MM-DD).") from None
        return value
    raise CalendarError(
        f"»{value}« skal skrives som MM-DD (hvert år) eller ÅÅÅÅ-MM-DD (kun det år)."
    )


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("DK", years=year, language="da"))


@dataclass(frozen=True)
class WorkingCalendar:
    closing_days: tuple[str, ...] = DEFAULT_CLOSING_DAYS
    _recurring: frozenset[tuple[int, int]] = field(init=False, repr=False, compare=False)
    _one_off: frozenset[dt.date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        recurring, one_off = set(), set()
        for raw in self.closing_days:
            value = parse_closing_day(raw)
            if m := _RECURRING.match(value):
                recurring.add((int(m[1]), int(m[2])))
            else:
                one_off.add(dt.date.fromisoformat(value))
        object.__setattr__(self, "_recurring", frozenset(recurring))
        object.__setattr__(self, "_one_off", frozenset(one_off))

    @classmethod
    def from_days(cls, closing_days: Iterable[str]) -> WorkingCalendar:
        return cls(tuple(closing_days))

    def non_working_reason(self, day: dt.date) -> str | None:
        """Why `day` is not a working day (in Danish), or None if it is one."""
        if day.weekday() == 5:
            return "lørdag"
        if day.weekday() == 6:
            return "søndag"
        if name := _public_holidays(day.year).get(day):
            return name
        if (day.month, day.day) in self._recurring or day in self._one_off:
            return CLOSING_DAY_NAMES.get(f"{day.month:02d}-{day.day:02d}", "lukkedag")
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.non_working_reason(day) is None

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start`; `start` itself is never counted."""
        if days < 0:
            raise CalendarError("Antal arbejdsdage kan ikke være negativt.")
        current, counted = start, 0
        while counted < days:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                counted += 1
        return current

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, current = 0, start
        while current < end:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


DEFAULT_CALENDAR = WorkingCalendar()


def local_date(moment: dt.datetime | dt.date) -> dt.date:
    """The Copenhagen calendar date of a moment (naive datetimes are taken as Copenhagen time)."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            return moment.date()
        return moment.astimezone(COPENHAGEN).date()
    return moment


def parse_received(text: str) -> dt.date:
    """Read an ISO date or date-time (as on the command line) into a Copenhagen date."""
    value = text.strip()
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return local_date(dt.datetime.fromisoformat(value))
    except ValueError:
        raise CalendarError(
            f"»{value}« er ikke en ISO-dato (ÅÅÅÅ-MM-DD) eller et ISO-tidspunkt."
        ) from None


def answer_deadline(
    received: dt.datetime | dt.date,
    days: int = DEFAULT_ANSWER_DAYS,
    calendar: WorkingCalendar = DEFAULT_CALENDAR,
) -> dt.date:
    """The answer deadline: the `days`-th working day after the day of receipt."""
    return calendar.add_working_days(local_date(received), days)


@dataclass(frozen=True)
class DeadlineStatus:
    state: str  # "closed", "overdue", "due_soon" or "ok"
    working_days_left: int
    label: str


def deadline_status(
    deadline: dt.date,
    today: dt.date,
    calendar: WorkingCalendar = DEFAULT_CALENDAR,
    due_soon_days: int = 2,
) -> DeadlineStatus:
    """How a deadline stands today, with a short Danish label for lists."""
    if today > deadline:
        late = max(1, calendar.working_days_between(deadline, today))
        word = "arbejdsdag" if late == 1 else "arbejdsdage"
        return DeadlineStatus("overdue", -late, f"Overskredet med {late} {word}")
    left = calendar.working_days_between(today, deadline)
    if left == 0:
        return DeadlineStatus("due_soon", 0, "Frist i dag")
    word = "arbejdsdag" if left == 1 else "arbejdsdage"
    state = "due_soon" if left <= due_soon_days else "ok"
    return DeadlineStatus(state, left, f"{left} {word} tilbage")
