"""The log-in page and a person's own password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from borgerpost.core import actions
from borgerpost.core.access import signed_in
from borgerpost.core.demo import DEMO_LOGINS


class BorgerpostLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):  # type: ignore[no-untyped-def]
        context = super().get_context_data(**kwargs)
        context["demo_logins"] = DEMO_LOGINS if settings.DEMO_MODE else []
        context["single_sign_on"] = bool(settings.OIDC_RP_CLIENT_ID)
        return context


@signed_in("the person's own password, and nothing about anyone else")
def own_password(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_usable_password():
        messages.info(
            request, "Du logger ind med kommunens fælles log-in; adgangskoden skiftes der."
        )
        return redirect("home")
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_change_own_password(user, form.cleaned_data["new_password1"])
        update_session_auth_hash(request, user)  # this session stays signed in
        messages.success(request, "Din adgangskode er skiftet.")
        return redirect("home")
    return render(request, "login/own_password.html", {"form": form})
