"""The navigation's numbers: what every page of a member or the administration shows
beside its links, read in one query per request (core/counting.py)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from borgerpost.core.access import Actor
from borgerpost.core.counting import Rows, Total, in_one_query
from borgerpost.core.memo import once_per_request

from . import counts
from .models import Inquiry


def numbers_for(actor: Actor) -> dict[str, int]:
    """The person's navigation numbers, in one query."""
    return in_one_query(wanted_for(actor))


def wanted_for(actor: Actor) -> dict[str, Rows | Total]:
    """Open, overdue and all inquiries; and, by role, quarantined mails, mails not sent,
    the inquiries given to the person and unread notices. Each through its model's
    access rule."""
    from borgerpost.intake.models import QuarantinedMail
    from borgerpost.notices.models import Notice
    from borgerpost.outgoing.models import OutgoingMessage

    member, administration = actor.is_council_member, actor.is_administration
    wanted: dict[str, Rows | Total] = {}
    if member or administration:
        wanted |= counts.totals_numbers(actor, timezone.localdate())
        wanted["undelivered"] = Rows(OutgoingMessage.objects.for_actor(actor).undelivered())
        wanted["notices"] = Rows(Notice.objects.for_actor(actor).filter(read_at__isnull=True))
    if member or actor.is_secretariat:
        quarantined = QuarantinedMail.objects.for_actor(actor).filter(resolved_at__isnull=True)
        wanted["quarantine"] = Rows(quarantined)
    if administration:
        given = Inquiry.objects.for_actor(actor).open().filter(assigned_to=actor.user)
        wanted["mine"] = Rows(given)
    return wanted


def numbers(request: HttpRequest) -> dict[str, int]:
    """The numbers for the request's person, read once per request (the list pages use
    the totals too)."""
    actor: Actor = request.actor  # type: ignore[attr-defined]
    key = ("navigation", actor.user.pk, actor.municipality.pk)
    return once_per_request(key, lambda: numbers_for(actor))
