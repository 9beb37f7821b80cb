"""Security headers, and Django's deployment checks with the production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

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
