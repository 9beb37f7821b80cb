"""Every page in a real browser: each edit form saves when sent unchanged (a date input
with a value the browser will not take is sent empty), and axe-core finds nothing
serious on the main pages of each role."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from borgerpost.api.actions import do_create_token
from borgerpost.counsellor.models import CounsellorCase
from borgerpost.letters import actions as letter_actions
from borgerpost.letters.models import Citizen, Letter, LetterTemplate, SystemLetterKind

from .conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def things(world):  # type: ignore[no-untyped-def]
    """One of each thing that has an edit form, with every date filled in."""
    case = CounsellorCase.objects.create(
        municipality=world.ishoj,
        reference="BR-7",
        opened=dt.date(2026, 11, 2),
        closed=dt.date(2026, 11, 20),
        sent_to_centre=dt.date(2026, 11, 5),
        centre_answered=dt.date(2026, 11, 12),
        centre=next(iter(world.centre.values())),
        category="anden",
        handling="vejledning",
    )
    citizen = letter_actions.do_save_citizen(
        world.louise, Citizen(cpr="0101901234", name="Ole Hansen")
    )
    letter_actions.do_assess_vulnerability(world.louise, citizen, True, "Angst for breve.")
    letter = letter_actions.do_save_letter(
        world.louise, Letter(citizen=citizen, title="Ny tid", body="Din tid er flyttet.")
    )
    template = LetterTemplate.objects.create(
        municipality=world.ishoj, name="Ny tid", title="Ny tid", body="Din tid er flyttet."
    )
    return {"case": case, "citizen": citizen, "letter": letter, "template": template}


def edit_forms(world, things) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(persona, page, button) for every form that edits something that exists."""
    centre = next(iter(world.centre.values()))
    committee = next(iter(world.committee.values()))
    return [
        ("birgit", reverse("counsellor-case", args=["ishoj", things["case"].pk]), "Gem sag"),
        ("louise", reverse("letter-edit", args=["ishoj", things["letter"].pk]), "Gem brev"),
        (
            "louise",
            reverse("citizen-detail", args=["ishoj", things["citizen"].pk]),
            "Gem vurdering",
        ),
        ("louise", reverse("letter-template-edit", args=["ishoj", things["template"].pk]), "Gem"),
        ("thomas", reverse("settings", args=["ishoj"]), "Gem indstillinger"),
        ("thomas", reverse("centre-edit", args=["ishoj", centre.pk]), "Gem"),
        ("thomas", reverse("committee-edit", args=["ishoj", committee.pk]), "Gem"),
    ]


def test_every_edit_form_saves_unchanged(site, phone, world, things):
    failures = []
    for who, path, button in edit_forms(world, things):
        page = login(phone, site, who)
        page.goto(site + path)
        for field in page.locator('input[type="date"], input[type="time"]').all():
            if field.get_attribute("value"):
                assert field.input_value(), f"{path}: the browser refused a date value"
        page.locator(f"form button:text-is('{button}')").first.click()
        page.wait_for_load_state()
        errors = page.locator(".errorlist").all_inner_texts()
        saved = page.locator("ul.messages li").all_inner_texts()
        if errors or not saved:
            failures.append((who, path, errors))
        page.close()
    assert failures == []
    case = CounsellorCase.objects.get(pk=things["case"].pk)
    assert (case.opened, case.sent_to_centre) == (dt.date(2026, 11, 2), dt.date(2026, 11, 5))


MAIN_PAGES = {
    "sara": ["inbox", "inquiry-new", "proposals", "printed-copies", "member-folder", "notices"],
    "pia": ["administration-queue", "letters", "citizens", "quarantine", "overview", "notices"],
    "louise": ["letters", "letter-new", "citizens", "letter-templates", "sending-systems"],
    "thomas": ["settings", "main-mailbox"],
    "birgit": [
        "counsellor-cases",
        "counsellor-case-new",
        "counsellor-report",
        "counsellor-recommendations",
        "counsellor-learning",
        "counsellor-time",
        "counsellor-import",
        "counsellor-mail",
    ],
    "dorte": ["dpo"],
}
IMPACTS = {"critical", "serious", "moderate"}


