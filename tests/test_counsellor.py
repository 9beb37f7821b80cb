"""The citizen counsellor: register, import, access, and the annual report from seed 003."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from borgerpost.core.exceptions import RuleError
from borgerpost.counsellor.importing import COLUMNS
from borgerpost.counsellor.models import CounsellorCase
from borgerpost.counsellor.report import annual_report, percentages
from borgerpost.counsellor.views import cases_for

CENTRES_2017 = [
    ("Center for Handicap og Psykiatri", 52),
    ("Center for Sundhed og Ældre", 41),
    ("Center for Børn og Familier", 37),
    ("Center for Beskæftigelse", 25),
    ("Center for Plan og Miljø", 15),
    ("Center for Borgerservice", 13),
]
COMPLAINTS_2017 = [
    ("klageproces", 67),
    ("styrket_dialog", 25),
    ("afvist", 16),
    ("videresendt", 14),
    ("genfremsendt", 12),
]
OTHER_2017 = [("vejledning", 36), ("vejvisning", 6), ("videreformidlet", 15), ("indsigt", 1)]
THEMES = [
    "God forvaltningsskik",
    "Forvaltningsloven, offentlighedsloven og persondataloven",
    "Hjemmelsspørgsmål",
]


def seed_2017_csv(slug: str = "hvidovre") -> str:
    """192 cases in 2017 as the seed reports them, plus earlier years; main cases last."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    places = [c for c, n in CENTRES_2017 for _ in range(n)] + [""] * 9
    handlings = [("klage", h) for h, n in COMPLAINTS_2017 for _ in range(n)] + [
        ("anden", h) for h, n in OTHER_2017 for _ in range(n)
    ]
    assert len(places) == len(handlings) == 192
    for i, ((category, handling), centre) in enumerate(zip(handlings, places, strict=True)):
        # Every fourth complaint is a follow-up to the main case registered just after it.
        main = f"{slug}-2017-{i + 1:03d}" if category == "klage" and i % 4 == 0 else ""
        themes = ";".join(THEMES[: 1 + i % 3]) if category == "klage" else ""
        writer.writerow(
            [
                f"{slug}-2017-{i:03d}",
                slug,
                f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "",
                main,
                category,
                handling,
                centre,
                "" if centre else "Udbetaling Danmark",
                themes,
                "",
            ]
        )
    for year, count in ((2015, 96), (2016, 188)):
        for i in range(count):
            writer.writerow(
                [
                    f"{slug}-{year}-{i:03d}",
                    slug,
                    f"{year}-06-01",
                    f"{year}-07-01",
                    "",
                    "anden",
                    "vejledning",
                    "Center for Borgerservice",
                    "",
                    "",
                    "",
                ]
            )
    return out.getvalue()


