from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def borgerpost(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    context: dict[str, Any] = {
        "demo_mode": settings.DEMO_MODE,
        "actor": actor,
        "two_factor_waived": not settings.REQUIRE_TWO_FACTOR,
    }
    if actor is not None:
        from borgerpost.inquiries import navigation

        context["nav_counts"] = navigation.numbers(request)
    return context
