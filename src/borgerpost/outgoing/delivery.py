"""Sending what the outbox holds: the worker's job, after the actions have committed.

A row is claimed in a short transaction (state `sending`, attempts + 1, a lease), sent
with no transaction open, and marked in another short transaction. Nothing holds a lock
or a write transaction while a mail server or Digital Post answers, which matters on
SQLite, where a write transaction locks the whole file.

A worker killed between sending and marking leaves the row `sending`; when the lease runs
out another worker sends it again, with the same Message-ID or messageUUID. So a message
is never lost, and is sent twice at most once per crash, recognisably the same message.

Failures that trying again can help (the server is down, a 4xx answer) are retried with
growing pauses; after the last pause, or at once for a refusal (a 5xx answer, an unknown
recipient), the row is `failed`: the sender sees it on the inquiry or letter page, the
secretariat in its list of post that could not be sent, and the sender gets a mail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import smtplib
import ssl
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.digitalpost.interfaces import DeliveryError, transport
from borgerpost.digitalpost.memo import InvalidMemo, check_memo

from .models import Kind, OutgoingMessage, Purpose, State

logger = logging.getLogger("borgerpost.outgoing")

LEASE = dt.timedelta(minutes=10)
# Pauses before each new attempt; after the last one the message is given up (about a day
# and a half in all, long enough for a mail server's weekend outage to be noticed).
BACKOFF = [dt.timedelta(minutes=m) for m in (1, 2, 5, 15, 30, 60, 120, 240, 480, 720, 720)]


class TemporaryFailure(Exception):
    """Trying again later may help. Danish reason."""


class PermanentFailure(Exception):
    """The message was refused; trying again will not help. Danish reason."""


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sent or self.retrying or self.failed)

    def __str__(self) -> str:
        return f"sent {self.sent}, retrying {self.retrying}, failed {self.failed}"


def deliver_due(now: dt.datetime | None = None, limit: int = 500) -> DeliveryReport:
    """Send what is due, at most `limit` messages; one failure never stops the rest."""
    report = DeliveryReport()
    mail = _MailConnection()
    try:
        for _ in range(limit):
            row = _claim(now or timezone.now())
            if row is None:
                break
            _deliver(row, mail, report, now)
    finally:
        mail.close()
    return report


def _claim(now: dt.datetime) -> OutgoingMessage | None:
    with transaction.atomic():
        row = (
            OutgoingMessage.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(next_attempt_at__lte=now)
            .filter(
                Q(state__in=[State.PENDING, State.RETRYING])
                | Q(state=State.SENDING, claimed_until__lt=now)
            )
            .select_related("municipality")
            .order_by("next_attempt_at", "pk")
            .first()
        )
        if row is None:
            return None
        row.state = State.SENDING
        row.attempts += 1
        row.claimed_until = now + LEASE
        row.save(update_fields=["state", "attempts", "claimed_until"])
    return row


def _deliver(
    row: OutgoingMessage, mail: _MailConnection, report: DeliveryReport, now: dt.datetime | None
) -> None:
    try:
        receipt = _send_mail(row, mail) if row.kind == Kind.MAIL else _send_digital_post(row)
    except PermanentFailure as exc:
        _give_up(row, str(exc))
        report.failed += 1
        report.reasons.append(str(exc))
    except TemporaryFailure as exc:
        if _retry_or_give_up(row, str(exc), now or timezone.now()):
            report.retrying += 1
        else:
            report.failed += 1
        report.reasons.append(str(exc))
    except Exception as exc:  # one broken message must never stop the others
        logger.warning("outgoing %s: unexpected %s", row.pk, type(exc).__name__)
        reason = "Uventet fejl under afsendelsen."
        if _retry_or_give_up(row, reason, now or timezone.now()):
            report.retrying += 1
        else:
            report.failed += 1
        report.reasons.append(reason)
    else:
        _mark_sent(row, receipt, now or timezone.now())
        report.sent += 1


# --- mail --------------------------------------------------------------------------------


class _MailConnection:
    """One SMTP connection for a round of sending, opened on first use and reopened after
    a failure (the server may have dropped it)."""

    def __init__(self) -> None:
        self._connection: Any = None

    def get(self) -> Any:
        if self._connection is None:
            self._connection = get_connection(fail_silently=False)
        return self._connection

    def reset(self) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._connection.close()
            self._connection = None


def _send_mail(row: OutgoingMessage, mail: _MailConnection) -> dict[str, Any]:
    message = EmailMessage(
        subject=row.subject,
        body=row.body,
        from_email=row.sender or settings.DEFAULT_FROM_EMAIL,
        to=[row.recipient],
        reply_to=[row.reply_to] if row.reply_to else None,
        headers={"Message-ID": row.message_id},
        connection=mail.get(),
    )
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        mail.reset()
        codes = [code for code, _ in exc.recipients.values()]
        if codes and all(code >= 500 for code in codes):
            raise PermanentFailure("Mailserveren afviste modtagerens adresse.") from None
        raise TemporaryFailure("Mailserveren kunne ikke tage imod mailen lige nu.") from None
    except smtplib.SMTPAuthenticationError:
        mail.reset()
        raise TemporaryFailure("Log-in på mailserveren blev afvist (kontakt IT).") from None
    except smtplib.SMTPResponseException as exc:
        mail.reset()
        if exc.smtp_code >= 500:
            raise PermanentFailure(f"Mailserveren afviste mailen (kode {exc.smtp_code}).") from None
        raise TemporaryFailure(f"Mailserveren svarede {exc.smtp_code}; der prøves igen.") from None
    except ssl.SSLError:
        mail.reset()
        raise TemporaryFailure(
            "Mailserverens certifikat blev ikke godkendt (TLS). Kontakt IT."
        ) from None
    except (smtplib.SMTPException, OSError):
        mail.reset()
        raise TemporaryFailure("Mailserveren svarede ikke.") from None
    return {"transport": "mail"}


# --- Digital Post --------------------------------------------------------------------------


def _send_digital_post(row: OutgoingMessage) -> dict[str, Any]:
    carrier = transport(row.municipality)
    try:
        check_memo(bytes(row.payload))  # what is handed over is what was checked
    except InvalidMemo as exc:
        raise PermanentFailure(str(exc)) from None
    try:
        receipt = carrier.deliver(row.message_id, bytes(row.payload), dict(row.details))
    except DeliveryError as exc:
        if exc.permanent:
            raise PermanentFailure(str(exc)) from None
        raise TemporaryFailure(str(exc)) from None
    return {
        "transport": receipt.transport,
        "location": receipt.location,
        "accepted_at": receipt.accepted_at.isoformat(),
    }


# --- the outcome -------------------------------------------------------------------------


def _mark_sent(row: OutgoingMessage, receipt: dict[str, Any], now: dt.datetime) -> None:
    # The text goes once it has left: what was sent is kept by the action's own record
    # (the inquiry's message, the letter), not twice.
    OutgoingMessage.objects.filter(pk=row.pk).update(
        state=State.SENT,
        sent_at=now,
        claimed_until=None,
        last_error="",
        body="",
        payload=b"",
        receipt=receipt,
    )


def _retry_or_give_up(row: OutgoingMessage, reason: str, now: dt.datetime) -> bool:
    """True when another attempt is planned."""
    if row.attempts > len(BACKOFF):
        _give_up(row, f"{reason} Opgivet efter {row.attempts} forsøg.")
        return False
    OutgoingMessage.objects.filter(pk=row.pk).update(
        state=State.RETRYING,
        claimed_until=None,
        last_error=reason[:500],
        next_attempt_at=now + BACKOFF[row.attempts - 1],
    )
    return True


def _give_up(row: OutgoingMessage, reason: str) -> None:
    with transaction.atomic():
        OutgoingMessage.objects.filter(pk=row.pk).update(
            state=State.FAILED, claimed_until=None, last_error=reason[:500]
        )
        record(
            None,
            "outgoing.failed",
            row,
            municipality=row.municipality,
            kind=row.kind,
            attempts=row.attempts,
        )
        _tell_the_sender(row, reason)


def _tell_the_sender(row: OutgoingMessage, reason: str) -> None:
    """A mail to the person who sent it, about their own message (never its content).
    Internal notices that fail are shown in borgerpost only: no notice about a notice."""
    from .queue import enqueue_mail

    author = row.author
    if row.purpose != Purpose.CITIZEN or author is None or not author.email:
        return
    what = "Din mail" if row.kind == Kind.MAIL else "Dit brev med Digital Post"
    enqueue_mail(
        to=author.email,
        subject="borgerpost: en besked kunne ikke sendes",
        body=(
            f"{what} til {row.recipient} (emne: »{row.subject}«) kunne ikke sendes.\n"
            f"Årsag: {reason}\n\nSe henvendelsen eller brevet i borgerpost, og send "
            "beskeden på en anden måde, fx med Digital Post eller pr. telefon.\n"
        ),
        municipality=row.municipality,
        sender=row.municipality.main_mailbox if row.municipality else "",
        about=row,
        purpose=Purpose.INTERNAL,
        secretariat_sees=row.secretariat_sees,
    )
