"""Keep the navigation's counters (`counts.py`) in step with every save and delete of
the rows they derive from, in the same transaction. Bulk writes skip signals: those paths
call `counts.recount` themselves."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from . import counts
from .models import AgendaProposal, Inquiry, InquiryRecipient

# Sent by the bulk registration path, which skips the save signals, with the new
# inquiries' ids (`inquiry_ids`): other apps' indexes (search) follow it.
inquiries_bulk_created = Signal()

# Saving only fields other than these cannot change what an inquiry is counted as.
_COUNTED_FIELDS = {"status", "deadline", "sent_to_administration_at", "path", "channel"}


@receiver(post_save, sender=Inquiry)
def _inquiry_saved(
    sender: Any, instance: Inquiry, update_fields: Any = None, **kwargs: Any
) -> None:
    if update_fields is None or _COUNTED_FIELDS & set(update_fields):
        counts.recount([instance.pk])


@receiver(post_delete, sender=Inquiry)
def _inquiry_deleted(sender: Any, instance: Inquiry, **kwargs: Any) -> None:
    # After its recipients and proposals: their own signals have already adjusted it.
    counts.forget(instance.pk)


@receiver(post_save, sender=InquiryRecipient)
@receiver(post_delete, sender=InquiryRecipient)
@receiver(post_save, sender=AgendaProposal)
@receiver(post_delete, sender=AgendaProposal)
def _viewer_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        counts.recount([instance.inquiry_id])
