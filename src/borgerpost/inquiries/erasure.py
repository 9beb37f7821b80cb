"""What retention asks of the inquiries app: erase an inquiry's content (retention/rules.py
decides when). The inquiry keeps its dates, path and status for statistics and the audit
log; everything a person wrote or attached goes."""

from __future__ import annotations

from django.utils import timezone

from .models import Inquiry

_TEXT_FIELDS = (
    "subject",
    "body",
    "citizen_name",
    "citizen_email",
    "citizen_phone",
    "citizen_address",
    "message_id",
    "content_key",
    "member_note_to_administration",
    "extension_reason",
)


def erase_inquiry(inquiry: Inquiry) -> None:
    for attachment in inquiry.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    inquiry.messages.update(body="", recipient="", subject="")
    inquiry.drafts.update(body="", request_note="")
    inquiry.agenda_proposals.update(motivation="", status_note="")
    inquiry.notes.all().delete()  # what staff wrote about the citizen goes with the text
    inquiry.follow_ups.all().delete()
    for name in _TEXT_FIELDS:
        setattr(inquiry, name, "")
    inquiry.suggestion_reasons = []
    inquiry.sensitive_categories = []
    inquiry.content_deleted_at = timezone.now()
    inquiry.save()
