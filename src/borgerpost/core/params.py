"""Reading query parameters strictly: a value that cannot be what the page needs is a
400 with a Danish explanation (core.errors.bad_request), never a server error and never
silently something else."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import HttpRequest


class BadInput(BadRequest):
    """A request the page cannot use; the message is Danish and shown to the person."""


def int_param(
    request: HttpRequest, name: str, *, default: int | None, low: int, high: int, what: str
) -> int | None:
    """The parameter as a whole number between `low` and `high`, or `default` if absent."""
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12 or not low <= int(raw) <= high:
        raise BadInput(f"{what} skal være et helt tal mellem {low} og {high}.")
    return int(raw)
