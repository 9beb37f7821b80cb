"""The daily deadline reminder: each member and the main mailbox get one mail a day
listing their open inquiries that are due soon or overdue. References and dates
only, never content: the mail may pass servers outside the municipality."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Membership, Municipality, Role
from borgerpost.jobs.isolation import isolated
from borgerpost.notices import events
from borgerpost.outgoing.models import Purpose
from borgerpost.outgoing.queue import enqueue_mail

from .models import Inquiry, ReminderSent, Status

logger = logging.getLogger("borgerpost.reminders")


def _line(inquiry: Inquiry, today: dt.date) -> str:
    state = inquiry.deadline_status(today)
    return f"- {inquiry.reference}, frist {inquiry.deadline:%d.%m.%Y}: {state.label}"


def _send_once(
    municipality: Municipality,
    day: dt.date,
    to: str,
    lines: list[str],
    path: str,
    people: list[Any],
) -> bool:
    """Today's reminder to `to`, and the same news under »Nyt til mig« for `people`:
    once a day, however many workers try."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                municipality=municipality, day=day, recipient=to, inquiry_count=len(lines)
            )
            for person in people:
                events.deadlines_soon(municipality, person, len(lines), path)
            body = (
                "Påmindelser fra borgerpost: henvendelser med frist snart eller overskredet "
                "frist, og udskrifter der ikke er afleveret til makulering:\n\n"
                + "\n".join(lines)
                + f"\n\nSe dem i borgerpost: {settings.SITE_URL}{path}\n"
            )
            enqueue_mail(
                to=to,
                subject=f"Påmindelser fra borgerpost ({len(lines)})",
                body=body,
                sender=municipality.main_mailbox,
                municipality=municipality,
                purpose=Purpose.INTERNAL,
                secretariat_sees=to == municipality.main_mailbox,
            )
    except IntegrityError:
        return False  # another worker sent today's reminder already
    except RuleError:
        # An address the outbox refuses (a typo in a person's mail): the others still get
        # theirs; the administrator sees it among the background problems.
        logger.warning("reminder not queued: the address was refused")
        return False
    return True


def _open_printed_copies(municipality: Municipality, today: dt.date):  # type: ignore[no-untyped-def]
    """Printed copies not handed in for shredding 30 days after printing."""
    from borgerpost.retention.models import PrintedCopy

    limit = today - dt.timedelta(days=30)
    return PrintedCopy.objects.filter(
        municipality=municipality, handed_in_at__isnull=True, printed_at__date__lte=limit
    ).select_related("printed_by")


REMINDERS = "deadline reminders"


def send_deadline_reminders(today: dt.date | None = None) -> int:
    """Send today's reminders in every municipality; returns how many mails were sent.
    Each municipality on its own: one that fails is recorded and the others are sent."""
    today = today or timezone.localdate()
    sent = 0
    for municipality in Municipality.objects.all():
        result = isolated(
            REMINDERS,
            municipality,
            municipality,
            functools.partial(_remind_in, municipality, today),
        )
        sent += result or 0
    return sent


def _remind_in(municipality: Municipality, today: dt.date) -> int:
    calendar = municipality.calendar
    if not calendar.is_working_day(today):
        return 0
    soon = calendar.add_working_days(today, 2)
    pending = (
        Inquiry.objects.in_municipality(municipality)
        .filter(deadline__lte=soon)
        .exclude(status=Status.CLOSED)
        .prefetch_related("recipients__member")
        .select_related("municipality")
    )
    per_member: dict[str, list[str]] = defaultdict(list)
    member_of: dict[str, Any] = {}
    administration: list[str] = []
    for inquiry in pending:
        if inquiry.status == Status.WITH_ADMINISTRATION:
            administration.append(_line(inquiry, today))
            continue
        for recipient in inquiry.recipients.all():
            if recipient.member.email:
                per_member[recipient.member.email].append(_line(inquiry, today))
                member_of[recipient.member.email] = recipient.member
    for copy in _open_printed_copies(municipality, today):
        if copy.printed_by.email:
            per_member[copy.printed_by.email].append(
                f"- Udskrift »{copy.description}« fra {copy.printed_at:%d.%m.%Y} er ikke "
                "afleveret til makulering"
            )
            member_of[copy.printed_by.email] = copy.printed_by
    base = f"/k/{municipality.slug}/"
    sent = 0
    for email, lines in sorted(per_member.items()):
        sent += _send_once(
            municipality,
            today,
            email,
            lines,
            base + "henvendelser/?vis=aabne&sorter=frist",
            [member_of[email]],
        )
    if administration:
        sent += _send_once(
            municipality,
            today,
            municipality.main_mailbox,
            administration,
            base + "administration/?vis=aabne&sorter=frist",
            _secretariat(municipality),
        )
    return sent


def _secretariat(municipality: Municipality) -> list[Any]:
    people = Membership.objects.in_municipality(municipality).filter(role=Role.SECRETARIAT)
    return list(get_user_model().objects.filter(pk__in=people.values("user_id")))