@pytest.fixture
def seeded(world, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "statistik.csv"
    path.write_text(seed_2017_csv(), encoding="utf-8")
    call_command("counsellor", "import", str(path))
    return path


def test_the_report_reproduces_the_seed_figures_for_2017(seeded, world):
    report = annual_report(world.hvidovre, 2017)
    assert report["totals"]["cases"] == 192
    assert report["totals"]["complaints"] == 134 and report["totals"]["other"] == 58
    assert report["totals"]["main_cases"] + report["totals"]["follow_up_cases"] == 192
    assert percentages(report["other_handling"]) == {
        "vejledning": 62,
        "vejvisning": 10,
        "videreformidlet": 26,
        "indsigt": 2,
    }
    complaint_pct = percentages(report["complaint_handling"])
    assert complaint_pct["klageproces"] == 50 and complaint_pct["afvist"] == 12
    assert report["complaint_handling"]["styrket_dialog"] == 25
    assert report["by_centre"]["Andre instanser"] == 9
    assert report["by_year"] == {"2015": 96, "2016": 188, "2017": 192}
    assert report["themes"]["God forvaltningsskik"] == 134
    assert report["municipality"] == "hvidovre" and report["year"] == 2017


def test_import_twice_changes_nothing(seeded, capsys):
    before = list(CounsellorCase.objects.order_by("pk").values())
    call_command("counsellor", "import", str(seeded))
    assert "Oprettet: 0, opdateret: 0, uændret: 476" in capsys.readouterr().out
    assert list(CounsellorCase.objects.order_by("pk").values()) == before


def test_import_lists_what_it_created(world, tmp_path, capsys):
    path = tmp_path / "ny.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n"
        "A-2,faxe,2024-02-01,,A-1,klage,klageproces,Center for Ældre,,Inddragelse,\n"
        "A-1,faxe,2024-01-10,2024-03-01,,klage,undersoegelse,Center for Ældre,,,"
        "kritisabelt\n",
        encoding="utf-8",
    )
    call_command("counsellor", "import", str(path))
    out = capsys.readouterr().out
    assert "Nye kommuner: faxe" in out and "faxe: Center for Ældre" in out
    assert "faxe: Inddragelse" in out
    follow_up = CounsellorCase.objects.get(reference="A-2")
    assert follow_up.main_case.reference == "A-1"  # the main case came later in the file


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X-1,ishoj,2024-13-01,,,klage,klageproces,Center for Børn og Familier,,,", "ikke en dato"),
        ("X-1,ishoj,2024-01-01,,,klage,vejledning,Center for Børn og Familier,,,", "passer ikke"),
        ("X-1,ishoj,2024-01-01,,,klage,klageproces,,,,", "enten centre"),
        (
            "X-1,ishoj,2024-01-01,,NOPE,klage,klageproces,Center for Børn og Familier,,,",
            "hovedsagen »NOPE«",
        ),
        (
            "X-1,ishoj,2024-01-01,,,klage,klageproces,Center for Børn og Familier,,,slemt",
            "ukendt criticism",
        ),
    ],
)
def test_a_bad_row_stops_the_import_with_its_line(world, tmp_path, row, message):
    path = tmp_path / "bad.csv"
    good = "OK-1,ishoj,2024-01-01,,,anden,vejledning,Center for Børn og Familier,,,"
    path.write_text(",".join(COLUMNS) + "\n" + good + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=f"Linje 3: .*{message}"):
        call_command("counsellor", "import", str(path))
    assert not CounsellorCase.objects.exists()


def test_report_formats_from_the_command(seeded, world, tmp_path):
    call_command(
        "counsellor",
        "report",
        "--municipality",
        "hvidovre",
        "--year",
        "2017",
        "--format",
        "json",
        "--out",
        str(tmp_path / "r.json"),
    )
    assert json.loads((tmp_path / "r.json").read_text())["totals"]["cases"] == 192
    call_command(
        "counsellor",
        "report",
        "--municipality",
        "hvidovre",
        "--year",
        "2017",
        "--format",
        "html",
        "--out",
        str(tmp_path / "r.html"),
    )
    html = (tmp_path / "r.html").read_text()
    assert "Borgerrådgiverens årsberetning 2017" in html and "62 %" in html
    assert html.count('<img class="chart"') == 5
    call_command(
        "counsellor",
        "report",
        "--municipality",
        "hvidovre",
        "--year",
        "2017",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "r.pdf"),
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    for chart_title in (
        "Antal sager pr. år",
        "Sager fordelt på centre",
        "Klagetemaer",
        "Behandling af klager",
        "Behandling af andre henvendelser",
    ):
        assert chart_title in text  # the charts are drawn in the PDF
    assert "192" in text and "Vejledning" in text


def test_network_export(seeded, world, tmp_path):
    call_command("counsellor", "export", "--year", "2017", "--out", str(tmp_path / "n.csv"))
    rows = list(csv.DictReader((tmp_path / "n.csv").open(encoding="utf-8")))
    hvidovre = next(r for r in rows if r["municipality"] == "hvidovre")
    assert hvidovre["cases"] == "192" and hvidovre["other_authorities"] == "9"
    assert hvidovre["handling_vejledning"] == "36"


PEOPLE = ["birgit", "merete", "sara", "pia", "henrik", "louise", "thomas", "anders"]


@pytest.mark.parametrize("who", PEOPLE)
def test_only_the_counsellor_sees_the_cases(seeded, world, client_for, who):
    case = CounsellorCase.objects.get(reference="hvidovre-2017-000")
    client = client_for(who)
    for name, args in (
        ("counsellor-cases", ["hvidovre"]),
        ("counsellor-case", ["hvidovre", case.pk]),
        ("counsellor-report", ["hvidovre"]),
        ("counsellor-case", ["ishoj", case.pk]),
    ):
        response = client.get(reverse(name, args=args))
        if who == "birgit" and args[0] == "hvidovre":
            assert response.status_code == 200
        else:
            assert response.status_code in (403, 404), (who, name, args)
            assert b"hvidovre-2017-000" not in response.content


