"""Security headers, and Django's deployment checks with the production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse


def test_pages_carry_security_headers(world, client_for):
    response = client_for("sara").get(reverse("inbox", args=["ishoj"]))
    policy = response["Content-Security-Policy"]
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("who", ["sara", "pia"])
def test_pages_downloads_and_api_answers_are_never_cached(world, client_for, who, new_inquiry):
    from django.core.files.base import ContentFile

    from borgerpost.api.actions import do_create_token
    from borgerpost.inquiries import actions
    from borgerpost.inquiries.models import Attachment

    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    attachment = Attachment(inquiry=inquiry, filename="a.pdf", content_type="x", size=1, sha256="c")
    attachment.file.save("c", ContentFile(b"x"), save=True)
    _, secret = do_create_token(None, world.ishoj, "ESDH", "secretariat")
    answers = [
        client_for(who).get(reverse("inbox", args=["ishoj"]), follow=True),
        client_for("sara").get(reverse("attachment", args=["ishoj", attachment.pk])),
        Client().get(reverse("login")),
        Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/ishoj/henvendelser"),
        Client().get("/api/v1/ishoj/henvendelser"),  # an error answer too
    ]
    for response in answers:
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives, response["Cache-Control"]


def test_a_refusal_is_one_line_in_the_log_without_a_traceback(world, client_for, caplog):
    caplog.set_level("INFO")
    response = client_for("sara").get(reverse("settings", args=["ishoj"]))
    assert response.status_code == 403
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1
    line = refusals[0].getMessage()
    assert "page settings" in line and "rule admin" in line
    assert refusals[0].exc_info is None
    from borgerpost.core.errors import DropRefusals

    django_lines = [r for r in caplog.records if r.name == "django.request"]
    assert django_lines and not any(DropRefusals().filter(r) for r in django_lines)


def test_login_page_has_no_inline_script(db):
    page = Client().get(reverse("login")).content.decode()
    assert "<script>" not in page and "<script " in page  # only scripts with a src


def test_deploy_checks_pass_with_production_settings(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in this process.
        if k not in ("BORGERPOST_TESTING", "BORGERPOST_DEMO", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(60),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        BORGERPOST_AUDIT_KEY="S2V5LWZvci10aGUtYXVkaXQtY2hhaW4tMzItYnl0ZXMh",
        ALLOWED_HOSTS="borgerpost.ishoj.dk",
        BORGERPOST_DATA_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "borgerpost", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("clock", ["08:00:05", "12:00:05"])
def test_the_checks_pass_at_any_time_of_day(monkeypatch, clock):
    """Django warns about a fixed time default when its checks run within ten seconds of
    that time of day; the dispatch times at 08:00 and 12:00 once failed the deploy check."""
    from django.apps import apps
    from django.core import checks
    from django.utils import timezone

    hour, minute, second = map(int, clock.split(":"))
    moment = timezone.now().replace(hour=hour, minute=minute, second=second)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    found = checks.run_checks(app_configs=list(apps.get_app_configs()))
    assert [m.id for m in found if m.level >= checks.WARNING] == []


def test_a_server_error_shows_an_incident_number_and_nothing_else(db, settings, caplog):
    settings.ROOT_URLCONF = "tests.urls_error"
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/fejl/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "fejlnummer" in page
    incident = page.split("fejlnummer ", 1)[1].split(" ", 1)[0]
    assert len(incident) == 12
    for secret in ("0101901234", "ADHD", "Traceback", "ValueError"):
        assert secret not in page
    ours = [r.getMessage() for r in caplog.records if r.name == "borgerpost.errors"]
    assert ours == [f"incident {incident}: ValueError at {ours[0].rsplit(' at ', 1)[1]}"]
    assert "0101901234" not in ours[0]
