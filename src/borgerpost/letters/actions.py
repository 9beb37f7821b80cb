"""Every write to letters and their recipients, with its audit entry in the same transaction.

Sending asks the dispatch guard first: a non-urgent letter to a citizen assessed as
vulnerable is held before weekends and public holidays and released by the worker
at the release time on the next working day.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.digitalpost.interfaces import transport
from borgerpost.digitalpost.memo import LetterContent, build_message
from borgerpost.guard import service as guard
from borgerpost.jobs.isolation import Park, isolated, waiting
from borgerpost.outgoing.models import Purpose
from borgerpost.outgoing.queue import enqueue_digital_post, enqueue_mail
from borgerpost.pure import dispatch

from .models import (
    AdvanceNoticeTask,
    Citizen,
    Company,
    Letter,
    LetterStatus,
    LetterTemplate,
    SendingSystem,
    SystemLetterKind,
)
from .pdf import render_letter_pdf

logger = logging.getLogger(__name__)

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


REVIEW_DEFAULT = dt.timedelta(days=365)
REVIEW_LONGEST = dt.timedelta(days=730)


def do_assess_vulnerability(
    actor: Actor,
    citizen: Citizen,
    vulnerable: bool,
    note: str,
    review_on: dt.date | None = None,
) -> None:
    """An individual assessment with its reason, who and when (never a group rule), and
    the date by which it must be made again."""
    if not note.strip():
        raise RuleError("Skriv begrundelsen for vurderingen. Sårbarhed vurderes individuelt.")
    today = timezone.localdate()
    review_on = review_on or today + REVIEW_DEFAULT
    if not today < review_on <= today + REVIEW_LONGEST:
        raise RuleError("Datoen for revurdering skal ligge efter i dag og højst to år frem.")
    with transaction.atomic():
        citizen.vulnerable = vulnerable
        citizen.vulnerability_note = note.strip()
        citizen.vulnerability_assessed_by = actor.user
        citizen.vulnerability_assessed_at = timezone.now()
        citizen.vulnerability_review_on = review_on
        citizen.save()
        record(actor, "citizen.vulnerability_assessed", citizen, vulnerable=vulnerable)


def do_save_template(actor: Actor, template: LetterTemplate) -> LetterTemplate:
    with transaction.atomic():
        if template.pk is not None:
            locked = LetterTemplate.objects.select_for_update().get(pk=template.pk)
            if locked.municipality_id != actor.municipality.pk:
                raise RuleError("Skabelonen hører til en anden kommune.")
        template.municipality = actor.municipality
        template.save()
        record(actor, "letter_template.saved", template)
    return template


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


def why_not_sendable(letter: Letter, channel: str) -> None:
    """Every check that can refuse a letter, in one place: run when the letter is sent or
    held, when it is released early, and again when the worker releases it (the citizen's
    address or the municipality's guard terms may have changed while it was held).
    Raises RuleError or GuardBlocked with the Danish reason."""
    if (letter.citizen is None) == (letter.company is None):
        raise RuleError("Vælg én modtager: en borger (CPR) eller en virksomhed (CVR).")
    if channel not in (CHANNEL_DIGITAL_POST, CHANNEL_MAIL):
        raise RuleError("Vælg Digital Post eller mail.")
    if channel == CHANNEL_MAIL:
        address = letter.citizen.email if letter.citizen else ""
        if not address:
            raise RuleError("Modtageren har ingen mailadresse. Send med Digital Post.")
        result = guard.check(letter.municipality, "mail", address, letter.full_text)
        if result.blocked:
            raise guard.GuardBlocked(result)


def do_send_letter(
    actor: Actor, letter: Letter, request: SendRequest, now: dt.datetime | None = None
) -> dispatch.Decision:
    """Send now, or hold for a vulnerable citizen; the decision is returned for the page."""
    vulnerable = bool(letter.citizen and letter.citizen.vulnerable)
    if vulnerable and not request.considered_questions:
        raise RuleError(
            "Borgeren er vurderet sårbar. Overvej de tre spørgsmål, og sæt kryds, "
            "før brevet sendes."
        )
    registered = registered_for(letter, request.channel)
    with transaction.atomic():
        letter = _locked(letter)
        if letter.status != LetterStatus.DRAFT:
            raise RuleError("Brevet er allerede sendt eller holdt tilbage.")
        why_not_sendable(letter, request.channel)
        decision = dispatch_decision(letter, now)
        if request.advance_notice_task:
            AdvanceNoticeTask.objects.create(letter=letter, assigned_to=actor.user)
        if decision.action == dispatch.HOLD:
            hold(actor, letter, decision, request.channel)
        else:
            _dispatch(actor, letter, request.channel, registered=registered)
    return decision


def registered_for(letter: Letter, channel: str) -> bool:
    """Is the letter's recipient registered for Digital Post? Asked before the action's
    transaction opens: with SF1601 it is a call to KOMBIT, and no database lock may wait
    on the network (on SQLite every writer would). A letter by mail needs no answer."""
    if channel == CHANNEL_MAIL:
        return True
    return registered(letter.municipality, _recipient_id(letter))


def registered(municipality: Any, recipient_id: str) -> bool:
    return transport(municipality).is_registered(recipient_id)


def hold(actor: Actor, letter: Letter, decision: dispatch.Decision, channel: str) -> None:
    """Keep the letter until the decision's release time; the worker sends it then.
    Inside the caller's transaction."""
    letter.status = LetterStatus.HELD
    letter.hold_until = decision.release_at
    letter.hold_reason = decision.reason
    letter.transport = channel
    letter.save()
    record(
        actor,
        "letter.held",
        letter,
        until=decision.release_at.isoformat() if decision.release_at else None,
    )


def do_return_to_draft(actor: Actor, letter: Letter) -> None:
    """A stopped letter back to a draft, so its author can correct it and send it again."""
    with transaction.atomic():
        letter = _locked(letter)
        if letter.status != LetterStatus.STOPPED:
            raise RuleError("Kun et standset brev kan gøres til kladde igen.")
        letter.status = LetterStatus.DRAFT
        letter.hold_until = None
        letter.save(update_fields=["status", "hold_until"])
        record(actor, "letter.redrafted", letter)
        _resolve_problem(letter)


def _locked(letter: Letter) -> Letter:
    return (
        Letter.objects.select_for_update(of=("self",))
        .select_related("municipality", "citizen", "company", "created_by")
        .get(pk=letter.pk)
    )


def do_release_early(actor: Actor, letter: Letter, reason: str) -> None:
    if not reason.strip():
        raise RuleError("Skriv, hvorfor brevet skal sendes før tiden.")
    registered = registered_for(letter, letter.transport or CHANNEL_DIGITAL_POST)
    with transaction.atomic():
        letter = _locked(letter)
        if letter.status not in (LetterStatus.HELD, LetterStatus.STOPPED):
            raise RuleError("Brevet er ikke holdt tilbage.")
        channel = letter.transport or CHANNEL_DIGITAL_POST
        why_not_sendable(letter, channel)
        letter.released_early_reason = reason.strip()
        letter.hold_until = None
        record(actor, "letter.released_early", letter)
        _dispatch(actor, letter, channel, registered=registered)
        _resolve_problem(letter)


def release_due_letters(now: dt.datetime | None = None) -> int:
    """Send every held letter whose release time has come. Run by the worker every round,
    so letters go out on time, and at once after a restart.

    Each letter on its own (jobs.isolation): a letter that can no longer be sent is
    stopped with the reason, its author is told, and the others are released."""
    now = now or timezone.now()
    released = 0
    tried: set[int] = set()
    while True:
        due = (
            Letter.objects.filter(status=LetterStatus.HELD, hold_until__lte=now)
            .exclude(pk__in=tried)
            .order_by("hold_until", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if due is None:
            return released
        tried.add(due)
        letter = Letter.objects.select_related("municipality", "citizen", "company").get(pk=due)
        if waiting(HELD_LETTER, letter, now):
            continue
        done = isolated(
            HELD_LETTER,
            letter,
            letter.municipality,
            functools.partial(_release, due, now, _registration_of(letter)),
            now=now,
            on_park=functools.partial(_stop, due),
        )
        released += bool(done)


HELD_LETTER = "held letter"


def _registration_of(letter: Letter) -> bool | None:
    """The held letter's recipient's registration, asked before its transaction; None
    when it cannot be asked, which the release records as its failure (one letter's
    failed lookup never stops the others)."""
    try:
        return registered_for(letter, letter.transport or CHANNEL_DIGITAL_POST)
    except Exception as exc:  # any failure: recorded by the release, which retries
        logger.warning(
            "Digital Post registration lookup failed for letter %s: %s",
            letter.pk,
            type(exc).__name__,
        )
        return None


def _release(pk: int, now: dt.datetime, registered: bool | None) -> bool:
    # Lock only the letter row: PostgreSQL cannot lock the nullable side of a join.
    letter = (
        Letter.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(pk=pk, status=LetterStatus.HELD, hold_until__lte=now)
        .select_related("municipality", "citizen", "company", "created_by")
        .first()
    )
    if letter is None:
        return False  # another worker has it
    channel = letter.transport or CHANNEL_DIGITAL_POST
    try:
        why_not_sendable(letter, channel)
    except (RuleError, guard.GuardBlocked) as exc:
        raise Park(str(exc)) from None
    release_date = timezone.localtime(letter.hold_until).date() if letter.hold_until else None
    if registered is None:
        # Recorded as the round's failure for this letter, and tried again next round.
        raise RuleError("Det kunne ikke slås op, om modtageren har Digital Post. Der prøves igen.")
    _dispatch(None, letter, channel, release_date, registered=registered)
    return True


def _stop(pk: int, reason: str) -> None:
    """A held letter that can no longer be sent: stopped, with the reason, and its author
    (and the secretariat, on its list) sees it."""
    letter = (
        Letter.objects.select_for_update(of=("self",))
        .select_related("municipality", "created_by")
        .get(pk=pk)
    )
    letter.status = LetterStatus.STOPPED
    letter.hold_reason = reason[:1000]
    letter.save(update_fields=["status", "hold_reason"])
    record(None, "letter.stopped", letter, municipality=letter.municipality)
    author = letter.created_by
    if author.email:
        enqueue_mail(
            to=author.email,
            subject=f"borgerpost: et tilbageholdt brev kunne ikke sendes ({letter.pk})",
            body=(
                f"Brevet »{letter.title}« til {_masked_recipient(letter)} skulle være sendt nu, "
                f"men kunne ikke sendes:\n{reason}\n\nÅbn brevet i borgerpost, ret det, og "
                "send det igen.\n"
            ),
            sender=letter.municipality.main_mailbox,
            municipality=letter.municipality,
            about=letter,
            purpose=Purpose.INTERNAL,
            secretariat_sees=True,
        )


def _resolve_problem(letter: Letter) -> None:
    from borgerpost.jobs.models import JobProblem

    JobProblem.objects.filter(
        job=HELD_LETTER, object_type="letter", object_id=str(letter.pk), resolved_at__isnull=True
    ).update(resolved_at=timezone.now())


def _dispatch(
    actor: Actor | None,
    letter: Letter,
    channel: str,
    not_before: dt.date | None = None,
    *,
    registered: bool,
) -> None:
    """Hand the letter to its channel: the outbox (Digital Post or mail) or the print queue.

    Runs inside the caller's transaction; the worker sends what the outbox holds after the
    commit, so a letter is never sent unless it is recorded as sent. `registered`: whether
    the recipient has Digital Post, asked before the transaction (registered_for).
    """
    who: Any = actor  # None when the worker releases a held letter
    if channel == CHANNEL_MAIL:
        _send_by_mail(actor, letter)
    elif (letter.citizen and letter.citizen.digital_post_exempt) or not registered:
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
    if letter.document:
        # A system's own PDF, handed over through the gateway, goes on unchanged.
        with letter.document.open("rb") as stored:
            pdf = stored.read()
    else:
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
        legal_notification=letter.legal_notification,
        attachments=tuple(_attachments(letter)),
    )


def _attachments(letter: Letter) -> Iterator[tuple[str, str, bytes]]:
    for attachment in letter.attachments.all():
        with attachment.file.open("rb") as stored:
            yield attachment.filename, attachment.content_type, stored.read()


def _send_by_mail(actor: Actor | None, letter: Letter) -> None:
    """Mail only for letters with nothing sensitive: why_not_sendable has checked."""
    enqueue_mail(
        to=letter.citizen.email if letter.citizen else "",
        subject=letter.title,
        body="\n\n".join(p for p in (letter.lead_text, letter.body, letter.contact_text) if p),
        sender=letter.municipality.main_mailbox,
        municipality=letter.municipality,
        about=letter,
        author=letter.created_by,
        secretariat_sees=True,
    )
    letter.transport = "mail"


def do_save_sending_system(actor: Actor, system: SendingSystem) -> SendingSystem:
    """A sending system's settings: whether its held letters are told to the caseworker,
    and whether they are passed on at once with MeMo's doNotDeliverUntilDate."""
    with transaction.atomic():
        locked = SendingSystem.objects.for_actor(actor).select_for_update().get(pk=system.pk)
        locked.notify_caseworker = system.notify_caseworker
        locked.deliver_later_by_memo = system.deliver_later_by_memo
        locked.save(update_fields=["notify_caseworker", "deliver_later_by_memo"])
        record(
            actor,
            "sending_system.changed",
            locked,
            notify_caseworker=locked.notify_caseworker,
            deliver_later_by_memo=locked.deliver_later_by_memo,
        )
    return locked


def do_add_kind_rule(
    actor: Actor, system: SendingSystem, kind: str, has_deadline: bool
) -> SystemLetterKind:
    """The municipality's decision about one kind of letter from a system that cannot say
    per letter whether it has a statutory deadline."""
    kind = " ".join(kind.split())[:100]
    if not kind:
        raise RuleError("Skriv, hvilken slags brev reglen gælder (fx brevets MeMo-label).")
    with transaction.atomic():
        system = SendingSystem.objects.for_actor(actor).select_for_update().get(pk=system.pk)
        if SystemLetterKind.objects.filter(system=system, kind__iexact=kind).exists():
            raise RuleError(f"Der er allerede en regel for »{kind}«. Slet den først.")
        rule = SystemLetterKind.objects.create(system=system, kind=kind, has_deadline=has_deadline)
        record(
            actor,
            "sending_system.kind_added",
            system,
            kind=kind,
            has_deadline=has_deadline,
        )
    return rule


def do_remove_kind_rule(actor: Actor, rule: SystemLetterKind) -> None:
    with transaction.atomic():
        rule = SystemLetterKind.objects.for_actor(actor).select_related("system").get(pk=rule.pk)
        rule.delete()
        record(actor, "sending_system.kind_removed", rule.system, kind=rule.kind)
