"""Mailbox settings (the administrator's main mailbox, a member's own folder) and quarantine."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from borgerpost.audit.log import record_list
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Role

from .actions import (
    CONSENT_STATEMENT,
    RESOLUTIONS,
    do_connect_counsellor_mailbox,
    do_connect_main_mailbox,
    do_connect_member_folder,
    do_disconnect_mailbox,
    do_download_quarantined,
    do_resolve_quarantined,
    do_take_mail_now,
)
from .forms import MailboxForm, MemberFolderForm
from .models import Mailbox, MailboxKind, QuarantinedMail


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined, no-any-return]


@municipality_view(Role.ADMIN)
def main_mailbox(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    mailbox = Mailbox.objects.for_actor(actor).filter(kind=MailboxKind.MAIN).first()
    form = MailboxForm.for_mailbox(mailbox, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_connect_main_mailbox(actor, form.settings())
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Hovedpostkassen er forbundet. Nye mails hentes automatisk.")
            return redirect("main-mailbox", actor.municipality.slug)
    return render(request, "intake/mailbox.html", {"form": form, "mailbox": mailbox, "main": True})


@municipality_view(Role.COUNCIL_MEMBER)
def member_folder(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    mailbox = Mailbox.objects.for_actor(actor).filter(kind=MailboxKind.MEMBER).first()
    form = MemberFolderForm.for_mailbox(mailbox, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_connect_member_folder(actor, form.settings(), form.cleaned_data["consent"])
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Din mappe er forbundet. Nye mails bliver til henvendelser.")
            return redirect("member-folder", actor.municipality.slug)
    statement = CONSENT_STATEMENT.format(
        folder=form["folder"].value() or "INBOX", username=form["username"].value() or "din mail"
    )
    return render(
        request,
        "intake/mailbox.html",
        {"form": form, "mailbox": mailbox, "main": False, "statement": statement},
    )


@municipality_view(Role.COUNSELLOR)
def counsellor_mailbox(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    mailbox = Mailbox.objects.for_actor(actor).filter(kind=MailboxKind.COUNSELLOR).first()
    form = MailboxForm.for_mailbox(mailbox, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_connect_counsellor_mailbox(actor, form.settings())
        except RuleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Postkassen er forbundet. Nye mails kommer under »Post«.")
            return redirect("counsellor-mailbox", actor.municipality.slug)
    return render(
        request,
        "intake/mailbox.html",
        {"form": form, "mailbox": mailbox, "main": False, "counsellor": True},
    )


def _own_mailbox(actor: Actor, pk: int) -> Mailbox:
    return get_object_or_404(Mailbox.objects.for_actor(actor), pk=pk)


def _back(actor: Actor, mailbox: Mailbox) -> HttpResponse:
    pages: dict[str, str] = {
        MailboxKind.MAIN: "main-mailbox",
        MailboxKind.COUNSELLOR: "counsellor-mailbox",
    }
    name = pages.get(mailbox.kind, "member-folder")
    return redirect(name, actor.municipality.slug)


@municipality_view(Role.ADMIN, Role.COUNCIL_MEMBER, Role.COUNSELLOR)
@require_POST
def disconnect(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    mailbox = _own_mailbox(actor, pk)
    try:
        do_disconnect_mailbox(actor, mailbox)
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Postkassen er afbrudt, og adgangskoden er slettet.")
    return _back(actor, mailbox)


@municipality_view(Role.ADMIN, Role.COUNCIL_MEMBER, Role.COUNSELLOR)
@require_POST
def read_now(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    mailbox = _own_mailbox(actor, pk)
    try:
        messages.success(request, do_take_mail_now(actor, mailbox))
    except RuleError as exc:
        messages.error(request, str(exc))
    return _back(actor, mailbox)


@municipality_view(Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.COUNSELLOR)
def quarantine(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    items = QuarantinedMail.objects.for_actor(actor).select_related("mailbox")
    still_open = list(items.filter(resolved_at__isnull=True))
    done = list(items.filter(resolved_at__isnull=False)[:50])
    record_list(actor, "quarantine", len(still_open) + len(done))
    return render(
        request,
        "intake/quarantine.html",
        {
            "open": still_open,
            "done": done,
            "resolutions": RESOLUTIONS,
        },
    )


@municipality_view(Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.COUNSELLOR)
def quarantine_original(request: HttpRequest, pk: int) -> FileResponse:
    actor = _actor(request)
    item = get_object_or_404(
        QuarantinedMail.objects.for_actor(actor), pk=pk, resolved_at__isnull=True
    )
    do_download_quarantined(actor, item)
    # Always a download of a message file, never shown in the browser.
    response = FileResponse(
        item.raw.open("rb"),
        as_attachment=True,
        filename=f"karantaene-{item.pk}.eml",
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@municipality_view(Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.COUNSELLOR)
@require_POST
def quarantine_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    actor = _actor(request)
    item = get_object_or_404(QuarantinedMail.objects.for_actor(actor), pk=pk)
    try:
        do_resolve_quarantined(actor, item, request.POST.get("resolution", ""))
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Mailen er afsluttet, og originalen er slettet.")
    return redirect("quarantine", actor.municipality.slug)
