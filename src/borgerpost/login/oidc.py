"""Single sign-on with the municipality's identity provider over OpenID Connect (for
example Microsoft Entra ID), with mozilla-django-oidc doing the protocol.

- The person is the account whose user name is the provider's `preferred_username`
  (Entra: the user principal name, e.g. sah@ishoj.dk); one is created at the first log-in.
- Roles come from the provider's groups: each municipality's file maps group ids to
  roles (`sso_groups`). At every log-in the person's roles in those municipalities are
  set to exactly what the groups give, audited; municipalities without a mapping keep
  their local roles. Someone whose groups give no role anywhere is not let in.
- The ID token must be signed by the provider's key, for this client (`aud`) and, when
  configured, from the expected issuer (`iss`). If it says the provider checked a second
  factor (`amr` holds "mfa"), borgerpost does not ask for its own TOTP code.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from borgerpost.audit.log import record
from borgerpost.core.access import public
from borgerpost.core.models import Membership, Municipality, Role
from borgerpost.core.people import why_not_roles
from borgerpost.login.middleware import MFA_BY_IDENTITY_PROVIDER

User = get_user_model()
logger = logging.getLogger("borgerpost.security")


def _username(claims: dict[str, Any]) -> str:
    return str(claims.get("preferred_username") or claims.get("email") or "").strip().lower()


class MunicipalityOIDCBackend(OIDCAuthenticationBackend):
    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        try:
            payload: dict[str, Any] = super().verify_token(token, **kwargs)
        except jwt.PyJWTError as exc:  # expired, not yet valid, malformed ...
            raise SuspiciousOperation(f"ID token refused: {type(exc).__name__}") from None
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        issuer = getattr(settings, "OIDC_OP_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID token from another issuer")
        self._provider_mfa = "mfa" in (payload.get("amr") or [])
        return payload

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        user = super().authenticate(request, **kwargs)
        if user is not None and getattr(self, "_provider_mfa", False):
            request.session[MFA_BY_IDENTITY_PROVIDER] = True
        return user

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(_username(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(username__iexact=_username(claims))

    def create_user(self, claims: dict[str, Any]) -> Any:
        with transaction.atomic():
            user = User(username=_username(claims))
            user.set_unusable_password()  # only the identity provider signs this person in
            self._copy_names(user, claims)
            user.save()
            record(None, "login.sso_user_created", user)
            self._sync_roles(user, claims)
        return user

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        with transaction.atomic():
            self._copy_names(user, claims)
            user.save()
            self._sync_roles(user, claims)
        return user

    @staticmethod
    def _copy_names(user: Any, claims: dict[str, Any]) -> None:
        user.first_name = str(claims.get("given_name", user.first_name))[:150]
        user.last_name = str(claims.get("family_name", user.last_name))[:150]
        user.email = str(claims.get("email", user.email))[:254]

    @staticmethod
    def _sync_roles(user: Any, claims: dict[str, Any]) -> None:
        groups = {str(g) for g in claims.get("groups") or []}
        for place in Municipality.objects.exclude(sso_groups={}):
            wanted = {role for group, role in place.sso_groups.items() if group in groups}
            if why_not_roles(wanted):
                # The administrator role is kept apart from roles that read content
                # (core.people): the content roles are given, the administrator role not.
                wanted.discard(Role.ADMIN)
                record(None, "membership.sso_admin_withheld", user, municipality=place)
            held = Membership.objects.in_municipality(place).filter(user=user)
            for membership in held.exclude(role__in=wanted):
                record(
                    None,
                    "membership.removed_by_sso",
                    user,
                    municipality=place,
                    role=membership.role,
                )
                membership.delete()
            have = set(held.values_list("role", flat=True))
            for role in sorted(wanted - have):
                Membership.objects.create(user=user, municipality=place, role=role)
                record(None, "membership.added_by_sso", user, municipality=place, role=role)
        if not Membership.objects.filter(user=user).exists():
            raise SuspiciousOperation("no role in any municipality")


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


@public("starts single sign-on with the municipality's identity provider")
def start(request: HttpRequest) -> HttpResponse:
    if not enabled():
        raise Http404("Single sign-on is not configured")
    return OIDCAuthenticationRequestView.as_view()(request)


@public("where the identity provider sends the person back; checks state and nonce")
def callback(request: HttpRequest) -> HttpResponse:
    if not enabled():
        raise Http404("Single sign-on is not configured")
    try:
        return OIDCAuthenticationCallbackView.as_view()(request)
    except SuspiciousOperation as exc:
        # A forged, foreign, expired or replayed answer: the log-in page, and a log line
        # with the reason (never the token).
        logger.warning("single sign-on refused: %s", exc)
        return redirect(settings.LOGIN_REDIRECT_URL_FAILURE)
