"""Role × view × municipality access matrix, with guessed ids.

A council member sees what they received (or a proposal addressed to them); the
administration sees only what was sent to it; nothing crosses municipalities.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import Attachment, Inquiry
from tests.conftest import every_route, signed_in_client

PERSONAS = [
    "sara",
    "kasper",
    "merete",
    "pia",
    "henrik",
    "louise",
    "thomas",
    "dorte",
    "birgit",
    "anders",
    None,
]


@pytest.fixture
def scene(world, new_inquiry):  # type: ignore[no-untyped-def]
    private = actions.do_register_inquiry(
        world.sara, new_inquiry(subject="Privat-emne-A", body="Kun til Sara.")
    ).inquiry
    forwarded = actions.do_register_inquiry(
        world.sara, new_inquiry(subject="Videresendt-emne-B", body="Til administrationen.")
    ).inquiry
    actions.do_triage(
        world.sara, forwarded, TriageDecision("case", "administration", None, False, "not_relevant")
    )
    actions.do_forward_to_administration(world.sara, forwarded)
    proposed = actions.do_register_inquiry(
        world.sara, new_inquiry(subject="Forslag-emne-D", body="Til dagsordenen.")
    ).inquiry
    actions.do_propose_agenda(world.sara, proposed, "council", None, "Punkt", "Begrundelse")
    elsewhere = actions.do_register_inquiry(
        world.anders, new_inquiry(subject="Hvidovre-emne-C", body="I en anden kommune.")
    ).inquiry
    attachment = Attachment(
        inquiry=private,
        filename="bilag.pdf",
        content_type="application/pdf",
        size=3,
        sha256="a" * 64,
    )
    attachment.file.save("a" * 64, ContentFile(b"pdf"), save=True)
    return {"A": private, "B": forwarded, "C": elsewhere, "D": proposed, "att": attachment}


def client(world, username):  # type: ignore[no-untyped-def]
    return signed_in_client(world.users[username]) if username else Client()


# Who may read each inquiry's page. Everyone else gets 404 (or a redirect to log-in).
READERS = {
    "A": {"sara"},
    "B": {"sara", "pia", "henrik", "louise"},
    "C": {"anders"},
    "D": {"sara", "merete"},
}


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("key", ["A", "B", "C", "D"])
def test_inquiry_detail_matrix(world, scene, who, key):
    inquiry = scene[key]
    for slug in ("ishoj", "hvidovre"):
        response = client(world, who).get(reverse("inquiry-detail", args=[slug, inquiry.pk]))
        allowed = who in READERS[key] and slug == inquiry.municipality.slug
        if who is None:
            assert response.status_code == 302 and "/login/" in response["Location"]
        elif allowed:
            assert response.status_code == 200, (who, key, slug)
            assert inquiry.body.encode() in response.content
        else:
            assert response.status_code in (403, 404), (who, key, slug, response.status_code)
            assert inquiry.body.encode() not in response.content


@pytest.mark.parametrize("who", PERSONAS)
def test_lists_never_leak(world, scene, who):
    c = client(world, who)
    pages = [
        reverse(name, args=[slug])
        for slug in ("ishoj", "hvidovre")
        for name in ("inbox", "administration-queue", "proposals", "overdue", "settings")
    ]
    for url in pages:
        response = c.get(url + "?vis=alle", follow=True)
        body = response.content.decode()
        for key, inquiry in scene.items():
            if key == "att":
                continue
            if who not in READERS[key]:
                assert inquiry.subject not in body, (who, url, key)


@pytest.mark.parametrize("who", PERSONAS)
def test_attachment_download_matrix(world, scene, who):
    url = reverse("attachment", args=["ishoj", scene["att"].pk])
    response = client(world, who).get(url)
    if who == "sara":
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/octet-stream"
        assert b"".join(response.streaming_content) == b"pdf"
    else:
        assert response.status_code in (302, 403, 404)


POST_ACTIONS = [
    "inquiry-triage",
    "inquiry-take-ack",
    "inquiry-ack",
    "inquiry-social",
    "inquiry-notice",
    "inquiry-forward",
    "inquiry-reply",
    "inquiry-copy",
    "inquiry-draft",
    "inquiry-agenda",
    "inquiry-close",
    "inquiry-assign",
    "inquiry-admin-answer",
]


@pytest.mark.parametrize("name", POST_ACTIONS)
@pytest.mark.parametrize("who", ["kasper", "pia", "louise", "thomas", "anders"])
def test_nobody_acts_on_an_inquiry_they_cannot_see(world, scene, name, who):
    """Posting to Sara's private inquiry with a guessed id changes nothing."""
    inquiry = scene["A"]
    before = (Inquiry.objects.filter(pk=inquiry.pk).values().get(), inquiry.messages.count())
    response = client(world, who).post(
        reverse(name, args=["ishoj", inquiry.pk]),
        {
            "classification": "case",
            "path": "administration",
            "channel": "mail",
            "body": "x",
            "answered_how": "mail",
            "target": "council",
            "title": "t",
            "motivation": "m",
            "answer_mode": "phone",
        },
    )
    assert response.status_code in (403, 404)
    after = (Inquiry.objects.filter(pk=inquiry.pk).values().get(), inquiry.messages.count())
    assert before == after


