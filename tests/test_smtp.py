"""Sending over a real SMTP server (aiosmtpd on loopback, STARTTLS required): the guard
decides what may go by mail, internal domains count as secure, and the outbox delivers
after the commit, through outages, refusals and a worker killed mid-send."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import subprocess

import pytest
from django.utils import timezone

from borgerpost.core.exceptions import RuleError
from borgerpost.guard.service import GuardBlocked
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import Message
from borgerpost.outgoing.delivery import LEASE, deliver_due
from borgerpost.outgoing.models import OutgoingMessage, State

from .conftest import kill_when_reached, process_environment, start_worker
from .mailservers import SMTPServer

SENSITIVE = "Min søn Oliver har ADHD og angst. Mit cpr-nr. er 091213-4290."


def personal_case(world, new_inquiry, body: str):  # type: ignore[no-untyped-def]
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(body=body)).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("political", "personal", None, False, "not_relevant")
    )
    inquiry.refresh_from_db()
    return inquiry


def test_a_reply_goes_out_over_smtp_with_tls(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    actions.do_send_reply(world.sara, inquiry, "mail", "Tak for din mail. Den er færdig i maj.")
    assert smtp.received == []  # the action only wrote to the outbox

    assert deliver_due().sent == 1

    assert len(smtp.received) == 1
    got = smtp.received[0]
    assert got.tls  # the server saw STARTTLS before the mail
    assert got.rcpt_tos == ["camilla@example.dk"]
    parsed = email.message_from_bytes(got.content, policy=email.policy.default)
    assert parsed["From"] == "sah@ishoj.dk"
    assert parsed["Message-ID"] == OutgoingMessage.objects.get().message_id
    assert "færdig i maj" in parsed.get_content()
    assert "cykelstien" not in parsed.get_content()  # a new mail, never a quote


def test_sensitive_reply_never_reaches_the_mail_server(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, SENSITIVE)
    with pytest.raises(GuardBlocked):
        actions.do_send_reply(world.sara, inquiry, "mail", "Jeg forstår, at Oliver har ADHD.")
    deliver_due()
    assert smtp.received == []
    assert not Message.objects.filter(kind="reply").exists()
    assert not OutgoingMessage.objects.exists()


def test_internal_domains_count_as_secure_and_private_mail_is_refused(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, SENSITIVE)
    actions.do_forward_by_mail(world.sara, inquiry, "jbr@ishoj.dk", "Kan du hjælpe?")
    deliver_due()
    assert [r.rcpt_tos for r in smtp.received] == [["jbr@ishoj.dk"]]
    assert "ADHD" in smtp.received[0].content.decode()  # allowed: inside the municipality

    kasper_case = actions.do_register_inquiry(
        world.kasper, new_inquiry(body=SENSITIVE + " Også til Kasper.")
    ).inquiry
    with pytest.raises(RuleError, match="private mail"):
        actions.do_forward_by_mail(world.kasper, kasper_case, "kasper.lind@gmail.com")
    with pytest.raises(RuleError, match="kommunens egne mailadresser"):
        actions.do_forward_by_mail(world.kasper, kasper_case, "someone@example.dk")
    deliver_due()
    assert len(smtp.received) == 1


def test_smtp_down_the_action_succeeds_and_the_mail_goes_when_it_is_back(
    world, new_inquiry, settings, smtp, certs
):
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    port = smtp.port
    smtp.stop()  # the municipality's mail server is down
    reply = actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")
    inquiry.refresh_from_db()
    assert inquiry.answered_at is not None  # the member's answer is recorded

    report = deliver_due()
    assert (report.sent, report.retrying) == (0, 1)
    queued = OutgoingMessage.objects.get()
    assert queued.state == State.RETRYING and "svarede ikke" in queued.last_error
    assert queued.about == reply and queued.next_attempt_at > timezone.now()
    assert deliver_due().sent == 0  # not before its time

    back = SMTPServer(certs, port=port)
    back.start()
    try:
        assert deliver_due(now=queued.next_attempt_at + dt.timedelta(seconds=1)).sent == 1
        assert len(back.received) == 1
        assert back.message_ids() == [queued.message_id]
    finally:
        back.stop()
    queued.refresh_from_db()
    assert queued.state == State.SENT and queued.attempts == 2


def test_an_untrusted_mail_server_gets_nothing_and_the_mail_waits(
    world, new_inquiry, monkeypatch, smtp
):
    # TLS is verified: a server whose certificate is not trusted is refused.
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    monkeypatch.delenv("SSL_CERT_FILE")
    actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")
    assert deliver_due().retrying == 1
    assert smtp.received == []
    assert "certifikat" in OutgoingMessage.objects.get().last_error


def test_a_permanent_refusal_is_flagged_and_never_retried(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    smtp.refuse["camilla@example.dk"] = "550 5.1.1 No such user"
    actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")

    report = deliver_due()

    assert report.failed == 1
    failed = OutgoingMessage.objects.get(recipient="camilla@example.dk")
    assert failed.state == State.FAILED and failed.attempts == 1
    assert "afviste modtagerens adresse" in failed.last_error
    # Flagged to the sender by mail (about their own message, never its content) ...
    deliver_due()
    (notice,) = [r for r in smtp.received if r.rcpt_tos == ["sah@ishoj.dk"]]
    assert "kunne ikke sendes" in notice.content.decode("utf-8", "replace")
    assert "færdig i maj" not in notice.content.decode("utf-8", "replace")
    # ... and listed for her. A member's own reply is hers alone (§ 8 b): not the
    # secretariat's, and no other member's.
    assert OutgoingMessage.objects.for_actor(world.sara).undelivered().count() == 1
    assert OutgoingMessage.objects.for_actor(world.pia).undelivered().count() == 0
    assert OutgoingMessage.objects.for_actor(world.kasper).undelivered().count() == 0
    # Days later, nothing more is tried.
    later = timezone.now() + dt.timedelta(days=5)
    assert deliver_due(now=later).sent == 0
    failed.refresh_from_db()
    assert failed.attempts == 1


def test_the_administrations_undelivered_answer_is_flagged_to_the_secretariat(
    world, new_inquiry, smtp, client_for
):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("case", "administration", None, False, "not_relevant")
    )
    actions.do_forward_to_administration(world.sara, inquiry)
    smtp.refuse["camilla@example.dk"] = "550 5.1.1 No such user"
    actions.do_administration_answer(world.louise, inquiry, "mail", "Vi har behandlet sagen.")
    deliver_due()
    assert OutgoingMessage.objects.for_actor(world.pia).undelivered().count() == 1
    assert OutgoingMessage.objects.for_actor(world.louise).undelivered().count() == 1
    pia = client_for("pia")
    page = pia.get("/k/ishoj/ikke-sendt/").content.decode()
    assert "Kunne ikke sendes" in page and "camilla@example.dk" in page
    assert "Ikke sendt (1)" in page  # in the navigation on every page
    failed = OutgoingMessage.objects.get(recipient="camilla@example.dk")
    pia.post(f"/k/ishoj/ikke-sendt/{failed.pk}/haandteret/")
    failed.refresh_from_db()
    assert failed.handled_at is not None and failed.body == ""
    assert "Ikke sendt (" not in pia.get("/k/ishoj/ikke-sendt/").content.decode()


def test_a_temporary_refusal_is_retried_then_given_up(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    smtp.refuse["camilla@example.dk"] = "451 4.3.0 Try again later"
    actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")
    queued = OutgoingMessage.objects.get()
    now = timezone.now()
    for _ in range(30):
        deliver_due(now=now)
        queued.refresh_from_db()
        if queued.state == State.FAILED:
            break
        now = queued.next_attempt_at + dt.timedelta(seconds=1)
    assert queued.state == State.FAILED and "Opgivet efter" in queued.last_error
    assert 5 < queued.attempts <= 15
    assert now - queued.created_at > dt.timedelta(hours=24)  # retried for more than a day


def _worker(smtp: SMTPServer, certs) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    return start_worker(process_environment(smtp, certs))


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_loses_nothing_and_doubles_at_most_once(
    world, new_inquiry, smtp, certs
):
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")
    queued = OutgoingMessage.objects.get()
    # The server stores the mail, then waits before answering: the worker dies in between.
    smtp.hold_after_data = 30
    kill_when_reached(_worker(smtp, certs), smtp.data_started, "the mail server")
    queued.refresh_from_db()
    assert queued.state == State.SENDING  # claimed, never marked sent
    smtp.hold_after_data = 0

    # Within the lease nobody sends it again; after it another worker does.
    assert deliver_due().sent == 0
    assert deliver_due(now=timezone.now() + LEASE + dt.timedelta(seconds=1)).sent == 1

    queued.refresh_from_db()
    assert queued.state == State.SENT and queued.attempts == 2
    # Twice at most, and the copy is recognisable: the same Message-ID both times.
    assert smtp.message_ids() == [queued.message_id, queued.message_id]


def test_the_administrations_answer_comes_from_the_municipality_with_the_topic(
    world, new_inquiry, smtp
):
    inquiry = actions.do_register_inquiry(
        world.sara, new_inquiry(subject="Skolevej", body="Hvornår kommer der en fodgængerovergang?")
    ).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("case", "administration", None, False, "not_relevant")
    )
    actions.do_forward_to_administration(world.sara, inquiry)
    actions.do_assign_in_administration(world.pia, inquiry, None, "mail", False, "")
    actions.do_administration_answer(world.pia, inquiry, "mail", "Den kommer i foråret.")
    deliver_due()

    (answer,) = [r for r in smtp.received if r.rcpt_tos == ["camilla@example.dk"]]
    parsed = email.message_from_bytes(answer.content, policy=email.policy.default)
    assert parsed["From"] == "ishojkommune@ishoj.dk"  # never Pia's own address
    assert parsed["Subject"] == f"Svar fra Ishøj Kommune: Skolevej ({inquiry.reference})"