def test_combined_view_across_the_counsellors_municipalities(seeded, world, client_for):
    from borgerpost.counsellor.models import CounsellorCase as Case

    Case.objects.create(
        municipality=world.ishoj,
        reference="ishoj-1",
        opened="2017-03-01",
        category="anden",
        handling="vejledning",
        other_authority="SKAT",
    )
    assert cases_for(world.birgit).count() == 1  # Ishøj only
    assert cases_for(world.birgit, combined=True).count() == 477
    page = client_for("birgit").get(reverse("counsellor-cases", args=["ishoj"]) + "?samlet=1")
    assert "Samlet visning (2 kommuner)" in page.content.decode()
    assert not cases_for(world.merete).exists()


def test_registering_a_complaint_shows_the_checklist_and_rejection_needs_a_reason(
    world, client_for
):
    birgit = client_for("birgit")
    url = reverse("counsellor-case-new", args=["ishoj"])
    page = birgit.get(url).content.decode()
    assert "Ankestyrelsen" in page and "ansættelsesforhold" in page
    centre = world.centre["Center for Børn og Familier"]
    data = {
        "reference": "K-1",
        "opened": "2024-05-01",
        "category": "klage",
        "handling": "afvist",
        "centre": centre.pk,
        "reminders": 0,
    }
    refused = birgit.post(url, data)
    assert "skal have en afvisningsgrund" in refused.content.decode()
    data["rejection_reason"] = "klageorgan"
    birgit.post(url, data)
    assert CounsellorCase.objects.get(reference="K-1").rejection_reason == "klageorgan"
    wrong = birgit.post(url, {**data, "reference": "K-2", "handling": "vejledning"})
    assert "passer ikke til sagstypen" in wrong.content.decode()


