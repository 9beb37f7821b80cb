"""The council-inquiry workflow: registration, deduplication, acknowledgement, the three paths."""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from borgerpost.audit.models import AuditEntry
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import (
    AnswerPath,
    Classification,
    DraftStatus,
    Inquiry,
    Message,
    PowerOfAttorney,
    ProposalStatus,
    Status,
)
from borgerpost.inquiries.rules import RuleError, quotes_inquiry
from tests.conftest import received, sent_mail

pytestmark = pytest.mark.django_db(transaction=False)


def triage(
    actor,
    inquiry,
    path,
    classification=Classification.POLITICAL,
    committee=None,
    other=False,
    poa=PowerOfAttorney.NOT_RELEVANT,
):
    actions.do_triage(actor, inquiry, TriageDecision(classification, path, committee, other, poa))
    inquiry.refresh_from_db()


def test_same_mail_to_three_members_is_one_inquiry_with_three_recipients(world, new_inquiry):
    data = new_inquiry(message_id="<abc@example.dk>")
    first = actions.do_register_inquiry(world.sara, data)
    second = actions.do_register_inquiry(world.kasper, data)
    third = actions.do_register_inquiry(world.merete, data)
    assert first.outcome == "created"
    assert second.outcome == third.outcome == "added_recipient"
    assert Inquiry.objects.count() == 1
    assert first.inquiry.recipients.count() == 3


def test_match_without_message_id_on_sender_subject_and_normalised_body(world, new_inquiry):
    actions.do_register_inquiry(world.sara, new_inquiry())
    forwarded = new_inquiry(
        subject="SV: Skolevej",
        body="  kære BYRÅD.  Bilerne kører for stærkt ved skolen. Jeg synes, "
        "byrådet bør prioritere en sikker skolevej i budgettet.\n Hvad er "
        "jeres holdning?",
    )
    assert actions.do_register_inquiry(world.jens, forwarded).outcome == "added_recipient"
    assert Inquiry.objects.count() == 1
    different = new_inquiry(body="Et helt andet spørgsmål om parkering.")
    assert actions.do_register_inquiry(world.jens, different).outcome == "created"
    assert Inquiry.objects.count() == 2


def test_duplicate_upload_by_the_same_member_changes_nothing(world, new_inquiry):
    actions.do_register_inquiry(world.sara, new_inquiry())
    audit_before = AuditEntry.objects.count()
    again = actions.do_register_inquiry(world.sara, new_inquiry())
    assert again.outcome == "already_registered"
    assert again.inquiry.recipients.count() == 1
    assert AuditEntry.objects.count() == audit_before


def test_same_message_in_another_municipality_is_separate(world, new_inquiry):
    data = new_inquiry(message_id="<abc@example.dk>")
    actions.do_register_inquiry(world.sara, data)
    actions.do_register_inquiry(world.anders, data)
    assert Inquiry.objects.count() == 2
    assert {i.municipality.slug for i in Inquiry.objects.all()} == {"ishoj", "hvidovre"}


def test_registration_sets_deadline_suggestion_and_audit(world, new_inquiry):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    assert inquiry.deadline > inquiry.received_at.date()
    assert inquiry.suggested_classification == Classification.POLITICAL
    assert inquiry.suggestion_reasons
    entry = AuditEntry.objects.get(action="inquiry.registered")
    assert entry.actor == world.users["sara"]
    assert "Bilerne" not in str(entry.details)


def test_case_inquiry_is_suggested_as_case(world, new_inquiry):
    body = (
        "Min søn har fået afslag på støtte i skolen, og sagsbehandleren svarer ikke. "
        "Sagen har nr. 25/14032."
    )
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(body=body)).inquiry
    assert inquiry.suggested_classification == Classification.CASE
    assert any("sag" in reason for reason in inquiry.suggestion_reasons)


@pytest.mark.parametrize("body", ["", "   \n\t "])
def test_empty_text_is_refused_and_nothing_saved(world, new_inquiry, body):
    with pytest.raises(RuleError, match="ingen tekst"):
        actions.do_register_inquiry(world.sara, new_inquiry(body=body))
    assert Inquiry.objects.count() == 0
    assert AuditEntry.objects.filter(action="inquiry.registered").count() == 0


def test_only_council_members_register(world, new_inquiry):
    with pytest.raises(RuleError):
        actions.do_register_inquiry(world.pia, new_inquiry())


