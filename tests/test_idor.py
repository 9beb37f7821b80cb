"""IDOR: every object type reachable by id, tried by every role with the ids of other
municipalities' objects and of other people's objects in their own municipality.

Each object carries a marker text. Every answer must be 403, 404 or 405, and no page
(the object's own, every list, every export, every count, every error page) may show a
marker of an object the person may not see.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from borgerpost.api.actions import do_create_token
from borgerpost.core.loading import load_municipality
from borgerpost.core.models import Centre, Committee, Membership
from borgerpost.counsellor.models import (
    Activity,
    CaseStep,
    CounsellorCase,
    CounsellorMail,
    TimeEntry,
)
from borgerpost.guard.models import GuardTerm
from borgerpost.inquiries import actions
from borgerpost.inquiries.models import (
    AgendaProposal,
    Attachment,
    DraftReply,
    Note,
    StandardText,
)
from borgerpost.intake.models import Mailbox, QuarantinedMail
from borgerpost.letters.models import (
    Citizen,
    Letter,
    LetterTemplate,
    SendingSystem,
    SystemLetterKind,
)
from borgerpost.notices.models import Notice
from borgerpost.outgoing.models import OutgoingMessage
from borgerpost.retention.models import PrintedCopy

from .conftest import PASSWORD, every_route, signed_in_client

ISHOJ_PEOPLE = [
    "sara",
    "kasper",
    "merete",
    "jens",
    "pia",
    "henrik",
    "louise",
    "thomas",
    "dorte",
    "birgit",
]

# A third municipality with its own counsellor: Birgit serves Ishøj and Hvidovre only.
BRONDBY = {
    "slug": "brondby",
    "name": "Brøndby Kommune",
    "mail_domains": ["brondby.dk"],
    "main_mailbox": "post@brondby.dk",
    "people": [
        {
            "username": "brondby-raadgiver",
            "name": "Karl Brøndby",
            "email": "kb@brondby.dk",
            "roles": ["counsellor"],
            "password": PASSWORD,
        }
    ],
}


def marker(kind: str) -> str:
    return f"HEMMELIG{kind.upper().replace('_', '')}"


@pytest.fixture
def foreign(world, new_inquiry):  # type: ignore[no-untyped-def]
    """One object of every type, in Hvidovre (or Brøndby), each with its marker."""
    hv, anders = world.hvidovre, world.users["anders"]
    inquiry = actions.do_register_inquiry(
        world.anders, new_inquiry(subject=marker("inquiry"), body=marker("inquiry") + " tekst.")
    ).inquiry
    attachment = Attachment(
        inquiry=inquiry,
        filename=marker("attachment"),
        content_type="text/plain",
        size=1,
        sha256="x",
    )
    attachment.file.save("a", ContentFile(marker("attachment").encode()), save=True)
    brondby = load_municipality(BRONDBY, demo_passwords=True)
    objects = {
        "inquiry": inquiry,
        "attachment": attachment,
        "draft": DraftReply.objects.create(
            inquiry=inquiry, requested_by=anders, request_note=marker("draft")
        ),
        "proposal": AgendaProposal.objects.create(
            inquiry=inquiry,
            proposed_by=anders,
            target="council",
            addressee=anders,
            title=marker("proposal"),
            motivation=marker("proposal"),
        ),
        "guard_term": GuardTerm.objects.create(
            municipality=hv, kind="term", text=marker("guardterm").lower(), created_by=anders
        ),
        "citizen": Citizen.objects.create(
            municipality=hv, cpr="0101901234", name=marker("citizen")
        ),
        "template": LetterTemplate.objects.create(
            municipality=hv, name=marker("template"), title=marker("template"), body="x"
        ),
        "centre": Centre.objects.create(municipality=hv, name=marker("centre")),
        "committee": Committee.objects.create(municipality=hv, name=marker("committee"), area="x"),
        "membership": Membership.objects.filter(municipality=hv).first(),
        "printed_copy": PrintedCopy.objects.create(
            municipality=hv, printed_by=anders, description=marker("printedcopy"), kept_where="x"
        ),
        "counsellor_case": CounsellorCase.objects.create(
            municipality=brondby,
            reference=marker("counsellorcase"),
            opened=dt.date(2026, 1, 5),
            category="anden",
            handling="vejledning",
        ),
    }
    objects["letter"] = Letter.objects.create(
        municipality=hv,
        citizen=objects["citizen"],
        title=marker("letter"),
        body=marker("letter"),
        created_by=world.users["hvidovre-sekretariat"],
    )
    mailbox = Mailbox.objects.create(
        municipality=hv, kind="main", host="imap.hvidovre.dk", username=marker("mailbox")
    )
    objects["mailbox"] = mailbox
    quarantined = QuarantinedMail.objects.create(
        municipality=hv, mailbox=mailbox, reason=marker("quarantine"), subject=marker("quarantine")
    )
    quarantined.raw.save("q.eml", ContentFile(marker("quarantine").encode()))
    objects["quarantine"] = quarantined
    objects["outgoing"] = OutgoingMessage.objects.create(
        municipality=hv,
        kind="mail",
        state="failed",
        message_id="<hemmelig@hvidovre.dk>",
        recipient="borger@example.dk",
        subject=marker("outgoing"),
        author=anders,
        secretariat_sees=True,
    )
    objects["notice"] = Notice.objects.create(
        municipality=hv, recipient=anders, kind="assigned", text=marker("notice"), link="/"
    )
    objects["standard_text"] = StandardText.objects.create(
        municipality=hv, kind="answer", name=marker("standardtext"), body=marker("standardtext")
    )
    objects["note"] = Note.objects.create(
        inquiry=inquiry, author=anders, visibility="member", body=marker("note")
    )
    # The counsellor's other records, in Brøndby (a counsellor of its own): Birgit, who
    # serves Ishøj and Hvidovre, never sees them.
    brondby_counsellor = objects["counsellor_case"].created_by or anders
    objects["counsellor_step"] = CaseStep.objects.create(
        case=objects["counsellor_case"], kind="vejledning", on=dt.date(2026, 1, 6),
        note=marker("counsellorstep"), created_by=brondby_counsellor,
    )  # fmt: skip
    objects["counsellor_activity"] = Activity.objects.create(
        municipality=brondby, on=dt.date(2026, 1, 7), kind="dialogmoede",
        with_whom=marker("activity"), topic=marker("activity"), created_by=brondby_counsellor,
    )  # fmt: skip
    objects["counsellor_time"] = TimeEntry.objects.create(
        municipality=brondby, counsellor=brondby_counsellor, on=dt.date(2026, 1, 7), hours=1,
        note=marker("timeentry"),
    )  # fmt: skip
    objects["counsellor_mail"] = CounsellorMail.objects.create(
        municipality=brondby, counsellor=brondby_counsellor, received_at=timezone.now(),
        subject=marker("counsellormail"), body=marker("counsellormail"),
    )  # fmt: skip
    gateway_token, _ = do_create_token(None, hv, marker("sendingsystem"), "", "digital-post")
    objects["sending_system"] = SendingSystem.objects.get(token=gateway_token)
    objects["kind_rule"] = SystemLetterKind.objects.create(
        system=objects["sending_system"], kind=marker("kindrule")
    )
    return objects


# Which object each id in a URL names, by the URL's name.
URL_OBJECT = {
    "centre-edit": "centre",
    "committee-edit": "committee",
    "membership-remove": "membership",
    "two-factor-reset": "membership",
    "password-set": "membership",
    "enrolment-code": "membership",
    "attachment": "attachment",
    "draft-write": "draft",
    "proposal-decide": "proposal",
    "guard-term-remove": "guard_term",
    "letter-detail": "letter",
    "letter-edit": "letter",
    "letter-release": "letter",
    "letter-redraft": "letter",
    "citizen-detail": "citizen",
    "letter-template-edit": "template",
    "counsellor-case": "counsellor_case",
    "counsellor-case-step": "counsellor_case",
    "counsellor-statement-send": "counsellor_case",
    "printed-copy-hand-in": "printed_copy",
    "mailbox-disconnect": "mailbox",
    "mailbox-read-now": "mailbox",
    "quarantine-original": "quarantine",
    "quarantine-resolve": "quarantine",
    "outgoing-retry": "outgoing",
    "outgoing-handled": "outgoing",
    "notice-open": "notice",
    "standard-text-edit": "standard_text",
    "standard-text-delete": "standard_text",
    "sending-system": "sending_system",
    "sending-system-kind-add": "sending_system",
    "sending-system-kind-delete": "kind_rule",
}


def _routes() -> list[tuple[str, str]]:
    """(name, route) of every view under /k/<municipality>/."""
    return [(p.name, route) for route, p in every_route() if route.startswith("k/")]  # type: ignore[attr-defined]


def _path(route: str, slug: str, pk: int | None = None) -> str:
    path = route.replace("<slug:municipality>", slug)
    if pk is not None:
        path = re.sub(r"<int:\w+>", str(pk), path)
    return "/" + path


def test_every_object_url_is_in_the_matrix():
    with_ids = {name for name, route in _routes() if "<int:" in route}
    assert with_ids - set(URL_OBJECT) == {n for n in with_ids if n.startswith("inquiry-")}


@pytest.mark.parametrize("who", ISHOJ_PEOPLE)
def test_other_municipalities_objects_by_id(world, foreign, who):
    client = signed_in_client(world.users[who])
    markers = [marker(kind) for kind in foreign]
    failures = []
    for name, route in _routes():
        if "<int:" not in route:
            continue
        kind = URL_OBJECT.get(name, "inquiry")
        for slug in ("ishoj", "hvidovre", "brondby"):
            path = _path(route, slug, foreign[kind].pk)
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                body = response.content.decode(errors="replace")
                if response.status_code not in (403, 404, 405) or any(m in body for m in markers):
                    failures.append((who, method, path, response.status_code))
    assert failures == []


@pytest.mark.parametrize("who", ISHOJ_PEOPLE)
def test_lists_exports_and_counts_never_show_other_municipalities(world, foreign, who):
    client = signed_in_client(world.users[who])
    markers = [marker(kind) for kind in foreign]
    leaks = []
    for name, route in _routes():
        if "<" in route.replace("<slug:municipality>", ""):
            continue
        for query in LIST_QUERIES:
            response = client.get(_path(route, "ishoj") + query)
            body = response.content.decode(errors="replace")
            leaks += [(who, name, query, m) for m in markers if m in body]
    assert leaks == []


# Every list also searched for the other municipality's inquiry by its own words and
# through every filter; the export is one of the routes. Searched in lower case: the
# page repeats what was searched for, and the markers are looked for in upper case.
LIST_QUERIES = [
    "",
    f"?vis=alle&q={marker('inquiry').lower()}",
    f"?vis=alle&q={marker('attachment').lower()}",
    "?vis=alle&q=camilla@example.dk",
    "?vis=alle&status=new&kanal=mail&frist=snart&sorter=aeldste",
]


def test_other_peoples_objects_in_the_same_municipality(world, new_inquiry):
    """Kasper's inquiry, Sara's printed copy, mailbox folder and its quarantine: only the
    owner (and for the inquiry, nobody in the administration) may reach them."""
    kaspers = actions.do_register_inquiry(
        world.kasper, new_inquiry(subject="KASPERSHEMMELIGE")
    ).inquiry
    copy = PrintedCopy.objects.create(
        municipality=world.ishoj,
        printed_by=world.users["sara"],
        description="SARASUDSKRIFT",
        kept_where="skab",
    )
    folder = Mailbox.objects.create(
        municipality=world.ishoj,
        kind="member",
        member=world.users["sara"],
        consent_at=timezone.now(),
        host="imap.ishoj.dk",
        username="SARASPOSTKASSE",
    )
    quarantined = QuarantinedMail.objects.create(
        municipality=world.ishoj, mailbox=folder, reason="SARASKARANTAENE"
    )
    quarantined.raw.save("q.eml", ContentFile(b"x"))
    # Sara's own reply that could not be delivered: hers alone, not the secretariat's.
    unsent = OutgoingMessage.objects.create(
        municipality=world.ishoj,
        kind="mail",
        state="failed",
        message_id="<saras-svar@ishoj.dk>",
        recipient="borger@example.dk",
        subject="SARASUSENDTE",
        author=world.users["sara"],
    )
    cases = [
        (f"/k/ishoj/henvendelser/{kaspers.pk}/", "KASPERSHEMMELIGE", {"kasper"}),
        (f"/k/ishoj/udskrifter/{copy.pk}/afleveret/", "SARASUDSKRIFT", {"sara"}),
        (f"/k/ishoj/postkasser/{folder.pk}/afbryd/", "SARASPOSTKASSE", {"sara"}),
        (f"/k/ishoj/karantaene/{quarantined.pk}/original/", "SARASKARANTAENE", {"sara"}),
        (f"/k/ishoj/ikke-sendt/{unsent.pk}/prov-igen/", "SARASUSENDTE", {"sara"}),
        (f"/k/ishoj/ikke-sendt/{unsent.pk}/haandteret/", "SARASUSENDTE", {"sara"}),
    ]
    for who in ISHOJ_PEOPLE:
        client = signed_in_client(world.users[who])
        for path, secret, owners in cases:
            if who in owners:
                continue
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                assert response.status_code in (403, 404, 405), (who, method, path)
                assert secret not in response.content.decode(errors="replace")
        for list_path in (
            "/k/ishoj/henvendelser/",
            "/k/ishoj/henvendelser/?vis=alle&q=kaspershemmelige",
            f"/k/ishoj/henvendelser/?q=H-{kaspers.pk}",
            "/k/ishoj/henvendelser/eksport/?vis=alle",
            "/k/ishoj/administration/?vis=alle&q=kaspershemmelige",
            "/k/ishoj/udskrifter/",
            "/k/ishoj/karantaene/",
            "/k/ishoj/ikke-sendt/",
        ):
            body = client.get(list_path).content.decode(errors="replace")
            for _, secret, owners in cases:
                assert who in owners or secret not in body, (who, list_path, secret)
    copy.refresh_from_db()
    folder.refresh_from_db()
    unsent.refresh_from_db()
    assert copy.handed_in_at is None and folder.active  # no refused POST changed anything
    assert unsent.state == "failed" and unsent.handled_at is None
