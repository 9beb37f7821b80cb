"""No input gives a server error. Every URL in the resolver, as a person allowed there and
with ids of objects that person can see, gets hostile query parameters (every name the
page links with, and common ones) and hostile bodies (every field its forms have):
non-numbers, huge numbers, NUL, invalid UTF-8 and lone surrogates, control characters,
very long values, and a 30 MB body. Nothing may answer 5xx, and the API answers JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from borgerpost.api.actions import do_create_token
from borgerpost.core.models import Centre, Committee, Membership
from borgerpost.counsellor.models import CounsellorCase
from borgerpost.guard.models import GuardTerm
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import AgendaProposal, Attachment, DraftReply
from borgerpost.intake.models import Mailbox, QuarantinedMail
from borgerpost.letters.models import Citizen, Letter, LetterTemplate
from borgerpost.outgoing.models import OutgoingMessage
from borgerpost.retention.models import PrintedCopy

from .conftest import every_route, signed_in_client

# Hostile values, as they go into a URL's query string (already percent-encoded).
HOSTILE_QUERY = [
    "abc",
    "99999999999999999999999",
    "-1",
    "0",
    "%00",
    "%ED%A0%80",  # a lone surrogate in UTF-8
    "%FF%FE",  # not UTF-8 at all
    "1e999",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3E",
    "x" * 5000,
    "%0D%0ABcc:%20x@example.org",
]
# Hostile values for form fields, percent-encoded as a browser (or anyone) sends them.
HOSTILE_FIELD = [
    quote(v)
    for v in (
        "abc",
        "99999999999999999999999",
        "-1",
        "\x00",
        "\x1b[31m\x85\u202e",
        "x" * 100_000,
        "2026-13-45T99:99",
        "\r\nBcc: x@example.org",
    )
] + ["%ED%A0%80", "%FF%FE"]  # a lone surrogate; bytes that are not UTF-8
COMMON_PARAMS = [
    "aar", "skabelon", "side", "vis", "q", "samlet", "format", "next", "status", "fra", "til",
    "sort", "center", "kanal", "udsendt",
]  # fmt: skip
THIRTY_MB = b"a=" + b"x" * (30 * 1024 * 1024)

# Who tries each role's pages, and which object each id in a URL names.
PERSONA_FOR_ROLE = {
    "council_member": "sara",
    "secretariat": "pia",
    "caseworker": "louise",
    "director": "henrik",
    "admin": "thomas",
    "counsellor": "birgit",
    "dpo": "dorte",
}
KIND = {
    "centre-edit": ("centre", "thomas"),
    "committee-edit": ("committee", "thomas"),
    "membership-remove": ("membership", "thomas"),
    "two-factor-reset": ("membership", "thomas"),
    "password-set": ("membership", "thomas"),
    "enrolment-code": ("membership", "thomas"),
    "attachment": ("attachment", "sara"),
    "draft-write": ("draft", "pia"),
    "proposal-decide": ("proposal", "sara"),
    "guard-term-remove": ("guard_term", "thomas"),
    "letter-detail": ("letter", "louise"),
    "letter-edit": ("letter", "louise"),
    "letter-release": ("letter", "louise"),
    "letter-redraft": ("letter", "louise"),
    "citizen-detail": ("citizen", "louise"),
    "letter-template-edit": ("template", "louise"),
    "counsellor-case": ("counsellor_case", "birgit"),
    "printed-copy-hand-in": ("printed_copy", "sara"),
    "mailbox-disconnect": ("mailbox", "sara"),
    "mailbox-read-now": ("mailbox", "sara"),
    "quarantine-original": ("quarantine", "sara"),
    "quarantine-resolve": ("quarantine", "sara"),
    "outgoing-retry": ("outgoing", "sara"),
    "outgoing-handled": ("outgoing", "sara"),
    "inquiry-assign": ("inquiry", "pia"),
    "inquiry-admin-answer": ("inquiry", "pia"),
}


@pytest.fixture
def objects(world, new_inquiry):  # type: ignore[no-untyped-def]
    """One object of every kind in Ishøj, reachable by the persona that tries its URLs."""
    place, sara = world.ishoj, world.users["sara"]
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    actions.do_triage(
        world.sara, inquiry, TriageDecision("case", "administration", None, False, "not_relevant")
    )
    actions.do_forward_to_administration(world.sara, inquiry)
    attachment = Attachment(
        inquiry=inquiry,
        filename="bilag.pdf",
        content_type="application/pdf",
        size=3,
        sha256="b" * 64,
    )
    attachment.file.save("b" * 64, ContentFile(b"pdf"), save=True)
    folder = Mailbox.objects.create(
        municipality=place,
        kind="member",
        member=sara,
        consent_at=timezone.now(),
        host="127.0.0.1",
        port=1,  # nothing listens: reading it now fails at once, with a Danish reason
        username="sara",
    )
    quarantined = QuarantinedMail.objects.create(municipality=place, mailbox=folder, reason="x")
    quarantined.raw.save("q.eml", ContentFile(b"Subject: x\r\n\r\nx"))
    citizen = Citizen.objects.create(municipality=place, cpr="0101901234", name="Ole")
    return {
        "inquiry": inquiry,
        "attachment": attachment,
        "draft": DraftReply.objects.create(inquiry=inquiry, requested_by=world.users["merete"]),
        "proposal": AgendaProposal.objects.create(
            inquiry=inquiry, proposed_by=sara, target="council", addressee=sara, title="t", motivation="m"
        ),
        "guard_term": GuardTerm.objects.create(
            municipality=place, kind="term", text="bostøtte", created_by=world.users["thomas"]
        ),
        "citizen": citizen,
        "template": LetterTemplate.objects.create(municipality=place, name="t", title="t", body="b"),
        "letter": Letter.objects.create(
            municipality=place, citizen=citizen, title="Brev", body="b", created_by=world.users["louise"]
        ),
        "centre": Centre.objects.get(municipality=place, name="Center for Børn og Familier"),
        "committee": Committee.objects.filter(municipality=place).first(),
        "membership": Membership.objects.get(municipality=place, user__username="jens"),
        "printed_copy": PrintedCopy.objects.create(
            municipality=place, printed_by=sara, description="d", kept_where="skab"
        ),
        "counsellor_case": CounsellorCase.objects.create(
            municipality=place, reference="BR-1", opened=dt.date(2026, 1, 5), category="anden",
            handling="vejledning",
        ),
        "mailbox": folder,
        "quarantine": quarantined,
        "outgoing": OutgoingMessage.objects.create(
            municipality=place, kind="mail", state="failed", message_id="<x@ishoj.dk>",
            recipient="borger@example.dk", body="tekst", author=sara,
        ),
    }  # fmt: skip


def _rule(pattern) -> list[str]:  # type: ignore[no-untyped-def]
    callback = pattern.callback
    return getattr(callback, "access_rule", None) or getattr(
        getattr(callback, "view_class", None), "access_rule", []
    )


def _page_routes() -> list[tuple[str, str, list[str]]]:
    return [(p.name, route, _rule(p)) for route, p in every_route() if route.startswith("k/")]


def _who(name: str, roles: list[str]) -> str:
    if name in KIND:
        return KIND[name][1]
    for role in ("council_member", "secretariat", "caseworker", "admin", "counsellor", "dpo"):
        if role in roles:
            return PERSONA_FOR_ROLE[role]
    return PERSONA_FOR_ROLE[str(roles[0])]


def _path(route: str, name: str, objects: dict) -> str:  # type: ignore[type-arg]
    path = "/" + route.replace("<slug:municipality>", "ishoj")
    kind = KIND.get(name, ("inquiry", ""))[0]
    return re.sub(r"<int:\w+>", str(objects[kind].pk), path)


_FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', re.IGNORECASE)
_LINK_PARAM = re.compile(r'href="[^"]*\?([^"#]+)"')


def _names(page: str) -> tuple[set[str], set[str]]:
    fields = set(_FIELD.findall(page)) - {"csrfmiddlewaretoken"}
    params = {
        pair.split("=", 1)[0].replace("&amp;", "")
        for query in _LINK_PARAM.findall(page)
        for pair in query.replace("&amp;", "&").split("&")
    }
    return fields, params | set(COMMON_PARAMS)


def test_no_page_answers_a_server_error_to_hostile_input(world, objects):
    failures: list[tuple[str, str, int]] = []
    for name, route, roles in _page_routes():
        client = signed_in_client(world.users[_who(name, roles)])
        path = _path(route, name, objects)
        first = client.get(path)
        page = "" if first.streaming else first.content.decode(errors="replace")
        fields, params = _names(page)
        for value in HOSTILE_QUERY:
            query = "&".join(f"{quote(p)}={value}" for p in sorted(params))
            response = client.get(f"{path}?{query}")
            if response.status_code >= 500:
                failures.append((name, f"GET ?…={value[:20]}", response.status_code))
        for value in HOSTILE_FIELD:
            body = "&".join(f"{quote(f)}={value}" for f in sorted(fields | {"x"}))
            response = client.post(path, body, content_type="application/x-www-form-urlencoded")
            if response.status_code >= 500:
                failures.append((name, f"POST {value[:20]!r}", response.status_code))
        response = client.post(path, THIRTY_MB, content_type="application/x-www-form-urlencoded")
        if response.status_code >= 500:
            failures.append((name, "POST 30 MB", response.status_code))
    assert failures == []


def test_bad_numbers_get_a_danish_explanation(world, client_for):
    page = client_for("birgit").get("/k/ishoj/borgerraadgiver/aarsberetning/?aar=abc")
    assert page.status_code == 400 and "Året skal være et helt tal" in page.content.decode()
    page = client_for("birgit").get("/k/ishoj/borgerraadgiver/aarsberetning/?aar=99999999")
    assert page.status_code == 400
    page = client_for("louise").get("/k/ishoj/breve/nyt/?skabelon=abc")
    assert page.status_code == 400 and "Skabelonen" in page.content.decode()


def test_the_api_answers_json_to_hostile_input(world, objects):
    _, secret = do_create_token(None, world.ishoj, "ESDH", "secretariat")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    inquiry = objects["inquiry"].pk
    bodies: list[bytes] = [
        b'{"journalnummer": "\\ud800"}',
        b'{"journalnummer": "a\\u0000b"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"journalnummer": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b"\xff\xfe not json",
        b'"a string"',
        THIRTY_MB,
    ]
    answers = []
    for body in bodies:
        answers.append(
            client.put(
                f"/api/v1/ishoj/henvendelser/{inquiry}/journalnummer",
                body,
                content_type="application/json",
            )
        )
    for value in HOSTILE_QUERY:
        answers.append(client.get(f"/api/v1/ishoj/henvendelser?status={value}&side={value}"))
        answers.append(client.get(f"/api/v1/ishoj/henvendelser/{value}"))
        answers.append(client.get(f"/api/v1/{value}/henvendelser"))
    answers.append(client.get("/api/v1/ishoj/findes/ikke/"))
    answers.append(client.post("/api/v1/ishoj/henvendelser/1/journalnummer/ekstra"))
    for response in answers:
        assert response.status_code < 500
        assert response["Content-Type"] == "application/json"
        assert "fejl" in json.loads(response.content) or response.status_code == 200
    objects["inquiry"].refresh_from_db()
    number = objects["inquiry"].records_case_number
    assert "\x00" not in number and "\ud800" not in number


def test_a_line_break_in_a_subject_never_becomes_a_mail_header(world, client_for):
    """`=?utf-8?Q?Hej=0D=0ABcc:_x@example.org?=` made every acknowledgement by mail for the
    inquiry fail with a server error (and could have added a Bcc)."""
    import email

    from django.core.files.uploadedfile import SimpleUploadedFile

    from borgerpost.inquiries.models import Inquiry
    from tests.conftest import sent_mail

    raw = (
        b"From: Ole <ole@example.dk>\r\nTo: sah@ishoj.dk\r\n"
        b"Subject: =?utf-8?Q?Hej=0D=0ABcc:_x@example.org?=\r\n"
        b"Date: Mon, 16 Nov 2026 10:00:00 +0100\r\nMessage-ID: <crlf@example.dk>\r\n\r\nHej Sara."
    )
    sara = client_for("sara")
    sara.post(
        reverse("inquiry-upload", args=["ishoj"]),
        {"eml": SimpleUploadedFile("m.eml", raw, "message/rfc822")},
    )
    inquiry = Inquiry.objects.get()
    assert inquiry.subject == "Hej Bcc: x@example.org"
    response = sara.post(
        reverse("inquiry-ack", args=["ishoj", inquiry.pk]),
        {"ack-channel": "mail", "ack-body": "Tak for din henvendelse."},
    )
    assert response.status_code == 302
    (sent,) = sent_mail()
    parsed = email.message_from_bytes(sent.message().as_bytes())
    assert parsed["Bcc"] is None and sent.bcc == []
    assert "\n" not in str(parsed["Subject"]) and sent.to == ["ole@example.dk"]


def test_attachment_names_lose_bidi_controls_on_the_way_in_and_out(world, client_for):
    from django.core.files.base import ContentFile

    from borgerpost.inquiries.models import Attachment

    inquiry = actions.do_register_inquiry(
        world.sara, actions.NewInquiry("mail", timezone.now(), "Se bilag", citizen_name="Ole")
    ).inquiry
    # A name stored before intake cleaned names.
    stored = Attachment(
        inquiry=inquiry, filename="x", content_type="application/octet-stream", size=2, sha256="d"
    )
    stored.file.save("d", ContentFile(b"MZ"), save=True)
    Attachment.objects.filter(pk=stored.pk).update(filename="faktura\u202efdp.exe")
    response = client_for("sara").get(reverse("attachment", args=["ishoj", stored.pk]))
    assert "\u202e" not in response["Content-Disposition"]
    assert "fakturafdp.exe" in response["Content-Disposition"]
