"""Leave to enrol an authenticator app (the second factor), given one of two ways:

- a one-time link mailed to the person's own address at the municipality (a domain the
  municipality lists), valid 24 hours: whoever knows only the password never sees it;
- a one-time code from the municipality's administrator, valid 72 hours, for a person
  with no municipal mail address, given by phone or in person.

The leave is kept in the session for that person only, and used up when the app is set
up. Each ticket is stored as a hash, used once, and every step is audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Membership
from borgerpost.login.models import EnrolmentTicket

LINK_VALID = dt.timedelta(hours=24)
CODE_VALID = dt.timedelta(hours=72)
LINK_PAUSE = dt.timedelta(minutes=5)  # one link at a time: no mail flood
GRANTED = "bp_enrolment_granted"  # session key: the user id allowed to enrol
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.strip().upper().replace("-", "").encode()).hexdigest()


def municipal_address(user: Any) -> str:
    """The person's mail if it is at one of their municipalities' own domains, else ''."""
    email = (user.email or "").strip()
    domain = email.rsplit("@", 1)[-1].lower()
    for membership in Membership.objects.filter(user=user).select_related("municipality"):
        if email and domain in {d.lower() for d in membership.municipality.mail_domains}:
            return email
    return ""


def _municipality_of(user: Any) -> Any:
    membership = Membership.objects.filter(user=user).select_related("municipality").first()
    return membership.municipality if membership else None


def do_send_enrolment_link(user: Any) -> str:
    """Mail a one-time link to the person's municipal address; returns the address."""
    from borgerpost.outgoing.models import Purpose
    from borgerpost.outgoing.queue import enqueue_mail

    address = municipal_address(user)
    if not address:
        raise RuleError(
            "Din mailadresse er ikke en af kommunens egne. Bed kommunens administrator om "
            "en kode til at slå to-faktor-log-ind til."
        )
    place = _municipality_of(user)
    with transaction.atomic():
        recent = EnrolmentTicket.objects.select_for_update().filter(
            user=user,
            kind=EnrolmentTicket.Kind.LINK,
            used_at__isnull=True,
            created_at__gt=timezone.now() - LINK_PAUSE,
        )
        if recent.exists():
            raise RuleError(
                "Vi har lige sendt dig et link. Se efter det i din indbakke (og i uønsket "
                "post), eller vent fem minutter og bed om et nyt."
            )
        secret = secrets.token_urlsafe(32)
        EnrolmentTicket.objects.create(
            user=user,
            kind=EnrolmentTicket.Kind.LINK,
            secret_hash=_hash(secret),
            expires_at=timezone.now() + LINK_VALID,
        )
        record(user, "login.enrolment_link_sent", user, municipality=place)
        enqueue_mail(
            to=address,
            subject="borgerpost: slå to-faktor-log-ind til",
            body=(
                "Du har bedt om at slå to-faktor-log-ind til i borgerpost. Åbn linket i den "
                "browser, hvor du er logget ind, inden for 24 timer:\n\n"
                f"{settings.SITE_URL}/login/totp/link/{secret}/\n\n"
                "Linket virker én gang. Har du ikke selv bedt om det, så kontakt kommunens "
                "IT straks: nogen kender måske din adgangskode.\n"
            ),
            sender=place.main_mailbox if place else settings.DEFAULT_FROM_EMAIL,
            municipality=place,
            purpose=Purpose.INTERNAL,
        )
    return address


def do_issue_enrolment_code(actor: Actor, user: Any) -> str:
    """The administrator's one-time code for a person; shown once, never stored."""
    from borgerpost.core.actions import _managed, _tell

    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    with transaction.atomic():
        user = _managed(actor, user)
        EnrolmentTicket.objects.create(
            user=user,
            kind=EnrolmentTicket.Kind.CODE,
            secret_hash=_hash(code),
            issued_by=actor.user,
            expires_at=timezone.now() + CODE_VALID,
        )
        record(actor, "login.enrolment_code_issued", user, municipality=actor.municipality)
        _tell(
            user,
            actor.municipality,
            "en kode til to-faktor-log-ind",
            "Kommunens administrator har lavet en kode, så du kan slå to-faktor-log-ind til. "
            "Du får koden af administratoren, ikke i denne mail.",
        )
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def redeem(user: Any, secret: str, kind: str) -> bool:
    """Use up a ticket of this person's; True if it was valid."""
    with transaction.atomic():
        ticket = (
            EnrolmentTicket.objects.select_for_update()
            .filter(
                user=user,
                kind=kind,
                secret_hash=_hash(secret),
                used_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .first()
        )
        if ticket is None:
            record(user, "login.enrolment_refused", user, municipality=_municipality_of(user))
            return False
        ticket.used_at = timezone.now()
        ticket.save(update_fields=["used_at"])
        record(
            user,
            "login.enrolment_ticket_used",
            user,
            municipality=_municipality_of(user),
            kind=kind,
        )
    return True


def unconfirmed_device(user: Any) -> Any:
    """The app being set up (its key is shown as a QR code until a code confirms it)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with transaction.atomic():
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "Godkendelsesapp"}
        )
    return device


def do_confirm_device(user: Any, device: Any) -> None:
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(user, "login.two_factor_enrolled", user)