def test_no_accessibility_violations_on_the_main_pages(site, phone, world, new_inquiry, things):
    from borgerpost.inquiries import actions

    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    # A sending system, so the systems page shows its table.
    token, _ = do_create_token(None, world.ishoj, "Jobcentrets system", "", "digital-post")
    system = token.system
    SystemLetterKind.objects.create(system=system, kind="Indkaldelse", has_deadline=False)
    axe, found = Axe(), []
    pages = {
        who: [reverse(name, args=["ishoj"]) for name in names] for who, names in MAIN_PAGES.items()
    }
    pages["sara"].append(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
    # A search with its marked words, and the filters with their counts.
    pages["sara"].append(reverse("inbox", args=["ishoj"]) + "?vis=alle&q=skolen")
    pages["sara"].append(reverse("inbox", args=["ishoj"]) + "?vis=alle&kanal=mail&status=x")
    pages["louise"].append(reverse("letter-detail", args=["ishoj", things["letter"].pk]))
    pages["pia"].append(reverse("sending-system", args=["ishoj", system.pk]))
    pages["birgit"].append(reverse("counsellor-case", args=["ishoj", things["case"].pk]))
    for who, paths in pages.items():
        page = login(phone, site, who)
        for path in paths:
            page.goto(site + path)
            result = axe.run(page)
            for violation in result.response["violations"]:
                if violation["impact"] in IMPACTS:
                    found.append((who, path, violation["id"], violation["impact"]))
        page.close()
    page = phone.new_page()  # and the log-in page, signed out
    phone.clear_cookies()
    page.goto(site + "/login/")
    found += [("-", "/login/", v["id"], v["impact"]) for v in axe.run(page).response["violations"]]
    assert found == []
    # The check itself can fail: an image without a text alternative is found.
    page.set_content('<html lang="da"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in {v["id"] for v in axe.run(page).response["violations"]}


def test_on_a_phone_the_menu_folds_and_a_skip_link_leads_to_the_content(site, phone, settings):
    page = login(phone, site, "sara")
    page.goto(site + reverse("inbox", args=["ishoj"]))
    menu = page.locator("#hovedmenu")
    assert not menu.is_visible()  # folded: the page starts with the inbox, not the menu
    page.click("button.menu-toggle")
    assert menu.is_visible()
    assert page.locator("button.menu-toggle").get_attribute("aria-expanded") == "true"
    # The first thing the keyboard reaches is the skip link, and it leads to the content.
    page.goto(site + reverse("inbox", args=["ishoj"]))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"
    # The demo banner sits inside the main landmark.
    settings.REQUIRE_TWO_FACTOR = False
    page.goto(site + reverse("inbox", args=["ishoj"]))
    assert page.locator("main .waiver").count() == 1


def test_a_member_searches_and_filters_on_a_phone(site, phone, world, new_inquiry):
    from borgerpost.inquiries import actions

    wanted = actions.do_register_inquiry(
        world.sara,
        new_inquiry(subject="Vandløb", body="Vandløbet bag skolen går over sine bredder."),
    ).inquiry
    actions.do_register_inquiry(
        world.sara,
        new_inquiry(
            channel="phone",
            subject="Affald",
            body="Skraldet blev ikke hentet.",
            citizen_email="",
            citizen_phone="22334455",
        ),
    )
    page = login(phone, site, "sara")
    page.goto(site + reverse("inbox", args=["ishoj"]))
    page.get_by_role("searchbox", name="Søg i henvendelser").fill("vandløb")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("[data-testid=found]").inner_text().startswith("1 henvendelse fundet")
    assert page.locator(".snippet mark").all_inner_texts() == ["Vandløbet"]
    assert wanted.reference in page.locator("ul.list").inner_text()
    # The filters: shown when asked for, and what is chosen goes into the address.
    page.goto(site + reverse("inbox", args=["ishoj"]) + "?vis=alle")
    page.get_by_role("link", name="Vis filtre").click()
    page.get_by_label("Kanal").select_option("phone")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_load_state()
    assert "kanal=phone" in page.url
    assert "Affald" in page.locator("ul.list").inner_text()
    assert "Vandløb" not in page.locator("ul.list").inner_text()
    # The list, as it stands, can be fetched as CSV.
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent listen som CSV").click()
    assert download.value.suggested_filename.startswith("henvendelser-")
    page.close()


def test_a_working_day_assign_notice_note_overview_and_a_longer_answer_time(
    site, phone, world, new_inquiry
):
    from borgerpost.inquiries import actions
    from borgerpost.inquiries.actions import TriageDecision

    inquiry = actions.do_register_inquiry(
        world.sara, new_inquiry(subject="Oversvømmet kælder", body="Hvem betaler?")
    ).inquiry
    decision = TriageDecision("case", "administration", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    actions.do_forward_to_administration(world.sara, inquiry)
    detail = f"{site}{reverse('inquiry-detail', args=['ishoj', inquiry.pk])}"

    # The secretariat gives it to the caseworker.
    pia = login(phone, site, "pia")
    pia.goto(detail)
    pia.select_option("#id_assign-assigned_to", label="Louise Krogh")
    pia.click("button:has-text('Gem fordeling')")
    assert "Fordelingen er gemt." in pia.content()
    pia.close()

    # She is told, opens the notice, lands on the inquiry and writes a note.
    louise = login(phone, site, "louise")
    louise.goto(f"{site}{reverse('notices', args=['ishoj'])}")
    assert "Nyt til mig (1)" in louise.content()
    louise.click(f"button:has-text('{inquiry.reference} er givet til dig')")
    louise.wait_for_url(detail)
    louise.fill("#id_note-body-administration", "Forsikringen skal kontaktes først.")
    louise.click("[data-testid=admin-notes] button:has-text('Gem note')")
    assert "Noten er gemt" in louise.content()
    assert "Forsikringen skal kontaktes først." in louise.inner_text("[data-testid=admin-notes]")
    louise.goto(f"{site}{reverse('overview', args=['ishoj'])}")
    assert louise.locator("svg.chart").count() == 1
    louise.close()

    # The member extends the deadline and the citizen is told; both dates are shown.
    sara = login(phone, site, "sara")
    sara.goto(detail)
    assert "Forsikringen" not in sara.content()  # the administration's note is not hers
    new = world.ishoj.calendar.add_working_days(inquiry.deadline, 5)
    sara.click("a:has-text('Forlæng svarfristen og giv borgeren besked')")
    sara.fill("#id_extend-new_deadline", new.isoformat())
    sara.fill("#id_extend-reason", "vi venter på forsikringsselskabet")
    sara.fill(
        "#id_extend-body",
        actions.extension_text(inquiry, new, "vi venter på forsikringsselskabet", "Sara Ahmadi"),
    )
    sara.click("button:has-text('Forlæng fristen og send beskeden')")
    assert "Svarfristen er forlænget" in sara.content()
    assert "Begrundelse: vi venter på forsikringsselskabet" in sara.inner_text(
        "[data-testid=extension]"
    )
    sara.close()
