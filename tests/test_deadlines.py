"""Answer times beyond the 10 working days (issue 18): a request for access to documents
has 7 (offentlighedslovens § 36, stk. 2), and whoever answers can extend the deadline
with a reason and a new date, telling the citizen, the Ombudsman's way."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from borgerpost.audit.models import AuditEntry
from borgerpost.core.exceptions import RuleError
from borgerpost.guard.service import GuardBlocked
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import Inquiry, Message
from borgerpost.outgoing.models import OutgoingMessage
from borgerpost.pure import workdays

from .conftest import received

pytestmark = pytest.mark.django_db

ACCESS = "Jeg anmoder hermed om aktindsigt i alle dokumenter om lokalplan 12 for Torvet."


def register(world, new_inquiry, days_ago=1, **fields):  # type: ignore[no-untyped-def]
    data = new_inquiry(received_at=received(days_ago), **fields)
    return actions.do_register_inquiry(world.sara, data).inquiry


def working_days_after(inquiry, days):  # type: ignore[no-untyped-def]
    return workdays.answer_deadline(inquiry.received_at, days, inquiry.municipality.calendar)


def triage(world, inquiry, access):  # type: ignore[no-untyped-def]
    decision = TriageDecision("political", "personal", None, False, "not_relevant", access)
    actions.do_triage(world.sara, inquiry, decision)
    inquiry.refresh_from_db()


def test_a_request_for_access_to_documents_has_seven_working_days(world, new_inquiry, client_for):
    inquiry = register(world, new_inquiry, subject="Aktindsigt", body=ACCESS)
    assert inquiry.is_access_request
    assert inquiry.deadline == working_days_after(inquiry, 7)
    assert any("offentlighedslovens § 36, stk. 2" in note for note in inquiry.intake_notes)
    page = client_for("sara").get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
    assert "Aktindsigt: 7 arbejdsdage" in page.content.decode()
    # The member decides: not a request after all, then 10; and back again.
    triage(world, inquiry, False)
    assert inquiry.deadline == working_days_after(inquiry, 10)
    triage(world, inquiry, True)
    assert inquiry.deadline == working_days_after(inquiry, 7)
    ordinary = register(world, new_inquiry, citizen_email="b@example.dk")
    assert not ordinary.is_access_request
    assert ordinary.deadline == working_days_after(ordinary, 10)


def extend(world, inquiry, new_deadline, reason="vi venter på en udtalelse fra centret", **kw):  # type: ignore[no-untyped-def]
    body = actions.extension_text(inquiry, new_deadline, reason, "Sara Ahmadi")
    return actions.do_extend_deadline(
        kw.get("actor", world.sara),
        inquiry,
        new_deadline,
        reason,
        kw.get("channel", "mail"),
        kw.get("body", body),
    )


def later_working_day(inquiry, days=5):  # type: ignore[no-untyped-def]
    return inquiry.municipality.calendar.add_working_days(inquiry.deadline, days)


def test_extending_tells_the_citizen_and_keeps_both_deadlines(world, new_inquiry, client_for):
    inquiry = register(world, new_inquiry)
    first, new = inquiry.deadline, later_working_day(inquiry)
    message = extend(world, inquiry, new)
    inquiry.refresh_from_db()
    assert (inquiry.original_deadline, inquiry.deadline) == (first, new)
    assert message.kind == "extension_notice"
    mail = OutgoingMessage.objects.filter(recipient=inquiry.citizen_email).latest("pk")
    assert f"senest {new:%d.%m.%Y}" in mail.body and "venter på en udtalelse" in mail.body
    assert mail.subject == f"Længere svartid på din henvendelse: Skolevej ({inquiry.reference})"
    entry = AuditEntry.objects.filter(action="inquiry.deadline_extended").get()
    assert entry.details["original"] == first.isoformat()
    page = (
        client_for("sara")
        .get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
        .content.decode()
    )
    assert f"forlænget fra {first.day}." in page and "Begrundelse: vi venter på" in page
    # Extended again: the original deadline stays the first one.
    extend(world, inquiry, later_working_day(inquiry, 3))
    inquiry.refresh_from_db()
    assert inquiry.original_deadline == first


def test_what_an_extension_refuses_changes_nothing(world, new_inquiry):
    inquiry = register(world, new_inquiry)
    deadline = inquiry.deadline
    saturday = deadline + dt.timedelta(days=(5 - deadline.weekday()) % 7 or 7)
    refused = [
        {"new_deadline": deadline},  # not later
        {"new_deadline": deadline - dt.timedelta(days=1)},
        {"new_deadline": saturday},  # not a working day
        {"new_deadline": timezone.localdate() + dt.timedelta(days=400)},
        {"new_deadline": later_working_day(inquiry), "reason": " "},
        {"new_deadline": later_working_day(inquiry), "actor": world.kasper},  # not a recipient
        {"new_deadline": later_working_day(inquiry), "actor": world.pia},  # not sent to it
        {"new_deadline": later_working_day(inquiry), "body": ""},
    ]
    for case in refused:
        with pytest.raises(RuleError):
            extend(world, inquiry, **case)
    inquiry.refresh_from_db()
    assert inquiry.deadline == deadline and inquiry.original_deadline is None
    assert not Message.objects.filter(kind="extension_notice").exists()


def test_an_extension_passes_the_guard(world, new_inquiry):
    inquiry = register(world, new_inquiry)
    body = "Din sag om din depression (cpr 010190-1234) venter på lægens udtalelse."
    with pytest.raises(GuardBlocked):
        extend(world, inquiry, later_working_day(inquiry), body=body)
    assert Inquiry.objects.get(pk=inquiry.pk).original_deadline is None


def test_the_page_suggests_telling_the_citizen_before_the_deadline_passes(
    world, new_inquiry, client_for
):
    fresh = register(world, new_inquiry)
    late = register(world, new_inquiry, days_ago=30, citizen_email="late@example.dk")
    client = client_for("sara")

    def page(i):  # type: ignore[no-untyped-def]
        return client.get(reverse("inquiry-detail", args=["ishoj", i.pk])).content.decode()

    assert 'data-testid="extend-suggestion"' not in page(fresh)
    assert "Fristen er overskredet." in page(late)
    # From the page: the form refuses a text with the placeholders left in.
    url = reverse("inquiry-extend", args=["ishoj", fresh.pk])
    form = {
        "extend-new_deadline": later_working_day(fresh).isoformat(),
        "extend-reason": "vi venter på centret",
        "extend-channel": "mail",
        "extend-body": actions.extension_text(fresh, None, "", "Sara"),
    }
    assert client.post(url, form).status_code == 400
    new = later_working_day(fresh)
    form["extend-body"] = actions.extension_text(fresh, new, "vi venter på centret", "Sara")
    assert client.post(url, form).status_code == 302
    fresh.refresh_from_db()
    assert fresh.deadline == new


def test_the_administration_extends_what_it_answers(world, new_inquiry):
    inquiry = register(world, new_inquiry)
    decision = TriageDecision("case", "administration", None, False, "not_relevant")
    actions.do_triage(world.sara, inquiry, decision)
    actions.do_forward_to_administration(world.sara, inquiry)
    extend(world, inquiry, later_working_day(inquiry), actor=world.louise)
    mail = OutgoingMessage.objects.filter(recipient=inquiry.citizen_email).latest("pk")
    assert mail.sender == world.ishoj.main_mailbox  # the municipality's address, not hers