@pytest.mark.parametrize("who", PERSONAS)
def test_guessed_ids_are_404(world, scene, who):
    c = client(world, who)
    for url in (
        reverse("inquiry-detail", args=["ishoj", 987654]),
        reverse("attachment", args=["ishoj", 987654]),
        reverse("draft-write", args=["ishoj", 987654]),
        reverse("inquiry-detail", args=["findes-ikke", scene["A"].pk]),
    ):
        response = c.get(url)
        assert response.status_code in ((302,) if who is None else (403, 404))


@pytest.mark.parametrize("who", PERSONAS)
def test_settings_only_for_the_municipal_administrator(world, scene, who):
    response = client(world, who).get(reverse("settings", args=["ishoj"]))
    expected = {"thomas": 200, None: 302, "anders": 404}.get(who, 403)
    assert response.status_code == expected


def test_administrator_sees_no_inquiry_content(world, scene):
    assert not Inquiry.objects.for_actor(world.thomas).exists()


def test_every_url_names_its_access_rule():
    """Deny by default: every view says who may use it (roles under /k/<municipality>/,
    or why it is public or for any signed-in person); a view without a rule fails."""
    unguarded = [route for route, p in every_route() if not hasattr(p.callback, "access_rule")]
    assert unguarded == []
    public = sorted(
        route
        for route, p in every_route()
        if any(rule.startswith("public") for rule in p.callback.access_rule)
    )
    assert public == [
        "api/v1/^(?P<path>.*)$",  # the API's JSON 404 for paths it does not have
        "api/v1/openapi.json",  # the API's shape, no data
        "healthz",
        "login/",
        "logout/",
        "oidc/authenticate/",  # 404 unless single sign-on is configured
        "oidc/callback/",
    ]


def _example_path(route: str) -> str:
    import re

    path = re.sub(r"<slug:\w+>", "ishoj", route)
    path = re.sub(r"<int:\w+>", "1", path)
    path = re.sub(r"<(?:str:)?\w+>", "x", path)
    return "/" + path


def test_anonymous_requests_to_every_url_are_refused(world, scene):
    refused = {}
    for route, p in every_route():
        if any(rule.startswith("public") for rule in p.callback.access_rule):
            continue
        path = _example_path(route)
        for method in ("get", "post"):
            response = getattr(Client(), method)(path)
            to_login = response.status_code == 302 and response["Location"].startswith("/login/")
            token_needed = path.startswith("/api/") and response.status_code == 401
            if not (to_login or token_needed or response.status_code in (403, 404, 405)):
                refused[(method, path)] = response.status_code
    assert refused == {}
