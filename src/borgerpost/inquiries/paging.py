"""Keyset paging for the inquiry lists (issue 17).

A page is the next 50 rows after the last one shown, in the order of an index:
`?efter=<key>` reads from that key on, so page 600 costs what page 1 costs. OFFSET made
the database read and throw away every row before the page (40 ms at page 100 of an
inbox of 30,000, growing with the page). The total and the page number come from the
navigation's counters (counts.py), so nothing is counted here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_date, parse_datetime


@dataclass(frozen=True)
class Order:
    """A list's order: one field and the primary key, both ascending or both descending."""

    field: str
    descending: bool

    def fields(self, reverse: bool = False) -> tuple[str, str]:
        down = self.descending != reverse
        sign = "-" if down else ""
        return f"{sign}{self.field}", f"{sign}pk"

    def after(self, value: Any, pk: int, reverse: bool = False) -> Q:
        """The rows that come after (value, pk) in this order (before it, if reverse)."""
        down = self.descending != reverse
        op, bound = ("lt", "lte") if down else ("gt", "gte")
        # The bound lets the index start at the key; the OR then only settles ties.
        return Q(**{f"{self.field}__{bound}": value}) & (
            Q(**{f"{self.field}__{op}": value}) | Q(**{self.field: value, f"pk__{op}": pk})
        )


@dataclass
class Page:
    rows: list[Any]
    number: int
    num_pages: int
    count: int
    next_query: str | None
    previous_query: str | None


def page_of(queryset: QuerySet[Any], order: Order, params: Any, per_page: int, count: int) -> Page:
    """The page that `params` (the request's GET) asks for: after `efter`, before `foer`."""
    num_pages = max(1, math.ceil(count / per_page))
    number = _page_number(params.get("side"), num_pages)
    before, after = _key(params.get("foer"), order), _key(params.get("efter"), order)
    if before is not None:
        chunk = list(
            queryset.filter(order.after(*before, reverse=True)).order_by(
                *order.fields(reverse=True)
            )[: per_page + 1]
        )
        more_before, rows = len(chunk) > per_page, chunk[:per_page][::-1]
        more_after = True
    else:
        if after is not None:
            queryset = queryset.filter(order.after(*after))
        chunk = list(queryset.order_by(*order.fields())[: per_page + 1])
        rows, more_after = chunk[:per_page], len(chunk) > per_page
        more_before = after is not None
    if not more_before:
        number = 1
    return Page(
        rows=rows,
        number=number,
        num_pages=max(num_pages, number),
        count=count,
        next_query=_link(params, "efter", rows[-1], order, number + 1) if more_after else None,
        previous_query=_link(params, "foer", rows[0], order, number - 1) if more_before else None,
    )


def _page_number(raw: str | None, num_pages: int) -> int:
    try:
        return min(max(1, int(raw or 1)), num_pages)
    except ValueError:
        return 1


def _link(params: Any, direction: str, row: Any, order: Order, number: int) -> str:
    """The link to the next or previous page: the list's own parameters (tab, search,
    filters) kept, the key and page number replaced."""
    value = getattr(row, order.field)
    return page_link(params, number, **{direction: f"{value.isoformat()}_{row.pk}"})


def page_link(params: Any, number: int, **key: str) -> str:
    kept = [
        (name, value)
        for name, values in params.lists()
        if name not in PAGING
        for value in values
        if value
    ]
    return "?" + urlencode([*kept, *key.items(), ("side", max(1, number))])


PAGING = frozenset({"efter", "foer", "side"})


def _key(raw: str | None, order: Order) -> tuple[Any, int] | None:
    """The key in a link, or None if there is none or it is not one (a hand-edited URL
    shows the first page rather than an error)."""
    if not raw or "_" not in raw:
        return None
    text, _, pk = raw.rpartition("_")
    value: dt.date | dt.datetime | None
    try:
        value = parse_datetime(text) if "T" in text else parse_date(text)
    except ValueError:
        return None
    if value is None or not pk.isdigit():
        return None
    return value, int(pk)


MAX_RANKED_PAGES = 20  # a search's 1,000 best matches: beyond that, the search is too wide


def ranked_page(
    ids: list[int], rows_of: Callable[[list[int]], list[Any]], params: Any, per_page: int
) -> Page:
    """A page of search results in order of relevance (`ids`, best first; `rows_of` reads
    a page's rows in that order). Relevance has no key to page by, so these pages are
    numbered (`?side=N`), and only the best `MAX_RANKED_PAGES` are offered: every match
    is ranked anyway, and nobody reads the thousandth."""
    count = len(ids)
    num_pages = min(max(1, math.ceil(count / per_page)), MAX_RANKED_PAGES)
    number = _page_number(params.get("side"), num_pages)
    start = (number - 1) * per_page
    return Page(
        rows=rows_of(ids[start : start + per_page]),
        number=number,
        num_pages=num_pages,
        count=count,
        next_query=page_link(params, number + 1) if number < num_pages else None,
        previous_query=page_link(params, number - 1) if number > 1 else None,
    )
