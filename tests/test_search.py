"""Search and filters on the inquiry lists (issue 18): Danish full-text search on both
databases, what it covers, ranking, the matching words, filters in the URL, the CSV
export, the API's `q`, and the index kept in step with every change."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.utils import timezone

from borgerpost.api.actions import do_create_token
from borgerpost.audit.models import AuditEntry
from borgerpost.core.spreadsheet import safe_cell
from borgerpost.inquiries import actions, counts
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.erasure import erase_inquiry
from borgerpost.inquiries.models import (
    AnswerPath,
    Attachment,
    Classification,
    Inquiry,
    PowerOfAttorney,
)
from borgerpost.pure import searchwords
from borgerpost.pure.mailparse import ParsedAttachment
from borgerpost.search.backends import backend

from .conftest import received

pytestmark = pytest.mark.django_db

INBOX = "/k/ishoj/henvendelser/"
QUEUE = "/k/ishoj/administration/"


@pytest.fixture
def register(world, new_inquiry):  # type: ignore[no-untyped-def]
    """Register an inquiry for a member; each gets its own sender, so none is merged."""
    counter = iter(range(1, 10_000))

    def make(actor=None, **fields):  # type: ignore[no-untyped-def]
        fields.setdefault("citizen_email", f"borger{next(counter)}@example.dk")
        return actions.do_register_inquiry(actor or world.sara, new_inquiry(**fields)).inquiry

    return make


def send_to_administration(actor, inquiry):  # type: ignore[no-untyped-def]
    decision = TriageDecision(
        Classification.CASE, AnswerPath.ADMINISTRATION, None, False, PowerOfAttorney.NOT_RELEVANT
    )
    actions.do_triage(actor, inquiry, decision)
    actions.do_forward_to_administration(actor, inquiry)


def found(client, query: str, path: str = INBOX) -> list[str]:  # type: ignore[no-untyped-def]
    """The references of the inquiries a list shows, in the order shown."""
    response = client.get(path + query)
    assert response.status_code == 200
    return re.findall(r"(H-\d+) ·", response.content.decode())


def refs(*inquiries: Inquiry) -> list[str]:
    return [i.reference for i in inquiries]


# --- the words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Vandløbet ved Store Vejleå er tilstoppet igen", "vandløb"),
        ("Der er for få lærere på skolen", "skoler"),
        ("Skolerne har brug for flere penge", "skole"),
        ("Min mor får ikke hjemmeplejen hun har ret til", "hjemmepleje"),
        ("Børnene i 3.b mangler en lærer", "børn"),
    ],
)
def test_inflected_forms_find_each_other(register, client_for, text, query):
    wanted = register(subject="Et spørgsmål", body=text)
    register(subject="Andet", body="Om affald og genbrug i sommerhusområdet.")
    assert found(client_for("sara"), f"?vis=alle&q={query}") == refs(wanted)


def test_both_databases_stem_alike():
    """The stems SQLite's index holds (PyStemmer) are PostgreSQL's own, word for word."""
    from django.db import connection

    words = [
        "vandløbet",
        "skolerne",
        "hjemmeplejen",
        "børnene",
        "huller",
        "ansøgningen",
        "kørekortet",
        "daginstitutioner",
        "fortovene",
        "naboens",
    ]
    if connection.vendor != "postgresql":
        assert searchwords.stems(" ".join(words))  # the other half runs on PostgreSQL
        return
    with connection.cursor() as cursor:
        ours = []
        for word in words:
            cursor.execute("SELECT to_tsvector('danish', %s)::text", [word])
            ours.append(cursor.fetchone()[0].split("'")[1])
    assert ours == searchwords.stems(" ".join(words))


def test_every_word_must_be_found(register, client_for):
    both = register(subject="Vej", body="Hullerne i vejen ved skolen bliver større.")
    register(subject="Vej", body="Hullerne i cykelstien er farlige.")
    assert found(client_for("sara"), "?vis=alle&q=huller skole") == refs(both)


def test_covers_subject_text_citizen_numbers_and_attachment_names(register, world, client_for):
    inquiry = register(
        subject="Parkering på Torvet",
        body="Der holder biler på fortovet hver morgen.",
        citizen_name="Ebbe Kristoffersen",
        citizen_email="ebbe.k@example.dk",
        citizen_phone="+45 22 33 44 55",
        attachments=[ParsedAttachment("billede_fortov.jpg", "image/jpeg", b"\xff\xd8jpeg")],
    )
    send_to_administration(world.sara, inquiry)
    actions.do_record_case_number(world.pia, inquiry, "05.13.00-G01-17-26")
    register(subject="Andet emne", body="Intet af det.", citizen_name="Hanne Hansen")
    client = client_for("sara")
    for query in (
        "torvet",
        "fortovet",
        "kristoffersen",
        "ebbe.k@example.dk",
        "22334455",
        "22 33 44 55",
        "+4522334455",
        inquiry.reference,
        f"h{inquiry.pk}",
        "05.13.00-G01-17-26",
        "billede_fortov.jpg",
    ):
        assert found(client, f"?vis=alle&q={quote(query)}") == refs(inquiry), query


def test_subject_ranks_above_the_text_and_matches_are_marked(register, client_for):
    in_text = register(subject="Spørgsmål", body="Jeg har et spørgsmål om daginstitutionen.")
    in_subject = register(subject="Daginstitutionen lukker", body="Hvorfor lukker den?")
    client = client_for("sara")
    assert found(client, "?vis=alle&q=daginstitution") == refs(in_subject, in_text)
    page = client.get(INBOX + "?vis=alle&q=daginstitution").content.decode()
    assert "et spørgsmål om <mark>daginstitutionen</mark>" in page
    assert "2 henvendelser fundet for »daginstitution«" in page


def test_the_text_is_not_found_once_erased(register, client_for):
    inquiry = register(subject="Kloak", body="Kloakken lugter ved Strandgården.")
    client = client_for("sara")
    assert found(client, "?vis=alle&q=strandgården") == refs(inquiry)
    erase_inquiry(inquiry)
    assert found(client, "?vis=alle&q=strandgården") == []
    assert found(client, "?vis=alle&q=kloak") == []
    assert found(client, f"?vis=alle&q={inquiry.reference}") == refs(inquiry)


def test_attachments_added_and_removed_follow(register, client_for):
    inquiry = register(subject="Byggeri", body="Se vedhæftede.")
    client = client_for("sara")
    attachment = Attachment.objects.create(
        inquiry=inquiry,
        filename="tegning_carport.pdf",
        content_type="application/pdf",
        size=3,
        sha256="0" * 64,
    )
    assert found(client, "?vis=alle&q=tegning_carport.pdf") == refs(inquiry)
    attachment.delete()
    assert found(client, "?vis=alle&q=tegning_carport.pdf") == []


def test_a_bulk_import_is_searchable(world, new_inquiry, client_for):
    batch = [
        new_inquiry(
            subject=f"Import {n}",
            body=f"Fortovsfliserne ligger skævt nr {n}.",
            citizen_email=f"import{n}@example.dk",
        )
        for n in range(3)
    ]
    actions.do_register_inquiries(world.sara, batch)
    assert len(found(client_for("sara"), "?vis=alle&q=fortovsfliser")) == 3


def test_rebuild_command_writes_every_document_again(register, client_for):
    inquiry = register(subject="Renovation", body="Skraldebilen kom ikke.")
    backend().clear()
    assert found(client_for("sara"), "?vis=alle&q=skraldebilen") == []
    out = io.StringIO()
    call_command("search", "rebuild", stdout=out)
    assert "1 henvendelse" in out.getvalue()
    assert found(client_for("sara"), "?vis=alle&q=skraldebilen") == refs(inquiry)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"" OR *',
        "NEAR(a b)",
        "subject:hemmelig",
        "a AND NOT b",
        "-vej",
        "vej*",
        "æøå' ; DROP TABLE inquiries_inquiry; --",
        "x" * 5000,
        "\x00\x1f\u202e",
        "og i på",  # only words PostgreSQL's danish configuration leaves out
        "%",
        "H-99999999999999999999",
    ],
)
def test_hostile_or_odd_queries_give_a_list_never_an_error(register, client_for, query):
    register(subject="Vej", body="En vej.")
    client = client_for("sara")
    for path in (INBOX, "/k/ishoj/henvendelser/eksport/"):
        assert client.get(path, {"vis": "alle", "q": query}).status_code == 200
    assert Inquiry.objects.count() == 1


def test_parse_query_reads_numbers_and_phones():
    assert searchwords.parse_query("  H-12 ").reference == 12
    assert searchwords.parse_query("h12").reference == 12
    assert searchwords.parse_query("vej 12").reference is None
    assert searchwords.parse_query("+45 12 34 56 78").text == "12345678"
    assert searchwords.parse_query("Skolerne").stems == ("skol",)
    assert searchwords.parse_query("").empty


def test_snippet_marks_whole_words_only():
    pieces = searchwords.snippet("Vejen er lukket. Vejlederen siger vej.", ("vej",))
    assert [text for text, hit in pieces if hit] == ["Vejen", "vej"]
    assert searchwords.snippet("ingenting her", ("vej",)) == []


# --- access ----------------------------------------------------------------------------


def test_search_finds_only_what_the_person_may_see(register, world, client_for):
    saras = register(world.sara, subject="Legepladsen", body="Gyngerne er i stykker.")
    kaspers = register(world.kasper, subject="Legepladsen", body="Rutsjebanen er i stykker.")
    sent = register(world.kasper, subject="Legepladsen", body="Sandkassen er beskidt.")
    send_to_administration(world.kasper, sent)
    hvidovre = actions.do_register_inquiry(
        world.anders,
        actions.NewInquiry(
            channel="mail", received_at=received(), subject="Legepladsen", body="Stykker."
        ),
    ).inquiry
    query = "?vis=alle&q=stykker"
    assert found(client_for("sara"), query) == refs(saras)
    assert sorted(found(client_for("kasper"), query)) == sorted(refs(kaspers))
    assert found(client_for("pia"), query, QUEUE) == []  # »stykker« is not in what she sees
    assert found(client_for("pia"), "?vis=alle&q=sandkassen", QUEUE) == refs(sent)
    assert found(client_for("pia"), "?vis=alle&q=rutsjebanen", QUEUE) == []
    assert hvidovre.reference not in client_for("sara").get(INBOX + query).content.decode()
    # By number: only one's own, never another member's or municipality's.
    assert found(client_for("sara"), f"?q={kaspers.reference}") == []
    assert found(client_for("sara"), f"?q={hvidovre.reference}") == []


# --- filters ---------------------------------------------------------------------------


def test_filters_combine_and_live_in_the_url(register, world, client_for):
    today = timezone.now()
    old_phone = register(
        channel="phone", subject="Gammelt opkald", received_at=today - dt.timedelta(days=40)
    )
    new_mail = register(channel="mail", subject="Ny mail", received_at=today - dt.timedelta(days=1))
    new_phone = register(
        channel="phone", subject="Nyt opkald", received_at=today - dt.timedelta(days=2)
    )
    kaspers = register(world.kasper, channel="phone", subject="Kaspers opkald")
    client = client_for("sara")
    assert found(client, "?vis=alle&kanal=phone&sorter=nyeste") == refs(new_phone, old_phone)
    since = (today - dt.timedelta(days=10)).date().isoformat()
    assert found(client, f"?vis=alle&kanal=phone&fra={since}") == refs(new_phone)
    assert found(client, f"?vis=alle&fra={since}&sorter=aeldste") == refs(new_phone, new_mail)
    until = (today - dt.timedelta(days=30)).date().isoformat()
    assert found(client, f"?vis=alle&til={until}") == refs(old_phone)
    assert found(client, f"?vis=alle&medlem={world.users['kasper'].pk}") == []
    assert kaspers.reference in found(client_for("kasper"), "?vis=alle&kanal=phone")


def test_deadline_filters(register, client_for):
    overdue = register(subject="Gammel", received_at=timezone.now() - dt.timedelta(days=30))
    fresh = register(subject="Ny", received_at=timezone.now() - dt.timedelta(hours=1))
    client = client_for("sara")
    assert found(client, "?vis=alle&frist=overskredet") == refs(overdue)
    assert found(client, "?vis=alle&frist=snart") == []
    Inquiry.objects.filter(pk=fresh.pk).update(deadline=timezone.localdate())
    counts.recount([fresh.pk])  # update() skips the signals that keep the counters
    assert found(client, "?vis=alle&frist=snart") == refs(fresh)


def test_filter_counts_and_pages_keep_the_filters(register, client_for):
    for n in range(53):
        register(channel="phone", subject=f"Opkald {n}")
    register(channel="mail", subject="Mail")
    client = client_for("sara")
    page = client.get(INBOX + "?vis=alle&kanal=phone").content.decode()
    assert "53 henvendelser fundet" in page
    assert "Telefon (53)" in page and "Mail (1)" in page  # the channel facet
    link = re.search(r'href="(\?[^"]*efter=[^"]*)"', page).group(1).replace("&amp;", "&")
    assert "kanal=phone" in link
    second = found(client, link)
    assert len(second) == 3


def test_bad_filter_values_are_named_and_left_out(register, client_for):
    inquiry = register(subject="Noget")
    response = client_for("sara").get(INBOX, {"vis": "alle", "status": "nonsens", "fra": "i går"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Feltet er ikke brugt" in page and "Modtaget fra" in page
    assert inquiry.reference in page


# --- export ----------------------------------------------------------------------------


def test_csv_export_is_the_filtered_list_audited_and_formula_safe(register, client_for):
    register(subject='=HYPERLINK("http://evil")', channel="phone")
    register(subject="Helt almindelig", channel="mail")
    client = client_for("sara")
    response = client.get("/k/ishoj/henvendelser/eksport/?vis=alle&kanal=phone")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "nummer" and len(rows) == 2
    assert rows[1][8] == '\'=HYPERLINK("http://evil")'
    entry = AuditEntry.objects.filter(action="list.viewed").order_by("-pk").first()
    assert entry.details == {"list": "csv-export", "shown": 1}


def test_safe_cell():
    assert safe_cell("+4512") == "'+4512"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Vej 12") == "Vej 12"


# --- the API -----------------------------------------------------------------------------


def test_api_takes_the_same_q(register, world, client):  # type: ignore[no-untyped-def]
    wanted = register(subject="Busstoppestedet", body="Læskuret er væltet.")
    register(subject="Andet", body="Noget andet.")
    send_to_administration(world.sara, wanted)
    _, token = do_create_token(None, world.ishoj, "ESDH", "secretariat")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.get("/api/v1/ishoj/henvendelser", {"q": "læskur"}, **headers)
    assert response.status_code == 200
    assert [r["reference"] for r in response.json()["henvendelser"]] == refs(wanted)
    assert client.get("/api/v1/ishoj/henvendelser", {"q": "x" * 300}, **headers).status_code == 400


@pytest.mark.parametrize("tab", ["aabne", "overskredne", "alle"])
def test_counts_by_facet_come_from_the_counters_and_agree_with_the_rows(register, world, tab):
    """Filtered by status, answer path or channel alone, a list's count and its counts per
    value come from the counters (counts.py), never from reading the inquiries, and are
    what counting the rows gives, for a member and for the administration."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from borgerpost.inquiries.views import _tab
    from borgerpost.search import finder

    old = timezone.now() - dt.timedelta(days=30)
    made = [
        register(channel=channel, subject=f"{channel} {n}", received_at=when)
        for n, (channel, when) in enumerate(
            [("phone", old), ("mail", old), ("phone", timezone.now()), ("letter", old)] * 3
        )
    ]
    for inquiry in made[:5]:
        send_to_administration(world.sara, inquiry)
    Inquiry.objects.filter(pk__in=[i.pk for i in made[::3]]).update(status="closed")
    counts.recount(i.pk for i in made)  # update() skips the signals that keep the counters
    everyone = (world.sara, world.kasper, world.merete, world.pia, world.louise, world.henrik)
    for actor in everyone:
        for asked in ({"kanal": "phone"}, {"status": "closed", "besvarelse": "administration"}):
            wanted = finder.read({"vis": tab, **asked}, actor)
            _, inquiries = _tab(actor, tab)
            with CaptureQueriesContext(connection) as queries:
                from_counters = finder.summary(inquiries, wanted, actor, tab=tab)
            assert not any("inquiries_inquiry" in q["sql"] for q in queries.captured_queries)
            assert from_counters == finder.summary(inquiries, wanted, actor)  # the rows
    everything = finder.summary(
        _tab(world.sara, "alle")[1], finder.read({"kanal": "phone"}, world.sara), world.sara, "alle"
    )
    assert everything.count == 6 and everything.facets["kanal"] == {
        "phone": 6,
        "mail": 3,
        "letter": 3,
    }


