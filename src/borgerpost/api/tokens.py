"""Checking and rate-limiting API tokens (creating and revoking them: api.actions)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import ApiToken, RateWindow

PREFIX = "bp"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


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
