"""The second factor for local accounts: a TOTP code from an authenticator app.

django-otp keeps the devices and checks the codes (with its own throttling against
guessing); this module has the two pages (enrol, verify), the audit entries and the
administrator's reset for a lost phone.
"""

from __future__ import annotations

from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth import user_logged_in, user_login_failed
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from borgerpost.core.access import signed_in
from borgerpost.core.audit import record
from borgerpost.core.middleware import SIGNED_IN_AT


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Kode fra din godkendelsesapp",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


WRONG_CODE = "Koden er forkert eller udløbet. Skriv den kode, appen viser nu."
TOO_MANY = "For mange forkerte koder lige efter hinanden. Vent lidt, og prøv med en ny kode."


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@signed_in("the second factor itself: reached after the password, before anything else")
@login_required
def totp_setup(request: HttpRequest) -> HttpResponse:
    user: Any = request.user  # signed in (login_required)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("totp-verify")
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Godkendelsesapp"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                record(user, "login.two_factor_enrolled", user)
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", WRONG_CODE if allowed else TOO_MANY)
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    secret = device.config_url.split("secret=", 1)[1].split("&", 1)[0]
    return render(
        request,
        "registration/totp_setup.html",
        {
            "form": form,
            "qr": mark_safe(image.to_string(encoding="unicode")),  # noqa: S308 - our own SVG
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
    )


@signed_in("the second factor itself: reached after the password, before anything else")
@login_required
def totp_verify(request: HttpRequest) -> HttpResponse:
    user: Any = request.user  # signed in (login_required)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("totp-setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            otp_login(request, device)
            record(user, "login.second_factor", user)
            return redirect(_next_url(request))
        record(user, "login.second_factor_failed", user)
        form.add_error(
            "code",
            WRONG_CODE if allowed else TOO_MANY,
        )
    return render(request, "registration/totp_verify.html", {"form": form})


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    import time

    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = time.time()
    record(user, "login.succeeded", user)


@receiver(user_login_failed)
def _failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    from django.contrib.auth import get_user_model

    # Only the account, never the password that was tried.
    user = get_user_model().objects.filter(username=credentials.get("username", "")).first()
    if user is not None:
        record(None, "login.failed", user)
