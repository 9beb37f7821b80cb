"""Every page each demo persona can reach, crawled: no server error, no English words in
the interface, no »seed«, date and time inputs with ISO values, no message shown twice.

The crawl follows the links on each page (GET only, nothing is changed) from the start
page, as far as the persona can reach, so a new page is checked without being listed.
"""

from __future__ import annotations

import html
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from borgerpost.core.demo import load_demo

from .conftest import signed_in_client

PERSONAS = [
    "borgmester",
    "formand",
    "medlem",
    "sekretariat",
    "direktoer",
    "sagsbehandler",
    "admin",
    "borgerraadgiver",
    "dpo",
    "hvidovre",
]
LIMIT = 400  # pages per persona; the demo has far fewer
# Words of the interface that are English (code, names of standards and the like are not
# the interface: tags, attributes, scripts and <code> are removed before looking).
ENGLISH = re.compile(
    r"\b(Template|Citizen|Company|Submit|Save|Cancel|Delete|Edit|Search|Next|Previous|"
    r"Loading|Warning|None|True|False|outbox|This field|is required|Name|Email|Phone|"
    r"Date|Message|Subject|Inquiry|Letter|Reply|Draft|Sent|Received|Yes|Unknown|Select)\b"
)
SEED = re.compile(r"\bseed", re.IGNORECASE)
INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
ISO = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "datetime-local": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?"),
    "time": re.compile(r"\d{2}:\d{2}(:\d{2})?"),
}
SKIP = re.compile(r"/(logout|log-ud)/|\.(csv|pdf|eml|json|txt|xlsx)$|/api/|/download|/hent")


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style|code|svg)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(re.sub(r"\s+", " ", page))


def input_problems(page: str) -> list[str]:
    found = []
    for tag in INPUT.findall(page):
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        wrong = kind and kind[1] in ISO and value and value[1]
        if wrong and not ISO[kind[1]].fullmatch(value[1]):  # type: ignore[index]
            found.append(f"{kind[1]} input with value {value[1]!r}")  # type: ignore[index]
    return found


def repeated_messages(page: str) -> list[str]:
    """The same message twice in the page's messages or in one error list."""
    found = []
    blocks = re.findall(r'<ul class="(?:messages|errorlist)[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    shown = [visible_text(li).strip() for b in blocks for li in re.findall(r"<li.*?</li>", b, re.S)]
    found += sorted({m for m in shown if m and shown.count(m) > 1})
    return found


def problems_on(path: str, status: int, page: str) -> list[str]:
    if status >= 500:
        return [f"{path}: {status}"]
    text = visible_text(page)
    found = [f"English »{m}«" for m in sorted(set(ENGLISH.findall(text)))]
    found += [f"»{m}«" for m in SEED.findall(text)]
    found += input_problems(page)
    found += [f"shown twice: {m}" for m in repeated_messages(page)]
    return [f"{path}: {p}" for p in found]


def links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="(/[^"]*)"', page)]


def crawl(client, start: str = "/") -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    seen, queue, found = {start}, deque([start]), []
    while queue and len(seen) <= LIMIT:
        path = queue.popleft()
        response = client.get(path, follow=True)
        content_type = response.get("Content-Type", "")
        if "text/html" not in content_type:
            continue
        page = response.content.decode("utf-8", "replace")
        found += problems_on(path, response.status_code, page)
        for link in links(page):
            target = urldefrag(link)[0]
            if urlsplit(target).path.startswith("/static/") or SKIP.search(target):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return len(seen), found


@pytest.fixture
def demo(db, settings):  # type: ignore[no-untyped-def]
    settings.DEMO_MODE = True
    load_demo()


@pytest.mark.parametrize("who", PERSONAS)
def test_every_page_a_persona_reaches_is_danish_and_whole(demo, who):
    from django.contrib.auth import get_user_model

    client = signed_in_client(get_user_model().objects.get(username=who))
    pages, found = crawl(client)
    assert pages >= 2
    assert not found, "\n".join(found)


def test_the_checks_catch_what_they_look_for():
    bad = (
        '<ul class="messages"><li>Gemt.</li><li>Gemt.</li></ul>'
        '<label>Template:</label><input type="date" value="01.12.2026">'
        "<p>(seed: senest 30 dage)</p>"
    )
    found = problems_on("/x/", 200, bad)
    assert any("Template" in p for p in found)
    assert any("seed" in p for p in found)
    assert any("01.12.2026" in p for p in found)
    assert any("shown twice: Gemt." in p for p in found)
    assert problems_on("/x/", 500, "") == ["/x/: 500"]
    ok = '<input type="date" value="2026-12-01"><code>Template</code><p>Gem sag</p>'
    assert problems_on("/x/", 200, ok) == []


def test_nothing_is_said_twice(world, new_inquiry, client_for):
    from django.urls import reverse

    from borgerpost.inquiries import actions
    from borgerpost.inquiries.actions import TriageDecision

    from .conftest import received

    # An empty registration: the form's own error once.
    sara = client_for("sara")
    page = sara.post(reverse("inquiry-new", args=["ishoj"]), {"channel": "mail"})
    assert page.content.decode().count("Angiv mindst borgerens navn") == 1
    # The mayor acknowledges for everyone: said once to the other recipients.
    at = received(1)
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(received_at=at)).inquiry
    actions.do_register_inquiry(world.merete, new_inquiry(received_at=at))
    decision = TriageDecision("political", "personal", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    page = sara.get(reverse("inquiry-detail", args=["ishoj", inquiry.pk])).content.decode()
    assert page.count("kvitterer på vegne af alle modtagere") == 1
    # A closed inquiry has one »Afsluttet«.
    inquiry.refresh_from_db()
    actions.do_send_reply(world.sara, inquiry, "phone", "Talt i telefon.")
    actions.do_close(world.sara, inquiry)
    page = sara.get(reverse("inquiry-detail", args=["ishoj", inquiry.pk])).content.decode()
    head = page.split("<h1>", 1)[1].split("</div>", 1)[0]
    assert head.count("Afsluttet") == 1
    listed = sara.get(reverse("inbox", args=["ishoj"]) + "?vis=alle").content.decode()
    rows = listed.split('<ul class="list">', 1)[1]  # the rows, not the status filter's options
    assert rows.count(">Afsluttet<") == 1


def test_numbers_meet_nouns_in_the_right_form():
    from django.template import Context, Template

    from borgerpost.pure.text import count_of

    assert [count_of(n, "sag", "sager") for n in (0, 1, 2)] == ["0 sager", "1 sag", "2 sager"]
    page = Template(
        '{{ a|antal:"anden henvendelse,andre henvendelser" }}; {{ b|antal:"følgesag,følgesager" }};'
        ' {{ c|flertal:"langt,lange" }}'
    ).render(Context({"a": 1, "b": 3, "c": 1}))
    assert page == "1 anden henvendelse; 3 følgesager; langt"
