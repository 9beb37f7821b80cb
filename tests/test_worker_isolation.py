"""The worker goes on: a failing job of every kind it runs, put in front of good ones, is
recorded with its Danish reason, retried later or parked for a person, and the good ones
are done. Before this, one held letter the worker could not send killed every round."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from borgerpost.core import scheduler
from borgerpost.core.management.commands import worker
from borgerpost.core.models import Municipality
from borgerpost.guard.service import GuardBlocked
from borgerpost.inquiries import actions as inquiry_actions
from borgerpost.inquiries.models import Inquiry
from borgerpost.inquiries.reminders import send_deadline_reminders
from borgerpost.inquiries.rules import RuleError
from borgerpost.intake.actions import do_connect_main_mailbox, do_connect_member_folder
from borgerpost.intake.models import Mailbox
from borgerpost.intake.service import take_mail_from_due_mailboxes
from borgerpost.jobs.models import JobProblem
from borgerpost.letters import actions
from borgerpost.letters.actions import SendRequest, release_due_letters
from borgerpost.letters.models import Citizen, Letter, LetterStatus
from borgerpost.outgoing.delivery import deliver_due
from borgerpost.outgoing.models import OutgoingMessage, State
from borgerpost.pure.workdays import COPENHAGEN
from borgerpost.retention import rules
from borgerpost.retention.models import DeletionLog

from .conftest import received, sent_mail
from .mailservers import free_port
from .test_intake import mail, settings_for
from .test_retention import BODY, closed_inquiry

FRIDAY_AFTERNOON = dt.datetime(2024, 9, 6, 13, 0, tzinfo=COPENHAGEN)
MONDAY_MORNING = dt.datetime(2024, 9, 9, 8, 0, tzinfo=COPENHAGEN)


@pytest.fixture
def outbox(settings, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path
    return tmp_path / "outbox" / "digitalpost"


def vulnerable_citizen(world, cpr: str, email: str = "") -> Citizen:  # type: ignore[no-untyped-def]
    person = actions.do_save_citizen(world.louise, Citizen(cpr=cpr, name="Ole", email=email))
    actions.do_assess_vulnerability(world.louise, person, True, "Angst for breve i weekenden.")
    return person


def held_letter(world, citizen: Citizen, channel: str = "digital_post", **fields) -> Letter:  # type: ignore[no-untyped-def]
    letter = Letter(
        citizen=citizen,
        title=fields.pop("title", "Ny tid til borgerservice"),
        body=fields.pop("body", "Din tid er flyttet til tirsdag kl. 10."),
        **fields,
    )
    letter = actions.do_save_letter(world.louise, letter)
    decision = actions.do_send_letter(
        world.louise, letter, SendRequest(channel, True), now=FRIDAY_AFTERNOON
    )
    assert decision.action == "hold"
    return letter


def problems(job: str) -> list[JobProblem]:
    return list(JobProblem.objects.filter(job=job, resolved_at__isnull=True))


def test_a_letter_that_cannot_leave_is_refused_when_it_is_held(world, outbox):
    no_address = vulnerable_citizen(world, "0101901234")
    with pytest.raises(RuleError, match="ingen mailadresse"):
        held_letter(world, no_address, "mail")
    with_address = vulnerable_citizen(world, "0202902345", "ole@example.dk")
    with pytest.raises(GuardBlocked):
        held_letter(world, with_address, "mail", body="Du får hjælp, fordi du har depression.")
    assert set(Letter.objects.values_list("status", flat=True)) == {LetterStatus.DRAFT}


@pytest.mark.django_db(transaction=True)
def test_held_letters_that_can_no_longer_leave_are_stopped_and_the_others_go(
    world, outbox, client_for
):
    lost_address = held_letter(
        world, vulnerable_citizen(world, "0101901234", "a@example.dk"), "mail"
    )
    now_sensitive = held_letter(
        world, vulnerable_citizen(world, "0202902345", "b@example.dk"), "mail"
    )
    good = held_letter(world, vulnerable_citizen(world, "0303903456"))
    # While they were held, one citizen's address was removed and one letter's text came to
    # say something the guard refuses by mail.
    Citizen.objects.filter(pk=lost_address.citizen_id).update(email="")
    Letter.objects.filter(pk=now_sensitive.pk).update(
        body="Du har fået hjælp på grund af din ADHD."
    )

    call_command("worker", "--once")
    call_command("worker", "--once")  # and again: a round never dies on them

    statuses = dict(Letter.objects.values_list("pk", "status"))
    assert statuses[good.pk] == LetterStatus.SENT
    assert statuses[lost_address.pk] == statuses[now_sensitive.pk] == LetterStatus.STOPPED
    assert "ingen mailadresse" in Letter.objects.get(pk=lost_address.pk).hold_reason
    parked = problems(actions.HELD_LETTER)
    assert {p.object_id for p in parked} == {str(lost_address.pk), str(now_sensitive.pk)}
    assert all(p.parked and p.attempts == 1 for p in parked)
    # The author is told, without the letter's text.
    notices = [m for m in sent_mail() if m.to == ["lkr@ishoj.dk"]]
    assert len(notices) == 2 and all("kunne ikke sendes" in m.body for m in notices)
    assert not any("ADHD" in m.body for m in notices)
    # The author sees it on the letter list and brings it back as a draft to correct it.
    page = client_for("louise").get(reverse("letters", args=["ishoj"]) + "?vis=standset")
    assert page.status_code == 200 and "ingen mailadresse" in page.content.decode()
    actions.do_return_to_draft(world.louise, Letter.objects.get(pk=lost_address.pk))
    assert Letter.objects.get(pk=lost_address.pk).status == LetterStatus.DRAFT
    assert {p.object_id for p in problems(actions.HELD_LETTER)} == {str(now_sensitive.pk)}


def test_a_held_letter_whose_registration_cannot_be_looked_up_waits_and_the_others_go(
    world, outbox, monkeypatch
):
    from borgerpost.digitalpost.interfaces import OutboxTransport

    unlucky = held_letter(world, vulnerable_citizen(world, "0101901234"))
    lucky = held_letter(world, vulnerable_citizen(world, "0202902345"))
    ask = OutboxTransport.is_registered

    def failing_for_one(self, recipient_id):  # type: ignore[no-untyped-def]
        if recipient_id == "0101901234":
            raise OSError("the lookup's folder could not be read")
        return ask(self, recipient_id)

    monkeypatch.setattr(OutboxTransport, "is_registered", failing_for_one)
    assert actions.release_due_letters(MONDAY_MORNING) == 1
    statuses = dict(Letter.objects.values_list("pk", "status"))
    assert statuses == {unlucky.pk: LetterStatus.HELD, lucky.pk: LetterStatus.SENT}
    (problem,) = problems(actions.HELD_LETTER)
    assert problem.object_id == str(unlucky.pk) and not problem.parked
    assert "Digital Post" in problem.reason  # said in Danish, tried again next round
    monkeypatch.setattr(OutboxTransport, "is_registered", ask)
    later = MONDAY_MORNING + dt.timedelta(hours=1)
    assert actions.release_due_letters(later) == 1
    assert Letter.objects.get(pk=unlucky.pk).status == LetterStatus.SENT


def test_a_mailbox_that_cannot_be_read_waits_and_the_others_are_read(world, dovecot, trusted):
    broken_account, good_account = f"a{uuid.uuid4().hex[:8]}", f"b{uuid.uuid4().hex[:8]}"
    broken = do_connect_member_folder(world.sara, settings_for(dovecot, broken_account), True)
    do_connect_main_mailbox(world.thomas, settings_for(dovecot, good_account))
    Mailbox.objects.filter(pk=broken.pk).update(port=free_port())  # its server went away
    dovecot.deliver(good_account, mail(1))

    summary = take_mail_from_due_mailboxes()

    assert summary.created == 1
    assert Inquiry.objects.filter(received_in_main_mailbox=True).count() == 1
    (problem,) = problems("mail intake")
    assert problem.object_id == str(broken.pk) and not problem.parked
    assert problem.next_attempt_at and problem.next_attempt_at > timezone.now()
    assert Mailbox.objects.get(pk=broken.pk).last_error


def test_a_message_that_cannot_be_delivered_never_keeps_the_others_back(world, new_inquiry, smtp):
    refused, temporary, good = (
        inquiry_actions.do_register_inquiry(
            world.sara, new_inquiry(body=f"Spørgsmål {n} om cykelstien.", citizen_email=address)
        ).inquiry
        for n, address in enumerate(("nobody@example.dk", "busy@example.dk", "ok@example.dk"))
    )
    smtp.refuse["nobody@example.dk"] = "550 5.1.1 No such user"
    smtp.refuse["busy@example.dk"] = "451 4.3.0 Try again later"
    for inquiry in (refused, temporary, good):
        inquiry_actions.do_triage(
            world.sara,
            inquiry,
            inquiry_actions.TriageDecision("political", "personal", None, False, "not_relevant"),
        )
        inquiry.refresh_from_db()
        inquiry_actions.do_send_reply(world.sara, inquiry, "mail", "Den er færdig i maj.")

    report = deliver_due()

    assert (report.failed, report.retrying) == (1, 1)  # and the sender's notice is sent
    states = dict(
        OutgoingMessage.objects.filter(recipient__endswith="example.dk").values_list(
            "recipient", "state"
        )
    )
    assert states == {
        "nobody@example.dk": State.FAILED,
        "busy@example.dk": State.RETRYING,
        "ok@example.dk": State.SENT,
    }


def test_a_record_that_cannot_be_deleted_is_flagged_and_the_others_are_deleted(
    world, new_inquiry, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "files"
    stuck = closed_inquiry(world, new_inquiry, forward=False, subject="A")
    deleted = closed_inquiry(world, new_inquiry, forward=False, subject="B")
    # The stored file cannot be removed: a directory with something in it stands there.
    path = Path(stuck.attachments.get().file.path)
    path.unlink()
    (path / "in-the-way").mkdir(parents=True)
    later = timezone.now() + dt.timedelta(days=31)

    rules.run(world.ishoj, later)

    assert Inquiry.objects.get(pk=deleted.pk).content_deleted_at
    assert Inquiry.objects.get(pk=stuck.pk).body == BODY  # rolled back whole, not half
    assert list(DeletionLog.objects.values_list("record_id", flat=True)) == [str(deleted.pk)]
    (problem,) = problems(rules.RETENTION)
    assert problem.object_id == str(stuck.pk) and problem.municipality == world.ishoj
    # Once the obstacle is gone, the next run deletes it and the problem is closed.
    (path / "in-the-way").rmdir()
    path.rmdir()
    rules.run(world.ishoj, later)
    assert Inquiry.objects.get(pk=stuck.pk).content_deleted_at
    assert problems(rules.RETENTION) == []


def test_reminders_fail_in_one_municipality_and_go_out_in_the_others(world, new_inquiry):
    inquiry_actions.do_register_inquiry(world.sara, new_inquiry(received_at=received(14)))
    first = Municipality.objects.first()
    assert first is not None
    other = world.ishoj if first == world.hvidovre else world.hvidovre
    assert first == world.hvidovre and other == world.ishoj  # the broken one comes first
    # A closing day stored wrongly (written to the database by hand, past the form's check).
    Municipality.objects.filter(pk=first.pk).update(closing_days=["31-02"])
    today = timezone.localdate()
    while not world.ishoj.calendar.is_working_day(today):
        today += dt.timedelta(days=1)

    assert send_deadline_reminders(today) >= 1

    assert any(m.to == ["sah@ishoj.dk"] for m in sent_mail())
    (problem,) = problems("deadline reminders")
    assert problem.municipality == first


def test_a_daily_job_that_cannot_start_never_keeps_the_others_back(world, monkeypatch):
    broken = scheduler.DailyJob("broken", dt.time(0, 0), "borgerpost.no_such_module.task")
    monkeypatch.setattr(scheduler, "DAILY_JOBS", [broken, *scheduler.DAILY_JOBS])
    noon = timezone.localtime().replace(hour=12, minute=0)

    started = scheduler.due_jobs(noon)

    assert started == ["audit-anchor", "retention", "deadline-reminders"]
    (problem,) = problems("daily job broken")
    assert "kunne ikke startes" in problem.reason


def test_a_part_of_the_round_that_fails_never_stops_the_rest(world, outbox, monkeypatch):
    letter = held_letter(world, vulnerable_citizen(world, "0101901234"))

    def broken() -> None:
        raise RuntimeError("the intake's server library crashed")

    monkeypatch.setattr(worker, "ROUND", [("mail intake", broken), *worker.ROUND])
    worker.run_round()

    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.SENT
    assert release_due_letters() == 0
