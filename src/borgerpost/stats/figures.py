"""The figures of `pure/inquirystats.py` read from the database: one query of the
columns they need for the period, never the text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from borgerpost.inquiries.models import Inquiry, Status
from borgerpost.pure import inquirystats, workdays

NO_CENTRE = "Ikke fordelt"
NO_MEMBER = "Ikke sendt af et medlem"


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    return start, timezone.make_aware(dt.datetime(year + 1, 1, 1))


def figures_for(
    inquiries: QuerySet[Inquiry],
    municipality: Any,
    year: int,
    groups: tuple[str, ...] = tuple(inquirystats.GROUPS),
    today: dt.date | None = None,
) -> dict[str, Any]:
    """`inquiries` (already narrowed to what the reader may count) received in `year`."""
    start, end = year_bounds(year)
    columns = inquiries.filter(received_at__gte=start, received_at__lt=end).values_list(
        "received_at",
        "deadline",
        "answered_at",
        "status",
        "channel",
        "path",
        "centre__name",
        "sent_to_administration_by__first_name",
        "sent_to_administration_by__last_name",
    )
    rows = (
        inquirystats.Row(
            received=workdays.local_date(received),
            deadline=deadline,
            answered=workdays.local_date(answered) if answered else None,
            is_open=status != Status.CLOSED,
            channel=channel,
            path=path or "",
            centre=centre or NO_CENTRE,
            member=f"{first or ''} {last or ''}".strip() or NO_MEMBER,
        )
        for received, deadline, answered, status, channel, path, centre, first, last in (
            columns.iterator(chunk_size=5000)
        )
    )
    months = inquirystats.months_of(dt.date(year, 1, 1), dt.date(year, 12, 31))
    result = inquirystats.figures(
        rows, municipality.calendar, today or timezone.localdate(), months, groups
    )
    return {"municipality": municipality.slug, "year": year, **result}
