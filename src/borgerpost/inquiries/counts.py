"""The navigation's numbers as counters, kept in the same transaction as the change.

Every page shows how many open and overdue inquiries the person has. Counting them on
every page scanned the municipality's whole history (issue 17: 54 ms at 100,000
inquiries). Instead, `InboxCount` holds per viewer (a member, or 0 for the
administration) how many of their inquiries are open with each deadline day, and how
many are closed (one bucket). Open is the sum over the open buckets; overdue the sum
over the days before today, so the count needs no job at midnight; »Alle« the sum of all.
A viewer has a bucket per day that still has an open inquiry, so the sum costs the same
with a hundred inquiries or a million.

Each bucket is also split by the inquiry's status, answer path and channel: the filters
the lists count per value (search/finder.py's facets), so a list filtered by those alone
gets its counts from here too, as cheaply as the navigation.

`InboxCounted` remembers what each inquiry adds right now, so a change takes exactly that
away again. `recount` derives it from the rows themselves (status, deadline, recipients,
agenda proposals, sent to the administration) and applies the difference: it is called
by signals on every save and delete of those rows, and by the bulk paths directly, and
running it twice changes nothing. `verify` compares the counters with a full count (the
test suite runs it after every test; `borgerpost counts check` in operation, `borgerpost counts rebuild` to repair).

The viewers follow `InquiryQuerySet.restricted_to`, the access rule: a test checks that
what the counters count is what that rule lets each person see.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F, Sum

from borgerpost.core.access import Actor
from borgerpost.core.counting import Rows, Total, in_one_query

from .models import AgendaProposal, InboxCount, InboxCounted, Inquiry, InquiryRecipient, Status

CLOSED = InboxCount.CLOSED
ADMINISTRATION = 0

Bucket = tuple[dt.date, str, str, str]  # (due, status, path, channel)
Key = tuple[int, int, dt.date, str, str, str]  # (municipality, viewer, *bucket)
BUCKET_FIELDS = ("due", "status", "path", "channel")


def _wanted(
    inquiry_ids: list[int],
) -> tuple[dict[int, set[tuple[int, Bucket]]], dict[int, int]]:
    """What each inquiry should add: a (viewer, bucket) for each person who may see it;
    and each inquiry's municipality, read in the same query."""
    rows = Inquiry.objects.filter(pk__in=inquiry_ids).values_list(
        "pk",
        "municipality_id",
        "status",
        "deadline",
        "sent_to_administration_at",
        "path",
        "channel",
    )
    wanted: dict[int, set[tuple[int, Bucket]]] = {}
    due: dict[int, Bucket] = {}
    municipality: dict[int, int] = {}
    for pk, place, status, deadline, to_administration, path, channel in rows:
        municipality[pk] = place
        day = CLOSED if status == Status.CLOSED else deadline
        due[pk] = (day, status, path, channel)
        wanted[pk] = {(ADMINISTRATION, due[pk])} if to_administration else set()
    viewers = [
        *InquiryRecipient.objects.filter(inquiry_id__in=due).values_list("inquiry_id", "member_id"),
        *AgendaProposal.objects.filter(inquiry_id__in=due).values_list(
            "inquiry_id", "addressee_id"
        ),
    ]
    for pk, viewer in viewers:
        wanted[pk].add((viewer, due[pk]))
    return wanted, municipality


def recount(inquiry_ids: Iterable[int]) -> None:
    """Bring the counters up to date for these inquiries (in the caller's transaction)."""
    ids = sorted(set(inquiry_ids))
    for start in range(0, len(ids), 500):
        with transaction.atomic():
            _recount(ids[start : start + 500])


def _recount(ids: list[int]) -> None:
    wanted, municipality = _wanted(ids)
    have: dict[int, dict[int, InboxCounted]] = {}
    for row in InboxCounted.objects.filter(inquiry_pk__in=ids):
        have.setdefault(row.inquiry_pk, {})[row.viewer] = row
    deltas: Counter[Key] = Counter()
    gone: list[int] = []
    new: list[InboxCounted] = []
    changed: list[InboxCounted] = []
    for pk in ids:
        now = dict(wanted.get(pk, set()))
        before = have.get(pk, {})
        for viewer in before.keys() | now.keys():
            row, bucket = before.get(viewer), now.get(viewer)
            if row is not None and _bucket(row) == bucket:
                continue
            if row is not None:
                deltas[(row.municipality_id, viewer, *_bucket(row))] -= 1
            if bucket is not None:
                deltas[(municipality[pk], viewer, *bucket)] += 1
            if row is None and bucket is not None:
                new.append(
                    InboxCounted(
                        inquiry_pk=pk,
                        municipality_id=municipality[pk],
                        viewer=viewer,
                        **dict(zip(BUCKET_FIELDS, bucket, strict=True)),
                    )
                )
            elif row is not None and bucket is None:
                gone.append(row.pk)
            elif row is not None and bucket is not None:
                for name, value in zip(BUCKET_FIELDS, bucket, strict=True):
                    setattr(row, name, value)
                changed.append(row)
    InboxCounted.objects.filter(pk__in=gone).delete()
    InboxCounted.objects.bulk_update(changed, list(BUCKET_FIELDS))
    InboxCounted.objects.bulk_create(new)
    _apply(deltas)


