"""What retention asks of the intake app: the quarantine's originals, and what the intake
kept about an inquiry's mail (retention/rules.py decides when)."""

from __future__ import annotations

from django.utils import timezone

from borgerpost.inquiries.models import Inquiry

from .models import IntakeRecord, QuarantinedMail


def erase_quarantined(item: QuarantinedMail) -> None:
    if item.raw:
        item.raw.delete(save=False)
    item.subject = item.sender = ""
    if item.resolved_at is None:
        item.resolved_at = timezone.now()
        item.resolution = "Slettet efter slettefristen"
    item.save()


def erase_for_inquiry(inquiry: Inquiry) -> None:
    # The Message-ID may name the sender; intake needs it only while the mail is new.
    IntakeRecord.objects.filter(inquiry=inquiry).update(message_id="")
