"""How a message reaches the citizen or the administration: the one path every sending
action takes. The guard checks the text first; the message is recorded; what leaves
electronically goes into the outbox in the same transaction, and the worker sends it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.digitalpost.memo import LetterContent, build_message
from borgerpost.guard import service as guard
from borgerpost.outgoing.models import Purpose
from borgerpost.outgoing.queue import enqueue_digital_post, enqueue_mail

from ..models import Inquiry, Message, MessageChannel

NEUTRAL_SUBJECT = "Svar på din henvendelse"


@dataclass(frozen=True)
class Delivery:
    """How a message to the citizen leaves: the channel, and what the guard needs."""

    channel: str
    cpr: str = ""  # only for Digital Post; never stored in full
    accepted: frozenset[str] = frozenset()  # findings the sender marked as not sensitive


def how(channel: str | Delivery) -> Delivery:
    return channel if isinstance(channel, Delivery) else Delivery(channel)


def _check_channel(inquiry: Inquiry, delivery: Delivery) -> None:
    if delivery.channel == MessageChannel.MAIL and not inquiry.citizen_email:
        raise RuleError("Borgeren har ingen mailadresse. Vælg en anden kanal.")
    if delivery.channel == MessageChannel.DIGITAL_POST and (
        len(delivery.cpr) != 10 or not delivery.cpr.isdigit()
    ):
        raise RuleError("Angiv borgerens CPR-nummer for at sende med Digital Post.")


def _recipient_label(inquiry: Inquiry, delivery: Delivery) -> str:
    if delivery.channel == MessageChannel.MAIL:
        return inquiry.citizen_email
    if delivery.channel == MessageChannel.DIGITAL_POST:
        return f"Digital Post til {delivery.cpr[:6]}-XXXX"
    return inquiry.citizen_phone or inquiry.citizen_address or inquiry.citizen_name


def subject_for(inquiry: Inquiry, lead: str) -> str:
    """A subject the citizen recognises: what it is, their own topic and the number to
    quote (»Svar på din henvendelse: Skolevej (H-12)«)."""
    topic = f": {inquiry.subject}" if inquiry.subject else ""
    return f"{lead}{topic} ({inquiry.reference})"


def send_to_citizen(
    actor: Actor,
    inquiry: Inquiry,
    delivery: Delivery,
    kind: str,
    subject: str,
    body: str,
    sender: str = "",
    secretariat_sees: bool = False,
    **fields: Any,
) -> Message:
    """Guard, record and send one message to the citizen, inside the caller's transaction.

    Raises GuardBlocked before anything is recorded when sensitive data would leave on an
    insecure channel. `secretariat_sees`: the administration's own messages; a member's
    are the member's alone (styrelseslov § 8 b), also when they cannot be delivered. Mail and Digital Post go into the outbox; a phone call, a meeting or
    a letter is recorded as given.
    """
    _check_channel(inquiry, delivery)
    address = inquiry.citizen_email if delivery.channel == MessageChannel.MAIL else ""
    guard.enforce(actor, delivery.channel, address, body, inquiry.body, delivery.accepted)
    if subject and guard.check(actor.municipality, delivery.channel, address, subject).blocked:
        # The citizen's own subject line may carry the sensitive detail: leave it out.
        subject = NEUTRAL_SUBJECT
    message = Message.objects.create(
        inquiry=inquiry,
        kind=kind,
        channel=delivery.channel,
        author=actor.user,
        recipient=_recipient_label(inquiry, delivery),
        subject=subject,
        body=body,
        **fields,
    )
    if delivery.channel == MessageChannel.MAIL:
        enqueue_mail(
            to=inquiry.citizen_email,
            subject=subject,
            body=body,
            sender=sender or actor.user.email,
            municipality=actor.municipality,
            about=message,
            author=actor.user,
            secretariat_sees=secretariat_sees,
        )
    elif delivery.channel == MessageChannel.DIGITAL_POST:
        letter = secure_reply(actor, inquiry, delivery.cpr, subject, body)
        enqueue_digital_post(
            message=build_message(letter),
            municipality=actor.municipality,
            recipient_label=f"{delivery.cpr[:6]}-XXXX",
            about=message,
            author=actor.user,
            secretariat_sees=secretariat_sees,
        )
    return message


def secure_reply(
    actor: Actor, inquiry: Inquiry, cpr: str, subject: str, body: str
) -> LetterContent:
    """A message to the citizen as a Digital Post letter (MeMo with a PDF)."""
    from borgerpost.letters.pdf import render_letter_pdf

    title = subject or NEUTRAL_SUBJECT
    pdf = render_letter_pdf(
        {
            "letter": {
                "title": title,
                "body": body,
                "contact_text": f"{actor.user.get_full_name()}, {actor.user.email}",
                "case_number": "",
            },
            "municipality": actor.municipality,
        }
    )
    return LetterContent(
        sender_id=actor.municipality.cvr or "00000000",
        sender_label=actor.municipality.name,
        recipient_id=cpr,
        recipient_label=inquiry.citizen_name,
        title=title,
        pdf=pdf,
    )


def inquiry_link(inquiry: Inquiry) -> str:
    return f"{settings.SITE_URL}/k/{inquiry.municipality.slug}/henvendelser/{inquiry.pk}/"


def notify_main_mailbox(inquiry: Inquiry, actor: Actor, what: str) -> None:
    """Tell the main mailbox that the administration has something to do. Only a link and
    the reference: the content stays in the system."""
    body = (
        f"{what}\n\nHenvendelse {inquiry.reference}, modtaget "
        f"{timezone.localtime(inquiry.received_at):%d.%m.%Y}, svarfrist "
        f"{inquiry.deadline:%d.%m.%Y}.\nSendt af {actor.user.get_full_name()}.\n\n"
        f"Åbn henvendelsen i borgerpost: {inquiry_link(inquiry)}\n"
    )
    enqueue_mail(
        to=inquiry.municipality.main_mailbox,
        subject=f"{what} ({inquiry.reference})",
        body=body,
        sender=actor.user.email,
        municipality=inquiry.municipality,
        about=inquiry,
        author=actor.user,
        purpose=Purpose.INTERNAL,
        secretariat_sees=True,
    )
