"""A citizen's reply to an answer joins the inquiry it answers (issue 18), by In-Reply-To
and References, and reopens it when it was closed within the set number of working days.
Only from the citizen's own address and to the mailbox the answer came from."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import FollowUp, Inquiry, Status
from borgerpost.notices.models import Notice
from borgerpost.outgoing.models import OutgoingMessage
from borgerpost.pure.mailparse import parse_eml

pytestmark = pytest.mark.django_db


def reply_mail(
    to_id: str, sender="camilla@example.dk", body="Tak, men hvad med fortovet?", when=None
):  # type: ignore[no-untyped-def]
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = f"Camilla <{sender}>", "sah@ishoj.dk", "SV: Svar"
    mail["Date"] = format_datetime(when or timezone.now())
    mail["Message-ID"] = f"<reply-{abs(hash((to_id, sender, body, str(when))))}@example.dk>"
    mail["In-Reply-To"] = to_id
    mail["References"] = f"<first@example.dk> {to_id}"
    mail.set_content(body)
    return actions.new_inquiry_from_mail(parse_eml(mail.as_bytes(), 10_000_000))


def answered_by_sara(world, new_inquiry, close=True):  # type: ignore[no-untyped-def]
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("political", "personal", None, False, "not_relevant")
    )
    actions.do_send_reply(world.sara, inquiry, "mail", "Tak for din mail. Vi ser på skolevejen.")
    if close:
        actions.do_close(world.sara, inquiry)
    sent = OutgoingMessage.objects.filter(recipient="camilla@example.dk").latest("pk")
    inquiry.refresh_from_db()
    return inquiry, sent.message_id


def test_a_reply_to_a_closed_inquiry_reopens_it_with_a_new_deadline(world, new_inquiry, client_for):
    inquiry, answer_id = answered_by_sara(world, new_inquiry)
    assert inquiry.status == Status.CLOSED
    registration = actions.do_register_inquiry(world.sara, reply_mail(answer_id))
    assert registration.outcome == "follow_up" and registration.inquiry.pk == inquiry.pk
    inquiry.refresh_from_db()
    assert inquiry.status == Status.OPEN and inquiry.closed_at is None
    assert inquiry.deadline > timezone.localdate()
    assert Inquiry.objects.count() == 1
    follow_up = FollowUp.objects.get()
    assert follow_up.reopened and follow_up.member == world.users["sara"]
    page = (
        client_for("sara")
        .get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
        .content.decode()
    )
    assert "Borgeren har skrevet igen" in page and "hvad med fortovet?" in page


def test_a_reply_to_an_open_inquiry_joins_it(world, new_inquiry):
    inquiry, answer_id = answered_by_sara(world, new_inquiry, close=False)
    actions.do_register_inquiry(world.sara, reply_mail(answer_id))
    inquiry.refresh_from_db()
    assert inquiry.status == Status.OPEN and FollowUp.objects.get().reopened is False


def test_too_late_another_sender_or_another_mailbox_is_a_new_inquiry(world, new_inquiry):
    inquiry, answer_id = answered_by_sara(world, new_inquiry)
    # From another address: a forwarded answer's Message-ID proves nothing.
    other = actions.do_register_inquiry(world.sara, reply_mail(answer_id, sender="x@example.dk"))
    assert other.outcome == "created" and other.inquiry.pk != inquiry.pk
    # To another member's mailbox: Kasper never got Sara's inquiry.
    kaspers = actions.do_register_inquiry(world.kasper, reply_mail(answer_id, body="Til Kasper"))
    assert kaspers.outcome == "created"
    # Too long after it was closed: its own inquiry, with a note saying which it answers.
    Inquiry.objects.filter(pk=inquiry.pk).update(closed_at=timezone.now() - dt.timedelta(days=40))
    late = actions.do_register_inquiry(world.sara, reply_mail(answer_id, body="Et nyt spørgsmål"))
    assert late.outcome == "created"
    assert any(inquiry.reference in note for note in late.inquiry.intake_notes)
    assert FollowUp.objects.count() == 0
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED


def test_a_reply_to_the_administration_comes_to_the_main_mailbox_only(world, new_inquiry):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("case", "administration", None, False, "not_relevant")
    )
    actions.do_forward_to_administration(world.sara, inquiry)
    actions.do_assign_in_administration(
        world.pia, inquiry, None, "written", False, "", world.users["louise"]
    )
    actions.do_administration_answer(world.louise, inquiry, "mail", "Her er svaret.")
    answer_id = (
        OutgoingMessage.objects.filter(recipient="camilla@example.dk").latest("pk").message_id
    )
    registration = actions.do_receive_in_main_mailbox(world.ishoj, reply_mail(answer_id))
    assert registration.outcome == "follow_up"
    inquiry.refresh_from_db()
    assert inquiry.status == Status.WITH_ADMINISTRATION
    told = set(
        Notice.objects.filter(text__contains="skrevet igen").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"pia", "louise"}
    # The main mailbox never reaches a member's own inquiry through a reply.
    _own, own_id = answered_by_sara(
        world, lambda: new_inquiry(citizen_email="camilla@example.dk", subject="Andet")
    )
    assert (
        actions.do_receive_in_main_mailbox(
            world.ishoj, reply_mail(own_id, body="Til hovedpostkassen")
        ).outcome
        == "created"
    )


def test_the_reply_headers_are_read_with_care():
    data = reply_mail("<a@b>")
    assert data.replies_to == ["<a@b>", "<first@example.dk>"]  # In-Reply-To first
    mail = EmailMessage()
    mail["From"], mail["Subject"] = "a@example.dk", "x"
    mail["References"] = " ".join(f"<{n}@x>" for n in range(500)) + " junk <> <a b>"
    mail.set_content("x")
    parsed = parse_eml(mail.as_bytes(), 10_000_000)
    assert len(parsed.replies_to) == 20


def test_a_reply_to_a_member_stays_the_member_s(world, new_inquiry):
    """§ 8 b: the citizen's reply to Sara's mailbox is not the administration's, even
    when the inquiry was also sent to it."""
    inquiry, answer_id = answered_by_sara(world, new_inquiry, close=False)
    actions.do_register_inquiry(world.sara, reply_mail(answer_id))
    inquiry.sent_to_administration_at = timezone.now()
    inquiry.save(update_fields=["sent_to_administration_at"])
    assert FollowUp.objects.for_actor(world.sara).count() == 1
    for who in ("pia", "louise", "henrik", "kasper", "thomas"):
        assert FollowUp.objects.for_actor(getattr(world, who)).count() == 0, who


def test_a_municipality_that_never_reopens(world, new_inquiry):
    world.ishoj.reopen_working_days = 0
    world.ishoj.save(update_fields=["reopen_working_days"])
    inquiry, answer_id = answered_by_sara(world, new_inquiry)
    assert actions.do_register_inquiry(world.sara, reply_mail(answer_id)).outcome == "created"
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
