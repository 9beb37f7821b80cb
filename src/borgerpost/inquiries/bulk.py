"""Bulk import of a council member's exported mail: folders of .eml files and .mbox files.

Every mail becomes an inquiry by the same rules as an upload (deduplicated, scanned by
the guard, audited). Each mail is read and checked on its own, so a bad mail never
stops or undoes the others; the good ones are written in batches. The summary says what was imported, what was skipped as a
duplicate and what was rejected, with the reason a person can act on.
"""

from __future__ import annotations

import mailbox
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, connection

from borgerpost.core.access import Actor
from borgerpost.mailparse import MailParseError, parse_eml

from .actions import (
    NewInquiry,
    do_register_inquiries,
    do_register_inquiry,
    new_inquiry_from_mail,
    validate,
)
from .rules import RuleError


@dataclass
class BulkSummary:
    imported: int = 0
    added_recipient: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, why)


def messages_in(paths: list[Path]) -> Iterator[tuple[str, bytes]]:
    """(where, raw bytes) for every mail in the given .eml files, folders and .mbox files."""
    for path in paths:
        if path.is_dir():
            for eml in sorted(path.rglob("*.eml")):
                yield str(eml), eml.read_bytes()
        elif path.suffix.lower() == ".mbox":
            box = mailbox.mbox(str(path), create=False)
            try:
                for key in box.keys():  # noqa: SIM118 - iterating a Mailbox yields messages
                    yield f"{path}#{key}", box.get_bytes(key)
            finally:
                box.close()
        else:
            yield str(path), path.read_bytes()


def count_messages(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for _ in path.rglob("*.eml"))
        elif path.suffix.lower() == ".mbox":
            box = mailbox.mbox(str(path), create=False)
            total += len(box)
            box.close()
        else:
            total += 1
    return total


BATCH = 200  # mails written per transaction


def import_mail(
    actor: Actor, paths: list[Path], progress: Callable[[int], None] | None = None
) -> BulkSummary:
    return import_messages(actor, messages_in(paths), progress)


def import_messages(
    actor: Actor,
    messages: Iterable[tuple[str, bytes]],
    progress: Callable[[int], None] | None = None,
) -> BulkSummary:
    """Import (where, raw) mails. Each is read and checked on its own, so a bad mail is
    reported and never stops or undoes the others; good mails are written in batches."""
    summary = BulkSummary()
    batch: list[NewInquiry] = []
    statistics = _Statistics()
    for done, (where, raw) in enumerate(messages, start=1):
        try:
            data = new_inquiry_from_mail(parse_eml(raw))
            validate(data)
        except (MailParseError, RuleError) as exc:
            summary.rejected.append((where, str(exc)))
        else:
            batch.append(data)
        if len(batch) >= BATCH:
            _write(actor, batch, summary)
            statistics.grew_by(len(batch))
            batch = []
        if progress:
            progress(done)
    _write(actor, batch, summary)
    return summary


def _write(actor: Actor, batch: list[NewInquiry], summary: BulkSummary) -> None:
    if not batch:
        return
    try:
        registrations = do_register_inquiries(actor, batch)
    except IntegrityError:
        # Someone registered one of these mails at the same moment: one by one instead.
        registrations = [do_register_inquiry(actor, data) for data in batch]
    for registration in registrations:
        if registration.outcome == "created":
            summary.imported += 1
        elif registration.outcome == "added_recipient":
            summary.added_recipient += 1
        else:
            summary.duplicates += 1


class _Statistics:
    """Fresh planner statistics while an import grows the inquiry table.

    PostgreSQL plans with the statistics of its last ANALYZE. While an import multiplies
    the table, autovacuum lags behind, and the duplicate look-ups are planned as if the
    municipality had a few hundred rows: they scan all of them, and at 100,000 rows that
    costs more than reading the mail. PostgreSQL's advice for bulk loading is to ANALYZE;
    done each time the import has doubled what it wrote, that is a handful of times.
    """

    def __init__(self) -> None:
        self._written, self._next = 0, 1000

    def grew_by(self, rows: int) -> None:
        self._written += rows
        if self._written >= self._next and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE inquiries_inquiry")
            self._next = 2 * self._written
