"""Digital Post through SF1601 to a fake KOMBIT Serviceplatformen on loopback (issue 19).

The peer (tests/serviceplatformen) demands the municipality's client certificate, issues
SAML and access tokens as KOMBIT's STS and AccessTokenService do, and checks every MeMo
message that arrives against its schema. What the gateway holds arrives there at the
release time and not before; what has a deadline arrives at once; the same letter
arrives once, also when a worker dies between Serviceplatformen keeping it and the worker
hearing so (then at most twice, with the same messageUUID).
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import time
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from borgerpost.digitalpost.interfaces import DeliveryError, SF1601Transport
from borgerpost.digitalpost.memo import LetterContent, build_message, to_xml
from borgerpost.letters import actions
from borgerpost.letters.models import Letter, LetterStatus, SystemLetterKind
from borgerpost.outgoing.delivery import LEASE, deliver_due
from borgerpost.outgoing.models import OutgoingMessage, State
from tests.conftest import VULNERABLE_CPR, database_url, kill_when_reached, start_worker
from tests.test_gateway import (
    AFTER_EASTER,
    BEFORE_EASTER,
    FRIDAY_AFTERNOON,
    GATEWAY,
    MONDAY_MORNING,
    bearer,
    letter,
    memo_xml,
    post_memo,
    receive,
)


def walk_the_clock(start: dt.datetime, end: dt.datetime, peer: Any) -> None:
    """The worker's rounds, an hour apart, from `start` until just before `end`: nothing
    may reach Serviceplatformen in that time."""
    clock = start
    while clock < end:
        actions.release_due_letters(clock)
        deliver_due()
        assert peer.received == [], f"sent at {clock:%a %d %b %H:%M}"
        clock += dt.timedelta(hours=1)


def test_a_friday_afternoon_letter_arrives_on_monday_at_the_release_time(
    world, system, serviceplatformen
):
    held = receive(world, system, FRIDAY_AFTERNOON).letter
    assert held.status == LetterStatus.HELD
    walk_the_clock(FRIDAY_AFTERNOON, MONDAY_MORNING, serviceplatformen)

    assert actions.release_due_letters(MONDAY_MORNING) == 1
    assert deliver_due().sent == 1, serviceplatformen.refused
    (arrival,) = serviceplatformen.received
    held.refresh_from_db()
    assert held.status == LetterStatus.SENT and held.transport == "sf1601"
    assert arrival.message_uuid == held.message_uuid
    assert arrival.recipient == VULNERABLE_CPR and arrival.label == held.title


def test_easter_holds_a_letter_until_the_tuesday_after(world, system, serviceplatformen):
    receive(world, system, BEFORE_EASTER)
    walk_the_clock(BEFORE_EASTER, AFTER_EASTER, serviceplatformen)
    assert actions.release_due_letters(AFTER_EASTER) == 1
    deliver_due()
    assert len(serviceplatformen.received) == 1


@pytest.mark.parametrize("flag", ["has_deadline", "urgent"])
def test_a_deadline_or_urgent_letter_arrives_at_once(world, system, serviceplatformen, flag):
    _, secret = system
    answer = Client().post(
        GATEWAY, letter(**{flag: True}), content_type="application/json", **bearer(secret)
    )
    assert answer.status_code == 201 and answer.json()["action"] == "send"
    assert deliver_due().sent == 1
    (arrival,) = serviceplatformen.received
    assert arrival.message_uuid == Letter.objects.get(pk=answer.json()["letter"]).message_uuid


def test_the_municipalitys_rule_per_kind_decides_what_arrives_at_once(
    world, system, serviceplatformen
):
    sending, _ = system
    SystemLetterKind.objects.create(system=sending, kind="Afgørelse", has_deadline=True)
    SystemLetterKind.objects.create(system=sending, kind="Indkaldelse", has_deadline=False)
    decision = receive(world, system, FRIDAY_AFTERNOON, has_deadline=None, kind="Afgørelse")
    summons = receive(world, system, FRIDAY_AFTERNOON, has_deadline=None, kind="Indkaldelse")
    assert (decision.action, summons.action) == ("send", "hold")
    deliver_due()
    assert serviceplatformen.uuids() == [Letter.objects.get(pk=decision.letter.pk).message_uuid]


def test_a_memo_arrives_with_the_systems_pdf_and_its_legal_notification(
    world, system, serviceplatformen, pdf
):
    answer = post_memo(system[1], memo_xml(pdf, legal=True))
    assert answer.status_code == 201 and answer.json()["action"] == "send"
    deliver_due()
    (arrival,) = serviceplatformen.received
    assert arrival.legal_notification == "true"
    content = arrival.xml.split(b"content>")[1].split(b"</")[0]
    assert base64.b64decode(content) == pdf  # the system's PDF, byte for byte


def test_the_same_message_uuid_arrives_once(world, system, serviceplatformen):
    _, secret = system
    data = letter(has_deadline=True, message_uuid="7d444840-9dc0-11d1-b245-5ffdce74fad2")
    for _ in range(3):
        Client().post(GATEWAY, data, content_type="application/json", **bearer(secret))
        deliver_due()
    assert len(serviceplatformen.received) == 1


def test_a_systems_token_on_another_municipality_sends_nothing(world, system, serviceplatformen):
    _, secret = system
    refused = Client().post(
        "/api/v1/hvidovre/digital-post",
        letter(has_deadline=True),
        content_type="application/json",
        **bearer(secret),
    )
    assert refused.status_code == 404
    deliver_due()
    assert serviceplatformen.received == [] and not Letter.objects.exists()


def test_a_citizen_without_digital_post_gets_the_letter_on_paper(world, system, serviceplatformen):
    serviceplatformen.not_registered.add(VULNERABLE_CPR)
    sent = receive(world, system, FRIDAY_AFTERNOON, has_deadline=True).letter
    assert sent.status == LetterStatus.PRINT_QUEUE
    deliver_due()
    assert serviceplatformen.received == []


@pytest.mark.django_db(transaction=True)
def test_registration_for_digital_post_is_asked_with_no_transaction_open(
    world, system, serviceplatformen, monkeypatch
):
    # PostForespoerg is a call to KOMBIT. Asked inside an action's transaction, it would
    # hold that transaction's locks for as long as KOMBIT takes to answer; on SQLite,
    # every writer of every municipality would wait. Each way a letter leaves asks first.
    from django.db import connection

    from borgerpost.letters.models import Citizen
    from tests.test_letters import letter_for

    open_when_asked: list[bool] = []
    ask = SF1601Transport.is_registered

    def asking(self, recipient_id):  # type: ignore[no-untyped-def]
        open_when_asked.append(connection.in_atomic_block)
        return ask(self, recipient_id)

    monkeypatch.setattr(SF1601Transport, "is_registered", asking)
    receive(world, system, FRIDAY_AFTERNOON, has_deadline=True)  # a system's, sent at once
    receive(world, system, FRIDAY_AFTERNOON)  # held until Monday: the worker sends it
    assert actions.release_due_letters(MONDAY_MORNING) == 1
    citizen = actions.do_save_citizen(world.louise, Citizen(cpr="0202851234", name="Kim"))
    written = letter_for(world, citizen)
    actions.do_send_letter(world.louise, written, actions.SendRequest(), now=MONDAY_MORNING)
    assert deliver_due().sent == 3, serviceplatformen.refused
    assert len(serviceplatformen.received) == 3
    assert open_when_asked == [False] * 4


def test_the_peer_refuses_what_memo_does_not_allow_and_the_letter_is_not_retried(
    world, serviceplatformen
):
    """The peer's schema check can fail: a title over 150 characters passes our own
    check only if forced past it, and Serviceplatformen then refuses it for good."""
    carrier = SF1601Transport("11931316", world.ishoj.sf1601_certificate)
    content = LetterContent("11931316", "Ishøj Kommune", VULNERABLE_CPR, "Ole", "Brev", b"%PDF")
    xml = to_xml(build_message(content))
    too_long = xml.replace(b">Brev<", b">" + b"B" * 151 + b"<")
    with pytest.raises(DeliveryError) as refused:
        carrier.deliver("x", too_long, {})
    assert refused.value.permanent
    assert serviceplatformen.received == [] and "150" in serviceplatformen.refused[0]
    carrier.deliver("y", xml, {})
    assert len(serviceplatformen.received) == 1


def test_tokens_are_asked_for_once_and_only_with_the_municipalitys_certificate(
    world, system, serviceplatformen, certs
):
    _, secret = system
    for _ in range(3):
        Client().post(
            GATEWAY, letter(has_deadline=True), content_type="application/json", **bearer(secret)
        )
    assert deliver_due().sent == 3
    # One SAML token for the lookup of Digital Post and one for SF1601, then kept.
    assert serviceplatformen.token_requests == 2
    # Without the municipality's certificate the TLS handshake itself fails: the letter
    # waits in the outbox to be tried again.
    from borgerpost.core.models import Municipality
    from borgerpost.digitalpost import kombit

    Municipality.objects.filter(pk=world.ishoj.pk).update(sf1601_certificate=str(certs.cert))
    kombit.forget_tokens()
    Client().post(
        GATEWAY, letter(has_deadline=True), content_type="application/json", **bearer(secret)
    )
    report = deliver_due()
    assert report.retrying == 1 and len(serviceplatformen.received) == 3


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_forwarding_loses_nothing_and_doubles_at_most_once(
    world, system, serviceplatformen, certs
):
    _, secret = system
    answer = Client().post(
        GATEWAY, letter(has_deadline=True), content_type="application/json", **bearer(secret)
    )
    assert answer.status_code == 201
    queued = OutgoingMessage.objects.get()
    # Serviceplatformen keeps the letter, then waits before answering: the worker dies.
    serviceplatformen.hold_after_receipt = 30
    worker = start_worker(
        {
            **os.environ,
            "DATABASE_URL": database_url(),
            "BORGERPOST_DATA_DIR": str(django_settings.DATA_DIR),
            "BORGERPOST_SF1601_URL": serviceplatformen.url,
            "BORGERPOST_SF1601_STS_URL": serviceplatformen.url,
            "REQUESTS_CA_BUNDLE": str(certs.ca),
        }
    )
    kill_when_reached(worker, serviceplatformen.arrived, "SF1601")
    queued.refresh_from_db()
    assert queued.state == State.SENDING  # handed over, never marked sent
    serviceplatformen.hold_after_receipt = 0

    assert deliver_due().sent == 0  # within the lease nobody sends it again
    assert deliver_due(now=timezone.now() + LEASE + dt.timedelta(seconds=1)).sent == 1
    queued.refresh_from_db()
    assert queued.state == State.SENT and queued.attempts == 2
    # Twice at most, recognisably the same letter: Digital Post keeps one per messageUUID.
    assert serviceplatformen.uuids() == [queued.message_id, queued.message_id]


def test_a_memo_file_in_a_systems_folder_arrives(world, settings, tmp_path, serviceplatformen, pdf):
    from borgerpost.api.actions import do_create_token
    from borgerpost.letters.folders import take_letters_from_folders

    settings.DIGITAL_POST_FOLDERS = tmp_path / "folders"
    do_create_token(world.thomas, world.ishoj, "ESDH", "", "digital-post", "esdh")
    folder = settings.DIGITAL_POST_FOLDERS / "esdh"
    folder.mkdir(parents=True)
    uuid = "4e9f3c1a-8d2b-4f6e-9a7c-1b2d3e4f5a6b"
    (folder / "brev.xml").write_bytes(memo_xml(pdf, legal=True, uuid=uuid))
    assert take_letters_from_folders(time.time() + 60) == 1  # the system has finished it
    deliver_due()
    (arrival,) = serviceplatformen.received
    assert arrival.recipient == VULNERABLE_CPR and arrival.legal_notification == "true"
    assert Letter.objects.get(external_uuid=uuid).message_uuid == arrival.message_uuid
