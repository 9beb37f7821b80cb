"""System checks: settings that would make borgerpost unsafe stop it from starting."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@checks.register(checks.Tags.security)
def smtp_requires_tls(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Mail leaves over SMTP only with TLS: without it, mail can be read on the way."""
    if settings.EMAIL_BACKEND != SMTP_BACKEND:
        return []
    if getattr(settings, "EMAIL_USE_TLS", False) or getattr(settings, "EMAIL_USE_SSL", False):
        return []
    return [
        checks.Error(
            "SMTP uden TLS er ikke tilladt: sæt EMAIL_USE_TLS=true (eller EMAIL_USE_SSL=true).",
            id="borgerpost.E001",
        )
    ]


FILE_BACKENDS = {
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@checks.register(checks.Tags.security)
def production_sends_mail(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """An installation that forgot its SMTP settings would write every mail to files (or
    nowhere) and send nothing, while every page said "sent"."""
    if not settings.PRODUCTION or settings.EMAIL_BACKEND not in FILE_BACKENDS:
        return []
    return [
        checks.Error(
            "Mail sendes ikke: EMAIL_BACKEND skriver kun til filer. Sæt "
            f"EMAIL_BACKEND={SMTP_BACKEND} og EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER og "
            "EMAIL_HOST_PASSWORD til kommunens mailserver.",
            id="borgerpost.E002",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def audit_key_set(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Without its own key the audit log is keyed from SECRET_KEY: changing SECRET_KEY
    would then make the whole log fail verification."""
    if not settings.PRODUCTION or settings.AUDIT_KEY:
        return []
    return [
        checks.Warning(
            "BORGERPOST_AUDIT_KEY er ikke sat; revisionsloggen nøgles med SECRET_KEY. Lav en "
            "nøgle med »borgerpost audit new-key«, og gem den sammen med backupnøglen.",
            id="borgerpost.W003",
        )
    ]
