"""The Digital Post gateway (issue 19): other systems' letters pass the dispatch guard.

A sending system has a token scoped to the gateway only; its letters to citizens
assessed as vulnerable are held before weekends and holidays like borgerpost's own, a
letter with a deadline or marked urgent is never held, a letter that says nothing is
sent, never held, and the same messageUUID again is the same letter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from borgerpost.api.actions import do_create_token
from borgerpost.api.models import ApiToken, Scope
from borgerpost.audit.models import AuditEntry
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality
from borgerpost.letters import actions, gateway
from borgerpost.letters.models import Citizen, Letter, LetterStatus, SendingSystem, SystemLetterKind
from borgerpost.pure.workdays import COPENHAGEN
from tests.conftest import VULNERABLE_CPR
from tests.test_letters import memo_files

GATEWAY = "/api/v1/ishoj/digital-post"
FRIDAY_AFTERNOON = dt.datetime(2024, 9, 6, 13, 0, tzinfo=COPENHAGEN)
MONDAY_MORNING = dt.datetime(2024, 9, 9, 8, 0, tzinfo=COPENHAGEN)
# Maundy Thursday 2025 after the cut-off: Easter closes the town hall until Tuesday.
BEFORE_EASTER = dt.datetime(2025, 4, 16, 15, 0, tzinfo=COPENHAGEN)
AFTER_EASTER = dt.datetime(2025, 4, 22, 8, 0, tzinfo=COPENHAGEN)


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def letter(**fields) -> dict[str, object]:  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "recipient": VULNERABLE_CPR,
        "title": "Indkaldelse til samtale om dit forløb",
        "body": "Du er indkaldt til en samtale i jobcentret. Vi skal tale om dit forløb.",
        "contact": "Ring til jobcentret på 43 57 70 00 mellem 9 og 12.",
        "has_deadline": False,
    }
    data.update(fields)
    return data


def receive(world, system, now, **fields):  # type: ignore[no-untyped-def]
    sending, _ = system
    actor = _system_actor(world, sending)
    return gateway.do_receive_system_letter(actor, sending, gateway.parse(letter(**fields)), now)


def _system_actor(world, sending):  # type: ignore[no-untyped-def]
    from borgerpost.core.access import actor_for

    return actor_for(sending.token.account, world.ishoj)


def test_a_friday_afternoon_letter_arrives_on_monday_at_the_release_time(world, system, outbox):
    received = receive(world, system, FRIDAY_AFTERNOON)
    assert received.action == "hold" and received.release_at == MONDAY_MORNING
    held = received.letter
    assert held.status == LetterStatus.HELD and held.sending_system == system[0]
    assert memo_files(outbox) == []  # nothing reaches Digital Post before Monday
    assert actions.release_due_letters(MONDAY_MORNING - dt.timedelta(minutes=1)) == 0
    assert actions.release_due_letters(MONDAY_MORNING) == 1
    (memo,) = memo_files(outbox)
    held.refresh_from_db()
    assert held.status == LetterStatus.SENT
    assert memo.findtext(".//{https://DigitalPost.dk/MeMo-1}recipientID") == VULNERABLE_CPR


def test_easter_holds_a_letter_until_the_tuesday_after(world, system, outbox):
    received = receive(world, system, BEFORE_EASTER)
    assert received.action == "hold" and received.release_at == AFTER_EASTER


@pytest.mark.parametrize(
    ("fields", "source"), [({"has_deadline": True}, "system"), ({"urgent": True}, "system")]
)
def test_a_deadline_or_urgent_letter_is_sent_at_once(world, system, outbox, fields, source):
    received = receive(world, system, FRIDAY_AFTERNOON, **fields)
    assert received.action == "send" and received.letter.status == LetterStatus.SENT
    assert len(memo_files(outbox)) == 1


def test_a_letter_that_says_nothing_is_sent_never_held(world, system, outbox):
    received = receive(world, system, FRIDAY_AFTERNOON, has_deadline=None, kind="Indkaldelse")
    assert received.action == "send" and received.deadline_from == "unknown"
    assert "loven går forud" in received.reason


@pytest.mark.usefixtures("outbox")
def test_the_municipalitys_rule_per_kind_of_letter_decides_when_the_system_cannot(world, system):
    sending, _ = system
    SystemLetterKind.objects.create(system=sending, kind="Indkaldelse", has_deadline=False)
    SystemLetterKind.objects.create(system=sending, kind="Afgørelse", has_deadline=True)
    held = receive(world, system, FRIDAY_AFTERNOON, has_deadline=None, kind="indkaldelse")
    assert held.action == "hold" and held.deadline_from == "rule"
    sent = receive(world, system, FRIDAY_AFTERNOON, has_deadline=None, kind="Afgørelse")
    assert sent.action == "send" and sent.deadline_from == "rule"


def test_a_citizen_not_assessed_vulnerable_is_never_held(world, system, outbox):
    received = receive(world, system, FRIDAY_AFTERNOON, recipient="020290-1235")
    assert received.action == "send"
    assert Citizen.objects.get(cpr="0202901235").vulnerable is False


def test_the_same_message_uuid_is_the_same_letter(world, system, outbox):
    first = receive(
        world, system, FRIDAY_AFTERNOON, message_uuid="6F1D0A66-0B8E-4D9A-9A43-2D4E1D3C2B10"
    )
    again = receive(
        world, system, MONDAY_MORNING, message_uuid="6f1d0a66-0b8e-4d9a-9a43-2d4e1d3c2b10"
    )
    assert again.letter.pk == first.letter.pk and not again.created
    assert Letter.objects.filter(sending_system=system[0]).count() == 1


def test_the_seeds_advice_is_checked_and_reported(world, system, outbox):
    received = receive(world, system, FRIDAY_AFTERNOON, title="Brev fra kommunen", contact="")
    assert received.letter.generic_title and received.letter.missing_contact
    assert any("Titlen" in w for w in received.warnings)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"vulnerable": True}, "individuel vurdering"),
        ({"recipient": "3213451234"}, "CPR-nummer"),
        ({"recipient": "12345678"}, "CVR-nummer"),
        ({"title": " "}, "»title« mangler"),
        ({"has_deadline": "ja"}, "true eller false"),
        ({"message_uuid": "x; drop table"}, "message_uuid"),
        ({"colour": "red"}, "Ukendt felt: colour"),
        ({"pdf": "not base64!"}, "base64"),
        ({"pdf": "aGVsbG8="}, "ikke en PDF"),
        (
            {
                "attachments": [
                    {"filename": "a.pdf", "content_type": "application/pdf", "content": "aGVsbG8="}
                ]
            },
            "ikke en application/pdf",
        ),
        (
            {
                "attachments": [
                    {
                        "filename": "a.exe",
                        "content_type": "application/x-msdownload",
                        "content": "TVo=",
                    }
                ]
            },
            "type",
        ),
        (
            {"attachments": [{"filename": "", "content_type": "text/plain", "content": "aGVq"}]},
            "filnavn",
        ),
        (
            {
                "attachments": [
                    {"filename": "a.txt", "content_type": "text/plain", "content": "aGVq"}
                ]
                * 11
            },
            "Højst 10",
        ),
        ({"attachments": "a.pdf"}, "liste"),
    ],
)
def test_bad_input_is_refused_in_danish_and_changes_nothing(world, system, fields, message):
    with pytest.raises(RuleError, match=message):
        gateway.parse(letter(**fields))
    assert not Letter.objects.filter(sending_system=system[0]).exists()


# --- through the API ----------------------------------------------------------------


def test_the_api_answers_with_the_letter_action_release_time_and_reason(world, system, outbox):
    _, secret = system
    answer = Client().post(
        GATEWAY, letter(has_deadline=True), content_type="application/json", **bearer(secret)
    )
    assert answer.status_code == 201
    body = answer.json()
    assert body["action"] == "send" and body["release_at"] is None and body["reason"]
    assert Letter.objects.get(pk=body["letter"]).sending_system == system[0]
    assert body["checks"]["generic_title"] is False and body["checks"]["lix_target"] == 40
    assert AuditEntry.objects.filter(action="letter.received_from_system").count() == 1


def test_the_api_answers_a_resubmission_with_the_same_letter(world, system, outbox):
    _, secret = system
    data = letter(has_deadline=True, message_uuid="a1b2c3")
    first = Client().post(GATEWAY, data, content_type="application/json", **bearer(secret))
    again = Client().post(GATEWAY, data, content_type="application/json", **bearer(secret))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["letter"] == again.json()["letter"]


@pytest.mark.usefixtures("outbox")
def test_a_vulnerable_citizens_letter_through_the_api_follows_the_dispatch_rules(world, system):
    _, secret = system
    body = (
        Client().post(GATEWAY, letter(), content_type="application/json", **bearer(secret)).json()
    )
    stored = Letter.objects.get(pk=body["letter"])
    # Whatever day the test runs: held means a release time, sent means none.
    assert (body["action"], stored.status) in {("hold", "held"), ("send", "sent")}
    assert (body["release_at"] is None) == (body["action"] == "send")


def test_a_gateway_token_reads_no_inquiry_and_an_inquiries_token_sends_no_letter(world, system):
    _, secret = system
    assert Client().get("/api/v1/ishoj/henvendelser", **bearer(secret)).status_code == 403
    _, records = do_create_token(world.thomas, world.ishoj, "SBSYS", "secretariat")
    refused = Client().post(GATEWAY, letter(), content_type="application/json", **bearer(records))
    assert refused.status_code == 403 and "fejl" in refused.json()
    assert not Letter.objects.exists()


def test_a_systems_token_on_another_municipality_is_refused(world, system):
    _, secret = system
    other = Client().post(
        "/api/v1/hvidovre/digital-post", letter(), content_type="application/json", **bearer(secret)
    )
    assert other.status_code == 404 and not Letter.objects.exists()


def test_bad_json_gets_a_danish_error(world, system):
    _, secret = system
    for raw in (b"{", b"[1]", b'{"recipient": 1}'):
        answer = Client().post(GATEWAY, raw, content_type="application/json", **bearer(secret))
        assert answer.status_code == 400 and answer.json()["fejl"]
    assert not Letter.objects.exists()


def test_the_cli_registers_a_sending_system_with_a_gateway_token(world, capsys):
    call_command(
        "api", "token", "create", "--municipality", "ishoj", "--name", "KMD Momentum",
        "--scope", "digital-post",
    )  # fmt: skip
    secret = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(name="KMD Momentum")
    assert token.scope == Scope.DIGITAL_POST and secret.startswith(f"bp_{token.prefix}_")
    assert SendingSystem.objects.get(token=token).municipality == Municipality.objects.get(
        slug="ishoj"
    )


def test_sending_systems_are_read_by_the_administration_and_it_only(world, system):
    from tests.test_idor import ISHOJ_PEOPLE

    readers = {
        who for who in ISHOJ_PEOPLE if SendingSystem.objects.for_actor(getattr(world, who)).exists()
    }
    assert readers == {"pia", "henrik", "louise", "thomas"}


def test_the_held_list_and_the_systems_page_show_each_systems_letters(
    world,
    system,
    client_for,
    outbox,
):
    held = receive(world, system, FRIDAY_AFTERNOON, title="Brev fra kommunen", contact="")
    receive(world, system, FRIDAY_AFTERNOON, has_deadline=True)
    actions.do_release_early(world.louise, held.letter, "Borgeren har selv ringet og spurgt.")
    louise = client_for("louise")
    listing = louise.get(reverse("letters", args=["ishoj"]) + "?vis=sendt").content.decode()
    assert "fra <strong>Jobcentrets system</strong>" in listing
    page = louise.get(reverse("sending-systems", args=["ishoj"])).content.decode()
    row = page.split("Jobcentrets system</th>", 1)[1].split("</tr>", 1)[0]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    # received, held, held now, released early, generic titles, no contact, LIX over
    assert cells[:7] == ["2", "1", "0", "1", "1", "1", "0"]
    assert client_for("sara").get(reverse("sending-systems", args=["ishoj"])).status_code == 403


# --- the MeMo message itself ----------------------------------------------------------


def memo_xml(pdf: bytes, legal: bool = False, uuid: str = "", label: str = "Indkaldelse") -> bytes:  # type: ignore[no-untyped-def]
    from borgerpost.digitalpost.memo import LetterContent, build_message, to_xml

    content = LetterContent(
        sender_id="11931316",
        sender_label="Jobcentret",
        recipient_id=VULNERABLE_CPR,
        recipient_label="Ole Hansen",
        title=label,
        pdf=pdf,
    )
    xml = to_xml(build_message(content, uuid or None))
    return xml.replace(b"legalNotification>false<", b"legalNotification>true<") if legal else xml


def post_memo(secret: str, xml: bytes):  # type: ignore[no-untyped-def]
    return Client().post(GATEWAY + "/memo", xml, content_type="application/xml", **bearer(secret))


def test_a_memo_is_received_and_its_pdf_goes_on_unchanged(world, system, outbox, pdf):
    import base64

    sending, secret = system
    SystemLetterKind.objects.create(system=sending, kind="Indkaldelse", has_deadline=False)
    uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    answer = post_memo(secret, memo_xml(pdf, uuid=uuid))
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["deadline_from"] == "rule" and body["checks"]["missing_contact"] is False
    stored = Letter.objects.get(pk=body["letter"])
    assert stored.external_uuid == uuid and "samtale i jobcentret" in stored.body
    if body["action"] == "hold":
        actions.do_release_early(world.louise, stored, "Borgeren har ringet.")
    (memo,) = memo_files(outbox)
    sent = memo.findtext(".//{https://DigitalPost.dk/MeMo-1}content")
    assert base64.b64decode(sent) == pdf
    again = post_memo(secret, memo_xml(pdf, uuid=uuid))
    assert again.status_code == 200 and again.json()["letter"] == stored.pk


def test_a_legal_notification_is_never_held(world, system, outbox, pdf):
    sending, secret = system
    SystemLetterKind.objects.create(system=sending, kind="Indkaldelse", has_deadline=False)
    body = post_memo(secret, memo_xml(pdf, legal=True)).json()
    assert body["action"] == "send" and body["deadline_from"] == "system"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b"<not xml", "gyldig XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><m>&b;</m>',
            "uden DTD",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<m>&x;</m>",
            "uden DTD",
        ),
        (b'<Message xmlns="urn:other"/>', "ikke en MeMo-besked"),
    ],
)
def test_a_hostile_or_broken_memo_is_refused_in_danish(world, system, xml, message):
    answer = post_memo(system[1], xml)
    assert answer.status_code == 400 and message in answer.json()["fejl"]
    assert not Letter.objects.exists()


def test_a_memo_without_a_pdf_main_document_is_refused(world, system, pdf):
    xml = memo_xml(pdf).replace(b"application/pdf", b"text/plain")
    answer = post_memo(system[1], xml)
    assert answer.status_code == 400 and "hoveddokument" in answer.json()["fejl"]
    not_a_pdf = memo_xml(b"hello, not a pdf")
    assert "ikke en PDF" in post_memo(system[1], not_a_pdf).json()["fejl"]


# --- the watched folder --------------------------------------------------------------


@pytest.fixture
def folder_system(world, settings, tmp_path):  # type: ignore[no-untyped-def]
    """A system that can only write files, with its folder of MeMo files."""
    settings.DIGITAL_POST_FOLDERS = tmp_path / "digitalpost-folders"
    token, _ = do_create_token(
        world.thomas, world.ishoj, "Printmappen fra ESDH", "", "digital-post", "esdh"
    )
    citizen = actions.do_save_citizen(world.louise, Citizen(cpr=VULNERABLE_CPR, name="Ole"))
    actions.do_assess_vulnerability(world.louise, citizen, True, "Reagerer stærkt på breve.")
    folder = settings.DIGITAL_POST_FOLDERS / "esdh"
    folder.mkdir(parents=True)
    return SendingSystem.objects.get(token=token), folder


def drop(folder, name: str, xml: bytes, age: float = 60) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    path = folder / name
    path.write_bytes(xml)
    os.utime(path, (time.time() - age, time.time() - age))


def test_memo_files_in_a_systems_folder_become_letters_once(
    world,
    folder_system,
    outbox,
    pdf,
):
    import time

    from borgerpost.letters.folders import take_letters_from_folders

    system, folder = folder_system
    uuid = "3b241101-e2bb-4255-8caf-4136c566a962"
    drop(folder, "a.xml", memo_xml(pdf, uuid=uuid, legal=True))
    drop(folder, "b.xml", b"<broken")
    drop(folder, "c.xml", memo_xml(pdf, legal=True))
    drop(folder, "still-writing.xml", memo_xml(pdf), age=0)
    assert take_letters_from_folders() == 2
    letters = Letter.objects.filter(sending_system=system)
    assert letters.count() == 2 and letters.filter(external_uuid=uuid).exists()
    assert sorted(p.name for p in (folder / "behandlet").iterdir()) == ["a.xml", "c.xml"]
    refused = folder / "afvist"
    assert (refused / "b.xml").exists() and "XML" in (refused / "b.xml.txt").read_text()
    assert (folder / "still-writing.xml").exists()  # taken once the system is done
    # The worker stopped after storing the letter and before moving the file: the file is
    # read again, and it is the same letter.
    drop(folder, "a-again.xml", memo_xml(pdf, uuid=uuid, legal=True))
    later = time.time() + 60  # the system has long finished writing the last file
    assert take_letters_from_folders(later) == 2  # a-again (the same letter), still-writing
    assert Letter.objects.filter(sending_system=system, external_uuid=uuid).count() == 1
    assert len(memo_files(outbox)) == 3


def test_a_folder_is_only_ever_a_name_under_the_configured_directory(world):
    with pytest.raises(RuleError, match="mappe"):
        do_create_token(world.thomas, world.ishoj, "X", "", "digital-post", "../../etc")
    with pytest.raises(RuleError, match="mappe"):
        do_create_token(world.thomas, world.ishoj, "Y", "secretariat", "api", "esdh")


def test_the_caseworker_who_assessed_the_citizen_is_told_a_letter_is_held(world, system, outbox):
    from borgerpost.notices.models import Notice

    held = receive(world, system, FRIDAY_AFTERNOON)
    (notice,) = Notice.objects.filter(kind="letter_held")
    assert notice.recipient == world.users["louise"]
    assert "Jobcentrets system" in notice.text and "010190-XXXX" in notice.text
    assert "samtale" not in notice.text  # never the letter's content
    assert notice.link.endswith(f"/breve/{held.letter.pk}/")
    sending, _ = system
    sending.notify_caseworker = False
    sending.save()
    receive(world, system, FRIDAY_AFTERNOON)
    assert Notice.objects.filter(kind="letter_held").count() == 1


def test_the_secretariat_sets_a_systems_rules_in_the_browser(world, system, client_for):
    sending, _ = system
    page = reverse("sending-system", args=["ishoj", sending.pk])
    pia = client_for("pia")
    assert "Ingen regler endnu" in pia.get(page).content.decode()
    pia.post(
        reverse("sending-system-kind-add", args=["ishoj", sending.pk]),
        {"kind": " Påmindelse  om møde ", "has_deadline": "nej"},
    )
    rule = SystemLetterKind.objects.get(system=sending)
    assert (rule.kind, rule.has_deadline) == ("Påmindelse om møde", False)
    twice = pia.post(
        reverse("sending-system-kind-add", args=["ishoj", sending.pk]),
        {"kind": "påmindelse om møde", "has_deadline": "ja"},
    )
    assert "allerede en regel" in twice.content.decode()
    pia.post(page, {"notify_caseworker": "", "deliver_later_by_memo": "on"})
    sending.refresh_from_db()
    assert (sending.notify_caseworker, sending.deliver_later_by_memo) == (False, True)
    assert AuditEntry.objects.filter(action="sending_system.kind_added").exists()
    # IT keeps the systems too; a caseworker and a council member do not.
    assert client_for("thomas").get(page).status_code == 200
    assert (
        "Jobcentrets system"
        in client_for("thomas").get(reverse("settings", args=["ishoj"])).content.decode()
    )
    for who in ("louise", "sara"):
        assert client_for(who).get(page).status_code == 403
    pia.post(reverse("sending-system-kind-delete", args=["ishoj", rule.pk]))
    assert not SystemLetterKind.objects.filter(system=sending).exists()


def test_a_system_may_pass_letters_on_at_once_with_do_not_deliver_until(world, system, outbox):
    sending, _ = system
    sending.deliver_later_by_memo = True
    sending.save()
    received = receive(world, system, FRIDAY_AFTERNOON)
    assert received.action == "hold" and received.letter.status == LetterStatus.SENT
    (memo,) = memo_files(outbox)  # handed to Digital Post now, delivered on Monday
    header = "{https://DigitalPost.dk/MeMo-1}MessageHeader/{https://DigitalPost.dk/MeMo-1}"
    assert memo.findtext(header + "doNotDeliverUntilDate") == "2024-09-09"


def test_a_pdf_and_attachments_go_on_unchanged_and_are_erased_with_the_letter(
    world, system, outbox, pdf
):
    import base64

    from borgerpost.letters.erasure import erase_letter

    picture = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
    received = receive(
        world,
        system,
        FRIDAY_AFTERNOON,
        has_deadline=True,
        body=None,
        pdf=base64.b64encode(pdf).decode(),
        attachments=[
            {"filename": "kort/over ruten.png", "content_type": "image/png",
             "content": base64.b64encode(picture).decode()},
        ],
    )  # fmt: skip
    letter = received.letter
    assert "samtale i jobcentret" in letter.body  # the PDF's text, for the checks
    (attachment,) = letter.attachments.all()
    assert attachment.filename == "kort_over ruten.png"
    (memo,) = memo_files(outbox)
    ns = "{https://DigitalPost.dk/MeMo-1}"
    contents = [base64.b64decode(c.text or "") for c in memo.iter(f"{ns}content")]
    assert contents == [pdf, picture]
    stored = [letter.document.path, attachment.file.path]
    erase_letter(letter)
    assert not any(Path(p).exists() for p in stored) and not letter.attachments.exists()


def test_a_memos_additional_documents_are_passed_on(world, system, outbox, pdf):
    import base64

    from borgerpost.digitalpost.memo import LetterContent, build_message, to_xml

    content = LetterContent(
        sender_id="11931316",
        sender_label="Jobcentret",
        recipient_id=VULNERABLE_CPR,
        recipient_label="Ole",
        title="Afgørelse om ressourceforløb",
        pdf=pdf,
        attachments=(("klagevejledning.pdf", "application/pdf", pdf),),
    )
    xml = to_xml(build_message(content)).replace(
        b"legalNotification>false<", b"legalNotification>true<"
    )
    body = post_memo(system[1], xml).json()
    letter = Letter.objects.get(pk=body["letter"])
    assert [a.filename for a in letter.attachments.all()] == ["klagevejledning.pdf"]
    (memo,) = memo_files(outbox)
    ns = "{https://DigitalPost.dk/MeMo-1}"
    assert len(list(memo.iter(f"{ns}AdditionalDocument"))) == 1
    assert [base64.b64decode(c.text or "") for c in memo.iter(f"{ns}content")] == [pdf, pdf]


def test_a_letter_that_is_not_kept_leaves_no_file_behind(
    world, system, outbox, pdf, monkeypatch, settings
):
    import base64

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuleError("Forsendelsesreglerne kunne ikke afgøres.")

    def stored() -> set[Path]:
        return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}

    before = stored()
    # Fails after the PDF and the attachment are written: the transaction rolls back.
    monkeypatch.setattr(gateway, "dispatch_decision", broken)
    with pytest.raises(RuleError):
        receive(
            world,
            system,
            FRIDAY_AFTERNOON,
            pdf=base64.b64encode(pdf).decode(),
            attachments=[{"filename": "a.txt", "content_type": "text/plain", "content": "aGVq"}],
        )
    assert not Letter.objects.exists()
    assert stored() == before
