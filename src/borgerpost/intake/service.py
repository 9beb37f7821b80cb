"""Taking new mail from a mailbox, exactly once, into inquiries or quarantine.

Each mail is handled in its own transaction that writes the inquiry (or the quarantine
entry) and the IntakeRecord keyed on (mailbox, UIDVALIDITY, UID). Only after that
commit is the mail marked $BorgerpostTaken on the server. Killed before the commit, the
transaction is gone and the mail is still unmarked: it is taken on the next run. Killed
after the commit but before the mark, the next run finds the record and only marks it.
A mail the server renumbered (a new UIDVALIDITY) is recognised by its Message-ID.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import ssl
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import actor_for
from borgerpost.core.exceptions import RuleError
from borgerpost.inquiries.actions import (
    Registration,
    do_receive_in_main_mailbox,
    do_register_inquiry,
    new_inquiry_from_mail,
)
from borgerpost.jobs.isolation import record_failure, resolve
from borgerpost.notices import events
from borgerpost.pure.mailparse import BROKEN, MailParseError, ParsedMail, parse_eml

from .emlfolder import open_eml_folder
from .imap import open_folder
from .interfaces import FetchedMail, MailboxError, MailFolder
from .models import IntakeRecord, Mailbox, MailboxKind, MailSource, QuarantinedMail

logger = logging.getLogger("borgerpost.intake")

BATCH = 25  # mails fetched per IMAP command; each is still committed on its own
_LOCK_SPACE = 0x62700001  # PostgreSQL advisory-lock namespace for mailboxes


@dataclass
class IntakeSummary:
    created: int = 0
    joined: int = 0
    duplicates: int = 0
    quarantined: int = 0
    marked_again: int = 0  # taken before a restart, marked on the server now
    busy: bool = False  # another worker is reading this mailbox
    reasons: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.created or self.joined or self.duplicates or self.quarantined)

    def __str__(self) -> str:
        return f"{self.created} new inquiries, {self.quarantined} quarantined"

    def add(self, outcome: str, reason: str = "") -> None:
        if outcome == IntakeRecord.Outcome.CREATED:
            self.created += 1
        elif outcome in (IntakeRecord.Outcome.JOINED, IntakeRecord.Outcome.FOLLOW_UP):
            self.joined += 1  # on an inquiry already there: the same mail, or a reply
        elif outcome == IntakeRecord.Outcome.DUPLICATE:
            self.duplicates += 1
        else:
            self.quarantined += 1
            self.reasons.append(reason)


def take_new_mail(
    mailbox: Mailbox, tls_context: ssl.SSLContext | None = None, limit: int | None = None
) -> IntakeSummary:
    """Take every new mail in the mailbox's folder. Raises MailboxError (Danish) when the
    mailbox cannot be read; the error is also kept on the mailbox for its settings page."""
    summary = IntakeSummary()
    _require_member_still_in_office(mailbox)
    with mailbox_lock(mailbox) as acquired:
        if not acquired:
            summary.busy = True
            return summary
        try:
            with _open(mailbox, tls_context) as folder:
                uids = folder.untaken_uids()
                done = _already_taken(mailbox, folder.uidvalidity, uids)
                folder.mark_taken(sorted(done))
                summary.marked_again = len(done)
                todo = [uid for uid in uids if uid not in done][:limit]
                for start in range(0, len(todo), BATCH):
                    taken = []
                    for mail in folder.fetch(
                        todo[start : start + BATCH], settings.MAX_UPLOAD_BYTES
                    ):
                        outcome, reason = _take_one(mailbox, folder.uidvalidity, mail)
                        summary.add(outcome, reason)
                        taken.append(mail.uid)
                    folder.mark_taken(taken)
        except MailboxError as exc:
            Mailbox.objects.filter(pk=mailbox.pk).update(last_error=str(exc)[:500])
            raise
    Mailbox.objects.filter(pk=mailbox.pk).update(last_polled_at=timezone.now(), last_error="")
    return summary


def _open(
    mailbox: Mailbox, tls_context: ssl.SSLContext | None
) -> AbstractContextManager[MailFolder]:
    if mailbox.source == MailSource.FOLDER:
        return open_eml_folder(mailbox.folder, str(settings.MAIL_FOLDERS))
    return open_folder(mailbox, tls_context)


def _require_member_still_in_office(mailbox: Mailbox) -> None:
    if mailbox.kind == MailboxKind.COUNSELLOR:
        owner = actor_for(mailbox.member, mailbox.municipality)
        if owner is None or not owner.is_counsellor:
            raise MailboxError(
                "Postkassen tilhører en person, der ikke længere er borgerrådgiver. Den læses ikke."
            )
        return
    if mailbox.kind != MailboxKind.MEMBER:
        return
    actor = actor_for(mailbox.member, mailbox.municipality)
    if actor is None or not actor.is_council_member:
        raise MailboxError(
            "Postkassen tilhører en person, der ikke længere er byrådsmedlem. Den læses ikke."
        )


def _already_taken(mailbox: Mailbox, uidvalidity: int, uids: list[int]) -> set[int]:
    done: set[int] = set()
    for start in range(0, len(uids), 1000):
        done.update(
            IntakeRecord.objects.filter(
                mailbox=mailbox, uidvalidity=uidvalidity, uid__in=uids[start : start + 1000]
            ).values_list("uid", flat=True)
        )
    return done


NOT_STORED = (
    "Mailen kunne ikke gemmes som henvendelse på grund af en teknisk fejl ({kind}). "
    "Originalen er gemt her; registrér henvendelsen i hånden."
)
TOO_LARGE_HERE = (
    "Mailen fylder {size:.0f} MB; grænsen er {limit} MB pr. mail, så den er ikke hentet. "
    "Den ligger stadig i postkassen: åbn den i mailprogrammet, og registrér henvendelsen "
    "i hånden."
)


def _take_one(mailbox: Mailbox, uidvalidity: int, mail: FetchedMail) -> tuple[str, str]:
    """Take one mail in its own transaction. Whatever the mail does (cannot be parsed,
    is refused by a rule, makes storing fail), it ends as an inquiry, a recognised
    duplicate or a quarantine entry with a Danish reason, and the others go on."""
    try:
        return _take(mailbox, uidvalidity, mail)
    except DatabaseError:
        raise  # the database itself: stop this round, the mail is taken next time
    except Exception as exc:
        logger.warning("mail %s could not be taken: %s", mail.uid, type(exc).__name__)
        with transaction.atomic():
            _quarantine(mailbox, mail.raw, None, NOT_STORED.format(kind=type(exc).__name__))
            _record(mailbox, uidvalidity, mail, None, IntakeRecord.Outcome.QUARANTINED, None)
        return IntakeRecord.Outcome.QUARANTINED, NOT_STORED.format(kind=type(exc).__name__)


def _take(mailbox: Mailbox, uidvalidity: int, mail: FetchedMail) -> tuple[str, str]:
    with transaction.atomic():
        if mail.too_large:
            parsed = None
            reason = TOO_LARGE_HERE.format(
                size=mail.size / 1048576, limit=settings.MAX_UPLOAD_BYTES // 1048576
            )
        else:
            parsed, reason = _parse(mail.raw)
        inquiry = None
        if parsed is None:
            outcome = IntakeRecord.Outcome.QUARANTINED
        elif mailbox.records.filter(fingerprint=parsed.fingerprint()).exists():
            outcome = IntakeRecord.Outcome.DUPLICATE  # the same mail after renumbering
        else:
            try:
                with transaction.atomic():  # a savepoint: a failure undoes only this mail
                    registration = _register(mailbox, parsed)
            except RuleError as exc:  # an attachment over the limit ...
                outcome, reason = IntakeRecord.Outcome.QUARANTINED, str(exc)
            except Exception as exc:  # storing failed: keep the original with the reason
                logger.warning("mail %s not stored: %s", mail.uid, type(exc).__name__)
                outcome = IntakeRecord.Outcome.QUARANTINED
                reason = NOT_STORED.format(kind=type(exc).__name__)
            else:
                inquiry = registration.inquiry
                outcome = {
                    "created": IntakeRecord.Outcome.CREATED,
                    "follow_up": IntakeRecord.Outcome.FOLLOW_UP,
                }.get(registration.outcome, IntakeRecord.Outcome.JOINED)
        if outcome == IntakeRecord.Outcome.QUARANTINED:
            _quarantine(mailbox, mail.raw, parsed, reason)
        _record(mailbox, uidvalidity, mail, parsed, outcome, inquiry)
    return outcome, reason


def _record(
    mailbox: Mailbox,
    uidvalidity: int,
    mail: FetchedMail,
    parsed: ParsedMail | None,
    outcome: str,
    inquiry: Any,
) -> None:
    IntakeRecord.objects.create(
        mailbox=mailbox,
        uidvalidity=uidvalidity,
        uid=mail.uid,
        message_id=(parsed.message_id if parsed else "")[:500],
        fingerprint=parsed.fingerprint() if parsed else "",
        outcome=outcome,
        inquiry=inquiry,
    )


def _parse(raw: bytes) -> tuple[ParsedMail | None, str]:
    try:
        return parse_eml(raw, settings.MAX_UPLOAD_BYTES), ""
    except MailParseError as exc:
        return None, str(exc)
    except Exception as exc:  # a mail must never stop intake: it goes to quarantine
        logger.warning("mail could not be parsed: %s", type(exc).__name__)
        return None, BROKEN


def _register(mailbox: Mailbox, parsed: ParsedMail) -> Registration | CounsellorTaken:
    """The mail registered, and whoever reads the mailbox told of a new inquiry (inside
    the mail's savepoint: told exactly when it was stored). The counsellor's mail goes to
    the counsellor's register only, and becomes no inquiry."""
    if mailbox.kind == MailboxKind.COUNSELLOR:
        from borgerpost.counsellor.actions import receive_mail

        receive_mail(mailbox.municipality, mailbox.member, parsed)
        return CounsellorTaken()
    data = new_inquiry_from_mail(parsed)
    if mailbox.kind == MailboxKind.MAIN:
        registration = do_receive_in_main_mailbox(mailbox.municipality, data)
    else:
        actor = actor_for(mailbox.member, mailbox.municipality)
        assert actor is not None  # checked before the mailbox was opened
        registration = do_register_inquiry(actor, data)
    if registration.outcome == "created":
        events.new_in_mailbox(registration.inquiry, mailbox.member)
    return registration


@dataclass(frozen=True)
class CounsellorTaken:
    """A mail taken into the counsellor's register: no inquiry."""

    outcome: str = "created"
    inquiry: None = None


def _quarantine(mailbox: Mailbox, raw: bytes, parsed: ParsedMail | None, reason: str) -> None:
    item = QuarantinedMail(
        municipality=mailbox.municipality,
        mailbox=mailbox,
        reason=reason[:500],
        subject=(parsed.subject if parsed else "")[:300],
        sender=(parsed.sender_email if parsed else "")[:300],
        size=len(raw),
    )
    item.save()
    item.raw.save(f"{item.pk}.eml", ContentFile(raw), save=True)
    record(None, "mail.quarantined", item, municipality=mailbox.municipality, size=len(raw))


@contextmanager
def mailbox_lock(mailbox: Mailbox) -> Iterator[bool]:
    """One reader per mailbox across workers and machines; released if the process dies.

    Correctness does not depend on it (the unique IntakeRecord does that); it keeps two
    workers from fetching the same mails only to have one of them roll back.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [_LOCK_SPACE, mailbox.pk])
            acquired = bool(cursor.fetchone()[0])
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_LOCK_SPACE, mailbox.pk])
        return
    # SQLite is one machine: a lock file, which the kernel releases with the process.
    lock_dir = settings.DATA_DIR / "locks"
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / f"mailbox-{mailbox.pk}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def poll_interval() -> dt.timedelta:
    return dt.timedelta(seconds=settings.INTAKE_INTERVAL_SECONDS)


MAIL_INTAKE = "mail intake"


def take_mail_from_due_mailboxes(now: dt.datetime | None = None) -> IntakeSummary:
    """The worker's round: every active mailbox not read within the interval."""
    now = now or timezone.now()
    total = IntakeSummary()
    for mailbox in Mailbox.objects.filter(active=True).select_related("municipality", "member"):
        if mailbox.last_polled_at and now - mailbox.last_polled_at < poll_interval():
            continue
        try:
            summary = take_new_mail(mailbox)
        except MailboxError as exc:
            logger.warning("mailbox %s not read: %s", mailbox.pk, type(exc).__name__)
            record_failure(MAIL_INTAKE, mailbox, mailbox.municipality, str(exc))
            continue
        except DatabaseError:
            raise
        except Exception as exc:  # one mailbox never stops the others
            logger.warning("mailbox %s not read: %s", mailbox.pk, type(exc).__name__)
            reason = (
                str(exc)
                if isinstance(exc, RuleError)
                else (
                    f"Postkassen kunne ikke læses på grund af en teknisk fejl ({type(exc).__name__})."
                )
            )
            Mailbox.objects.filter(pk=mailbox.pk).update(last_error=reason[:500])
            record_failure(MAIL_INTAKE, mailbox, mailbox.municipality, reason)
            continue
        resolve(MAIL_INTAKE, mailbox)
        for name in ("created", "joined", "duplicates", "quarantined", "marked_again"):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
    return total