def test_report_page_downloads_and_text(seeded, world, client_for):
    birgit = client_for("birgit")
    url = reverse("counsellor-report", args=["hvidovre"])
    birgit.post(
        url + "?aar=2017", {"summary": "Antallet af klager er stabilt.", "recommendations": ""}
    )
    pdf = birgit.get(url + "?aar=2017&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    html = birgit.get(url + "?aar=2017&format=html").content.decode()
    assert "Antallet af klager er stabilt." in html
    data = json.loads(birgit.get(url + "?aar=2017&format=json").content)
    assert data["totals"]["complaints"] == 134
    network = birgit.get(url + "?aar=2017&format=netvaerk").content.decode()
    assert network.startswith("municipality,year,cases") and "hvidovre,2017,192" in network


def test_the_report_opens_on_the_latest_year_with_cases(seeded, world, client_for):
    page = client_for("birgit").get(reverse("counsellor-report", args=["hvidovre"]))
    text = page.content.decode()
    assert '<option value="2017" selected>' in text  # the seeded cases are from 2017
    years = [int(y) for y in re.findall(r'<option value="(\d{4})"', text)]
    assert 2010 not in years and years == sorted(years, reverse=True)
    assert "192 sager" in text
    assert "Hvad står der i filen?" in text  # the network file explained where it is offered
    html = client_for("birgit").get(
        reverse("counsellor-report", args=["hvidovre"]) + "?aar=2017&format=html"
    )
    headings = re.findall(r"<h3>(2\.\d)", html.content.decode())
    assert headings[0] == "2.1" and headings == sorted(headings)


def test_recommendations_are_followed_up(world, client_for):
    birgit = client_for("birgit")
    url = reverse("counsellor-recommendations", args=["ishoj"])
    birgit.post(url, {"year": 2017, "number": 3, "title": "Sikker håndtering af persondata"})
    from borgerpost.counsellor.models import Recommendation

    rec = Recommendation.objects.get()
    birgit.post(url, {"recommendation": rec.pk, "year": 2018, "status": "i_gang", "note": ""})
    birgit.post(
        url,
        {
            "recommendation": rec.pk,
            "year": 2018,
            "status": "gennemfoert",
            "note": "Ny retningslinje",
        },
    )
    assert [f.status for f in rec.follow_ups.all()] == ["gennemfoert"]
    html = (
        client_for("birgit")
        .get(reverse("counsellor-report", args=["ishoj"]) + "?aar=2018&format=html")
        .content.decode()
    )
    assert "Sikker håndtering af persondata" in html and "Gennemført" in html


# --- a report for any period (seed 003 §1.2.1: the midway status) ---------------------


def _first_half(seeded, world) -> dict:  # type: ignore[no-untyped-def,type-arg]
    import datetime as dt

    from borgerpost.counsellor.models import CounsellorCase

    half = CounsellorCase.objects.in_municipality(world.hvidovre).filter(
        opened__range=(dt.date(2017, 1, 1), dt.date(2017, 6, 30))
    )
    return {
        "cases": half.count(),
        "complaints": half.filter(category="klage").count(),
        "follow_up_cases": half.filter(main_case__isnull=False).count(),
    }


def test_a_status_for_the_first_half_of_2017_counts_the_cases_registered_in_it(
    seeded, world, tmp_path
):
    out = tmp_path / "status.json"
    call_command(
        "counsellor", "report", "--municipality", "hvidovre",
        "--from", "2017-01-01", "--to", "2017-06-30", "--format", "json", "--out", str(out),
    )  # fmt: skip
    report = json.loads(out.read_text())
    expected = _first_half(seeded, world)
    assert 0 < expected["cases"] < 192
    assert {k: report["totals"][k] for k in expected} == expected
    assert (report["from"], report["to"], report["year"]) == ("2017-01-01", "2017-06-30", 2017)
    yearly = json.loads(_report_json(tmp_path, "--year", "2017"))
    assert set(report) == set(yearly)  # the annual report's keys, the same rules
    assert yearly["totals"]["cases"] == 192
    html = tmp_path / "status.html"
    call_command(
        "counsellor", "report", "--municipality", "hvidovre",
        "--from", "2017-01-01", "--to", "2017-06-30", "--format", "html", "--out", str(html),
    )  # fmt: skip
    assert "Borgerrådgiverens status 1. januar – 30. juni 2017" in html.read_text()


def _report_json(tmp_path, *args: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.json"
    call_command("counsellor", "report", "--municipality", "hvidovre", *args, "--out", str(out))
    return out.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2017", "--from", "2017-01-01"], "enten --year"),
        (["--from", "2017-01-01"], "enten --year"),
        (["--from", "2017-13-01", "--to", "2017-12-31"], "ÅÅÅÅ-MM-DD"),
        (["--from", "2017-07-01", "--to", "2017-06-30"], "før startdatoen"),
    ],
)
def test_a_period_that_cannot_be_used_is_refused_in_danish(seeded, world, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("counsellor", "report", "--municipality", "hvidovre", *args)


def test_the_counsellor_downloads_a_status_for_a_period_in_the_browser(seeded, world, client_for):
    birgit = client_for("birgit")
    page = reverse("counsellor-report", args=["hvidovre"])
    answer = birgit.get(page + "?fra=2017-01-01&til=2017-06-30&format=json")
    assert answer.status_code == 200
    assert answer.json()["totals"]["cases"] == _first_half(seeded, world)["cases"]
    assert "20170101-20170630" in answer["Content-Disposition"]
    refused = birgit.get(page + "?fra=2017-07-01&til=2017-06-30&format=json", follow=True)
    assert "Perioden kan ikke bruges" in refused.content.decode()
    assert client_for("pia").get(
        page + "?fra=2017-01-01&til=2017-06-30&format=json"
    ).status_code in (
        403,
        404,
    )


# --- the steps of a case and the dialogue principle ------------------------------------


@pytest.fixture
def complaint(world):  # type: ignore[no-untyped-def]
    import datetime as dt

    from borgerpost.core.models import Centre
    from borgerpost.counsellor.models import CounsellorCase

    return CounsellorCase.objects.create(
        municipality=world.ishoj,
        reference="K-1",
        opened=dt.date(2026, 11, 2),
        category="klage",
        handling="videresendt",
        centre=Centre.objects.in_municipality(world.ishoj).first(),
        channel="telefon",
        created_by=world.users["birgit"],
    )


def step(world, case, kind, day, **fields):  # type: ignore[no-untyped-def]
    import datetime as dt

    from borgerpost.counsellor.actions import NewStep, do_record_step

    return do_record_step(
        world.birgit, case, NewStep(kind=kind, on=dt.date(2026, 11, day), **fields)
    )


ALL_LIMITS = ("bevistvivl", "faglig_vurdering", "afgoerelse", "klageinstans", "udsigtsloes")


def test_the_dialogue_principle_orders_a_complaints_steps(world, complaint):
    with pytest.raises(RuleError, match="Dialogprincippet"):
        step(world, complaint, "undersoegelse", 3, limits=ALL_LIMITS)
    with pytest.raises(RuleError, match="videresendt"):
        step(world, complaint, "centrets_svar", 3, takes_position=True)
    step(world, complaint, "videresendt", 3)
    with pytest.raises(RuleError, match="anbefaling 4"):
        step(world, complaint, "centrets_svar", 10)
    step(world, complaint, "centrets_svar", 10, takes_position=False)
    with pytest.raises(RuleError, match="begrænsningerne"):
        step(world, complaint, "undersoegelse", 12, limits=ALL_LIMITS[:-1])
    with pytest.raises(RuleError, match="undersøgelsen først"):
        step(world, complaint, "udtalelse", 12, criticism="kritisabelt", note="Udtalelse.")
    step(world, complaint, "undersoegelse", 12, limits=ALL_LIMITS)
    with pytest.raises(RuleError, match="Skriv udtalelsen"):
        step(world, complaint, "udtalelse", 20, criticism="kritisabelt")
    step(world, complaint, "udtalelse", 20, criticism="kritisabelt", note="Centret har ...")
    complaint.refresh_from_db()
    assert (complaint.sent_to_centre.day, complaint.centre_answered.day) == (3, 10)
    assert complaint.criticism == "kritisabelt" and complaint.answer_days == 7


def test_an_investigation_declined_has_its_limit_and_reason(world, complaint):
    step(world, complaint, "videresendt", 3)
    step(world, complaint, "centrets_svar", 10, takes_position=True)
    with pytest.raises(RuleError, match="grunden"):
        step(world, complaint, "ikke_undersoegt", 12, limits=("faglig_vurdering",))
    declined = step(
        world, complaint, "ikke_undersoegt", 12, limits=("faglig_vurdering",),
        note="Klagen angår den lægefaglige vurdering; den kan prøves af Styrelsen for Patientklager.",
    )  # fmt: skip
    assert declined.limit_labels == ["Social- eller lægefaglige vurderinger"]


def test_recommendation_4_is_counted_per_centre_in_the_report(world, complaint):
    from borgerpost.counsellor.report import Period, report_for

    step(world, complaint, "videresendt", 3)
    step(world, complaint, "centrets_svar", 10, takes_position=False)
    figures = report_for(world.ishoj, Period.year(2026))["answers_on_justified"]
    assert figures == {complaint.centre.name: {"takes_position": 0, "no_position": 1}}


def test_the_counsellor_records_steps_in_the_browser_and_nobody_else_can(
    world, complaint, client_for
):
    birgit = client_for("birgit")
    url = reverse("counsellor-case-step", args=["ishoj", complaint.pk])
    refused = birgit.post(url, {"kind": "undersoegelse", "on": "2026-11-03", "limits": ALL_LIMITS})
    assert "Dialogprincippet" in refused.content.decode()
    birgit.post(url, {"kind": "videresendt", "on": "2026-11-03", "note": "Sendt til centret."})
    page = birgit.get(reverse("counsellor-case", args=["ishoj", complaint.pk])).content.decode()
    assert "Klagen videresendt til centret" in page and "Sendt til centret." in page
    for who in ("pia", "thomas", "sara"):
        assert client_for(who).post(
            url, {"kind": "vejledning", "on": "2026-11-04"}
        ).status_code in (
            403,
            404,
        )
    assert complaint.steps.count() == 1


def test_erasure_keeps_the_dated_steps_but_not_what_was_said(world, complaint):
    from borgerpost.counsellor.erasure import erase_case

    step(world, complaint, "vejledning", 3, note="Borgeren fortalte om sin diagnose.")
    erase_case(complaint)
    (kept,) = complaint.steps.all()
    assert kept.kind == "vejledning" and kept.note == ""


# --- organisational learning and the »Fakta« section -----------------------------------


def test_activities_are_recorded_by_the_counsellor_and_reported(world, client_for, tmp_path):
    birgit = client_for("birgit")
    page = reverse("counsellor-learning", args=["ishoj"])
    birgit.post(
        page,
        {"on": "2026-03-04", "kind": "dialogmoede", "with_whom": "Center for Job",
         "topic": "Klagesvar, der tager stilling til, om klagen er berettiget"},
    )  # fmt: skip
    assert "Center for Job" in birgit.get(page).content.decode()
    for who in ("pia", "thomas", "sara"):
        assert client_for(who).get(page).status_code in (403, 404)
    out = tmp_path / "r.html"
    call_command(
        "counsellor", "report", "--municipality", "ishoj", "--year", "2026",
        "--format", "html", "--out", str(out),
    )  # fmt: skip
    html = out.read_text()
    assert "Læring for organisationen" in html and "Klagesvar, der tager stilling" in html
    call_command(
        "counsellor", "report", "--municipality", "ishoj", "--from", "2026-01-01",
        "--to", "2026-02-28", "--format", "json", "--out", str(tmp_path / "r.json"),
    )  # fmt: skip
    assert json.loads((tmp_path / "r.json").read_text())["learning"]["activities"] == []


def test_the_facts_are_carried_forward_to_the_next_year(world):
    from borgerpost.counsellor.actions import report_text

    first = report_text(world.ishoj, 2025)
    first.facts = "Funktionen deles med Hvidovre. Netværket mødes fire gange om året."
    first.save()
    following = report_text(world.ishoj, 2026)
    assert following.facts == first.facts
    following.facts = "Ny tekst for 2026."
    following.save()
    first.refresh_from_db()
    assert first.facts.startswith("Funktionen deles")


# --- a function shared between municipalities ------------------------------------------


def test_hours_and_cases_per_municipality_beside_the_agreed_split(seeded, world, client_for):
    import datetime as dt
    from decimal import Decimal

    from borgerpost.counsellor.models import TimeAgreement, TimeEntry
    from borgerpost.counsellor.report import Period, report_for

    birgit = world.users["birgit"]
    for place, share, hours in ((world.hvidovre, 67, "24.5"), (world.ishoj, 33, "12.5")):
        TimeAgreement.objects.create(
            municipality=place,
            counsellor=birgit,
            share=share,
            hours_per_week=Decimal(hours),
            starts=dt.date(2017, 1, 1),
            evaluate_on=dt.date(2019, 1, 1),
        )
    # A day's hours per entry, as the page registers them: 30 for Hvidovre, 10 for Ishøj.
    for place, hours, days in ((world.hvidovre, "7.5", 4), (world.ishoj, "5", 2)):
        for day in range(1, days + 1):
            TimeEntry.objects.create(
                municipality=place,
                counsellor=birgit,
                on=dt.date(2017, 6, day),
                hours=Decimal(hours),
            )
    rows = {r["municipality"]: r for r in report_for(world.hvidovre, Period.year(2017))["split"]}
    assert rows["hvidovre"]["agreed_share"] == 67 and rows["hvidovre"]["hours_share"] == 75
    assert rows["hvidovre"]["cases"] == 192 and rows["ishoj"]["cases"] == 0
    assert rows["hvidovre"]["cases_share"] == 100 and rows["ishoj"]["evaluate_on"] == "2019-01-01"
    # The page registers time for the municipalities the counsellor serves, and no other.
    page = reverse("counsellor-time", args=["ishoj"])
    client = client_for("birgit")
    client.post(page, {"on": "2026-11-02", "municipality": world.hvidovre.pk, "hours": "3.5"})
    assert TimeEntry.objects.filter(hours=Decimal("3.5")).exists()
    from borgerpost.core.models import Municipality

    other = Municipality.objects.exclude(pk__in=[world.hvidovre.pk, world.ishoj.pk]).first()
    if other is not None:
        client.post(page, {"on": "2026-11-02", "municipality": other.pk, "hours": "1"})
        assert not TimeEntry.objects.filter(municipality=other).exists()
    assert client_for("pia").get(page).status_code in (403, 404)


# --- import from the statistics module through confirmed columns ----------------------

MODULE_EXPORT = (
    "Sagsnr;Oprettet;Type;Behandling;Center;Anden instans;Kritik;Hovedsag;Temaer\n"
    "BR-1;2026-03-02;Klage;videresendt;Center for Børn og Familier;;;;\n"
    "BR-2;2026-03-09;anden;vejledning;;Udbetaling Danmark;;;\n"
)


def test_the_counsellor_maps_the_modules_columns_on_a_preview_and_it_is_kept(
    world, client_for, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from borgerpost.counsellor.models import CounsellorCase, ImportMapping

    birgit = client_for("birgit")
    page = reverse("counsellor-import", args=["ishoj"])
    upload = SimpleUploadedFile("eksport.csv", MODULE_EXPORT.encode(), "text/csv")
    preview = birgit.post(page, {"fil": upload}, follow=True).content.decode()
    assert "Udbetaling Danmark" in preview and "Hvilken kolonne er hvad?" in preview
    columns = {
        "kolonne_reference": "Sagsnr",
        "kolonne_opened": "Oprettet",
        "kolonne_category": "Type",
        "kolonne_handling": "Behandling",
        "kolonne_centre": "Center",
        "kolonne_other_authority": "Anden instans",
        "kolonne_criticism": "Kritik",
        "kolonne_main_reference": "Hovedsag",
        "kolonne_themes": "Temaer",
    }
    # Hvidovre is the counsellor's; a municipality she does not serve would be refused.
    done = birgit.post(page, {**columns, "fast_kommune": "ishoj", "importer": "1"}, follow=True)
    assert "2 nye" in done.content.decode()
    cases = CounsellorCase.objects.in_municipality(world.ishoj).order_by("reference")
    assert [(c.reference, c.category) for c in cases] == [("BR-1", "klage"), ("BR-2", "anden")]
    saved = ImportMapping.objects.get(municipality=world.ishoj).columns
    assert saved["reference"] == "Sagsnr" and saved["municipality"] == "=ishoj"
    # The command line takes the saved columns: the same file changes nothing.
    path = tmp_path / "eksport.csv"
    path.write_text(MODULE_EXPORT, encoding="utf-8")
    call_command("counsellor", "import", str(path), "--mapping", "ishoj")
    assert CounsellorCase.objects.in_municipality(world.ishoj).count() == 2
    assert client_for("pia").get(page).status_code in (403, 404)


def test_an_import_for_a_municipality_the_counsellor_does_not_serve_changes_nothing(world):
    from borgerpost.counsellor import importing
    from borgerpost.counsellor.models import CounsellorCase

    mapping = {"reference": "Sagsnr", "municipality": "=brondby", "opened": "Oprettet",
               "category": "Type", "handling": "Behandling", "centre": "Center",
               "other_authority": "Anden instans"}  # fmt: skip
    with pytest.raises(importing.ImportError_, match="ikke en af dine kommuner"):
        importing.import_cases(MODULE_EXPORT, mapping, {"ishoj", "hvidovre"})
    assert not CounsellorCase.objects.filter(reference__startswith="BR-").exists()


def test_the_statement_goes_to_the_citizen_and_the_centre_by_the_secure_channels(
    world, complaint, client_for, settings, tmp_path
):
    from borgerpost.outgoing.models import OutgoingMessage

    settings.DATA_DIR = tmp_path
    complaint.citizen_cpr = "0101901234"
    complaint.save()
    step(world, complaint, "videresendt", 3)
    step(world, complaint, "centrets_svar", 10, takes_position=True)
    step(world, complaint, "undersoegelse", 12, limits=ALL_LIMITS)
    statement = step(
        world, complaint, "udtalelse", 20, criticism="beklageligt",
        note="Centret burde have svaret borgeren inden for den frist, det selv havde sat.",
    )  # fmt: skip
    birgit = client_for("birgit")
    url = reverse("counsellor-statement-send", args=["ishoj", complaint.pk])
    birgit.post(url, {"trin": statement.pk})
    statement.refresh_from_db()
    assert statement.sent_at is not None
    sent = OutgoingMessage.objects.filter(about_id=complaint.pk, author=world.users["birgit"])
    kinds = sorted(sent.values_list("kind", flat=True))
    assert kinds == ["digital_post", "mail"]
    post = sent.get(kind="digital_post")
    assert b"0101901234" in bytes(post.payload) and not post.secretariat_sees
    mail = sent.get(kind="mail")
    assert mail.recipient == complaint.centre.director.email and not mail.secretariat_sees
    again = birgit.post(url, {"trin": statement.pk}, follow=True).content.decode()
    assert "allerede sendt" in again and sent.count() == 2


# --- the counsellor's own mailbox ---------------------------------------------------------


@pytest.fixture
def counsellor_mailbox(world, settings, tmp_path):  # type: ignore[no-untyped-def]
    """Birgit's own mailbox, read through the intake (a folder of .eml files here; the
    same code path as IMAP after the folder is opened)."""
    from borgerpost.intake.models import Mailbox, MailboxKind, MailSource

    settings.MAIL_FOLDERS = tmp_path / "mail-folders"
    folder = settings.MAIL_FOLDERS / "borgerraadgiver"
    folder.mkdir(parents=True)
    box = Mailbox.objects.create(
        municipality=world.ishoj,
        kind=MailboxKind.COUNSELLOR,
        member=world.users["birgit"],
        source=MailSource.FOLDER,
        folder=str(folder),
        host="",
        username="",
    )
    return box, folder


def test_mail_to_the_counsellor_reaches_the_counsellors_register_only(
    world, counsellor_mailbox, client_for
):
    from borgerpost.counsellor.models import CounsellorMail
    from borgerpost.inquiries.models import Inquiry
    from borgerpost.intake.models import QuarantinedMail
    from borgerpost.intake.service import take_new_mail
    from tests.test_intake import mail

    box, folder = counsellor_mailbox
    (folder / "1.eml").write_bytes(mail(1, body="Jeg vil klage over Center for Job. Mvh Ole"))
    (folder / "2.eml").write_bytes(b"\x00\x01 not a mail at all")
    summary = take_new_mail(box)
    assert summary.created == 1
    assert not Inquiry.objects.exists()  # never the administration's
    (received,) = CounsellorMail.objects.for_actor(world.birgit)
    for who in ("pia", "thomas", "henrik", "sara"):
        actor = getattr(world, who)
        assert not CounsellorMail.objects.for_actor(actor).exists()
        assert not QuarantinedMail.objects.for_actor(actor).filter(mailbox=box).exists()
    birgit = client_for("birgit")
    listing = birgit.get(reverse("counsellor-mail", args=["ishoj"])).content.decode()
    assert "Jeg vil klage over Center for Job" in listing
    assert client_for("pia").get(reverse("counsellor-mail", args=["ishoj"])).status_code == 403
    # Registered as a case: the mail's text moves into the case, the mail keeps no text.
    new_case = reverse("counsellor-case-new", args=["ishoj"]) + f"?post={received.pk}"
    form = birgit.get(new_case).content.decode()
    assert "Jeg vil klage over Center for Job" in form
    birgit.post(
        new_case,
        {"reference": "M-1", "opened": "2026-11-02", "category": "anden",
         "handling": "vejledning", "other_authority": "Udbetaling Danmark",
         "channel": "mail", "notes": "Mail fra Ole: Jeg vil klage over Center for Job.",
         "reminders": "0"},
    )  # fmt: skip
    received.refresh_from_db()
    assert received.case is not None and received.case.reference == "M-1"
    assert received.body == "" and received.case.channel == "mail"


def test_the_counsellor_connects_the_mailbox_and_nobody_else_can(world, client_for):
    page = reverse("counsellor-mailbox", args=["ishoj"])
    assert "Borgerrådgiverens postkasse" in client_for("birgit").get(page).content.decode()
    for who in ("thomas", "pia", "sara"):
        assert client_for(who).get(page).status_code == 403


def test_a_mail_never_registered_is_erased_after_the_counsellors_period(world, counsellor_mailbox):
    import datetime as dt

    from django.utils import timezone

    from borgerpost.counsellor.models import CounsellorMail
    from borgerpost.retention import rules

    kept = CounsellorMail.objects.create(
        municipality=world.ishoj,
        counsellor=world.users["birgit"],
        received_at=timezone.now() - dt.timedelta(days=world.ishoj.counsellor_retention_days + 1),
        sender_name="Ole Hansen",
        subject="Klage",
        body="Min diagnose ...",
    )
    rules.run(world.ishoj)
    kept.refresh_from_db()
    assert (kept.body, kept.sender_name) == ("", "") and kept.content_deleted_at


def test_nobody_else_can_read_change_or_disconnect_the_counsellors_mailbox(
    world, counsellor_mailbox, client_for
):
    box, _ = counsellor_mailbox
    for who in ("thomas", "pia", "sara"):
        client = client_for(who)
        for name in ("mailbox-read-now", "mailbox-disconnect"):
            answer = client.post(reverse(name, args=["ishoj", box.pk]))
            assert answer.status_code in (403, 404), (who, name)
    box.refresh_from_db()
    assert box.active
