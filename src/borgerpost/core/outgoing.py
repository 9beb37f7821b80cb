"""Mail out of borgerpost: one way for every sender (replies, letters, notifications).

Mail goes over SMTP with TLS (a system check refuses SMTP without it), and only after
the guard has allowed the message on this channel. It is sent inside the caller's
transaction, as its last step: if the mail server refuses or cannot be reached, the
action fails with a Danish message and nothing is recorded as sent.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage

from borgerpost.core.exceptions import RuleError

logger = logging.getLogger("borgerpost.mail")

NOT_SENT = (
    "Mailen kunne ikke sendes: mailserveren svarede ikke eller afviste den. Intet er sendt "
    "eller gemt. Prøv igen om lidt, eller kontakt kommunens IT."
)


def send_mail(
    to: str,
    subject: str,
    body: str,
    sender: str = "",
    reply_to: str = "",
) -> None:
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=sender or settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
    )
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as exc:
        # The reason only: never the address or the content.
        logger.warning("mail not sent: %s", type(exc).__name__)
        raise RuleError(NOT_SENT) from None
