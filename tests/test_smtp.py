"""Sending over a real SMTP server (aiosmtpd on loopback, STARTTLS required): the guard
decides what may go by mail, internal domains count as secure, and a refused mail
undoes the action."""

from __future__ import annotations

import email
import email.policy

import pytest

from borgerpost.core.exceptions import RuleError
from borgerpost.guard.service import GuardBlocked
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import Message

from .mailservers import SMTPServer, free_port

SENSITIVE = "Min søn Oliver har ADHD og angst. Mit cpr-nr. er 091213-4290."


@pytest.fixture
def smtp(settings, monkeypatch, certs):  # type: ignore[no-untyped-def]
    server = SMTPServer(certs)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = True
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca))
    yield server
    server.stop()


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

    assert len(smtp.received) == 1
    got = smtp.received[0]
    assert got.tls  # the server saw STARTTLS before the mail
    assert got.rcpt_tos == ["camilla@example.dk"]
    parsed = email.message_from_bytes(got.content, policy=email.policy.default)
    assert parsed["From"] == "sah@ishoj.dk"
    assert "færdig i maj" in parsed.get_content()
    assert "cykelstien" not in parsed.get_content()  # a new mail, never a quote


def test_sensitive_reply_never_reaches_the_mail_server(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, SENSITIVE)
    with pytest.raises(GuardBlocked):
        actions.do_send_reply(world.sara, inquiry, "mail", "Jeg forstår, at Oliver har ADHD.")
    assert smtp.received == []
    assert not Message.objects.filter(kind="reply").exists()


def test_internal_domains_count_as_secure_and_private_mail_is_refused(world, new_inquiry, smtp):
    inquiry = personal_case(world, new_inquiry, SENSITIVE)
    actions.do_forward_by_mail(world.sara, inquiry, "jbr@ishoj.dk", "Kan du hjælpe?")
    assert [r.rcpt_tos for r in smtp.received] == [["jbr@ishoj.dk"]]
    assert "ADHD" in smtp.received[0].content.decode()  # allowed: inside the municipality

    kasper_case = actions.do_register_inquiry(
        world.kasper, new_inquiry(body=SENSITIVE + " Også til Kasper.")
    ).inquiry
    with pytest.raises(RuleError, match="private mail"):
        actions.do_forward_by_mail(world.kasper, kasper_case, "kasper.lind@gmail.com")
    with pytest.raises(RuleError, match="kommunens egne mailadresser"):
        actions.do_forward_by_mail(world.kasper, kasper_case, "someone@example.dk")
    assert len(smtp.received) == 1


def test_a_refused_mail_undoes_the_action_with_a_danish_message(world, new_inquiry, settings, smtp):
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    settings.EMAIL_PORT = free_port()  # nothing listens there
    with pytest.raises(RuleError, match="Intet er sendt"):
        actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")
    assert not Message.objects.filter(kind="reply").exists()
    inquiry.refresh_from_db()
    assert inquiry.answered_at is None


def test_an_untrusted_mail_server_gets_nothing(world, new_inquiry, monkeypatch, smtp):
    # TLS is verified: a server whose certificate is not trusted is refused.
    inquiry = personal_case(world, new_inquiry, "Hvornår bliver cykelstien færdig?")
    monkeypatch.delenv("SSL_CERT_FILE")
    with pytest.raises(RuleError, match="Intet er sendt"):
        actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")
    assert smtp.received == []
