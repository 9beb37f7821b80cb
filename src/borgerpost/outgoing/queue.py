"""Putting a message in the outbox: called inside the action's transaction, so the message
exists exactly when the action's records do. Nothing leaves here; the worker sends it."""

from __future__ import annotations

import email.utils
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from python_serviceplatformen.models.message import Message as MemoMessage

from borgerpost.core.exceptions import RuleError
from borgerpost.digitalpost.memo import InvalidMemo, to_xml
from borgerpost.pure.text import clean_line, clean_text

from .models import Kind, OutgoingMessage, Purpose


def _about(obj: models.Model | None) -> dict[str, Any]:
    if obj is None:
        return {}
    return {"about_type": ContentType.objects.get_for_model(obj), "about_id": obj.pk}


def _address(value: str) -> str:
    address = clean_line(value).lower()
    try:
        validate_email(address)
    except ValidationError:
        raise RuleError(f"»{address[:100]}« er ikke en gyldig mailadresse.") from None
    return address


def _message_id(municipality: Any) -> str:
    domains = getattr(municipality, "mail_domains", None) or []
    return email.utils.make_msgid(domain=domains[0] if domains else "borgerpost.invalid")


def enqueue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    municipality: Any = None,
    sender: str = "",
    reply_to: str = "",
    about: models.Model | None = None,
    author: Any = None,
    purpose: str = Purpose.CITIZEN,
    secretariat_sees: bool = False,
) -> OutgoingMessage:
    """One mail to send after the commit. Raises RuleError (Danish) for an address that
    cannot be a mail address; the caller's transaction then changes nothing."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("enqueue_mail must run inside the action's transaction")
    return OutgoingMessage.objects.create(
        municipality=municipality,
        kind=Kind.MAIL,
        purpose=purpose,
        message_id=_message_id(municipality),
        recipient=_address(to),
        sender=_address(sender) if sender else settings.DEFAULT_FROM_EMAIL,
        reply_to=_address(reply_to) if reply_to else "",
        subject=clean_line(subject)[:300],
        body=clean_text(body),
        author=author if getattr(author, "pk", None) else None,
        secretariat_sees=secretariat_sees,
        **_about(about),
    )


def enqueue_digital_post(
    *,
    message: MemoMessage,
    municipality: Any,
    recipient_label: str,
    about: models.Model | None = None,
    author: Any = None,
    secretariat_sees: bool = False,
) -> OutgoingMessage:
    """One Digital Post letter (a MeMo message) for the municipality's transport. Its
    messageUUID is fixed now, so the transport can tell a resend from a new letter."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("enqueue_digital_post must run inside the action's transaction")
    header = message.messageHeader
    try:
        payload = to_xml(message)
    except InvalidMemo as exc:
        raise RuleError(str(exc)) from None  # the action rolls back: nothing is sent
    return OutgoingMessage.objects.create(
        municipality=municipality,
        kind=Kind.DIGITAL_POST,
        message_id=header.messageUUID,
        recipient=recipient_label[:300],
        subject=clean_line(header.label or "")[:300],
        payload=payload,
        details={
            "label": header.label or "",
            "do_not_deliver_until": header.doNotDeliverUntilDate.isoformat()
            if header.doNotDeliverUntilDate
            else None,
        },
        author=author if getattr(author, "pk", None) else None,
        secretariat_sees=secretariat_sees,
        **_about(about),
    )


def state_of(obj: models.Model) -> OutgoingMessage | None:
    """The newest outgoing message about `obj` (an inquiry's message, a letter)."""
    return (
        OutgoingMessage.objects.filter(
            about_type=ContentType.objects.get_for_model(obj), about_id=obj.pk
        )
        .order_by("-created_at", "-id")
        .first()
    )


def states_for(objects: list[models.Model]) -> dict[int, OutgoingMessage]:
    """The newest outgoing message about each object, by the object's pk, in one query."""
    if not objects:
        return {}
    kind = ContentType.objects.get_for_model(objects[0])
    found: dict[int, OutgoingMessage] = {}
    for row in OutgoingMessage.objects.filter(
        about_type=kind, about_id__in=[o.pk for o in objects]
    ).order_by("created_at", "id"):
        found[int(row.about_id or 0)] = row
    return found
