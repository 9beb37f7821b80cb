"""A working day around one inquiry (issue 18): the secretariat gives it to a named
person, the director is told when involved, the administration and each member keep
internal notes, and everyone has »Nyt til mig« with an unread count and mail on request."""

from __future__ import annotations

import pytest
from django.urls import reverse

from borgerpost.audit.models import AuditEntry
from borgerpost.core.exceptions import RuleError
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.erasure import erase_inquiry
from borgerpost.inquiries.models import Inquiry, Note
from borgerpost.notices.actions import do_set_notice_mail
from borgerpost.notices.models import Notice
from borgerpost.outgoing.models import OutgoingMessage

pytestmark = pytest.mark.django_db

CPR_NOTE = "Borgerens cpr er 010190-1234, og hun er i behandling for depression."


@pytest.fixture
def sent(world, new_inquiry):  # type: ignore[no-untyped-def]
    """Sara's inquiry, sent to the administration to answer (path 2)."""
    inquiry = actions.do_register_inquiry(
        world.sara, new_inquiry(subject="Hjemmehjælp", body="Min mor får ikke sin hjælp.")
    ).inquiry
    decision = TriageDecision("case", "administration", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    actions.do_forward_to_administration(world.sara, inquiry)
    return inquiry


def assign(world, inquiry, person=None, director=False, centre=None):  # type: ignore[no-untyped-def]
    actions.do_assign_in_administration(world.pia, inquiry, centre, "written", director, "", person)
    inquiry.refresh_from_db()


def notices_of(world, who: str) -> list[str]:  # type: ignore[no-untyped-def]
    return list(Notice.objects.for_actor(getattr(world, who)).values_list("text", flat=True))


# --- assigning -----------------------------------------------------------------------------


def test_the_secretariat_gives_an_inquiry_to_a_caseworker_who_is_told(world, sent, client_for):
    louise = world.users["louise"]
    assign(world, sent, louise)
    assert sent.assigned_to == louise
    assert notices_of(world, "louise") == [
        f"{sent.reference} er givet til dig af Pia Mortensen (frist {sent.deadline:%d.%m.%Y})"
    ]
    entry = AuditEntry.objects.filter(action="inquiry.assigned").latest("pk")
    assert entry.details["assigned_to"] == louise.pk
    # »Mine henvendelser«: the link in her menu lists it, with its count.
    client = client_for("louise")
    page = client.get(reverse("administration-queue", args=["ishoj"])).content.decode()
    mine = f"?vis=aabne&amp;tildelt={louise.pk}&amp;sorter=frist"
    assert f'{mine}">Mine henvendelser (1)' in page
    listed = client.get(
        reverse("administration-queue", args=["ishoj"]) + mine.replace("&amp;", "&")
    )
    assert sent.reference in listed.content.decode()
    # Given again to the same person: not told twice. Reassigned: the new person is told.
    assign(world, sent, louise)
    assert len(notices_of(world, "louise")) == 1
    assign(world, sent, world.users["henrik"])
    assert len(notices_of(world, "henrik")) == 1
    mine_now = client.get(
        reverse("administration-queue", args=["ishoj"]) + mine.replace("&amp;", "&")
    )
    assert sent.reference not in mine_now.content.decode().split('<ul class="list">', 1)[1]


@pytest.mark.parametrize("who", ["sara", "anders", "birgit", "thomas"])
def test_an_inquiry_is_given_only_to_the_municipality_s_administration(world, sent, who):
    with pytest.raises(RuleError, match="administration"):
        assign(world, sent, world.users[who])
    sent.refresh_from_db()
    assert sent.assigned_to is None
    assert Notice.objects.filter(recipient=world.users[who]).count() == 0


def test_only_the_secretariat_assigns(world, sent):
    for who in ("louise", "henrik", "sara"):
        with pytest.raises(RuleError):
            actions.do_assign_in_administration(
                getattr(world, who), sent, None, "written", False, "", world.users["louise"]
            )
    assert Inquiry.objects.get(pk=sent.pk).assigned_to is None


def test_the_director_is_told_when_involved_once(world, sent):
    centre = world.centre["Center for Børn og Familier"]
    assign(world, sent, centre=centre)
    assert notices_of(world, "henrik") == []
    assign(world, sent, centre=centre, director=True)
    assign(world, sent, centre=centre, director=True)  # saved again: no second notice
    assert notices_of(world, "henrik") == [
        f"Du inddrages i {sent.reference} (Center for Børn og Familier) af Pia Mortensen"
    ]


# --- notes -------------------------------------------------------------------------------


def test_notes_stay_in_their_thread_and_are_never_sent(world, sent, client_for):
    outbox = OutgoingMessage.objects.count()
    own = actions.do_add_note(world.sara, sent, "Ring til borgeren fredag.", "member")
    admin = actions.do_add_note(
        world.louise, sent, "Sagen ligger hos visitationen.", "administration"
    )
    assert OutgoingMessage.objects.count() == outbox
    page = (
        client_for("sara").get(reverse("inquiry-detail", args=["ishoj", sent.pk])).content.decode()
    )
    assert own.body in page and admin.body not in page
    for who in ("pia", "louise", "henrik"):
        page = (
            client_for(who).get(reverse("inquiry-detail", args=["ishoj", sent.pk])).content.decode()
        )
        assert admin.body in page and own.body not in page, who
    assert AuditEntry.objects.filter(action="inquiry.note_added").count() == 2


def test_a_note_is_written_only_in_a_thread_one_may_write_in(world, sent, new_inquiry):
    unsent = actions.do_register_inquiry(
        world.sara, new_inquiry(citizen_email="x@example.dk")
    ).inquiry
    refused = [
        (world.pia, unsent, "administration"),  # not sent to the administration
        (world.pia, sent, "member"),
        (world.kasper, sent, "member"),  # not a recipient
        (world.sara, sent, "administration"),
        (world.sara, sent, "everyone"),
        (world.sara, sent, "  "),
    ]
    for actor, inquiry, visibility in refused:
        with pytest.raises(RuleError):
            actions.do_add_note(actor, inquiry, "Note", visibility)
    with pytest.raises(RuleError, match="Skriv noten"):
        actions.do_add_note(world.sara, sent, " \x00 ", "member")
    assert Note.objects.count() == 0


def test_a_note_with_sensitive_data_says_so_and_goes_with_the_text(world, sent, client_for):
    note = actions.do_add_note(world.louise, sent, CPR_NOTE, "administration")
    assert "cpr" in note.sensitive_categories and "health" in note.sensitive_categories
    page = (
        client_for("pia").get(reverse("inquiry-detail", args=["ishoj", sent.pk])).content.decode()
    )
    assert "Følsomme oplysninger: CPR-nummer" in page
    erase_inquiry(sent)
    assert not Note.objects.filter(inquiry=sent).exists()


def test_a_note_from_the_page(world, sent, client_for):
    client = client_for("sara")
    url = reverse("inquiry-note", args=["ishoj", sent.pk])
    response = client.post(url, {"note-visibility": "member", "note-body": "Husk mødet."})
    assert response.status_code == 302
    assert Note.objects.get().body == "Husk mødet."
    refused = client.post(url, {"note-visibility": "administration", "note-body": "Hemmeligt"})
    assert refused.status_code == 400
    assert "Kun administrationen" in refused.content.decode()
    assert Note.objects.count() == 1


# --- notices -------------------------------------------------------------------------------


def test_the_secretariat_is_told_of_a_new_inquiry_and_the_member_of_the_answer(world, sent):
    assert notices_of(world, "pia") == [
        f"Ny henvendelse til administrationen: {sent.reference} fra Sara Ahmadi"
    ]
    assert notices_of(world, "sara") == []  # not of what she did herself
    before = OutgoingMessage.objects.filter(recipient=world.users["sara"].email).count()
    actions.do_administration_answer(world.louise, sent, "phone", "Talt med borgeren.")
    assert notices_of(world, "sara") == [f"Administrationen har besvaret {sent.reference}"]
    # The answer is told by mail too (the guidance), without the inquiry's content.
    mails = OutgoingMessage.objects.filter(recipient=world.users["sara"].email)
    assert mails.count() == before + 1
    mail = mails.latest("pk")
    assert "Hjemmehjælp" not in mail.subject + mail.body and "mor" not in mail.body
    assert f"/k/ishoj/henvendelser/{sent.pk}/" in mail.body


def test_notices_page_opens_marks_read_and_counts(world, sent, client_for):
    assign(world, sent, world.users["louise"])
    client = client_for("louise")
    page = client.get(reverse("notices", args=["ishoj"])).content.decode()
    assert "Nyt til mig (1)" in page and sent.reference in page
    notice = Notice.objects.get(recipient=world.users["louise"])
    opened = client.post(reverse("notice-open", args=["ishoj", notice.pk]))
    assert opened.status_code == 302 and opened["Location"] == f"/k/ishoj/henvendelser/{sent.pk}/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "Nyt til mig (" not in client.get(reverse("notices", args=["ishoj"])).content.decode()
    # Another person's notice: not found, and not marked read.
    assign(world, sent, world.users["henrik"])
    henriks = Notice.objects.get(recipient=world.users["henrik"])
    assert client.post(reverse("notice-open", args=["ishoj", henriks.pk])).status_code == 404
    assert client.post(reverse("notices-read", args=["ishoj"])).status_code == 302
    henriks.refresh_from_db()
    assert henriks.read_at is None
    assert client.get(reverse("notice-open", args=["ishoj", notice.pk])).status_code == 405


def test_notices_by_mail_for_those_who_want_it(world, sent, client_for):
    louise = world.users["louise"]
    assign(world, sent, louise)
    assert not OutgoingMessage.objects.filter(recipient=louise.email).exists()
    client = client_for("louise")
    client.post(reverse("notices", args=["ishoj"]), {"by_mail": "on"})
    assign(world, sent, world.users["henrik"])
    assign(world, sent, louise)
    mail = OutgoingMessage.objects.get(recipient=louise.email)
    assert (
        mail.subject
        == f"borgerpost: {sent.reference} er givet til dig af Pia Mortensen (frist {sent.deadline:%d.%m.%Y})"
    )
    assert mail.purpose == "internal"
    do_set_notice_mail(world.louise, False)
    assign(world, sent, world.users["henrik"])
    assign(world, sent, louise)
    assert OutgoingMessage.objects.filter(recipient=louise.email).count() == 1
