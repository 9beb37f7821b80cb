"""Creating, checking and rate-limiting API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from borgerpost.core.access import Actor
from borgerpost.core.audit import record
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import ADMINISTRATION_ROLES, Membership, Municipality

from .models import ApiToken, RateWindow

PREFIX = "bp"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def do_create_token(
    actor: Actor | None, municipality: Municipality, name: str, role: str
) -> tuple[ApiToken, str]:
    """A new token; the returned text is the only time the secret is seen."""
    if role not in ADMINISTRATION_ROLES:
        raise RuleError(
            "En integration kan kun få en af administrationens roller (sekretariat, direktør, "
            "sagsbehandler): den må aldrig læse byrådsmedlemmernes henvendelser."
        )
    if not name.strip():
        raise RuleError("Giv integrationen et navn (fx SBSYS).")
    prefix, secret = secrets.token_hex(4), secrets.token_urlsafe(32)
    with transaction.atomic():
        account = get_user_model().objects.create(
            username=f"api-{municipality.slug}-{prefix}",
            first_name="Integration:",
            last_name=name.strip()[:100],
        )
        account.set_unusable_password()
        account.save()
        Membership.objects.create(user=account, municipality=municipality, role=role)
        token = ApiToken.objects.create(
            municipality=municipality,
            name=name.strip()[:100],
            account=account,
            prefix=prefix,
            secret_hash=_hash(secret),
        )
        record(actor, "api_token.created", token, municipality=municipality, role=role)
    return token, f"{PREFIX}_{prefix}_{secret}"


def do_revoke_token(actor: Actor | None, token: ApiToken) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        Membership.objects.filter(user=token.account).delete()
        record(actor, "api_token.revoked", token, municipality=token.municipality)


def token_from_header(header: str) -> ApiToken | None:
    """The live token for `Authorization: Bearer bp_<prefix>_<secret>`, else None."""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    parts = value.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    token = (
        ApiToken.objects.select_related("municipality", "account")
        .filter(prefix=parts[1], revoked_at__isnull=True)
        .first()
    )
    # Compared in constant time, and a hash is compared even when the prefix is unknown.
    expected = token.secret_hash if token else _hash("")
    if not hmac.compare_digest(expected, _hash(parts[2])) or token is None:
        return None
    return token


def over_limit(token: ApiToken, now: dt.datetime | None = None) -> int:
    """Count this request; the seconds to wait if the token is over its limit, else 0."""
    now = now or timezone.now()
    minute = now.replace(second=0, microsecond=0)
    updated = RateWindow.objects.filter(token=token, minute=minute).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                RateWindow.objects.create(token=token, minute=minute, count=1)
        except IntegrityError:  # another app server opened the window first
            RateWindow.objects.filter(token=token, minute=minute).update(count=F("count") + 1)
    count = RateWindow.objects.get(token=token, minute=minute).count
    if count > token.requests_per_minute:
        return 60 - now.second
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return 0
