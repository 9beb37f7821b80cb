"""The three answer paths walked in headless Chromium, on a phone-sized screen.

Uses Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium) driven by Playwright.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import login

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("BORGERPOST_TEST_ARTIFACTS", "test-artifacts"))


def open_menu(page) -> None:  # type: ignore[no-untyped-def]
    """On a phone the main menu is folded behind »Menu«."""
    toggle = page.locator("button.menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def register(page, site: str, body: str, subject: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(f"{site}/k/ishoj/henvendelser/ny/")
    page.select_option("#id_channel", "mail")
    page.fill("#id_citizen_name", "Camilla Jørgensen")
    page.fill("#id_citizen_email", "camilla@example.dk")
    page.fill("#id_subject", subject)
    page.fill("#id_body", body)
    page.click("button:has-text('Registrér')")
    page.wait_for_url(re.compile(r"/henvendelser/\d+/$"))
    assert "Henvendelsen er registreret." in page.content()
    return page.url


def no_horizontal_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_path_2_the_administration_answers(site, phone):
    sara = login(phone, site, "sara")
    url = register(
        sara,
        site,
        "Min søn har fået afslag på støtte i skolen, og sagsbehandleren "
        "svarer ikke. Sagen har nr. 25/14032.",
        "Støtte i skolen",
    )
    assert "Borgerens sag eller kommunens forvaltning" in sara.inner_text(
        "[data-testid=suggestion]"
    )
    assert no_horizontal_scroll(sara)
    sara.check("input[name=classification][value=case]")
    sara.check("input[name=path][value=administration]")
    sara.click("button:has-text('Gem vurdering')")
    assert "Vurderingen er gemt." in sara.content()
    sara.click("summary:has-text('Skriv kvittering')")
    sara.click("button:has-text('Send kvittering')")
    assert "Kvitteringen er sendt." in sara.content()
    sara.click("button:has-text('Send til administrationen')")
    assert "Henvendelsen er sendt til hovedpostkassen" in sara.content()
    shot(sara, "path2-member")

    pia = login(phone, site, "pia")
    pia.goto(f"{site}/k/ishoj/administration/")
    pia.click("a.title:has-text('Støtte i skolen')")
    pia.select_option("#id_assign-centre", label="Center for Børn og Familier")
    pia.select_option("#id_assign-answer_mode", "phone")
    pia.click("button:has-text('Gem fordeling')")
    assert "Fordelingen er gemt." in pia.content()
    pia.click("summary:has-text('Registrér administrationens svar')")
    pia.select_option("#id_answer-channel", "phone")
    pia.fill("#id_answer-body", "Ringet til borgeren og aftalt møde med skolen.")
    pia.click("button:has-text('Send svar og afslut')")
    assert "henvendelsen er afsluttet" in pia.content()

    sara = login(phone, site, "sara")
    sara.goto(url)
    assert "Afsluttet" in sara.inner_text("[data-testid=deadline]")
    assert "Administrationens svar" in sara.content()


def test_path_1_personal_reply_with_draft_for_a_chair(site, phone):
    kasper = login(phone, site, "kasper")
    url = register(
        kasper,
        site,
        "Hvorfor har børnehaven kortere åbningstid? Det er et dårligt forslag, synes jeg.",
        "Åbningstid",
    )
    kasper.check("input[name=classification][value=political]")
    kasper.check("input[name=path][value=personal]")
    kasper.select_option("#id_committee", label="Børne- og Skoleudvalget")
    kasper.click("button:has-text('Gem vurdering')")
    kasper.click("summary:has-text('Bed administrationen om et svarudkast')")
    kasper.fill("#id_draft-note", "Forklar baggrunden for åbningstiden.")
    kasper.click("button:has-text('Bestil svarudkast')")
    assert "Administrationen er bedt om et svarudkast." in kasper.content()

    pia = login(phone, site, "pia")
    pia.goto(f"{site}/k/ishoj/administration/")
    pia.click("a.title:has-text('Svarudkast til')")
    pia.fill("#id_body", "Kære Camilla. Åbningstiden følger budgetaftalen for 2025.")
    pia.click("button:has-text('Gem og send til medlemmet')")
    assert "Udkastet er gemt" in pia.content()

    kasper = login(phone, site, "kasper")
    kasper.goto(url)
    assert "Administrationen har skrevet et svarudkast" in kasper.content()
    body = kasper.input_value("#id_reply-body")
    assert "budgetaftalen" in body
    kasper.fill("#id_reply-body", body + "\n\nVenlig hilsen\nKasper Lind, formand")
    kasper.click("button:has-text('Send svar')")
    assert "Svaret er sendt." in kasper.content()
    kasper.click("button:has-text('Afslut henvendelsen')")
    assert "Henvendelsen er afsluttet." in kasper.content()
    shot(kasper, "path1-chair")


def test_path_1_member_cannot_ask_for_drafts(site, phone):
    sara = login(phone, site, "sara")
    register(sara, site, "Jeg synes, byrådet bør plante flere træer.", "Træer")
    sara.check("input[name=classification][value=political]")
    sara.check("input[name=path][value=personal]")
    sara.click("button:has-text('Gem vurdering')")
    assert "Kun borgmesteren og udvalgsformændene" in sara.inner_text("[data-testid=no-draft]")


def test_path_3_agenda_proposal_to_the_mayor(site, phone):
    sara = login(phone, site, "sara")
    url = register(
        sara,
        site,
        "Jeg foreslår, at byrådet laver en sikker skolevej ved Vibeholmskolen.",
        "Skolevej",
    )
    sara.check("input[name=classification][value=political]")
    sara.check("input[name=path][value=agenda]")
    sara.click("button:has-text('Gem vurdering')")
    sara.check("input[name=agenda-target][value=council]")
    sara.fill("#id_agenda-title", "Sikker skolevej ved Vibeholmskolen")
    sara.fill("#id_agenda-motivation", "Forældre har henvendt sig om trafikken.")
    sara.click("button:has-text('Send forslag')")
    assert "Forslaget er sendt." in sara.content()

    merete = login(phone, site, "merete")
    merete.goto(f"{site}/k/ishoj/dagsordensforslag/")
    assert "Sikker skolevej ved Vibeholmskolen" in merete.content()
    merete.select_option("select[name=status]", "accepted")
    merete.fill("input[name=note]", "Byrådsmødet 12. december")
    merete.click("button:has-text('Opdatér status')")
    assert "Forslagets status er opdateret." in merete.content()
    shot(merete, "path3-mayor")

    sara = login(phone, site, "sara")
    sara.goto(url)
    assert "Sat på dagsordenen" in sara.content()


def test_mayor_acknowledges_for_all_recipients(site, phone, world, new_inquiry):
    from borgerpost.inquiries.actions import do_register_inquiry

    data = new_inquiry(subject="Fælles henvendelse")
    for actor in (world.sara, world.jens, world.merete):
        inquiry = do_register_inquiry(actor, data).inquiry
    sara = login(phone, site, "sara")
    sara.goto(f"{site}/k/ishoj/henvendelser/{inquiry.pk}/")
    assert "Merete Holm" in sara.inner_text("[data-testid=ack-duty]")
    assert "borgmester" in sara.inner_text("[data-testid=ack-duty]")
    merete = login(phone, site, "merete")
    merete.goto(f"{site}/k/ishoj/henvendelser/{inquiry.pk}/")
    merete.click("summary:has-text('Skriv kvittering')")
    assert "på vegne af de byrådsmedlemmer" in merete.input_value("#id_ack-body")
    merete.click("button:has-text('Send kvittering')")
    assert "Kvitteringen er sendt." in merete.content()


def test_login_page_shows_demo_logins_only_in_demo_mode(site, browser, settings):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/login/")
    assert "Demo: log ind som" not in page.content()
    settings.DEMO_MODE = True
    page.goto(f"{site}/login/")
    assert "Demo: log ind som" in page.content() and "demo-borgerpost" in page.content()
    context.close()


def test_guard_stops_a_reply_and_shows_how_to_send_safely(site, phone):
    sara = login(phone, site, "sara")
    register(
        sara, site, "Min søn Oliver har ADHD, og vi får kontanthjælp. Kan du hjælpe?", "Oliver"
    )
    assert "Helbredsoplysninger" in sara.inner_text("[data-testid=sensitive]")
    sara.check("input[name=classification][value=political]")
    sara.check("input[name=path][value=personal]")
    sara.click("button:has-text('Gem vurdering')")
    sara.click("summary:has-text('Skriv personligt svar')")
    sara.fill("#id_reply-body", "Jeg er ked af at høre, at Oliver har ADHD.")
    sara.click("button:has-text('Send svar')")
    guard = sara.inner_text("[data-testid=guard]")
    assert "Beskeden blev ikke sendt" in guard
    assert "Gentager en oplysning fra borgerens henvendelse" in guard
    assert "Send sikkert med Digital Post" in guard
    assert sara.locator("mark.finding").count() >= 1
    assert no_horizontal_scroll(sara)
    shot(sara, "guard-blocked")
    sara.select_option("#id_reply-channel", "digital_post")
    sara.fill("#id_reply-cpr", "091213-4290")
    sara.click("#form-reply button:has-text('Send svar')")
    assert "Svaret er sendt." in sara.content()


def test_letter_from_template_with_lix_and_held_letter_released_early(site, phone, world):
    import datetime as dt

    from borgerpost.letters import actions as letters
    from borgerpost.letters.models import Citizen, Letter, LetterTemplate
    from borgerpost.pure.workdays import COPENHAGEN

    LetterTemplate.objects.create(
        municipality=world.ishoj,
        name="Afgørelse om hjemmehjælp",
        title="Afgørelse om hjemmehjælp",
        lead_text="Du får hjælp til rengøring.",
        body="Vi har vurderet din ansøgning.",
    )
    letters.do_save_citizen(world.louise, Citizen(cpr="0101901234", name="Ole Hansen"))
    louise = login(phone, site, "louise")
    louise.goto(f"{site}/k/ishoj/breve/nyt/")
    louise.click("a:has-text('Afgørelse om hjemmehjælp')")
    assert louise.input_value("#id_title") == "Afgørelse om hjemmehjælp"
    louise.select_option("#id_citizen", label="Ole Hansen")
    louise.fill("#id_contact_text", "Ring til Louise Krogh på 43 57 70 00 kl. 9-12.")
    louise.click("button:has-text('Gem brev')")
    assert "LIX" in louise.inner_text("[data-testid=lix]")
    assert "brevet sendes nu" in louise.inner_text("[data-testid=decision]")
    louise.click("button:has-text('Send brevet')")
    assert "Sendt" in louise.inner_text("[data-testid=status]")
    assert no_horizontal_scroll(louise)

    mette = letters.do_save_citizen(world.louise, Citizen(cpr="1502754321", name="Mette Jensen"))
    letters.do_assess_vulnerability(world.louise, mette, True, "Kendt af sagsbehandleren.")
    held = letters.do_save_letter(
        world.louise,
        Letter(citizen=mette, title="Indkaldelse", body="Du er indkaldt.", contact_text="x"),
    )
    letters.do_send_letter(
        world.louise,
        held,
        letters.SendRequest(considered_questions=True),
        now=dt.datetime(2024, 9, 6, 13, tzinfo=COPENHAGEN),
    )
    louise.goto(f"{site}/k/ishoj/breve/?vis=held")
    louise.click("a.title:has-text('Indkaldelse')")
    louise.fill("#id_reason", "Borgeren har selv bedt om brevet i dag.")
    louise.click("button:has-text('Send nu')")
    assert "Brevet er frigivet og sendt." in louise.content()
    shot(louise, "letter-released")


def test_a_member_connects_a_folder_with_consent_and_reads_it_now(
    site, phone, dovecot, account, trusted
):
    from email.message import EmailMessage

    from tests.mailservers import PASSWORD as MAILBOX_PASSWORD

    msg = EmailMessage()
    msg["From"] = "Camilla Jørgensen <camilla@example.dk>"
    msg["Subject"] = "Hul i cykelstien ved Strandvejen"
    msg["Message-ID"] = f"<{account}@example.dk>"
    msg.set_content("Hej Sara. Der er et stort hul i cykelstien ved Strandvejen 12.")
    dovecot.deliver(account, msg.as_bytes(), folder="Borgerhenvendelser")

    sara = login(phone, site, "sara")
    open_menu(sara)
    sara.click("nav a:has-text('Min mailmappe')")
    assert "Administrationen får ikke adgang" in sara.content()
    sara.fill("#id_host", "127.0.0.1")
    sara.fill("#id_port", str(dovecot.port))
    sara.fill("#id_username", account)
    sara.fill("#id_secret", MAILBOX_PASSWORD)
    sara.fill("#id_folder", "Borgerhenvendelser")
    sara.click("button:has-text('Forbind min mappe')")
    assert "Giv dit samtykke" in sara.content()  # nothing is connected without consent
    sara.fill("#id_secret", MAILBOX_PASSWORD)
    sara.check("#id_consent")
    sara.click("button:has-text('Forbind min mappe')")
    assert "forbundet" in sara.inner_text("[data-testid=mailbox-status]")
    assert no_horizontal_scroll(sara)
    sara.click("button:has-text('Hent nye mails nu')")
    assert "Nye henvendelser: 1" in sara.content()
    shot(sara, "member-folder")
    open_menu(sara)
    sara.click("nav a:has-text('Mine henvendelser')")
    assert "Hul i cykelstien ved Strandvejen" in sara.content()


def test_the_counsellor_follows_a_complaint_through_the_dialogue_principle(site, phone, world):
    """On a phone: a complaint's steps, the dialogue principle refusing an early
    investigation, the limits gone through, and the statement with its criticism."""
    import datetime as dt

    from borgerpost.core.models import Centre
    from borgerpost.counsellor.models import CounsellorCase

    case = CounsellorCase.objects.create(
        municipality=world.ishoj,
        reference="K-7",
        opened=dt.date(2026, 11, 2),
        category="klage",
        handling="videresendt",
        centre=Centre.objects.in_municipality(world.ishoj).first(),
        created_by=world.users["birgit"],
    )
    birgit = login(phone, site, "birgit")
    birgit.goto(f"{site}/k/ishoj/borgerraadgiver/{case.pk}/")

    def add_step(kind: str, day: str, **choices: str) -> None:
        birgit.select_option("#id_kind", kind)
        birgit.fill("#id_on", day)
        for selector, value in choices.items():
            if selector == "note":
                birgit.fill("#id_note", value)
            elif selector == "limits":
                for limit in value.split(","):
                    birgit.check(f"input[name=limits][value={limit}]")
            else:
                birgit.select_option(f"#id_{selector}", value)
        birgit.click("button:has-text('Registrér trin')")

    add_step("undersoegelse", "2026-11-03")
    assert "Dialogprincippet" in birgit.content()
    birgit.goto(f"{site}/k/ishoj/borgerraadgiver/{case.pk}/")
    add_step("videresendt", "2026-11-03", note="Sendt til centret med borgerens samtykke.")
    add_step("centrets_svar", "2026-11-10", takes_position="nej")
    add_step(
        "undersoegelse",
        "2026-11-12",
        limits="bevistvivl,faglig_vurdering,afgoerelse,klageinstans,udsigtsloes",
    )
    add_step("udtalelse", "2026-11-20", criticism="beklageligt", note="Centret burde have svaret.")
    steps = birgit.inner_text("[data-testid=steps]")
    for shown in ("Klagen videresendt til centret", "Centrets svar", "Undersøgelse iværksat",
                  "Udtalelse", "Beklageligt", "tager ikke stilling"):  # fmt: skip
        assert shown in steps
    assert no_horizontal_scroll(birgit)
    shot(birgit, "counsellor-case-steps")