# --- acknowledgement (seed 001/002 steps 4-5) -------------------------------------------------


def shared_inquiry(world, new_inquiry, *actors):
    data = new_inquiry()
    registration = None
    for actor in actors:
        registration = actions.do_register_inquiry(actor, data)
    return registration.inquiry


def test_mayor_among_recipients_acknowledges_for_all(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara, world.jens, world.merete)
    with pytest.raises(RuleError, match="borgmester"):
        actions.do_acknowledge(world.sara, inquiry, "mail", "Tak for din henvendelse.")
    message = actions.do_acknowledge(world.merete, inquiry, "mail", "Tak for din henvendelse.")
    assert message.on_behalf_of_all
    assert len(sent_mail()) == 1  # by the outbox, after the commit
    with pytest.raises(RuleError, match="allerede kvitteret"):
        actions.do_acknowledge(world.merete, inquiry, "mail", "Tak igen.")
    assert Message.objects.filter(kind="acknowledgement").count() == 1


def test_chair_of_the_area_acknowledges_when_the_mayor_is_not_a_recipient(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara, world.kasper)
    triage(
        world.sara,
        inquiry,
        AnswerPath.ADMINISTRATION,
        committee=world.committee["Børne- og Skoleudvalget"],
    )
    with pytest.raises(RuleError, match="formand"):
        actions.do_acknowledge(world.sara, inquiry, "mail", "Tak for din henvendelse.")
    actions.do_acknowledge(world.kasper, inquiry, "mail", "Tak for din henvendelse.")


def test_chair_of_another_area_does_not_take_over(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara, world.kasper)
    triage(
        world.sara,
        inquiry,
        AnswerPath.ADMINISTRATION,
        committee=world.committee["Teknik- og Miljøudvalget"],
    )
    duty = actions.acknowledgement_duty(inquiry, [world.users["sara"], world.users["kasper"]])
    assert duty.responsible is None


def test_other_recipients_agree_and_one_takes_it(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara, world.jens)
    actions.do_take_acknowledgement(world.jens, inquiry)
    with pytest.raises(RuleError):
        actions.do_take_acknowledgement(world.sara, inquiry)
    with pytest.raises(RuleError, match="Jens Bruun"):
        actions.do_acknowledge(world.sara, inquiry, "mail", "Tak.")
    actions.do_acknowledge(world.jens, inquiry, "mail", "Tak for din henvendelse.")
    assert Message.objects.filter(kind="acknowledgement").count() == 1


def test_acknowledgement_leaves_through_the_outbox_after_the_commit(world, new_inquiry):
    from django.core import mail

    from borgerpost.outgoing.models import OutgoingMessage, State

    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    message = actions.do_acknowledge(world.sara, inquiry, "mail", "Tak for din henvendelse.")
    # The action wrote the message and its outbox row together; nothing has left yet.
    queued = OutgoingMessage.objects.get()
    assert queued.about == message and queued.state == State.PENDING
    assert mail.outbox == []
    sent = sent_mail()
    assert len(sent) == 1
    assert sent[0].to == ["camilla@example.dk"]
    assert sent[0].from_email == "sah@ishoj.dk"
    assert sent[0].extra_headers["Message-ID"] == queued.message_id
    queued.refresh_from_db()
    assert queued.state == State.SENT and queued.body == ""  # the text is not kept twice


def test_a_failed_write_after_the_send_step_leaves_nothing_in_the_outbox(
    world, new_inquiry, monkeypatch
):
    """The old order sent the mail first and wrote the record after: a failing write left
    the citizen with a mail and no record of it. Now both are one transaction."""
    from borgerpost.audit import log as audit
    from borgerpost.outgoing.models import OutgoingMessage

    inquiry = shared_inquiry(world, new_inquiry, world.sara)

    def broken_audit(*args, **kwargs):
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(audit, "record", broken_audit)
    monkeypatch.setattr("borgerpost.inquiries.actions.member.record", broken_audit)
    with pytest.raises(RuntimeError):
        actions.do_acknowledge(world.sara, inquiry, "mail", "Tak for din henvendelse.")
    assert not OutgoingMessage.objects.exists()
    assert not Message.objects.exists()
    assert sent_mail() == []


