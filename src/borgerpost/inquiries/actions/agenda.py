"""Path 3: a member proposes an item for the council's agenda (styrelseslov § 11, stk. 1)
through the mayor, or for a committee's (forretningsorden § 7) through its chair."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Committee

from ..models import AgendaProposal, AgendaTarget, AnswerPath, Inquiry, ProposalStatus, Status
from .common import locked, refresh, require_open, require_recipient


def _addressee(actor: Actor, inquiry: Inquiry, target: str, committee: Committee | None) -> Any:
    if target == AgendaTarget.COUNCIL:
        if inquiry.municipality.mayor is None:
            raise RuleError("Kommunen har ingen borgmester registreret.")
        return inquiry.municipality.mayor
    if target != AgendaTarget.COMMITTEE:
        raise RuleError("Vælg byrådets eller et udvalgs dagsorden.")
    if committee is None or committee.municipality_id != inquiry.municipality_id:
        raise RuleError("Vælg det udvalg, punktet skal på.")
    if not committee.members.filter(pk=actor.user.pk).exists():
        raise RuleError(
            "Du kan kun foreslå punkter til dagsordenen i udvalg, du selv er medlem af."
        )
    if committee.chair is None:
        raise RuleError("Udvalget har ingen formand registreret.")
    return committee.chair


def do_propose_agenda(
    actor: Actor,
    inquiry: Inquiry,
    target: str,
    committee: Committee | None,
    title: str,
    motivation: str,
) -> AgendaProposal:
    """Propose an agenda item to the mayor (§ 11, stk. 1) or a chair (forretningsorden § 7)."""
    if not title.strip() or not motivation.strip():
        raise RuleError("Skriv en titel og en begrundelse for forslaget.")
    with transaction.atomic():
        row = locked(inquiry)
        require_recipient(actor, row)
        require_open(row)
        addressee = _addressee(actor, row, target, committee)
        proposal = AgendaProposal.objects.create(
            inquiry=row,
            proposed_by=actor.user,
            target=target,
            committee=committee if target == AgendaTarget.COMMITTEE else None,
            addressee=addressee,
            title=title.strip()[:200],
            motivation=motivation,
        )
        row.path = AnswerPath.AGENDA
        if row.status == Status.NEW:
            row.status = Status.OPEN
        row.save(update_fields=["path", "status"])
        record(
            actor,
            "agenda.proposed",
            row,
            proposal=proposal.pk,
            target=target,
            committee=proposal.committee_id,
        )
    refresh(inquiry)
    return proposal


def do_decide_proposal(actor: Actor, proposal: AgendaProposal, status: str, note: str) -> None:
    if status not in ProposalStatus.values or status == ProposalStatus.PROPOSED:
        raise RuleError("Vælg en gyldig status.")
    with transaction.atomic():
        row = AgendaProposal.objects.select_for_update().get(pk=proposal.pk)
        if row.addressee_id != actor.user.pk:
            raise RuleError("Kun den, forslaget er sendt til, kan ændre dets status.")
        row.status = status
        row.status_note = note
        row.status_changed_at = timezone.now()
        row.save()
        record(actor, "agenda.status_changed", proposal.inquiry, proposal=row.pk, status=status)
    proposal.refresh_from_db()
