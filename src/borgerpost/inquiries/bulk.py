"""Bulk import of a council member's exported mail: folders of .eml files and .mbox files.

Every mail becomes an inquiry by the same rules as an upload (deduplicated, scanned by
the guard, audited). Each mail is read and checked on its own, so a bad mail never
stops or undoes the others; the good ones are written in batches. The summary says what was imported, what was skipped as a
duplicate and what was rejected, with the reason a person can act on.
"""

from __future__ import annotations

import logging
import mailbox
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from borgerpost.core.access import Actor
from borgerpost.pure.mailparse import BROKEN, MailParseError, parse_eml

from .actions import (
    NewInquiry,
    Registration,
    do_register_inquiries,
    do_register_inquiry,
    new_inquiry_from_mail,
    validate,
)
from .rules import RuleError

logger = logging.getLogger("borgerpost.import")

NOT_STORED = "Mailen kunne ikke gemmes på grund af en teknisk fejl ({kind}). Importér den igen."


@dataclass
class BulkSummary:
    """Every mail read ends in exactly one of these, so the counts add up to `read`."""

    read: int = 0
    imported: int = 0
    added_recipient: int = 0
    duplicates: int = 0
    separate: int = 0  # imported as an inquiry of its own although it resembled another
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, why)

    @property
    def accounted(self) -> int:
        return self.imported + self.added_recipient + self.duplicates + len(self.rejected)


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
    batch: list[tuple[str, NewInquiry]] = []
    statistics = _Statistics()
    for done, (where, raw) in enumerate(messages, start=1):
        summary.read += 1
        try:
            data = new_inquiry_from_mail(parse_eml(raw, settings.MAX_UPLOAD_BYTES))
            validate(data)
        except (MailParseError, RuleError) as exc:
            summary.rejected.append((where, str(exc)))
        except Exception as exc:  # whatever one mail does, the others go on
            logger.warning("import: mail not readable: %s", type(exc).__name__)
            summary.rejected.append((where, BROKEN))
        else:
            batch.append((where, data))
        if len(batch) >= BATCH:
            _write(actor, batch, summary)
            statistics.grew_by(len(batch))
            batch = []
        if progress:
            progress(done)
    _write(actor, batch, summary)
    return summary


def _write(actor: Actor, batch: list[tuple[str, NewInquiry]], summary: BulkSummary) -> None:
    if not batch:
        return
    try:
        registrations = do_register_inquiries(actor, [data for _, data in batch])
    except Exception as exc:
        # One mail the batch could not store (or someone registered one of them at the
        # same moment): the batch is undone as a whole, so each is tried on its own.
        logger.info("import: batch retried one by one: %s", type(exc).__name__)
        for where, data in batch:
            _write_one(actor, where, data, summary)
        return
    for registration in registrations:
        _count(registration, summary)


def _write_one(actor: Actor, where: str, data: NewInquiry, summary: BulkSummary) -> None:
    try:
        registration = do_register_inquiry(actor, data)
    except RuleError as exc:
        summary.rejected.append((where, str(exc)))
    except Exception as exc:
        logger.warning("import: mail not stored: %s", type(exc).__name__)
        summary.rejected.append((where, NOT_STORED.format(kind=type(exc).__name__)))
    else:
        _count(registration, summary)


def _count(registration: Registration, summary: BulkSummary) -> None:
    if registration.outcome == "created":
        summary.imported += 1
        summary.separate += bool(registration.inquiry.intake_notes) and any(
            "selvstændig" in note for note in registration.inquiry.intake_notes
        )
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
