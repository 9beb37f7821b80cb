"""Error pages in Danish: never a stack trace, never personal data."""

from __future__ import annotations

import logging
import sys
import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger("borgerpost.errors")


access_log = logging.getLogger("borgerpost.access")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # One line, no traceback: who, which page, which rule. (Django's own request log
    # would write the whole traceback for each refusal; settings.LOGGING filters it.)
    match = request.resolver_match
    rule = getattr(match.func, "access_rule", None) if match else None
    access_log.info(
        "refused: user %s, page %s, rule %s",
        getattr(request.user, "pk", None),
        match.url_name if match else "?",
        ",".join(str(r) for r in rule) if rule else "?",
    )
    return render(
        request,
        "core/error.html",
        {
            "title": "Ingen adgang",
            "text": "Din rolle giver ikke adgang til denne side.",
        },
        status=403,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    from borgerpost.core.params import BadInput

    text = (
        str(exception)
        if isinstance(exception, BadInput)
        else "Forespørgslen kunne ikke bruges. Gå tilbage, og prøv igen."
    )
    return render(
        request, "core/error.html", {"title": "Ugyldig forespørgsel", "text": text}, status=400
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Formularen er udløbet",
            "text": "Siden var åben for længe, eller du er logget ind et andet sted. Gå "
            "tilbage, genindlæs siden, og prøv igen.",
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


class DropRefusals(logging.Filter):
    """Django logs every 403 with its traceback; borgerpost.access logs one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "django.request" and getattr(record, "status_code", 0) == 403)
