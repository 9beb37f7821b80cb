"""The search index follows every save and delete of what it is built from (index.py).
Raw saves (fixtures, a restore) skip it: a restore rebuilds the index afterwards."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from borgerpost.core.backup import restored
from borgerpost.inquiries.models import Attachment, Inquiry
from borgerpost.inquiries.signals import inquiries_bulk_created

from . import index


@receiver(post_save, sender=Inquiry)
def _inquiry_saved(
    sender: Any, instance: Inquiry, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    if raw:
        return
    if update_fields is None or index.SEARCHED_FIELDS & set(update_fields):
        index.reindex([instance.pk])


@receiver(post_delete, sender=Inquiry)
def _inquiry_deleted(sender: Any, instance: Inquiry, **kwargs: Any) -> None:
    index.forget([instance.pk])


@receiver(post_save, sender=Attachment)
def _attachment_saved(sender: Any, instance: Attachment, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index.reindex([instance.inquiry_id])


@receiver(post_delete, sender=Attachment)
def _attachment_deleted(
    sender: Any, instance: Attachment, origin: Any = None, **kwargs: Any
) -> None:
    # Not when the inquiry itself is being deleted: its document goes with it, and
    # writing it again here would point at a row about to be gone.
    deleting_inquiry = isinstance(origin, Inquiry) or (
        isinstance(origin, QuerySet) and origin.model is Inquiry
    )
    if not deleting_inquiry:
        index.reindex([instance.inquiry_id])


@receiver(inquiries_bulk_created)
def _inquiries_bulk_created(sender: Any, inquiry_ids: list[int], **kwargs: Any) -> None:
    index.reindex(inquiry_ids)


@receiver(restored)
def _restored(sender: Any, **kwargs: Any) -> None:
    index.rebuild()
