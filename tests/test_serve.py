"""`borgerpost serve`: the production web server, a real gunicorn with threaded workers,
against the test database."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings as django_settings

from borgerpost.inquiries import actions

from .conftest import database_url
from .mailservers import free_port

# Long enough (about 1 MB) that the scans of several replies overlap in the threads of one
# worker; one detail in it is sensitive.
SENSITIVE_REPLY = (
    "Tak for din henvendelse om vejen. Vi ser på hullerne i asfalten. " * 16000
    + "Jeg kan forstå, at din mor har diabetes."
)


@pytest.fixture
def server(transactional_db):  # type: ignore[no-untyped-def]
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "borgerpost", "serve"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"),
        ],
        env={
            **os.environ,
            "DATABASE_URL": database_url(),
            "BORGERPOST_DATA_DIR": str(django_settings.DATA_DIR),
            "ALLOWED_HOSTS": "127.0.0.1",
        },
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(port, process)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err.decode()
    assert b"Traceback" not in err, err.decode()


def _wait_until_up(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "borgerpost serve stopped"
        try:
            if _request(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("borgerpost serve did not answer within 30 s")


def _request(
    port: int, method: str, path: str, body: str | None = None, headers: dict | None = None
) -> tuple[int, str, http.client.HTTPResponse]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    return response.status, response.read().decode(), response


def test_serve_answers_signed_in_pages_with_the_security_headers(server, world, client_for):
    client = client_for("sara")
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    status, page, response = _request(
        server, "GET", "/k/ishoj/henvendelser/", None, {"Cookie": cookie}
    )
    assert status == 200 and "Mine henvendelser" in page
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert _request(server, "GET", "/k/ishoj/henvendelser/")[0] == 302  # not signed in
    status, css, _ = _request(server, "GET", "/static/borgerpost/app.css")
    assert status == 200 and "{" in css


def test_guarded_replies_in_parallel_are_all_stopped_and_none_fails(
    server, world, client_for, new_inquiry
):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    decision = actions.TriageDecision("political", "personal", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    client = client_for("sara")
    session = client.cookies["sessionid"].value
    detail = f"/k/ishoj/henvendelser/{inquiry.pk}/"
    status, page, response = _request(
        server, "GET", detail, None, {"Cookie": f"sessionid={session}"}
    )
    assert status == 200
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"])
    csrf_field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert csrf_cookie and csrf_field
    headers = {
        "Cookie": f"sessionid={session}; csrftoken={csrf_cookie[1]}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{server}{detail}",
    }
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf_field[1],
            "reply-channel": "mail",
            "reply-body": SENSITIVE_REPLY,
        }
    )

    def reply(_: int) -> tuple[int, bool]:
        status, page, _ = _request(server, "POST", f"{detail}svar/", body, headers)
        return status, "Beskeden blev ikke sendt" in page

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(reply, range(48)))
    assert results == [(400, True)] * 48
    inquiry.refresh_from_db()
    assert not inquiry.messages.exists()  # the guard stopped every one; nothing was sent


def test_serve_refuses_to_start_with_unsafe_settings(tmp_path):
    """The system checks run before the server starts: SMTP without TLS stops it."""
    finished = subprocess.run(
        [sys.executable, "-m", "borgerpost", "serve", "--bind", f"127.0.0.1:{free_port()}"],
        env={
            **os.environ,
            "BORGERPOST_DATA_DIR": str(tmp_path),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_USE_TLS": "false",
        },
        capture_output=True,
        timeout=60,
    )
    assert finished.returncode != 0
    assert "SMTP uden TLS er ikke tilladt" in finished.stderr.decode()
