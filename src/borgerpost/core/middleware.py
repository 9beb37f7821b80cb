"""Security headers Django does not set itself (Django 5.2 has no built-in CSP). The
session limits and the second factor are the log-in app's (login/middleware.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_cache_control

# No inline or remote scripts. Styles allow inline attributes (the templates use a few
# style="" attributes, and htmx adds its indicator style); images allow data: URIs for
# the counsellor's report charts.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        # A view may set a stricter policy of its own (attachments are sandboxed).
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        # Pages, downloads and API answers may hold personal data: no browser, proxy or
        # shared computer keeps a copy (static files never pass here, WhiteNoise serves
        # them first, with their own long cache).
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
