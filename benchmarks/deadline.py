"""Deadline computations per second: borgerpost's calendar against an uncached baseline."""

from __future__ import annotations

import datetime as dt
import time

import holidays

from borgerpost.pure.workdays import DEFAULT_CALENDAR, answer_deadline


def baseline_deadline(received: dt.date, days: int = 10) -> dt.date:
    current, counted = received, 0
    while counted < days:
        current += dt.timedelta(days=1)
        dk = holidays.country_holidays("DK", years=current.year, language="da")
        closing = (current.month, current.day) in {(6, 5), (12, 24), (12, 31)}
        if current.weekday() < 5 and current not in dk and not closing:
            counted += 1
    return current


def measure(fn, days: list[dt.date]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for day in days:
        fn(day)
    return len(days) / (time.perf_counter() - start)


def main() -> None:
    start = dt.date(2000, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(0, 33000, 3)]
    for day in days[:200]:
        assert answer_deadline(day, 10, DEFAULT_CALENDAR) == baseline_deadline(day)
    ours = measure(lambda d: answer_deadline(d, 10, DEFAULT_CALENDAR), days)
    base = measure(baseline_deadline, days[:1000])
    print(f"borgerpost calendar: {ours:12,.0f} deadlines/s ({len(days)} dates)")
    print(f"baseline (uncached): {base:12,.0f} deadlines/s (1000 dates)")
    print(f"speed-up: {ours / base:.1f}x")


if __name__ == "__main__":
    main()
