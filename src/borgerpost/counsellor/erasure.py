"""What retention asks of the counsellor app: a case's personal data (retention/rules.py
decides when). The case keeps its codes, centre and dates for the annual reports."""

from __future__ import annotations

from django.utils import timezone

from .models import CounsellorCase, CounsellorMail


def erase_case(case: CounsellorCase) -> None:
    case.citizen_contact = ""
    case.citizen_cpr = ""
    case.notes = ""
    case.steps.update(note="")  # the dated steps stay for the report, not what was said
    case.personal_data_deleted_at = timezone.now()
    case.save(update_fields=["citizen_contact", "citizen_cpr", "notes", "personal_data_deleted_at"])


def erase_mail(mail: CounsellorMail) -> None:
    """A mail never registered as a case, past the counsellor's period."""
    mail.sender_name = mail.sender_email = mail.subject = mail.body = ""
    mail.attachment_names = []
    mail.content_deleted_at = timezone.now()
    mail.save()
