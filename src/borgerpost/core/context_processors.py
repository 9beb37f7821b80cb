from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def borgerpost(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    context: dict[str, Any] = {
        "demo_mode": settings.DEMO_MODE,
        "actor": actor,
        "two_factor_waived": not settings.REQUIRE_TWO_FACTOR,
    }
    if actor is not None and (actor.is_council_member or actor.is_administration):
        from borgerpost.inquiries.views import navigation_counts

        context["nav_counts"] = dict(navigation_counts(request))
    if actor is not None and (actor.is_council_member or actor.is_secretariat):
        from borgerpost.intake.models import QuarantinedMail

        context.setdefault("nav_counts", {})["quarantine"] = (
            QuarantinedMail.objects.for_actor(actor).filter(resolved_at__isnull=True).count()
        )
    if actor is not None and (actor.is_council_member or actor.is_administration):
        from borgerpost.outgoing.models import OutgoingMessage

        context.setdefault("nav_counts", {})["undelivered"] = (
            OutgoingMessage.objects.for_actor(actor).undelivered().count()
        )
    if actor is not None and actor.is_administration:
        from borgerpost.inquiries.models import Inquiry

        context.setdefault("nav_counts", {})["mine"] = (
            Inquiry.objects.for_actor(actor).open().filter(assigned_to=actor.user).count()
        )
    if actor is not None and (actor.is_council_member or actor.is_administration):
        from borgerpost.notices.models import Notice

        context.setdefault("nav_counts", {})["notices"] = (
            Notice.objects.for_actor(actor).filter(read_at__isnull=True).count()
        )
    return context