def _bucket(row: InboxCounted | InboxCount) -> Bucket:
    return (row.due, row.status, row.path, row.channel)


def forget(inquiry_pk: int) -> None:
    """Take away what a deleted inquiry added."""
    deltas: Counter[Key] = Counter()
    rows = InboxCounted.objects.filter(inquiry_pk=inquiry_pk)
    for row in rows:
        deltas[(row.municipality_id, row.viewer, *_bucket(row))] -= 1
    rows.delete()
    _apply(deltas)


def _apply(deltas: Counter[Key]) -> None:
    # In a fixed order, so two transactions changing the same buckets never deadlock.
    for (municipality, viewer, *key), change in sorted(deltas.items()):
        if change == 0:
            continue
        fields = dict(zip(BUCKET_FIELDS, key, strict=True))
        bucket = InboxCount.objects.filter(municipality_id=municipality, viewer=viewer, **fields)
        if bucket.update(n=F("n") + change):
            continue
        try:
            with transaction.atomic():
                InboxCount.objects.create(
                    municipality_id=municipality, viewer=viewer, n=change, **fields
                )
        except IntegrityError:  # another transaction made the bucket first
            bucket.update(n=F("n") + change)


def viewers_of(actor: Actor) -> list[int] | None:
    """The counters that make up what this person sees, or None if they overlap (a
    person who is both a member and in the administration: counted directly)."""
    viewers = []
    if actor.is_council_member:
        viewers.append(actor.user.pk)
    if actor.is_administration:
        viewers.append(ADMINISTRATION)
    return viewers if len(viewers) == 1 else None


def totals(actor: Actor, today: dt.date) -> dict[str, int]:
    """Open, overdue and all inquiries the person may see."""
    return in_one_query(totals_numbers(actor, today))


def totals_numbers(actor: Actor, today: dt.date) -> dict[str, Rows | Total]:
    """The three totals as numbers to read, with others, in one query (core/counting.py):
    sums of the person's counters, or the rows counted when the person is more than one
    viewer."""
    viewers = viewers_of(actor)
    if viewers is None:
        visible = Inquiry.objects.for_actor(actor)
        still_open = visible.exclude(status=Status.CLOSED)
        return {
            "open": Rows(still_open),
            "overdue": Rows(still_open.filter(deadline__lt=today)),
            "all": Rows(visible),
        }
    buckets = InboxCount.objects.for_actor(actor).filter(viewer__in=viewers)
    return {
        "open": Total(buckets.exclude(due=CLOSED), "n"),
        "overdue": Total(buckets.filter(due__lt=today), "n"),
        "all": Total(buckets, "n"),
    }


def facet_counts(actor: Actor, tab: str, today: dt.date) -> list[tuple[str, str, str, int]] | None:
    """How many of the person's inquiries in a tab (aabne, overskredne, alle) have each
    status, answer path and channel, from the counters; None when the person's inquiries
    are not one viewer's (then the rows are counted)."""
    viewers = viewers_of(actor)
    if viewers is None:
        return None
    buckets = InboxCount.objects.for_actor(actor).filter(viewer__in=viewers, n__gt=0)
    if tab == "aabne":
        buckets = buckets.exclude(due=CLOSED)
    elif tab == "overskredne":
        buckets = buckets.filter(due__lt=today)
    rows = buckets.values_list("status", "path", "channel").annotate(total=Sum("n")).order_by()
    return [(status, path, channel, total) for status, path, channel, total in rows]


def verify() -> list[str]:
    """Where the counters differ from counting the rows (empty when they agree)."""
    expected: Counter[Key] = Counter()
    ids = list(Inquiry.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 2000):
        wanted, municipality = _wanted(ids[start : start + 2000])
        for pk, pairs in wanted.items():
            for viewer, bucket in pairs:
                expected[(municipality[pk], viewer, *bucket)] += 1
    stored = {
        (b.municipality_id, b.viewer, *_bucket(b)): b.n for b in InboxCount.objects.exclude(n=0)
    }
    wrong = []
    for key in sorted(set(expected) | set(stored)):
        if expected.get(key, 0) != stored.get(key, 0):
            wrong.append(
                f"kommune {key[0]}, læser {key[1]}, frist {key[2]}, {'/'.join(key[3:])}: "
                f"tæller {stored.get(key, 0)}, rækkerne {expected.get(key, 0)}"
            )
    return wrong


def rebuild() -> None:
    """Count everything again from the rows (after a bulk load that skipped signals)."""
    with transaction.atomic():
        InboxCounted.objects.all().delete()
        InboxCount.objects.all().delete()
    recount(Inquiry.objects.values_list("pk", flat=True))
