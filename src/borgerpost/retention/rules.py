"""Deleting personal data when its time is up (seeds 000-002: within 30 days).

An inquiry's content (text, subject, attachments, citizen contact, messages, drafts,
notes) is deleted `retention_days` after it is closed. An inquiry the administration
received is deleted only once the administration has registered it in its records
system (the case number is recorded); until then it is flagged for the secretariat.
What the statistics need (dates, channel, path, centre, deadline kept or not) stays.
The counsellor's cases lose the citizen's contact and notes after the counsellor's own
period.

Letters lose their text (title, texts, case number, reasons) `letter_retention_days`
after they were sent, or last changed if never sent; by then they are journalised in the
records system, which is where letters are kept. A held letter is never touched. A
citizen leaves the letter register (CPR number, name, address, mail, assessment)
`citizen_retention_days` after their last letter. A vulnerability assessment lapses at
its review date unless it was made again. The outbox keeps a message until the
inquiry period (`retention_days`) after it was sent or given up, and the file
transports' folders (Digital Post and mail written to files in a test installation)
are emptied by the same period.

Every deletion is logged: which record, when, by which rule, never the content.

This module decides what is due and when; each app erases its own content, in its
`erasure.py` (inquiries, intake, letters, counsellor, outgoing), so no app's fields are
written here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.counsellor import erasure as counsellor_erasure
from borgerpost.counsellor.models import CounsellorCase, CounsellorMail
from borgerpost.inquiries import erasure as inquiries_erasure
from borgerpost.inquiries.models import Inquiry, Status
from borgerpost.intake import erasure as intake_erasure
from borgerpost.intake.models import QuarantinedMail
from borgerpost.jobs.isolation import isolated
from borgerpost.letters import erasure as letters_erasure
from borgerpost.letters.models import Citizen, Letter, LetterStatus
from borgerpost.outgoing import erasure as outgoing_erasure
from borgerpost.outgoing.models import OutgoingMessage
from borgerpost.outgoing.models import State as OutgoingState

from .models import DeletionLog

RULE_INQUIRY = "henvendelse-afsluttet"
RULE_COUNSELLOR = "borgerraadgiversag-afsluttet"
RULE_QUARANTINE = "karantaene-modtaget"
RULE_LETTER = "brev-sendt"
RULE_CITIZEN = "borger-seneste-brev"
RULE_ASSESSMENT = "saarbarhed-revurderingsdato"
RULE_OUTGOING = "udgaaende-post-sendt"
RULE_OUTBOX_FILE = "udbakke-fil"
RULE_COUNSELLOR_MAIL = "borgerraadgiver-post-uregistreret"


@dataclass
class Plan:
    inquiries: list[int] = field(default_factory=list)
    counsellor_cases: list[int] = field(default_factory=list)
    counsellor_mails: list[int] = field(default_factory=list)
    waiting_for_case_number: list[int] = field(default_factory=list)
    quarantined_mails: list[int] = field(default_factory=list)
    letters: list[int] = field(default_factory=list)
    citizens: list[int] = field(default_factory=list)
    lapsed_assessments: list[int] = field(default_factory=list)
    outgoing: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(
            len(pks)
            for pks in (
                self.inquiries,
                self.counsellor_cases,
                self.counsellor_mails,
                self.quarantined_mails,
                self.letters,
                self.citizens,
                self.lapsed_assessments,
                self.outgoing,
            )
        )


def _due_inquiries(place: Municipality, now: dt.datetime) -> QuerySet[Inquiry]:
    limit = now - dt.timedelta(days=place.retention_days)
    return Inquiry.objects.filter(
        municipality=place,
        status=Status.CLOSED,
        closed_at__lte=limit,
        content_deleted_at__isnull=True,
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
    # A mail to the counsellor never registered as a case: the counsellor's period,
    # counted from arrival (a registered one keeps nothing: its text is the case's).
    counsellor_mails = CounsellorMail.objects.filter(
        municipality=place,
        received_at__lte=now - dt.timedelta(days=place.counsellor_retention_days),
        content_deleted_at__isnull=True,
    )
    return Plan(
        counsellor_mails=_ids(counsellor_mails),
        letters=_ids(_due_letters(place, now)),
        citizens=_ids(_due_citizens(place, now)),
        lapsed_assessments=_ids(_lapsed_assessments(place, now)),
        outgoing=_ids(_due_outgoing(place, now)),
        quarantined_mails=list(quarantined.values_list("pk", flat=True)),
        inquiries=list(ready.values_list("pk", flat=True)),
        counsellor_cases=list(cases.values_list("pk", flat=True)),
        waiting_for_case_number=list(
            waiting_for_case_number(place, now).values_list("pk", flat=True)
        ),
    )


def _ids(queryset: QuerySet[Any]) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def _due_letters(place: Municipality, now: dt.datetime) -> QuerySet[Letter]:
    limit = now - dt.timedelta(days=place.letter_retention_days)
    return (
        Letter.objects.in_municipality(place)
        .filter(content_deleted_at__isnull=True)
        .exclude(status=LetterStatus.HELD)
        .filter(Q(sent_at__lte=limit) | Q(sent_at__isnull=True, created_at__lte=limit))
    )


def _due_citizens(place: Municipality, now: dt.datetime) -> QuerySet[Citizen]:
    limit = now - dt.timedelta(days=place.citizen_retention_days)
    recent = Letter.objects.filter(citizen=OuterRef("pk")).filter(
        Q(created_at__gt=limit) | Q(sent_at__gt=limit) | Q(status=LetterStatus.HELD)
    )
    return (
        Citizen.objects.in_municipality(place).filter(created_at__lte=limit).exclude(Exists(recent))
    )


def _lapsed_assessments(place: Municipality, now: dt.datetime) -> QuerySet[Citizen]:
    today = timezone.localtime(now).date()
    never_dated = now - dt.timedelta(days=365)  # assessed before review dates existed
    return Citizen.objects.filter(
        municipality=place, vulnerability_assessed_at__isnull=False
    ).filter(
        Q(vulnerability_review_on__lt=today)
        | Q(vulnerability_review_on__isnull=True, vulnerability_assessed_at__lte=never_dated)
    )


def _due_outgoing(place: Municipality, now: dt.datetime) -> QuerySet[OutgoingMessage]:
    limit = now - dt.timedelta(days=place.retention_days)
    return OutgoingMessage.objects.in_municipality(place).filter(
        Q(state=OutgoingState.SENT, sent_at__lte=limit)
        | Q(state=OutgoingState.FAILED, created_at__lte=limit)
    )


RETENTION = "retention"
RECORD_TYPES = {
    Inquiry: "inquiry",
    CounsellorCase: "counsellor_case",
    CounsellorMail: "counsellor_mail",
    QuarantinedMail: "quarantined_mail",
    Letter: "letter",
    Citizen: "citizen",
    OutgoingMessage: "outgoing_message",
}


def run(place: Municipality, now: dt.datetime | None = None) -> Plan:
    """Carry out the plan, one record per transaction, each with its log line. A record
    that cannot be deleted (a stored file that will not go, say) is recorded as a problem
    for the administrator and tried again at the next run; the others are deleted."""
    todo = plan(place, now)
    for model, pks, rule, erase in (
        (Inquiry, todo.inquiries, RULE_INQUIRY, _erase_inquiry),
        (CounsellorCase, todo.counsellor_cases, RULE_COUNSELLOR, counsellor_erasure.erase_case),
        (
            CounsellorMail,
            todo.counsellor_mails,
            RULE_COUNSELLOR_MAIL,
            counsellor_erasure.erase_mail,
        ),
        (
            QuarantinedMail,
            todo.quarantined_mails,
            RULE_QUARANTINE,
            intake_erasure.erase_quarantined,
        ),
        (Letter, todo.letters, RULE_LETTER, letters_erasure.erase_letter),
        (Citizen, todo.lapsed_assessments, RULE_ASSESSMENT, letters_erasure.lapse_assessment),
        (Citizen, todo.citizens, RULE_CITIZEN, letters_erasure.erase_citizen),
        (OutgoingMessage, todo.outgoing, RULE_OUTGOING, outgoing_erasure.erase_outgoing),
    ):
        for pk in pks:
            _erase_one(place, model, pk, rule, erase)
    return todo


def _erase_one(place: Municipality, model: Any, pk: int, rule: str, erase: Any) -> None:
    record = model.objects.filter(pk=pk).first()
    if record is None:
        return  # gone since the plan was made (a citizen after a lapsed assessment)

    def work() -> None:
        erase(model.objects.select_for_update().get(pk=pk))
        DeletionLog.objects.create(
            municipality=place,
            record_type=RECORD_TYPES[model],
            record_id=str(pk),
            rule=rule,
        )

    isolated(RETENTION, record, place, work)


def erase_outbox_files(now: dt.datetime | None = None) -> int:
    """The file transports' folders (a test installation's Digital Post and mail): each
    file goes after the shortest inquiry period of any municipality on the installation,
    since a file does not say whose it is."""
    shortest = Municipality.objects.aggregate(days=Min("retention_days"))["days"]
    if shortest is None:
        return 0
    limit = (now or timezone.now()) - dt.timedelta(days=shortest)
    removed = 0
    for path in _outbox_files():
        if path.stat().st_mtime > limit.timestamp():
            continue
        path.unlink(missing_ok=True)
        DeletionLog.objects.create(
            municipality=None,
            record_type="outbox_file",
            record_id=path.name[-40:],
            rule=RULE_OUTBOX_FILE,
        )
        removed += 1
    return removed


# The operator's list of recipients not on Digital Post is set-up, not post: it stays.
_KEPT = {"not-registered.txt"}


def _outbox_files() -> list[Path]:
    """Every file in the file transports' folders, once: the mail folder is usually
    inside the outbox folder, but may be set elsewhere (EMAIL_FILE_PATH)."""
    found: set[Path] = set()
    for folder in (Path(settings.DATA_DIR) / "outbox", Path(settings.EMAIL_FILE_PATH)):
        if folder.is_dir():
            found |= {p.resolve() for p in folder.rglob("*") if p.is_file()}
    return sorted(p for p in found if p.name not in _KEPT)


def _erase_inquiry(inquiry: Inquiry) -> None:
    inquiries_erasure.erase_inquiry(inquiry)
    intake_erasure.erase_for_inquiry(inquiry)


def run_all(now: dt.datetime | None = None) -> int:
    done = 0
    for place in Municipality.objects.all():
        result = run(place, now)
        done += result.total
    return done + erase_outbox_files(now)
