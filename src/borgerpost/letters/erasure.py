"""What retention asks of the letters app (retention/rules.py decides when)."""

from __future__ import annotations

from django.utils import timezone

from .models import Citizen, Letter


def erase_letter(letter: Letter) -> None:
    letter.title = "Brev slettet efter slettefristen"
    for name in ("lead_text", "body", "contact_text", "case_number"):
        setattr(letter, name, "")
    letter.hold_reason = letter.released_early_reason = ""
    if letter.document:
        letter.document.delete(save=False)
    for attachment in letter.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    letter.content_deleted_at = timezone.now()
    letter.save()


def lapse_assessment(citizen: Citizen) -> None:
    """A vulnerability assessment past its review date is no longer held."""
    citizen.vulnerable = False
    citizen.vulnerability_note = ""
    citizen.vulnerability_assessed_by = None
    citizen.vulnerability_assessed_at = None
    citizen.vulnerability_review_on = None
    citizen.save()


def erase_citizen(citizen: Citizen) -> None:
    # Their letters were emptied before (a shorter period); they keep no recipient.
    citizen.delete()
