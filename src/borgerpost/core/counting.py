"""Several numbers from the database in one round trip.

Every page's navigation shows a handful of numbers (open and overdue inquiries, mails in
quarantine, mails not sent, new notices), each from its own index or counter. Asked one
by one they were six round trips and six ORM compilations on every page; here each is a
scalar subquery of one SELECT. The querysets are the same ones the pages use, so each
number still passes through its model's access rule (`for_actor`); the SQL is the ORM's
own, with its parameters kept apart (`sql_with_params`), never a value in the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, QuerySet


@dataclass(frozen=True)
class Rows:
    """How many rows a queryset has."""

    queryset: QuerySet[Any]

    def sql(self) -> tuple[str, tuple[Any, ...]]:
        inner, params = self.queryset.order_by().values("pk").query.sql_with_params()
        return f"SELECT COUNT(*) FROM ({inner}) AS counted", params  # noqa: S608 (ORM SQL)


@dataclass(frozen=True)
class Total:
    """The sum of one field over a queryset's rows (0 when it has none)."""

    queryset: QuerySet[Any]
    field: str

    def sql(self) -> tuple[str, tuple[Any, ...]]:
        rows = self.queryset.order_by().values(summed_value=F(self.field))
        inner, params = rows.query.sql_with_params()
        sql = f"SELECT COALESCE(SUM(summed.summed_value), 0) FROM ({inner}) AS summed"  # noqa: S608
        return sql, params


def in_one_query(numbers: Mapping[str, Rows | Total]) -> dict[str, int]:
    """Each number by name, read in one SELECT. A queryset that can have no rows (an
    access rule that lets the person see none: the ORM will not even write its SQL) is 0
    without asking the database."""
    found = dict.fromkeys(numbers, 0)
    parts: list[str] = []
    params: list[Any] = []
    asked: list[str] = []
    for name, number in numbers.items():
        try:
            sql, more = number.sql()
        except EmptyResultSet:
            continue
        parts.append(f"({sql})")
        params.extend(more)
        asked.append(name)
    if not asked:
        return found
    alias = numbers[asked[0]].queryset.db
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    found.update({name: int(value or 0) for name, value in zip(asked, row, strict=True)})
    return found
