"""Error pages in Danish: never a stack trace, never personal data."""

from __future__ import annotations

import logging
import sys
import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger("borgerpost.errors")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Ingen adgang",
            "text": "Din rolle giver ikke adgang til denne side.",
        },
        status=403,
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Siden findes ikke",
            "text": "Siden findes ikke, eller du har ikke adgang til den.",
        },
        status=404,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    incident = uuid.uuid4().hex[:12]
    # The number the person reads out to IT, with the kind of error and where: never the
    # message, which may quote what the person typed.
    kind = type(sys.exc_info()[1]).__name__
    logger.error("incident %s: %s at %s", incident, kind, request.resolver_match or "?")
    return render(
        request,
        "core/error.html",
        {
            "title": "Der opstod en fejl",
            "text": f"Noget gik galt hos os. Oplys fejlnummer {incident} til IT, hvis det gentager sig.",
        },
        status=500,
    )
