"""For the data protection officer: one citizen's access log, and unusual bulk access.

The access log answers a citizen's access request (GDPR art. 15): who in the
municipality opened, downloaded, changed or sent what about them, and when. It is built
from the audit log, which never holds content, by finding the citizen's records first:
inquiries by their mail address or phone number, letters and the citizen record by CPR
number. Once retention has deleted an inquiry's content, the link to the citizen is gone
with it, which the page says.

Bulk access: a person who opened more distinct records about citizens in one day (a
list counts the records it showed) than the municipality's threshold is flagged for the officer to look into.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Concat, TruncDate
from django.utils import timezone

from borgerpost.audit.log import LISTED
from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Municipality

# Reads of records about citizens (the audit actions that mean "saw it"). Never the
# citizen counsellor's: nothing of the counsellor's work (its existence, ids, counts or
# timing) reaches anyone outside the counsellor's register (docs/threat-model.md).
READS = (
    "inquiry.viewed",
    "attachment.downloaded",
    "letter.viewed",
    "citizen.viewed",
    "quarantine.downloaded",
)


@dataclass(frozen=True)
class CitizenKey:
    email: str = ""
    phone: str = ""
    cpr: str = ""

    @property
    def empty(self) -> bool:
        return not (self.email or self.phone or self.cpr)


def _records(municipality: Municipality, key: CitizenKey) -> Q:
    from borgerpost.inquiries.models import Attachment, Inquiry, Message
    from borgerpost.letters.models import Citizen, Letter

    inquiries = Inquiry.objects.in_municipality(municipality)
    match = Q(pk__in=[])
    if key.email:
        match |= Q(citizen_email__iexact=key.email)
    if key.phone:
        match |= Q(citizen_phone=key.phone)
    inquiry_ids = list(inquiries.filter(match).values_list("pk", flat=True))
    citizen_ids: list[int] = []
    if key.cpr:
        citizen_ids = list(
            Citizen.objects.in_municipality(municipality)
            .filter(cpr=key.cpr)
            .values_list("pk", flat=True)
        )
    letter_ids = list(
        Letter.objects.filter(citizen_id__in=citizen_ids).values_list("pk", flat=True)
    )
    attachment_ids = list(
        Attachment.objects.filter(inquiry_id__in=inquiry_ids).values_list("pk", flat=True)
    )
    message_ids = list(
        Message.objects.filter(inquiry_id__in=inquiry_ids).values_list("pk", flat=True)
    )

    def of(kind: str, ids: list[int]) -> Q:
        return Q(object_type=kind, object_id__in=[str(i) for i in ids])

    return (
        of("inquiry", inquiry_ids)
        | of("attachment", attachment_ids)
        | of("message", message_ids)
        | of("citizen", citizen_ids)
        | of("letter", letter_ids)
    )


def citizen_access_log(municipality: Municipality, key: CitizenKey) -> QuerySet[AuditEntry]:
    if key.empty:
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.in_municipality(municipality)
        .filter(_records(municipality, key))
        .select_related("actor")
        .order_by("at", "pk")
    )


def access_log_csv(entries: QuerySet[AuditEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["tidspunkt", "person", "brugernavn", "handling", "post", "id"])
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(
            [
                timezone.localtime(entry.at).strftime("%d-%m-%Y %H:%M:%S"),
                entry.actor.get_full_name() if entry.actor else "borgerpost (automatisk)",
                entry.actor.username if entry.actor else "",
                ACTION_LABELS.get(entry.action, entry.action),
                entry.object_type,
                entry.object_id,
            ]
        )
    return out.getvalue()


ACTION_LABELS = {
    LISTED: "så en liste",
    "inquiry.viewed": "åbnede henvendelsen",
    "inquiry.registered": "registrerede henvendelsen",
    "attachment.downloaded": "hentede en vedhæftning",
    "letter.viewed": "åbnede brevet",
    "citizen.viewed": "åbnede borgerens oplysninger",
    "inquiry.reply_sent": "sendte et svar",
    "inquiry.forwarded_to_administration": "sendte til administrationen",
    "inquiry.forwarded_by_mail": "videresendte henvendelsen",
    "inquiry.recipient_added": "registrerede henvendelsen (også modtaget)",
    "inquiry.acknowledged": "kvitterede for henvendelsen",
    "inquiry.acknowledgement_taken": "påtog sig kvitteringen",
    "inquiry.advance_notice": "varslede borgeren",
    "inquiry.social_media_answer": "sendte standardsvar til sociale medier",
    "inquiry.triaged": "vurderede henvendelsen",
    "inquiry.assigned": "fordelte henvendelsen",
    "inquiry.case_number_recorded": "registrerede journalnummer",
    "inquiry.closed": "afsluttede henvendelsen",
    "citizen.created": "oprettede borgeren",
    "citizen.vulnerability_assessed": "vurderede borgerens sårbarhed",
    "letter.created": "skrev brevet",
    "letter.released_early": "frigav brevet før tid",
}


@dataclass(frozen=True)
class BulkAccess:
    user_id: int
    name: str
    username: str
    day: dt.date
    records: int


def bulk_access(
    municipality: Municipality, since: dt.date | None = None, threshold: int | None = None
) -> list[BulkAccess]:
    """People who opened more distinct citizen records in one day than the threshold."""
    threshold = threshold or settings.DPO_BULK_ACCESS_THRESHOLD
    since = since or timezone.localdate() - dt.timedelta(days=90)
    person = ("actor", "actor__first_name", "actor__last_name", "actor__username")
    entries = (
        AuditEntry.objects.in_municipality(municipality)
        .filter(actor__isnull=False, at__date__gte=since)
        .annotate(day=TruncDate("at"))
    )
    opened = (
        entries.filter(action__in=READS)
        .annotate(record=Concat("object_type", Value(":"), "object_id"))
        .values(*person, "day")
        .annotate(records=Count("record", distinct=True))
    )
    # Lists: one entry per view with the number of records it showed, summed by the
    # database per person and day (a busy year is hundreds of thousands of list views).
    listed = (
        entries.filter(action=LISTED)
        .values(*person, "day")
        .annotate(records=Sum(Cast(KT("details__shown"), IntegerField())))
    )
    totals: dict[tuple[int, dt.date], list[Any]] = {}
    for row in opened:
        key = (row["actor"], row["day"])
        totals[key] = [_name(row), row["actor__username"], row["records"]]
    for row in listed:
        key = (row["actor"], row["day"])
        entry = totals.setdefault(key, [_name(row), row["actor__username"], 0])
        entry[2] += row["records"] or 0
    found = [
        BulkAccess(actor, name, username, day, records)
        for (actor, day), (name, username, records) in totals.items()
        if records > threshold
    ]
    return sorted(found, key=lambda b: (b.day, b.records), reverse=True)


def _name(row: dict[str, Any]) -> str:
    return f"{row['actor__first_name']} {row['actor__last_name']}".strip()
