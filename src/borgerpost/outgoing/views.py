"""Post that could not be sent (or is being retried), for the people who can act on it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from borgerpost.audit.log import record_list
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import ADMINISTRATION_ROLES, Role

from .actions import do_mark_outgoing_handled, do_retry_outgoing
from .models import OutgoingMessage, State

SENDERS = (Role.COUNCIL_MEMBER, *ADMINISTRATION_ROLES)


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


@municipality_view(*SENDERS)
def undelivered(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    rows = list(
        OutgoingMessage.objects.for_actor(actor)
        .filter(state__in=[State.FAILED, State.RETRYING], handled_at__isnull=True)
        .select_related("author", "about_type")
        .order_by("-created_at")[:200]
    )
    record_list(actor, "undelivered", len(rows))
    return render(request, "outgoing/undelivered.html", {"rows": rows})


@municipality_view(*SENDERS)
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    row = get_object_or_404(OutgoingMessage.objects.for_actor(actor), pk=pk)
    try:
        do_retry_outgoing(actor, row)
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Beskeden sendes igen om lidt.")
    return redirect("undelivered", actor.municipality.slug)


@municipality_view(*SENDERS)
@require_POST
def handled(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    row = get_object_or_404(OutgoingMessage.objects.for_actor(actor), pk=pk)
    try:
        do_mark_outgoing_handled(actor, row)
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Beskeden er markeret som håndteret.")
    return redirect("undelivered", actor.municipality.slug)
