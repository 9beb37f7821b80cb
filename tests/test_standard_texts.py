"""Standard texts (issue 18): kept per municipality by the secretariat and the
administrator, with placeholders filled in for one inquiry, and checked by the guard
like every text that leaves."""

from __future__ import annotations

import pytest
from django.urls import reverse

from borgerpost.audit.models import AuditEntry
from borgerpost.core.exceptions import RuleError
from borgerpost.guard.service import GuardBlocked
from borgerpost.inquiries import actions
from borgerpost.inquiries.models import StandardText
from borgerpost.pure import placeholders

pytestmark = pytest.mark.django_db

ACK = "Kære {borger}\n\nTak for din henvendelse {nummer} om »{emne}«. Du får svar senest {frist}.\n\nVenlig hilsen\n{afsender}, {kommune}"


def test_placeholders_fill_once_and_unknown_names_are_named():
    assert placeholders.fill("Kære {borger}", {"borger": "{nummer}"}) == "Kære {nummer}"
    assert placeholders.fill("{ukendt} {frist}", {"frist": "1.2"}) == "{ukendt} 1.2"
    assert placeholders.unknown("Kære {borgr} og {borger} og {borgr}") == ["borgr"]


def test_the_secretariat_keeps_texts_and_a_member_starts_from_one(world, new_inquiry, client_for):
    pia = client_for("pia")
    response = pia.post(
        reverse("standard-text-new", args=["ishoj"]),
        {"kind": "acknowledgement", "name": "Kvittering, kort", "body": ACK},
    )
    assert response.status_code == 302
    text = StandardText.objects.get()
    assert AuditEntry.objects.filter(action="standard_text.saved").count() == 1
    inquiry = actions.do_register_inquiry(
        world.sara, new_inquiry(citizen_name="Ole Hansen")
    ).inquiry
    sara = client_for("sara")
    page = sara.get(reverse("inquiry-detail", args=["ishoj", inquiry.pk])).content.decode()
    assert f'?tekst={text.pk}#h-ack">Kvittering, kort</a>' in page
    filled = sara.get(
        reverse("inquiry-detail", args=["ishoj", inquiry.pk]), {"tekst": text.pk}
    ).content.decode()
    assert (
        f"Kære Ole Hansen\n\nTak for din henvendelse {inquiry.reference} om »Skolevej«." in filled
    )
    assert (
        f"senest {inquiry.deadline:%d.%m.%Y}" in filled and "Sara Ahmadi, Ishøj Kommune" in filled
    )
    # Another municipality's text, or one that does not exist: the usual text, no error.
    for other in ("999999", "x", "<script>"):
        page = sara.get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]), {"tekst": other})
        assert (
            page.status_code == 200 and "Tak for din henvendelse, som jeg" in page.content.decode()
        )


def test_an_unknown_placeholder_is_refused_with_its_name(world, client_for):
    response = client_for("thomas").post(
        reverse("standard-text-new", args=["ishoj"]),
        {"kind": "answer", "name": "Svar", "body": "Kære {borgr}"},
    )
    assert response.status_code == 200
    assert "Ukendt felt i teksten: {borgr}" in response.content.decode()
    assert not StandardText.objects.exists()


@pytest.mark.parametrize("who", ["sara", "louise", "henrik", "birgit", "dorte"])
def test_only_the_secretariat_and_the_administrator_keep_texts(world, client_for, who):
    text = StandardText.objects.create(municipality=world.ishoj, kind="answer", name="A", body="B")
    client = client_for(who)
    assert client.get(reverse("standard-texts", args=["ishoj"])).status_code in (403, 404)
    client.post(reverse("standard-text-delete", args=["ishoj", text.pk]))
    assert StandardText.objects.filter(pk=text.pk).exists()
    with pytest.raises(RuleError):
        actions.do_save_standard_text(
            getattr(world, who), StandardText(kind="answer", name="X", body="Y")
        )


def test_the_guard_checks_what_is_sent_from_a_text(world, new_inquiry):
    text = actions.do_save_standard_text(
        world.pia,
        StandardText(
            kind="answer", name="Helbred", body="Kære {borger}. Din depression er noteret."
        ),
    )
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(citizen_name="Ole")).inquiry
    decision = actions.TriageDecision("political", "personal", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    body = placeholders.fill(text.body, {"borger": "Ole"})
    with pytest.raises(GuardBlocked):
        actions.do_send_reply(world.sara, inquiry, "mail", body)


def test_deleting_a_text(world, client_for):
    text = StandardText.objects.create(municipality=world.ishoj, kind="answer", name="A", body="B")
    assert (
        client_for("pia").post(reverse("standard-text-delete", args=["ishoj", text.pk])).status_code
        == 302
    )
    assert not StandardText.objects.exists()
    assert AuditEntry.objects.filter(action="standard_text.deleted").count() == 1
