"""»Nyt til mig«: a person's own notices, unread first."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Role

from . import actions
from .models import Notice, NoticeSettings

# Everyone who can be told something: members and the administration.
RECEIVERS = (Role.COUNCIL_MEMBER, Role.SECRETARIAT, Role.DIRECTOR, Role.CASEWORKER)
SHOWN = 100


class MailSettingForm(forms.Form):
    by_mail = forms.BooleanField(label="Send mig også nyt på mail", required=False)


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


@municipality_view(*RECEIVERS)
def notices(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    mine = Notice.objects.for_actor(actor).select_related("inquiry")
    setting = NoticeSettings.objects.for_actor(actor).first()
    form = MailSettingForm(
        request.POST or None, initial={"by_mail": bool(setting and setting.by_mail)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_notice_mail(actor, form.cleaned_data["by_mail"])
        except RuleError as exc:
            form.add_error("by_mail", str(exc))
        else:
            messages.success(request, "Din indstilling er gemt.")
            return redirect("notices", actor.municipality.slug)
    return render(
        request,
        "notices/list.html",
        {
            "unread": list(mine.filter(read_at__isnull=True)[:SHOWN]),
            "read": list(mine.filter(read_at__isnull=False)[:SHOWN]),
            "form": form,
        },
    )


@municipality_view(*RECEIVERS)
@require_POST
def open_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the notice read and go where it points (always a page of this site)."""
    actor = _actor(request)
    notice = get_object_or_404(Notice.objects.for_actor(actor), pk=pk)
    actions.do_mark_read(actor, notice)
    if notice.link and url_has_allowed_host_and_scheme(notice.link, allowed_hosts=None):
        return redirect(notice.link)
    return redirect("notices", actor.municipality.slug)


@municipality_view(*RECEIVERS)
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    count = actions.do_mark_read(actor)
    messages.success(request, f"{count} markeret som læst." if count else "Intet ulæst.")
    return redirect("notices", actor.municipality.slug)
