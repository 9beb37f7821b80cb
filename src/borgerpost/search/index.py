"""Keep every inquiry's search document in step with the inquiry, in the writer's
transaction: the signals call `reindex` on each save that changes what is searched, the
bulk registration path calls it itself, and `rebuild` writes every document again
(`borgerpost search rebuild`, and after a restore)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from borgerpost.inquiries.models import Attachment, Inquiry
from borgerpost.pure.searchwords import phone_digits

from .backends import backend

# What a document is built from: saving only other fields cannot change it.
SEARCHED_FIELDS = frozenset(
    {
        "subject",
        "body",
        "citizen_name",
        "citizen_email",
        "citizen_phone",
        "records_case_number",
        "content_deleted_at",
    }
)
BATCH = 500


@dataclass(frozen=True)
class Document:
    """An inquiry's searched text in three weights: the subject counts most, then who
    and which case it is about, then the text itself."""

    inquiry_id: int
    subject: str
    people: str
    body: str


def document_of(inquiry: Inquiry, attachment_names: list[str]) -> Document:
    people = [
        inquiry.citizen_name,
        inquiry.citizen_email,
        phone_digits(inquiry.citizen_phone),
        inquiry.records_case_number,
        *attachment_names,
    ]
    # The text only while it is kept: erasure empties it, and then it is not found by it.
    body = "" if inquiry.content_deleted_at else inquiry.body
    return Document(inquiry.pk, inquiry.subject, " ".join(p for p in people if p), body)


def reindex(inquiry_ids: Iterable[int]) -> None:
    ids = sorted(set(inquiry_ids))
    for start in range(0, len(ids), BATCH):
        _reindex(ids[start : start + BATCH])


def _reindex(ids: list[int]) -> None:
    names: dict[int, list[str]] = defaultdict(list)
    for inquiry_id, filename in Attachment.objects.filter(inquiry_id__in=ids).values_list(
        "inquiry_id", "filename"
    ):
        names[inquiry_id].append(filename)
    inquiries = Inquiry.objects.filter(pk__in=ids).only(*SEARCHED_FIELDS)
    backend().write([document_of(i, names[i.pk]) for i in inquiries])


def forget(inquiry_ids: Iterable[int]) -> None:
    backend().forget(list(inquiry_ids))


def rebuild() -> int:
    """Every inquiry's document written again; returns how many."""
    ids = list(Inquiry.objects.values_list("pk", flat=True))
    backend().clear()
    reindex(ids)
    return len(ids)
