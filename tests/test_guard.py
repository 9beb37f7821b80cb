"""The guard in every sending path: blocked on insecure channels, with the ways out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from borgerpost.audit.models import AuditEntry
from borgerpost.guard.actions import do_add_guard_term
from borgerpost.guard.models import FalsePositive
from borgerpost.guard.service import GuardBlocked, check, signature
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import Delivery, TriageDecision
from borgerpost.inquiries.models import Message
from borgerpost.inquiries.rules import RuleError
from tests.conftest import sent_mail
from tests.test_scanner_model import FORGETTING_MOTHER

SENSITIVE = (
    "Min søn Oliver har ADHD og angst, og vi får kontanthjælp. "
    "Mit cpr-nr. er 091213-4290. Sagsbehandleren svarer ikke."
)


@pytest.fixture
def case(world, new_inquiry):  # type: ignore[no-untyped-def]
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(body=SENSITIVE)).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("case", "personal", None, False, "not_relevant")
    )
    inquiry.refresh_from_db()
    return inquiry


def test_intake_marks_sensitive_categories(case):
    assert set(case.sensitive_categories) >= {"cpr", "health", "social_economic"}


def test_reply_with_health_data_by_mail_is_blocked_and_nothing_leaves(
    world, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(GuardBlocked) as exc:
        actions.do_send_reply(world.sara, case, "mail", "Jeg forstår, at Oliver har ADHD.")
    result = exc.value.result
    assert {f.finding.category for f in result.findings} == {"health"}
    assert result.repeats  # ADHD came from the inquiry
    assert "ukrypteret" in result.verdict.reason
    assert not Message.objects.filter(kind="reply").exists()
    assert sent_mail() == []


def test_the_same_reply_may_go_by_digital_post(
    world, case, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DATA_DIR = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        message = actions.do_send_reply(
            world.sara,
            case,
            Delivery("digital_post", "0912134290"),
            "Jeg forstår, at Oliver har ADHD.",
        )
    assert message.recipient == "Digital Post til 091213-XXXX"
    assert sent_mail() == []  # the worker's round: Digital Post leaves, and no mail
    written = list((tmp_path / "outbox" / "digitalpost").glob("*.xml"))
    assert len(written) == 1
    assert b"<memo:recipientID>0912134290</memo:recipientID>" in written[0].read_bytes()
    receipts = list((tmp_path / "outbox" / "digitalpost").glob("*.json"))
    assert json.loads(receipts[0].read_text())["transport"] == "outbox"


def test_phone_and_meeting_are_ways_out(world, case):
    actions.do_send_reply(world.sara, case, "phone", "Ringede og talte om Olivers ADHD.")


def test_acknowledgement_with_a_cpr_number_is_blocked_and_masked(world, case):
    with pytest.raises(GuardBlocked) as exc:
        actions.do_acknowledge(world.sara, case, "mail", "Tak. Vi har noteret 091213-4290.")
    shown = str(exc.value.result.highlighted())
    assert "091213-XXXX" in shown and "4290" not in shown
    assert "<mark" in shown


def test_a_sentence_marked_by_the_model_shows_a_cpr_number_in_it_masked(world):
    text = FORGETTING_MOTHER.replace("Hun bliver", "Hun, 120342-1234, bliver")
    result = check(world.ishoj, "mail", "x@gmail.com", text)
    assert result.blocked
    assert {f.finding.rule for f in result.findings} == {"model.health", "cpr.number"}
    shown = str(result.highlighted())
    assert "Hun, 120342-XXXX, bliver" in shown and "1234" not in shown
    assert "helbredsoplysninger" in result.message


def test_internal_mail_is_secure(world):
    result = check(world.ishoj, "mail", "pmo@ishoj.dk", "Min søn har ADHD.")
    assert result.findings and not result.blocked
    assert check(world.ishoj, "mail", "x@gmail.com", "Min søn har ADHD.").blocked
    assert check(world.ishoj, "messenger", "", "Min søn har ADHD.").blocked
    assert not check(world.ishoj, "mail", "x@gmail.com", "Tak for din mail.").blocked


def test_social_media_answer_is_scanned(world, new_inquiry):
    inquiry = actions.do_register_inquiry(
        world.sara, new_inquiry(channel="messenger", body="Min datter har epilepsi.")
    ).inquiry
    with pytest.raises(GuardBlocked):
        actions.do_send_social_media_answer(
            world.sara, inquiry, "Godt at din datters epilepsi er bedre."
        )


def test_false_positive_is_counted_and_let_through(world, case):
    text = "Tak. Jeg håber, at stressen over vejarbejdet snart er forbi for jer."
    result = check(world.ishoj, "mail", case.citizen_email, text, case.body)
    assert result.blocked
    accepted = frozenset(signature(f.finding, text) for f in result.findings)
    actions.do_send_reply(world.sara, case, Delivery("mail", "", accepted), text)
    assert FalsePositive.objects.count() == len(accepted)


def test_forwarding_to_private_or_outside_addresses_is_refused(world, case):
    with pytest.raises(RuleError, match="modtaget henvendelsen"):
        actions.do_forward_by_mail(world.kasper, case, "pmo@ishoj.dk")  # not a recipient yet
    actions.do_register_inquiry(
        world.kasper,
        actions.NewInquiry(
            channel="mail",
            received_at=case.received_at,
            body=case.body,
            subject=case.subject,
            citizen_name=case.citizen_name,
            citizen_email=case.citizen_email,
        ),
    )
    with pytest.raises(RuleError, match="private mail"):
        actions.do_forward_by_mail(world.kasper, case, "Kasper.Lind@gmail.com")
    with pytest.raises(RuleError, match="kommunens egne"):
        actions.do_forward_by_mail(world.kasper, case, "someone@example.dk")
    actions.do_forward_by_mail(world.kasper, case, "pmo@ishoj.dk", "Til orientering")
    assert AuditEntry.objects.filter(action="inquiry.forwarded_by_mail").count() == 1


def test_municipal_terms_and_exceptions(world):
    text = "Min nabo har fået skolebuskort efter sin ulykke."
    assert not check(world.ishoj, "mail", "x@gmail.com", text).blocked
    do_add_guard_term(world.thomas, "term", "skolebuskort", "social_economic")
    assert check(world.ishoj, "mail", "x@gmail.com", text).blocked
    assert not check(world.hvidovre, "mail", "x@gmail.com", text).blocked  # only Ishøj's
    assert check(world.ishoj, "mail", "x@gmail.com", "Min søn går til psykolog.").blocked
    do_add_guard_term(world.thomas, "exception", "går til psykolog", "")
    assert not check(world.ishoj, "mail", "x@gmail.com", "Min søn går til psykolog.").blocked
    assert AuditEntry.objects.filter(action="guard_term.created").count() == 2


def test_blocked_reply_page_shows_findings_and_ways_out(world, case, client_for):
    sara = client_for("sara")
    url = reverse("inquiry-reply", args=["ishoj", case.pk])
    response = sara.post(
        url,
        {"reply-channel": "mail", "reply-body": "Jeg ved, at Oliver har ADHD, cpr 091213-4290."},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Beskeden blev ikke sendt" in page
    assert "tavshedspligt" in page and "kan straffes" in page
    assert '<mark class="finding"' in page and "091213-XXXX" in page
    assert "Send sikkert med Digital Post" in page and "telefonopkald eller et møde" in page
    assert "Gentager en oplysning fra borgerens henvendelse" in page
    assert not Message.objects.filter(kind="reply").exists()
    ok = sara.post(
        url,
        {
            "reply-channel": "digital_post",
            "reply-cpr": "091213-4290",
            "reply-body": "Jeg ved, at Oliver har ADHD.",
        },
        follow=True,
    )
    assert "Svaret er sendt." in ok.content.decode()


def test_guard_terms_page_for_the_administrator(world, client_for):
    admin = client_for("thomas")
    url = reverse("guard-terms", args=["ishoj"])
    response = admin.post(
        url, {"kind": "term", "text": "skolebuskort", "category": "social_economic"}, follow=True
    )
    assert "Ordet er gemt" in response.content.decode()
    missing = admin.post(url, {"kind": "term", "text": "noget"})
    assert "Vælg, hvilken slags" in missing.content.decode()
    assert client_for("sara").get(url).status_code == 403


def test_digital_post_needs_a_valid_cpr(world, case, client_for):
    sara = client_for("sara")
    response = sara.post(
        reverse("inquiry-reply", args=["ishoj", case.pk]),
        {"reply-channel": "digital_post", "reply-cpr": "3002901234", "reply-body": "Tak."},
    )
    assert "gyldigt CPR-nummer" in response.content.decode()
    assert not Message.objects.filter(kind="reply").exists()


def test_outbox_files_are_private(
    world, case, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DATA_DIR = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_send_reply(world.sara, case, Delivery("digital_post", "0912134290"), "Tak.")
    sent_mail()
    for written in Path(tmp_path / "outbox" / "digitalpost").iterdir():
        assert written.stat().st_mode & 0o077 == 0
