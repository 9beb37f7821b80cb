"""What every inquiry action does first: lock the inquiry, then check its rules on the
locked row, so two requests at once cannot both pass a check that only one may pass."""

from __future__ import annotations

from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError

from ..models import Inquiry, Status


def locked(inquiry: Inquiry) -> Inquiry:
    """The inquiry re-read under a row lock; call inside the action's transaction.

    The caller's object is refreshed too, so the page that called sees the new state.
    """
    row = (
        Inquiry.objects.select_for_update(of=("self",))
        .select_related("municipality", "committee")
        .get(pk=inquiry.pk)
    )
    return row


def require_recipient(actor: Actor, inquiry: Inquiry) -> None:
    if not inquiry.recipients.filter(member=actor.user).exists():
        raise RuleError("Kun de byrådsmedlemmer, der har modtaget henvendelsen, kan gøre dette.")


def require_open(inquiry: Inquiry) -> None:
    if inquiry.status == Status.CLOSED:
        raise RuleError("Henvendelsen er afsluttet.")


def require_power_of_attorney_confirmed(inquiry: Inquiry, confirmed: bool) -> None:
    if inquiry.needs_power_of_attorney_warning and not confirmed:
        raise RuleError(
            "Henvendelsen vedrører en anden borger, og der foreligger ikke fuldmagt. "
            "Bekræft, at du ikke oplyser noget om den anden borgers sag."
        )


def refresh(inquiry: Inquiry) -> None:
    """Bring the caller's copy up to date after the action committed."""
    inquiry.refresh_from_db()
