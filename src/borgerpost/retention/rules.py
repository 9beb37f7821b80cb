"""Deleting personal data when its time is up (seeds 000-002: within 30 days).

An inquiry's content (text, subject, attachments, citizen contact, messages, drafts,
notes) is deleted `retention_days` after it is closed. An inquiry the administration
received is deleted only once the administration has registered it in its records
system (the case number is recorded); until then it is flagged for the secretariat.
What the statistics need (dates, channel, path, centre, deadline kept or not) stays.
The counsellor's cases lose the citizen's contact and notes after the counsellor's own
period. Every deletion is logged: which record, when, by which rule, never the content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.counsellor.models import CounsellorCase
from borgerpost.inquiries.models import Inquiry, Status
from borgerpost.intake.models import IntakeRecord, QuarantinedMail
from borgerpost.jobs.isolation import isolated

from .models import DeletionLog

RULE_INQUIRY = "henvendelse-afsluttet"
RULE_COUNSELLOR = "borgerraadgiversag-afsluttet"
RULE_QUARANTINE = "karantaene-modtaget"


@dataclass
class Plan:
    inquiries: list[int] = field(default_factory=list)
    counsellor_cases: list[int] = field(default_factory=list)
    waiting_for_case_number: list[int] = field(default_factory=list)
    quarantined_mails: list[int] = field(default_factory=list)


def _due_inquiries(place: Municipality, now: dt.datetime) -> QuerySet[Inquiry]:
    limit = now - dt.timedelta(days=place.retention_days)
    return Inquiry.objects.filter(
        municipality=place,
        status=Status.CLOSED,
        closed_at__lte=limit,
        content_deleted_at__isnull=True,
        contains_personal_data=True,
    )


def waiting_for_case_number(
    place: Municipality, now: dt.datetime | None = None
) -> QuerySet[Inquiry]:
    """Due for deletion, but the administration has not recorded its case number yet."""
    return _due_inquiries(place, now or timezone.now()).filter(
        sent_to_administration_at__isnull=False, records_case_number=""
    )


def plan(place: Municipality, now: dt.datetime | None = None) -> Plan:
    now = now or timezone.now()
    due = _due_inquiries(place, now)
    ready = due.filter(Q(sent_to_administration_at__isnull=True) | ~Q(records_case_number=""))
    counsellor_limit = (now - dt.timedelta(days=place.counsellor_retention_days)).date()
    cases = CounsellorCase.objects.filter(
        municipality=place, closed__lte=counsellor_limit, personal_data_deleted_at__isnull=True
    )
    # A mail intake could not read is deleted by the same period, counted from arrival:
    # nobody closes it, and it must not outlive the rule for the inquiry it would be.
    quarantine_limit = now - dt.timedelta(days=place.retention_days)
    quarantined = QuarantinedMail.objects.filter(
        municipality=place, received_at__lte=quarantine_limit
    ).exclude(raw="", subject="", sender="")
    return Plan(
        quarantined_mails=list(quarantined.values_list("pk", flat=True)),
        inquiries=list(ready.values_list("pk", flat=True)),
        counsellor_cases=list(cases.values_list("pk", flat=True)),
        waiting_for_case_number=list(
            waiting_for_case_number(place, now).values_list("pk", flat=True)
        ),
    )


RETENTION = "retention"
RECORD_TYPES = {
    Inquiry: "inquiry",
    CounsellorCase: "counsellor_case",
    QuarantinedMail: "quarantined_mail",
}


def run(place: Municipality, now: dt.datetime | None = None) -> Plan:
    """Carry out the plan, one record per transaction, each with its log line. A record
    that cannot be deleted (a stored file that will not go, say) is recorded as a problem
    for the administrator and tried again at the next run; the others are deleted."""
    todo = plan(place, now)
    for model, pks, rule, erase in (
        (Inquiry, todo.inquiries, RULE_INQUIRY, _erase_inquiry),
        (CounsellorCase, todo.counsellor_cases, RULE_COUNSELLOR, _erase_case),
        (QuarantinedMail, todo.quarantined_mails, RULE_QUARANTINE, _erase_quarantined),
    ):
        for pk in pks:
            _erase_one(place, model, pk, rule, erase)
    return todo


def _erase_one(place: Municipality, model: Any, pk: int, rule: str, erase: Any) -> None:
    record = model.objects.get(pk=pk)

    def work() -> None:
        erase(model.objects.select_for_update().get(pk=pk))
        DeletionLog.objects.create(
            municipality=place,
            record_type=RECORD_TYPES[model],
            record_id=str(pk),
            rule=rule,
        )

    isolated(RETENTION, record, place, work)


def _erase_case(case: CounsellorCase) -> None:
    case.citizen_contact = ""
    case.notes = ""
    case.personal_data_deleted_at = timezone.now()
    case.save(update_fields=["citizen_contact", "notes", "personal_data_deleted_at"])


def _erase_quarantined(item: QuarantinedMail) -> None:
    if item.raw:
        item.raw.delete(save=False)
    item.subject = item.sender = ""
    if item.resolved_at is None:
        item.resolved_at = timezone.now()
        item.resolution = "Slettet efter slettefristen"
    item.save()


def _erase_inquiry(inquiry: Inquiry) -> None:
    for attachment in inquiry.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    inquiry.messages.update(body="", recipient="", subject="")
    inquiry.drafts.update(body="", request_note="")
    inquiry.agenda_proposals.update(motivation="", status_note="")
    for name in (
        "subject",
        "body",
        "citizen_name",
        "citizen_email",
        "citizen_phone",
        "citizen_address",
        "message_id",
        "content_key",
        "member_note_to_administration",
    ):
        setattr(inquiry, name, "")
    # The Message-ID may name the sender; intake needs it only while the mail is new.
    IntakeRecord.objects.filter(inquiry=inquiry).update(message_id="")
    inquiry.suggestion_reasons = []
    inquiry.sensitive_categories = []
    inquiry.content_deleted_at = timezone.now()
    inquiry.save()


def run_all(now: dt.datetime | None = None) -> int:
    done = 0
    for place in Municipality.objects.all():
        result = run(place, now)
        done += len(result.inquiries) + len(result.counsellor_cases)
        done += len(result.quarantined_mails)
    return done