def test_the_counts_command_finds_a_wrong_counter_and_rebuilds_it(register):
    from django.core.management.base import CommandError
    from django.db.models import F

    from borgerpost.inquiries.models import InboxCount

    register(channel="phone", subject="Opkald")
    out = io.StringIO()
    call_command("counts", "check", stdout=out)
    assert "passer" in out.getvalue()
    InboxCount.objects.update(n=F("n") + 1)
    with pytest.raises(CommandError, match="tællere passer ikke"):
        call_command("counts", "check", stdout=io.StringIO())
    call_command("counts", "rebuild", stdout=io.StringIO())
    assert counts.verify() == []


def test_snippet_marks_the_same_words_as_stemming_every_word():
    """The snippet stems only words that begin with a stem (Snowball takes endings off);
    on the labelled Danish texts that marks exactly the words stemming all would."""
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus"
    texts = [
        json.loads(line)["text"]
        for name in ("sensitive-own2.jsonl", "sensitive-own5.jsonl", "sensitive-own6.jsonl")
        for line in (corpus / name).read_text(encoding="utf-8").splitlines()
    ]
    for text in texts:
        every = searchwords.words(text)
        for query in (every[3:5], every[10:11], every[-2:]):
            stems = tuple(searchwords.stems(" ".join(query)))
            wanted = set(stems)
            by_stemming_all = [
                m.group()
                for m in re.finditer(r"\w+", text[:50_000])
                if searchwords._stem_of(m.group()) in wanted
            ]
            marked = [word for word, mark in searchwords.snippet(text, stems, 100_000) if mark]
            assert marked == by_stemming_all, (query, marked, by_stemming_all)
