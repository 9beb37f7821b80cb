"""Alerting on repeated failed log-ins: django-axes locks the account (per user name and
address) and this tells the municipality's administrators and writes the audit entry."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Membership, Role

logger = logging.getLogger("borgerpost.security")


@receiver(user_locked_out)
def _locked_out(
    sender: Any, request: Any, username: str | None, ip_address: str, **kwargs: Any
) -> None:
    user = get_user_model().objects.filter(username=username or "").first()
    logger.warning("log-in locked out after repeated failures (known account: %s)", bool(user))
    if user is None:
        return  # an unknown name: nothing to tell a municipality about
    # Axes signals again at every attempt during the lock-out: tell once per lock-out.
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if AuditEntry.objects.filter(
        action="login.locked_out", object_type="user", object_id=str(user.pk), at__gte=since
    ).exists():
        return
    places = Membership.objects.filter(user=user).values_list("municipality", flat=True)
    admins = (
        Membership.objects.in_municipalities(places)
        .filter(role=Role.ADMIN)
        .select_related("user", "municipality")
    )
    with transaction.atomic():
        told: dict[int, bool] = {}  # per municipality: is this lock-out mailed?
        for membership in admins:
            place = membership.municipality
            if place.pk not in told:
                mailed = _mailed_this_hour(place)
                told[place.pk] = mailed < settings.LOCKOUT_MAILS_PER_HOUR
                last = mailed + 1 == settings.LOCKOUT_MAILS_PER_HOUR
                record(None, "login.locked_out", user, municipality=place, mailed=told[place.pk])
            if membership.user.email and told[place.pk]:
                _alert(membership, user, ip_address, last=last)


def _mailed_this_hour(place: Any) -> int:
    """Accounts locked out this hour whose lock-out was mailed to the administrators."""
    return (
        AuditEntry.objects.filter(
            municipality=place,
            action="login.locked_out",
            at__gte=timezone.now() - dt.timedelta(hours=1),
            details__mailed=True,
        )
        .values("object_id")
        .distinct()
        .count()
    )


def _alert(membership: Membership, user: Any, ip_address: str, last: bool) -> None:
    from borgerpost.outgoing.models import Purpose
    from borgerpost.outgoing.queue import enqueue_mail

    place = membership.municipality
    enqueue_mail(
        to=membership.user.email,
        subject="borgerpost: en konto er låst efter gentagne forkerte log-ind",
        body=f"Kontoen »{user.username}« ({user.get_full_name()}) i {place.name} er låst "
        "midlertidigt efter gentagne mislykkede forsøg på at logge ind fra adressen "
        f"{ip_address}.\n\nKontakt personen og hør, om det var dem. Var det ikke, kan nogen "
        "forsøge at gætte adgangskoden: skift den, og tjek revisionsloggen.\n"
        + (
            "\nDet er den sidste mail om låste konti i denne time. Flere låste konti står i "
            "revisionsloggen.\n"
            if last
            else ""
        ),
        sender=place.main_mailbox,
        municipality=place,
        purpose=Purpose.INTERNAL,
    )
