"""Rules from the guidance that decide what a person may do with an inquiry.

Each rule returns a Danish reason when the action is not allowed, else None, so
views can disable a button with the reason and actions can refuse with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError  # noqa: F401 - re-exported for the inquiry code

from .models import AnswerPath, Inquiry, Status

QUOTE_RUN_WORDS = 10
_WORD = re.compile(r"\w+", re.UNICODE)


def quotes_inquiry(reply: str, inquiry_text: str, run: int = QUOTE_RUN_WORDS) -> bool:
    """True when the reply quotes the inquiry: '>' lines or a long run of its words.

    The guidance says replies are new messages that never repeat the citizen's mail.
    """
    if any(line.lstrip().startswith(">") for line in reply.splitlines()):
        return True
    source = [w.casefold() for w in _WORD.findall(inquiry_text)]
    if len(source) < run:
        return False
    shingles = {tuple(source[i : i + run]) for i in range(len(source) - run + 1)}
    words = [w.casefold() for w in _WORD.findall(reply)]
    return any(tuple(words[i : i + run]) in shingles for i in range(len(words) - run + 1))


@dataclass(frozen=True)
class AcknowledgementDuty:
    """Who acknowledges the inquiry on behalf of all its recipients (seed 001, steps 4-5)."""

    responsible: Any | None  # a user, or None when the recipients agree among themselves
    reason: str


def acknowledgement_duty(inquiry: Inquiry, recipients: list[Any]) -> AcknowledgementDuty:
    if inquiry.acknowledgement_owner_id:
        owner = next((u for u in recipients if u.pk == inquiry.acknowledgement_owner_id), None)
        return AcknowledgementDuty(owner, "har påtaget sig at kvittere")
    if len(recipients) == 1:
        return AcknowledgementDuty(recipients[0], "er eneste modtager")
    mayor_id = inquiry.municipality.mayor_id
    if mayor_id and (mayor := next((u for u in recipients if u.pk == mayor_id), None)):
        return AcknowledgementDuty(mayor, "er borgmester og kvitterer på vegne af alle modtagere")
    chair_id = inquiry.committee.chair_id if inquiry.committee_id and inquiry.committee else None
    if chair_id and (chair := next((u for u in recipients if u.pk == chair_id), None)):
        return AcknowledgementDuty(
            chair,
            f"er formand for {inquiry.committee} og kvitterer på vegne af alle modtagere",
        )
    return AcknowledgementDuty(None, "Modtagerne aftaler indbyrdes, hvem der kvitterer")


def why_not_acknowledge(actor: Actor, inquiry: Inquiry, recipients: list[Any]) -> str | None:
    if inquiry.acknowledged_at:
        return "Der er allerede kvitteret for henvendelsen."
    if not any(u.pk == actor.user.pk for u in recipients):
        return "Kun modtagerne af henvendelsen kan kvittere."
    duty = acknowledgement_duty(inquiry, recipients)
    if duty.responsible is not None and duty.responsible.pk != actor.user.pk:
        name = duty.responsible.get_full_name() or duty.responsible.username
        return f"{name} {duty.reason}."
    return None


def why_not_close(inquiry: Inquiry, has_reply: bool | None = None) -> str | None:
    """Why the inquiry cannot be closed yet, or None. `has_reply`: whether the member has
    replied, when the caller already knows (else it is looked up)."""
    if inquiry.status == Status.CLOSED:
        return "Henvendelsen er allerede afsluttet."
    if not inquiry.path:
        return "Vælg først, hvordan henvendelsen skal besvares."
    if inquiry.path == AnswerPath.PERSONAL:
        if has_reply is None:
            has_reply = inquiry.messages.filter(kind="reply").exists()
        if not has_reply:
            return "Send først dit svar til borgeren."
        if inquiry.is_case_related and not inquiry.administration_involved:
            return (
                "Henvendelsen handler om en borgers sag eller kommunens forvaltning. "
                "Send en kopi til administrationen, før du afslutter den."
            )
    if inquiry.path == AnswerPath.ADMINISTRATION and not inquiry.answered_at:
        return "Administrationen har endnu ikke besvaret henvendelsen."
    return None


def why_not_request_draft(actor: Actor, inquiry: Inquiry) -> str | None:
    if not actor.may_request_drafts:
        return (
            "Kun borgmesteren og udvalgsformændene kan bede administrationen om et svarudkast, "
            "fordi kun de udtaler sig på kommunens vegne."
        )
    if not actor.is_mayor:
        chaired = {c.pk for c in actor.chaired_committees}
        if inquiry.committee_id not in chaired:
            return (
                "Som udvalgsformand kan du kun bede om svarudkast til henvendelser inden for "
                "dit udvalgs område. Vælg udvalgsområdet under vurderingen."
            )
    return None
