"""Writing notices. `notify` runs inside another action's transaction (assigning an
inquiry, sending it to the administration, answering it, the daily deadline check), so a
notice exists exactly when what it tells of happened; its mail leaves through the outbox
after the commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality
from borgerpost.inquiries.models import Inquiry
from borgerpost.outgoing.models import Purpose
from borgerpost.outgoing.queue import enqueue_mail

from .models import Notice, NoticeSettings


def notify(
    municipality: Municipality,
    recipients: Iterable[Any],
    kind: str,
    text: str,
    *,
    inquiry: Inquiry | None = None,
    link: str = "",
    by: Any = None,
    mail: bool | None = None,
) -> list[Notice]:
    """A notice for each person (never for `by`, who did it), and a mail to those who
    want one. `mail`: True for a notice the guidance says goes by mail too, False for
    one whose news already went by mail (the daily reminder)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("notify must run inside the action's transaction")
    people = {p.pk: p for p in recipients if p is not None and getattr(by, "pk", None) != p.pk}
    if not people:
        return []
    link = link or (_inquiry_link(municipality, inquiry) if inquiry else "")
    wants_mail = set(
        NoticeSettings.objects.in_municipality(municipality)
        .filter(user_id__in=people, by_mail=True)
        .values_list("user_id", flat=True)
    )
    made = []
    for pk, person in sorted(people.items()):
        made.append(
            Notice.objects.create(
                municipality=municipality,
                recipient=person,
                kind=kind,
                inquiry=inquiry,
                text=text[:300],
                link=link,
            )
        )
        wanted = pk in wants_mail if mail is None else mail
        if person.email and wanted:
            enqueue_mail(
                to=person.email,
                subject=f"borgerpost: {text}"[:200],
                body=_mail_body(text, link),
                municipality=municipality,
                purpose=Purpose.INTERNAL,
            )
    return made


def _inquiry_link(municipality: Municipality, inquiry: Inquiry) -> str:
    return f"/k/{municipality.slug}/henvendelser/{inquiry.pk}/"


def _mail_body(text: str, link: str) -> str:
    # Only what the notice says and where to read more: never the inquiry's content.
    lines = [text, ""]
    if link:
        lines += ["Se mere i borgerpost:", settings.SITE_URL + link, ""]
    lines.append("Du får denne mail, fordi du følger nyt i borgerpost.")
    return "\n".join(lines)


def do_mark_read(actor: Actor, notice: Notice | None = None) -> int:
    """One notice read (opened), or all of the person's; returns how many."""
    unread = Notice.objects.for_actor(actor).filter(read_at__isnull=True)
    if notice is not None:
        unread = unread.filter(pk=notice.pk)
    with transaction.atomic():
        count = unread.update(read_at=timezone.now())
        if count:
            record(actor, "notices.read", actor.municipality, count=count)
    return count


def do_set_notice_mail(actor: Actor, by_mail: bool) -> None:
    if by_mail and not actor.user.email:
        raise RuleError("Du har ingen mailadresse i borgerpost. Bed IT om at tilføje den.")
    with transaction.atomic():
        NoticeSettings.objects.update_or_create(
            municipality=actor.municipality, user=actor.user, defaults={"by_mail": by_mail}
        )
        record(actor, "notices.mail_setting", actor.municipality, by_mail=by_mail)
