"""Several machines (issue 17): two `borgerpost serve` processes and two workers on one
database do the work of one. Sessions are valid on both servers, the audit chain stays
whole while both write to it, every mail leaves exactly once, and no job runs twice."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from borgerpost.audit.models import AuditEntry
from borgerpost.inquiries import actions
from borgerpost.outgoing.models import OutgoingMessage, State

from .conftest import process_environment
from .mailservers import free_port
from .test_serve import _request, _wait_until_up

REPLIES = 24
SERVE = (sys.executable, "-m", "borgerpost", "serve")


def _environment(smtp, certs) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        **process_environment(smtp, certs),
        "ALLOWED_HOSTS": "127.0.0.1",
        # The workers' daily anchoring writes where this test verifies it.
        "BORGERPOST_AUDIT_ANCHOR_DIR": str(django_settings.AUDIT_ANCHOR_DIR),
    }


@pytest.fixture
def two_servers(transactional_db, smtp, certs, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.AUDIT_ANCHOR_DIR = tmp_path / "anchors"
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [*SERVE, "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"],
            env=_environment(smtp, certs),
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_until_up(port, process)
        yield ports
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        errors = [process.communicate(timeout=30)[1].decode() for process in processes]
    for process, err in zip(processes, errors, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err, err


def _personal(world, new_inquiry, n: int):  # type: ignore[no-untyped-def]
    inquiry = actions.do_register_inquiry(
        world.sara, new_inquiry(subject=f"Cykelsti {n}", body=f"Hvornår bliver sti {n} lavet?")
    ).inquiry
    decision = actions.TriageDecision("political", "personal", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    return inquiry


def test_two_servers_and_two_workers_do_the_work_of_one(
    two_servers, world, client_for, new_inquiry, smtp, certs, settings
):
    inquiries = [_personal(world, new_inquiry, n) for n in range(REPLIES)]
    session = client_for("sara").cookies["sessionid"].value
    before = AuditEntry.objects.count()

    # One session, both servers: each reads its page from the other's writes.
    def reply(n: int) -> int:
        port = two_servers[n % 2]
        detail = f"/k/ishoj/henvendelser/{inquiries[n].pk}/"
        status, page, response = _request(port, "GET", detail, None, _cookie(session))
        assert status == 200, status
        csrf_cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"] or "")
        csrf_field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert csrf_cookie and csrf_field
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": csrf_field[1],
                "reply-channel": "mail",
                "reply-body": f"Tak for din henvendelse. Sti {n} bliver lavet i maj.",
            }
        )
        headers = {
            **_cookie(session, csrf_cookie[1]),
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}{detail}",
        }
        # The form was fetched from one server and is sent to the other.
        other = two_servers[(n + 1) % 2]
        headers["Referer"] = f"http://127.0.0.1:{other}{detail}"
        return _request(other, "POST", f"{detail}svar/", body, headers)[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(reply, range(REPLIES))) == [302] * REPLIES
    queued = OutgoingMessage.objects.filter(recipient="camilla@example.dk")
    assert queued.count() == REPLIES

    # Two workers at once over the same outbox.
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "borgerpost", "worker", "--once"],
            env=_environment(smtp, certs),
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
    assert set(queued.values_list("state", flat=True)) == {State.SENT}
    sent = smtp.message_ids()
    assert sorted(sent) == sorted(queued.values_list("message_id", flat=True)), "once each"

    # Each page view and reply wrote its audit entry into one unbroken chain, and the
    # two workers anchored it once between them (the daily job runs once a day).
    assert AuditEntry.objects.count() - before >= 2 * REPLIES
    call_command("audit", "verify")
    anchored = settings.AUDIT_ANCHOR_DIR / "anchors.jsonl"  # none before 01:00
    anchors = anchored.read_text().splitlines() if anchored.exists() else []
    assert len(anchors) <= len({json.loads(line)["chain"] for line in anchors})


def _cookie(session: str, csrf: str = "") -> dict[str, str]:
    return {"Cookie": f"sessionid={session}" + (f"; csrftoken={csrf}" if csrf else "")}
