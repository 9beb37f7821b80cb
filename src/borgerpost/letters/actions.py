"""Every write to letters and their recipients, with its audit entry in the same transaction.

Sending asks the dispatch guard first: a non-urgent letter to a citizen assessed as
vulnerable is held before weekends and public holidays and released by the worker
at the release time on the next working day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from borgerpost import dispatch
from borgerpost.core.access import Actor
from borgerpost.core.audit import record
from borgerpost.core.exceptions import RuleError
from borgerpost.digitalpost.interfaces import transport
from borgerpost.digitalpost.memo import LetterContent, build_message
from borgerpost.guard import service as guard
from borgerpost.outgoing.queue import enqueue_digital_post, enqueue_mail

from .models import AdvanceNoticeTask, Citizen, Company, Letter, LetterStatus
from .pdf import render_letter_pdf

CHANNEL_DIGITAL_POST = "digital_post"
CHANNEL_MAIL = "mail"


def do_save_citizen(actor: Actor, citizen: Citizen) -> Citizen:
    with transaction.atomic():
        created = citizen.pk is None
        citizen.municipality = actor.municipality
        citizen.save()
        record(actor, "citizen.created" if created else "citizen.changed", citizen)
    return citizen


def do_save_company(actor: Actor, company: Company) -> Company:
    with transaction.atomic():
        created = company.pk is None
        company.municipality = actor.municipality
        company.save()
        record(actor, "company.created" if created else "company.changed", company)
    return company


def do_assess_vulnerability(actor: Actor, citizen: Citizen, vulnerable: bool, note: str) -> None:
    """An individual assessment with its reason, who and when (never a group rule)."""
    if not note.strip():
        raise RuleError("Skriv begrundelsen for vurderingen. Sårbarhed vurderes individuelt.")
    with transaction.atomic():
        citizen.vulnerable = vulnerable
        citizen.vulnerability_note = note.strip()
        citizen.vulnerability_assessed_by = actor.user
        citizen.vulnerability_assessed_at = timezone.now()
        citizen.save()
        record(actor, "citizen.vulnerability_assessed", citizen, vulnerable=vulnerable)


def do_save_letter(actor: Actor, letter: Letter) -> Letter:
    if letter.status != LetterStatus.DRAFT:
        raise RuleError("Brevet er allerede sendt eller holdt tilbage og kan ikke ændres.")
    if (letter.citizen is None) == (letter.company is None):
        raise RuleError("Vælg én modtager: en borger (CPR) eller en virksomhed (CVR).")
    with transaction.atomic():
        created = letter.pk is None
        letter.municipality = actor.municipality
        if created:
            letter.created_by = actor.user
        letter.save()
        record(actor, "letter.created" if created else "letter.changed", letter)
    return letter


@dataclass(frozen=True)
class SendRequest:
    channel: str = CHANNEL_DIGITAL_POST
    considered_questions: bool = False
    advance_notice_task: bool = False


def dispatch_decision(letter: Letter, at: dt.datetime | None = None) -> dispatch.Decision:
    vulnerable = bool(letter.citizen and letter.citizen.vulnerable)
    return dispatch.decide(
        at or timezone.now(),
        vulnerable,
        letter.statutory_deadline,
        letter.urgent,
        letter.municipality.dispatch_rules,
    )


def do_send_letter(
    actor: Actor, letter: Letter, request: SendRequest, now: dt.datetime | None = None
) -> dispatch.Decision:
    """Send now, or hold for a vulnerable citizen; the decision is returned for the page."""
    if letter.status != LetterStatus.DRAFT:
        raise RuleError("Brevet er allerede sendt eller holdt tilbage.")
    vulnerable = bool(letter.citizen and letter.citizen.vulnerable)
    if vulnerable and not request.considered_questions:
        raise RuleError(
            "Borgeren er vurderet sårbar. Overvej de tre spørgsmål, og sæt kryds, "
            "før brevet sendes."
        )
    decision = dispatch_decision(letter, now)
    with transaction.atomic():
        if request.advance_notice_task:
            AdvanceNoticeTask.objects.create(letter=letter, assigned_to=actor.user)
        if decision.action == dispatch.HOLD:
            letter.status = LetterStatus.HELD
            letter.hold_until = decision.release_at
            letter.hold_reason = decision.reason
            letter.transport = request.channel
            letter.save()
            record(
                actor,
                "letter.held",
                letter,
                until=decision.release_at.isoformat() if decision.release_at else None,
            )
        else:
            _dispatch(actor, letter, request.channel)
    return decision


def do_release_early(actor: Actor, letter: Letter, reason: str) -> None:
    if letter.status != LetterStatus.HELD:
        raise RuleError("Brevet er ikke holdt tilbage.")
    if not reason.strip():
        raise RuleError("Skriv, hvorfor brevet skal sendes før tiden.")
    with transaction.atomic():
        letter.released_early_reason = reason.strip()
        letter.hold_until = None
        record(actor, "letter.released_early", letter)
        _dispatch(actor, letter, letter.transport or CHANNEL_DIGITAL_POST)


def release_due_letters(now: dt.datetime | None = None) -> int:
    """Send every held letter whose release time has come. Run by the worker every loop,
    so letters go out on time, and at once after a restart."""
    now = now or timezone.now()
    released = 0
    while True:
        with transaction.atomic():
            letter = (
                # Lock only the letter row: PostgreSQL cannot lock the nullable side of a join.
                Letter.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(status=LetterStatus.HELD, hold_until__lte=now)
                .select_related("municipality", "citizen", "company")
                .first()
            )
            if letter is None:
                return released
            release_date = (
                timezone.localtime(letter.hold_until).date() if letter.hold_until else None
            )
            _dispatch(None, letter, letter.transport or CHANNEL_DIGITAL_POST, release_date)
            released += 1


def _dispatch(
    actor: Actor | None, letter: Letter, channel: str, not_before: dt.date | None = None
) -> None:
    """Hand the letter to its channel: the outbox (Digital Post or mail) or the print queue.

    Runs inside the caller's transaction; the worker sends what the outbox holds after the
    commit, so a letter is never sent unless it is recorded as sent.
    """
    who: Any = actor  # None when the worker releases a held letter
    if channel == CHANNEL_MAIL:
        _send_by_mail(actor, letter)
    elif (letter.citizen and letter.citizen.digital_post_exempt) or not transport(
        letter.municipality
    ).is_registered(_recipient_id(letter)):
        letter.status = LetterStatus.PRINT_QUEUE
        letter.sent_at = timezone.now()
        letter.transport = "print"
        letter.save()
        record(who, "letter.print_queued", letter, municipality=letter.municipality)
        return
    else:
        message = build_message(_content(letter, not_before))
        queued = enqueue_digital_post(
            message=message,
            municipality=letter.municipality,
            recipient_label=_masked_recipient(letter),
            about=letter,
            author=letter.created_by,
            secretariat_sees=True,
        )
        letter.message_uuid = queued.message_id
        letter.transport = transport(letter.municipality).name
    letter.status = LetterStatus.SENT
    letter.sent_at = timezone.now()
    letter.save()
    record(
        who,
        "letter.sent",
        letter,
        municipality=letter.municipality,
        channel=channel,
        transport=letter.transport,
    )


def _masked_recipient(letter: Letter) -> str:
    if letter.citizen:
        return letter.citizen.masked_cpr
    return f"CVR {letter.company.cvr}" if letter.company else ""


def _recipient_id(letter: Letter) -> str:
    return letter.citizen.cpr if letter.citizen else letter.company.cvr  # type: ignore[union-attr]


def _content(letter: Letter, not_before: dt.date | None) -> LetterContent:
    municipality = letter.municipality
    pdf = render_letter_pdf({"letter": letter, "municipality": municipality})
    label = letter.citizen.name if letter.citizen else letter.company.name  # type: ignore[union-attr]
    return LetterContent(
        sender_id=municipality.cvr or "00000000",
        sender_label=municipality.name,
        recipient_id=_recipient_id(letter),
        recipient_label=label,
        title=letter.title,
        pdf=pdf,
        do_not_deliver_until=not_before,
        case_number=letter.case_number,
    )


def _send_by_mail(actor: Actor | None, letter: Letter) -> None:
    """Mail only for letters with nothing sensitive: the guard decides."""
    address = letter.citizen.email if letter.citizen else ""
    if not address:
        raise RuleError("Modtageren har ingen mailadresse. Send med Digital Post.")
    result = guard.check(letter.municipality, "mail", address, letter.full_text)
    if result.blocked:
        raise guard.GuardBlocked(result)
    enqueue_mail(
        to=address,
        subject=letter.title,
        body="\n\n".join(p for p in (letter.lead_text, letter.body, letter.contact_text) if p),
        sender=letter.municipality.main_mailbox,
        municipality=letter.municipality,
        about=letter,
        author=letter.created_by,
        secretariat_sees=True,
    )
    letter.transport = "mail"