def test_acknowledgement_that_quotes_the_inquiry_is_refused(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    quoted = (
        "Tak. Du skrev: Bilerne kører for stærkt ved skolen. Jeg synes, byrådet bør "
        "prioritere en sikker skolevej i budgettet."
    )
    with pytest.raises(RuleError, match="gentager"):
        actions.do_acknowledge(world.sara, inquiry, "mail", quoted)
    assert not Message.objects.exists()


def test_quote_detection():
    source = "en to tre fire fem seks syv otte ni ti elleve tolv"
    assert quotes_inquiry("> en to tre", source)
    assert quotes_inquiry("Hej. en to tre fire fem seks syv otte ni ti. Mvh", source)
    assert not quotes_inquiry("Hej. en to tre fire fem. Mvh", source)


# --- path 1: personal reply -----------------------------------------------------------------


def test_case_inquiry_cannot_be_closed_with_a_personal_reply_alone(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    triage(world.sara, inquiry, AnswerPath.PERSONAL, classification=Classification.CASE)
    actions.do_send_reply(world.sara, inquiry, "mail", "Tak, jeg har talt med borgmesteren.")
    with pytest.raises(RuleError, match="kopi til administrationen"):
        actions.do_close(world.sara, inquiry)
    actions.do_send_copy_to_administration(world.sara, inquiry, "mail", include_answer=False)
    actions.do_close(world.sara, inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED


def test_political_inquiry_closes_after_personal_reply(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    triage(world.sara, inquiry, AnswerPath.PERSONAL)
    with pytest.raises(RuleError, match="Send først"):
        actions.do_close(world.sara, inquiry)
    actions.do_send_reply(world.sara, inquiry, "mail", "Tak for din holdning. Jeg tager den med.")
    actions.do_close(world.sara, inquiry)
    assert inquiry.administration_involved is False


def test_reply_quoting_the_inquiry_is_refused(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    triage(world.sara, inquiry, AnswerPath.PERSONAL)
    with pytest.raises(RuleError, match="ny besked"):
        actions.do_send_reply(world.sara, inquiry, "mail", "> Kære byråd. Bilerne kører")


def test_power_of_attorney_warning_must_be_confirmed(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    triage(world.sara, inquiry, AnswerPath.PERSONAL, other=True, poa=PowerOfAttorney.MISSING)
    assert inquiry.needs_power_of_attorney_warning
    with pytest.raises(RuleError, match="fuldmagt"):
        actions.do_send_reply(world.sara, inquiry, "mail", "Tak for henvendelsen.")
    actions.do_send_reply(
        world.sara, inquiry, "mail", "Tak for henvendelsen.", confirmed_no_third_party=True
    )


@pytest.mark.parametrize("who", ["sara", "jens"])
def test_only_mayor_and_chairs_may_request_drafts(world, new_inquiry, who):
    actor = getattr(world, who)
    inquiry = shared_inquiry(world, new_inquiry, actor)
    triage(actor, inquiry, AnswerPath.PERSONAL, committee=world.committee["Økonomiudvalget"])
    if who == "sara":
        with pytest.raises(RuleError, match="Kun borgmesteren og udvalgsformændene"):
            actions.do_request_draft(actor, inquiry, "")
    else:  # Jens chairs Teknik og Miljø, not the committee this inquiry concerns
        with pytest.raises(RuleError, match="dit udvalgs område"):
            actions.do_request_draft(actor, inquiry, "")
    assert not inquiry.drafts.exists()
    assert not Inquiry.objects.get(pk=inquiry.pk).administration_involved


def test_draft_flow_for_a_committee_chair(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.kasper)
    triage(
        world.kasper,
        inquiry,
        AnswerPath.PERSONAL,
        committee=world.committee["Børne- og Skoleudvalget"],
    )
    draft = actions.do_request_draft(world.kasper, inquiry, "Forklar reglerne for skoleveje.")
    inquiry.refresh_from_db()
    assert inquiry.administration_involved  # the secretariat can now see it to write the draft
    with pytest.raises(RuleError):
        actions.do_write_draft(world.sara, draft, "Udkast")
    actions.do_write_draft(world.pia, draft, "Kære Camilla. Tak for din henvendelse om skolevejen.")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.READY
    actions.do_send_reply(world.kasper, inquiry, "mail", draft.body + " Mvh Kasper", draft=draft)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SENT


def test_mayor_may_request_drafts_on_any_area(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.merete)
    triage(world.merete, inquiry, AnswerPath.PERSONAL)
    actions.do_request_draft(world.merete, inquiry, "")
    with pytest.raises(RuleError, match="allerede bestilt"):
        actions.do_request_draft(world.merete, inquiry, "")


# --- path 2: the administration answers -----------------------------------------------------


def test_administration_path(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    triage(world.sara, inquiry, AnswerPath.ADMINISTRATION, classification=Classification.CASE)
    actions.do_send_advance_notice(
        world.sara, inquiry, "mail", "Jeg sender din henvendelse videre."
    )
    actions.do_forward_to_administration(world.sara, inquiry, "Haster lidt")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.WITH_ADMINISTRATION
    with pytest.raises(RuleError, match="Kun sekretariatet"):
        actions.do_assign_in_administration(world.louise, inquiry, None, "phone", False, "")
    actions.do_assign_in_administration(
        world.pia, inquiry, world.centre["Center for Børn og Familier"], "phone", True, "25/1234"
    )
    actions.do_administration_answer(world.louise, inquiry, "phone", "Ringet til borgeren 10:15.")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
    assert inquiry.centre.director == world.users["henrik"]
    actions_logged = set(
        AuditEntry.objects.filter(object_id=str(inquiry.pk)).values_list("action", flat=True)
    )
    assert {
        "inquiry.forwarded_to_administration",
        "inquiry.assigned",
        "inquiry.administration_answered",
        "inquiry.advance_notice",
    } <= actions_logged


def test_forwarding_needs_the_administration_path(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    with pytest.raises(RuleError, match="Administrationen besvarer"):
        actions.do_forward_to_administration(world.sara, inquiry)


# --- path 3: agenda proposal ----------------------------------------------------------------


def test_council_agenda_proposal_goes_to_the_mayor(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    proposal = actions.do_propose_agenda(
        world.sara, inquiry, "council", None, "Sikker skolevej", "Mange forældre er bekymrede."
    )
    assert proposal.addressee == world.users["merete"]
    # The mayor now sees the inquiry the proposal is about.
    assert Inquiry.objects.for_actor(world.merete).filter(pk=inquiry.pk).exists()
    with pytest.raises(RuleError):
        actions.do_decide_proposal(world.sara, proposal, ProposalStatus.ACCEPTED, "")
    actions.do_decide_proposal(world.merete, proposal, ProposalStatus.ACCEPTED, "Byrådet 12/12")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED


def test_committee_proposal_only_for_own_committees(world, new_inquiry):
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    with pytest.raises(RuleError, match="selv er medlem"):
        actions.do_propose_agenda(
            world.sara,
            inquiry,
            "committee",
            world.committee["Teknik- og Miljøudvalget"],
            "Vej",
            "Begrundelse",
        )
    proposal = actions.do_propose_agenda(
        world.sara,
        inquiry,
        "committee",
        world.committee["Børne- og Skoleudvalget"],
        "Skolevej",
        "Begrundelse",
    )
    assert proposal.addressee == world.users["kasper"]


# --- social media --------------------------------------------------------------------------


def test_social_media_standard_answer_uses_the_municipality_wording(world, new_inquiry):
    world.ishoj.social_media_answer = "Skriv til {member_email} eller {main_mailbox}."
    world.ishoj.save()
    inquiry = shared_inquiry(world, new_inquiry, world.sara)
    inquiry.channel = "messenger"
    inquiry.save()
    inquiry.refresh_from_db()
    text = actions.social_media_answer_text(inquiry, world.users["sara"])
    assert text == "Skriv til sah@ishoj.dk eller ishojkommune@ishoj.dk."
    actions.do_send_social_media_answer(world.sara, inquiry, text)
    mail_inquiry = actions.do_register_inquiry(world.jens, new_inquiry(body="Et andet spørgsmål"))
    with pytest.raises(RuleError, match="Facebook og Messenger"):
        actions.do_send_social_media_answer(world.jens, mail_inquiry.inquiry, text)


def test_the_inbox_is_paged(world, new_inquiry, client_for):
    for n in range(55):
        actions.do_register_inquiry(
            world.sara, new_inquiry(subject=f"Emne {n}", body=f"Tekst {n} om cykelstien.")
        )
    sara = client_for("sara")
    first = sara.get("/k/ishoj/henvendelser/").content.decode()
    assert first.count('class="title"') == 50 and "Side 1 af 2 · 55 henvendelser" in first
    second = sara.get("/k/ishoj/henvendelser/" + _link(first, "Næste")).content.decode()
    assert second.count('class="title"') == 5 and "Emne 0<" in second  # the oldest last
    assert "Side 2 af 2" in second and "Næste" not in second
    back = sara.get("/k/ishoj/henvendelser/" + _link(second, "Forrige")).content.decode()
    assert _titles(back) == _titles(first) and "Side 1 af 2" in back
    everything = sara.get("/k/ishoj/henvendelser/?vis=alle").content.decode()
    assert "Side 1 af 2 · 55 henvendelser" in everything and "Mine henvendelser (55)" in everything


def test_pages_follow_the_order_through_ties_and_ignore_broken_keys(world, new_inquiry, client_for):
    """Rows with the same arrival time are neither skipped nor shown twice across pages,
    and a hand-edited key shows the first page, never an error."""
    same_time = received(3)
    for n in range(120):
        actions.do_register_inquiry(
            world.sara, new_inquiry(subject=f"Emne {n}", body=f"Tekst {n}.", received_at=same_time)
        )
    sara = client_for("sara")
    page, seen = sara.get("/k/ishoj/henvendelser/").content.decode(), []
    while True:
        seen += _titles(page)
        if "Næste" not in page:
            break
        page = sara.get("/k/ishoj/henvendelser/" + _link(page, "Næste")).content.decode()
    assert sorted(seen) == sorted(f"Emne {n}" for n in range(120))
    for key in ["x", "2026-13-45T00:00:00_1", "2026-01-01_", "_5", "2026-01-01_-1", "\x00"]:
        answer = sara.get("/k/ishoj/henvendelser/", {"efter": key, "side": "7"})
        assert answer.status_code == 200 and "Side 1 af 3" in answer.content.decode()


def _link(page: str, label: str) -> str:
    found = re.search(r'href="(\?[^"]+)">' + label + "<", page)
    assert found, f"no {label} link"
    return html.unescape(found.group(1))


def _titles(page: str) -> list[str]:
    return re.findall(r'class="title" href="[^"]+">([^<]+)<', page)


def test_the_inbox_costs_the_same_queries_however_many_rows_have_a_centre(
    world, new_inquiry, client_for
):
    sara = client_for("sara")
    sara.get("/k/ishoj/henvendelser/")  # the session is renewed on the first request

    def queries_with(rows: int) -> int:
        while Inquiry.objects.count() < rows:
            n = Inquiry.objects.count()
            actions.do_register_inquiry(
                world.sara, new_inquiry(subject=f"Vej {n}", body=f"Hul {n}.")
            )
        Inquiry.objects.update(centre=world.centre["Center for Teknik og Miljø"])
        with CaptureQueriesContext(connection) as queries:
            page = sara.get("/k/ishoj/henvendelser/").content.decode()
        assert page.count("Center for Teknik og Miljø</span>") == rows
        return len(queries)

    assert queries_with(2) == queries_with(12)


def test_the_administration_sees_only_the_reply_the_copy_carried(world, new_inquiry, client_for):
    """§ 8 b: the member chose to send one reply with the copy. A reply sent after the copy
    is the member's alone; the page used to show the administration the latest reply."""
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    triage(world.sara, inquiry, AnswerPath.PERSONAL, Classification.CASE)
    actions.do_send_reply(world.sara, inquiry, "phone", "FØRSTE-SVAR: vi ses i borgerservice.")
    copy = actions.do_send_copy_to_administration(world.sara, inquiry, "phone", True)
    actions.do_send_reply(world.sara, inquiry, "phone", "ANDET-SVAR: kun til borgeren.")
    first = Message.objects.get(body__startswith="FØRSTE")
    assert copy.carried_reply == first

    page = client_for("pia").get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "FØRSTE-SVAR" in text
    assert "ANDET-SVAR" not in text
    # The member sees both, as before.
    own = client_for("sara").get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
    assert "ANDET-SVAR" in own.content.decode() and "FØRSTE-SVAR" in own.content.decode()


def test_the_inquiry_page_shows_whether_each_message_has_left(world, new_inquiry, client_for):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    actions.do_acknowledge(world.sara, inquiry, "mail", "Tak for din henvendelse.")
    url = reverse("inquiry-detail", args=["ishoj", inquiry.pk])
    assert "Venter på afsendelse" in client_for("sara").get(url).content.decode()
    sent_mail()
    assert "Sendt " in client_for("sara").get(url).content.decode()
