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
from django.contrib import messages
from django.contrib.auth import user_logged_in, user_login_failed
from django.contrib.auth.decorators import login_required
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from borgerpost.audit.log import record
from borgerpost.core.access import signed_in
from borgerpost.core.exceptions import RuleError
from borgerpost.login import enrolment
from borgerpost.login.middleware import SIGNED_IN_AT
from borgerpost.login.models import EnrolmentTicket


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


class TicketCodeForm(forms.Form):
    ticket = forms.CharField(
        label="Kode fra kommunens administrator",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "Skriv koden, du har fået af administratoren."},
    )


def _granted(request: HttpRequest) -> bool:
    return request.session.get(enrolment.GRANTED) == request.user.pk


def _enrolment_start(request: HttpRequest, user: Any) -> HttpResponse:
    """Before the app: the person asks for a link to their municipal mail, or types the
    administrator's code. The password alone never reaches the QR code."""
    code_form = TicketCodeForm(request.POST if "ticket" in request.POST else None)
    if request.method == "POST" and "send_link" in request.POST:
        try:
            address = enrolment.do_send_enrolment_link(user)
        except RuleError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Vi har sendt et link til {address}. Det virker i 24 timer.")
        return redirect("totp-setup")
    if code_form.is_bound and code_form.is_valid():
        if enrolment.redeem(user, code_form.cleaned_data["ticket"], EnrolmentTicket.Kind.CODE):
            request.session[enrolment.GRANTED] = user.pk
            return redirect("totp-setup")
        code_form.add_error("ticket", "Koden er forkert, brugt eller udløbet.")
    return render(
        request,
        "registration/totp_start.html",
        {
            "code_form": code_form,
            "municipal_address": enrolment.municipal_address(user),
        },
    )


@signed_in("the second factor itself: reached after the password, before anything else")
@login_required
def totp_link(request: HttpRequest, secret: str) -> HttpResponse:
    """The link from the mail, opened where the person has given their password."""
    user: Any = request.user
    if enrolment.redeem(user, secret, EnrolmentTicket.Kind.LINK):
        request.session[enrolment.GRANTED] = user.pk
    else:
        messages.error(
            request,
            "Linket er brugt, udløbet eller hører til en anden person. Bed om et nyt.",
        )
    return redirect("totp-setup")


@signed_in("the second factor itself: reached after the password, before anything else")
@login_required
def totp_setup(request: HttpRequest) -> HttpResponse:
    user: Any = request.user  # signed in (login_required)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("totp-verify")
    if not _granted(request):
        return _enrolment_start(request, user)
    device = enrolment.unconfirmed_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            enrolment.do_confirm_device(user, device)
            request.session.pop(enrolment.GRANTED, None)
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
