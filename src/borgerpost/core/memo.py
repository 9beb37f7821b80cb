"""Values worked out once per HTTP request: a page reads the same small fact several
times (the inquiry page applies the inquiries' access rule to the inquiry, its messages,
drafts, notes and replies, and each application read the ids of the agenda proposals
addressed to the person). Outside a request (commands, the worker, tests calling
actions) nothing is kept, so nothing can go stale between two actions; within one
request the facts memoised here are not changed by the request itself (nobody
addresses an agenda proposal to themselves)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponseBase

T = TypeVar("T")
_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("borgerpost_request_memo", default=None)


def once_per_request(key: Hashable, compute: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[no-any-return]


class RequestMemoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
