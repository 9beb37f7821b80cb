"""The Jinja2 environment for the pages' long lists (the rows of the inbox and queues).

Django's own template language resolves every variable through a chain of lookups; for
a 50-row list that was most of a page's CPU time (docs/performance.md, issue 17). Jinja2
compiles a template to Python once, so the rows cost a fraction. The rest of the pages
stay in Django's templates; only the hot loops live in `borgerpost/jinja2/`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.utils import dateformat, timezone, translation
from jinja2 import Environment, StrictUndefined

from borgerpost.core.templatetags.danish import antal


def short_date(value: dt.date | dt.datetime | None) -> str:
    """»3. dec«, as Django's `date:"j. b"`, without its general formatter (two per row)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return f"{value.day}. {_month_abbreviation(value.month)}"


@functools.lru_cache(maxsize=64)
def _month_cached(month: int, language: str) -> str:
    return str(dateformat.format(dt.date(2000, month, 1), "b"))


def _month_abbreviation(month: int) -> str:
    return _month_cached(month, translation.get_language() or "")


def environment(**options: Any) -> Environment:
    # Django's backend passes autoescape=True (settings.TEMPLATES); escaping is never off.
    # A missing variable is an error, not an empty string (the tests then see it).
    env = Environment(**{**options, "autoescape": True, "undefined": StrictUndefined})  # noqa: S701
    env.filters.update({"short_date": short_date, "antal": antal})
    return env
