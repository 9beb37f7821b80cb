"""The session limits and the second factor every signed-in request passes."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

SIGNED_IN_AT = "borgerpost.signed_in_at"
RENEWED_AT = "borgerpost.session_renewed_at"
MFA_BY_IDENTITY_PROVIDER = "borgerpost.mfa_by_identity_provider"
# The idle expiry moves forward at most this often. Saving the session on every request
# (SESSION_SAVE_EVERY_REQUEST) cost every page a database write; this way an idle
# session ends between 29 and 30 minutes after the last request, never later.
RENEW_EVERY_SECONDS = 60


class SessionLimitsMiddleware:
    """Thirty minutes idle and twelve hours absolute.

    The idle limit is the session's own expiry (SESSION_COOKIE_AGE), renewed by saving
    the session at most once a minute. The absolute limit ends a session that long after
    log-in, however active.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SIGNED_IN_AT)
            now = time.time()
            if started is None:
                request.session[SIGNED_IN_AT] = now
            elif now - float(started) > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect(f"{reverse('login')}?udloebet=1")
            if now - float(request.session.get(RENEWED_AT, 0)) >= RENEW_EVERY_SECONDS:
                request.session[RENEWED_AT] = now  # saved with a new expiry and cookie
        return self.get_response(request)


# Pages a signed-in person may reach before the second factor: the factor itself.
_BEFORE_SECOND_FACTOR = frozenset(
    {"login", "logout", "totp-verify", "totp-setup", "totp-link", "healthz"}
)


class TwoFactorMiddleware:
    """Local accounts use a TOTP code after the password; nothing else opens before it.

    A person signed in through the municipality's identity provider (OpenID Connect) has
    had the provider's own multi-factor check, recorded in the session.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if (
            settings.REQUIRE_TWO_FACTOR
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.session.get(MFA_BY_IDENTITY_PROVIDER)
            and not request.path.startswith(settings.STATIC_URL)
        ):
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in _BEFORE_SECOND_FACTOR:
                from django_otp.plugins.otp_totp.models import TOTPDevice

                enrolled = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
                return redirect("totp-verify" if enrolled else "totp-setup")
        return self.get_response(request)
