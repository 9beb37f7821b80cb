"""Letters, Digital Post (MeMo outbox) and the dispatch guard in the product."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.urls import reverse

from borgerpost.audit.models import AuditEntry
from borgerpost.guard.service import GuardBlocked
from borgerpost.inquiries.rules import RuleError
from borgerpost.letters import actions
from borgerpost.letters.actions import SendRequest
from borgerpost.letters.checks import check_letter
from borgerpost.letters.models import Citizen, Company, Letter, LetterStatus
from borgerpost.outgoing.delivery import deliver_due
from borgerpost.pure.workdays import COPENHAGEN
from tests.conftest import sent_mail

MEMO = "{https://DigitalPost.dk/MeMo-1}"
FRIDAY_AFTERNOON = dt.datetime(2024, 9, 6, 13, 0, tzinfo=COPENHAGEN)
MONDAY_MORNING = dt.datetime(2024, 9, 9, 8, 0, tzinfo=COPENHAGEN)


@pytest.fixture
def citizen(world):  # type: ignore[no-untyped-def]
    person = actions.do_save_citizen(
        world.louise, Citizen(cpr="0101901234", name="Ole Hansen", email="ole@example.dk")
    )
    actions.do_assess_vulnerability(
        world.louise, person, True, "Angst; har tidligere reageret stærkt på breve i weekenden."
    )
    return person


def letter_for(world, recipient, **fields) -> Letter:  # type: ignore[no-untyped-def]
    data = {
        "title": "Afgørelse om hjemmehjælp",
        "lead_text": "Du får hjælp to gange om ugen.",
        "body": "Vi har vurderet din ansøgning. Du får hjælp til rengøring hver anden uge.",
        "contact_text": "Ring til Louise Krogh på 43 57 70 00 mellem 9 og 12.",
    }
    data.update(fields)
    letter = Letter(**data)
    if isinstance(recipient, Citizen):
        letter.citizen = recipient
    else:
        letter.company = recipient
    return actions.do_save_letter(world.louise, letter)


def memo_files(outbox: Path) -> list[ElementTree.Element]:
    """The MeMo files the transport wrote once the worker sent what the outbox holds."""
    deliver_due()
    # Our own files, written by the test just before.
    return [ElementTree.parse(p).getroot() for p in sorted(outbox.glob("*.xml"))]  # noqa: S314


def header(root: ElementTree.Element) -> ElementTree.Element:
    found = root.find(f"{MEMO}MessageHeader")
    assert found is not None
    return found


def test_vulnerability_needs_an_individual_reason(world):
    person = actions.do_save_citizen(world.louise, Citizen(cpr="0202851234", name="Kim"))
    with pytest.raises(RuleError, match="individuelt"):
        actions.do_assess_vulnerability(world.louise, person, True, " ")
    actions.do_assess_vulnerability(world.louise, person, True, "Kendt af sagsbehandleren.")
    person.refresh_from_db()
    assert person.vulnerable and person.vulnerability_assessed_by == world.users["louise"]
    assert AuditEntry.objects.filter(action="citizen.vulnerability_assessed").exists()


def test_held_before_the_weekend_and_released_on_monday_with_a_memo_file(world, citizen, outbox):
    letter = letter_for(world, citizen)
    with pytest.raises(RuleError, match="tre spørgsmål"):
        actions.do_send_letter(world.louise, letter, SendRequest(), now=FRIDAY_AFTERNOON)
    decision = actions.do_send_letter(
        world.louise,
        letter,
        SendRequest(considered_questions=True, advance_notice_task=True),
        now=FRIDAY_AFTERNOON,
    )
    assert decision.action == "hold"
    letter.refresh_from_db()
    assert letter.status == LetterStatus.HELD and letter.hold_until == MONDAY_MORNING
    assert letter.notice_tasks.count() == 1
    assert actions.release_due_letters(MONDAY_MORNING - dt.timedelta(minutes=1)) == 0
    assert actions.release_due_letters(MONDAY_MORNING) == 1
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT
    (root,) = memo_files(outbox)
    assert root.tag == f"{MEMO}Message" and root.get("memoVersion") == "1.2"
    head = header(root)
    for field in ("messageType", "messageUUID", "label"):
        assert head.findtext(f"{MEMO}{field}")
    assert head.findtext(f"{MEMO}label") == "Afgørelse om hjemmehjælp"
    assert head.findtext(f"{MEMO}messageUUID") == letter.message_uuid
    assert head.findtext(f"{MEMO}doNotDeliverUntilDate") == "2024-09-09"
    recipient = head.find(f"{MEMO}Recipient")
    assert recipient is not None
    assert recipient.findtext(f"{MEMO}recipientID") == "0101901234"
    assert recipient.findtext(f"{MEMO}idType") == "CPR"
    assert head.find(f"{MEMO}Sender") is not None
    body = root.find(f"{MEMO}MessageBody")
    assert body is not None and body.findtext(f".//{MEMO}encodingFormat") == "application/pdf"
    receipt = json.loads(next(outbox.glob("*.json")).read_text())
    assert receipt["messageUUID"] == letter.message_uuid


@pytest.mark.parametrize("flag", ["statutory_deadline", "urgent"])
def test_deadline_and_urgent_letters_are_never_held(world, citizen, outbox, flag):
    letter = letter_for(world, citizen, **{flag: True})
    decision = actions.do_send_letter(
        world.louise, letter, SendRequest(considered_questions=True), now=FRIDAY_AFTERNOON
    )
    assert decision.action == "send" and "varsle" in decision.reason
    (root,) = memo_files(outbox)
    assert header(root).findtext(f"{MEMO}doNotDeliverUntilDate") is None


def test_company_by_cvr(world, outbox):
    company = Company.objects.create(municipality=world.ishoj, cvr="11931316", name="Byg ApS")
    letter = letter_for(world, company, title="Byggetilladelse til carport")
    actions.do_send_letter(world.louise, letter, SendRequest(), now=FRIDAY_AFTERNOON)
    (root,) = memo_files(outbox)
    assert header(root).findtext(f"{MEMO}Recipient/{MEMO}idType") == "CVR"


def test_citizen_without_digital_post_goes_to_the_print_queue(world, citizen, outbox):
    citizen.digital_post_exempt = True
    citizen.save()
    letter = letter_for(world, citizen, urgent=True)
    actions.do_send_letter(world.louise, letter, SendRequest(considered_questions=True))
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PRINT_QUEUE and memo_files(outbox) == []


def test_early_release_needs_a_reason_and_is_audited(world, citizen, outbox):
    letter = letter_for(world, citizen)
    actions.do_send_letter(
        world.louise, letter, SendRequest(considered_questions=True), now=FRIDAY_AFTERNOON
    )
    with pytest.raises(RuleError, match="hvorfor"):
        actions.do_release_early(world.louise, letter, "")
    actions.do_release_early(world.louise, letter, "Borgeren har selv bedt om svaret i dag.")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT
    assert AuditEntry.objects.filter(action="letter.released_early").exists()
    assert header(memo_files(outbox)[0]).findtext(f"{MEMO}doNotDeliverUntilDate") is None


@pytest.mark.django_db(transaction=True)
def test_the_worker_releases_overdue_letters_after_a_restart(world, citizen, outbox):
    letter = letter_for(world, citizen)
    actions.do_send_letter(
        world.louise, letter, SendRequest(considered_questions=True), now=FRIDAY_AFTERNOON
    )  # held until 9 September 2024, long past
    call_command("worker", "--once")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and len(memo_files(outbox)) == 1


def test_mail_only_without_sensitive_data(
    world, citizen, outbox, django_capture_on_commit_callbacks
):
    sensitive = letter_for(
        world,
        citizen,
        urgent=True,
        body="Du har fået bevilget hjælp, fordi du har angst og depression.",
    )
    with pytest.raises(GuardBlocked):
        actions.do_send_letter(world.louise, sensitive, SendRequest("mail", True))
    plain = letter_for(
        world,
        citizen,
        urgent=True,
        title="Ny tid til borgerservice",
        body="Din tid er flyttet til tirsdag kl. 10.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_send_letter(world.louise, plain, SendRequest("mail", True))
    assert sent_mail()[0].to == ["ole@example.dk"]


def test_plain_language_checks():
    check = check_letter("Brev fra kommunen", "", "Tekst.", "", True, 40)
    assert len(check.warnings) == 3
    good = check_letter(
        "Afgørelse om hjemmehjælp",
        "Du får hjælp.",
        "Du får hjælp.",
        "Ring på 43 57 70 00.",
        True,
        40,
    )
    assert good.warnings == ()


def test_letter_pages(world, citizen, client_for, outbox):
    louise = client_for("louise")
    slug = "ishoj"
    response = louise.post(
        reverse("letter-new", args=[slug]),
        {
            "citizen": citizen.pk,
            "title": "Brev fra kommunen",
            "body": "Kommunen har truffet afgørelse om bevilling af merudgiftsydelse i henhold til "
            "servicelovens bestemmelser vedrørende kompenserende foranstaltninger.",
            "lead_text": "",
            "contact_text": "",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Titlen siger ikke, hvad brevet handler om" in page
    assert "LIX" in page and "Over målet" in page and "Sætninger, der trækker op" in page
    assert "Kan brevet vente til efter weekenden" in page
    letter = Letter.objects.get()
    assert (
        client_for("sara").get(reverse("letter-detail", args=[slug, letter.pk])).status_code == 403
    )
    assert (
        client_for("anders").get(reverse("letter-detail", args=[slug, letter.pk])).status_code
        == 404
    )
    actions.do_send_letter(
        world.louise, letter, SendRequest(considered_questions=True), now=FRIDAY_AFTERNOON
    )
    held = louise.get(reverse("letters", args=[slug]) + "?vis=held").content.decode()
    assert "Brev fra kommunen" in held and "holdes til" in held
    released = louise.post(
        reverse("letter-release", args=[slug, letter.pk]),
        {"reason": "Aftalt med borgeren"},
        follow=True,
    )
    assert "Brevet er frigivet og sendt." in released.content.decode()
    assert len(memo_files(outbox)) == 1


def test_company_and_citizen_forms(world, client_for):
    louise = client_for("louise")
    url = reverse("citizens", args=["ishoj"])
    bad = louise.post(url, {"cvr": "12345678", "name": "Firma"})
    assert "gyldigt CVR-nummer" in bad.content.decode()
    louise.post(url, {"cvr": "11931316", "name": "Byg ApS"})
    assert Company.objects.filter(cvr="11931316").exists()
    bad_cpr = louise.post(url, {"cpr": "3002901234", "name": "X"})
    assert "gyldigt CPR-nummer" in bad_cpr.content.decode()


def test_transport_follows_the_municipality(world):
    from borgerpost.digitalpost.interfaces import transport

    assert transport(world.ishoj).name == "outbox"
    world.ishoj.digital_post_transport = "sf1601"
    world.ishoj.cvr, world.ishoj.sf1601_certificate = "11931316", "/etc/borgerpost/ishoj.pem"
    chosen = transport(world.ishoj)
    assert chosen.name == "sf1601" and chosen._access.cvr == "11931316"  # type: ignore[attr-defined]


def test_control_characters_never_make_an_invalid_memo_and_a_bad_one_is_never_sent(
    world, citizen, outbox
):
    from borgerpost.digitalpost.memo import InvalidMemo, check_memo
    from borgerpost.outgoing.models import OutgoingMessage, State

    # Where text enters, control characters are removed.
    letter = letter_for(
        world, citizen, title="Afgørelse\x0b\x01", case_number="24/\x0c12", urgent=True
    )
    assert (letter.title, letter.case_number) == ("Afgørelse", "24/ 12")
    # Text that got past that (written to the database by hand) is refused at sending,
    # and the letter stays a draft.
    Letter.objects.filter(pk=letter.pk).update(title="Afgørelse\x0b")
    letter.refresh_from_db()
    with pytest.raises(RuleError, match="Digital Post"):
        actions.do_send_letter(world.louise, letter, SendRequest(considered_questions=True))
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.DRAFT
    assert not OutgoingMessage.objects.exists()
    # And a stored message spoiled after it was checked is never handed over.
    good = letter_for(world, citizen, urgent=True)
    actions.do_send_letter(world.louise, good, SendRequest(considered_questions=True))
    row = OutgoingMessage.objects.get()
    check_memo(bytes(row.payload))
    OutgoingMessage.objects.filter(pk=row.pk).update(
        payload=bytes(row.payload).replace(b"<ns0:label>", b"<ns0:label>\x01", 1)
        if b"<ns0:label>" in bytes(row.payload)
        else bytes(row.payload)[:-40]
    )
    with pytest.raises(InvalidMemo):
        check_memo(bytes(OutgoingMessage.objects.get(pk=row.pk).payload))
    assert deliver_due().failed == 1
    assert OutgoingMessage.objects.get(pk=row.pk).state == State.FAILED
    assert memo_files(outbox) == []
