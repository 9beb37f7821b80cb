"""Every write to mailboxes and quarantine, with its audit entry in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality
from borgerpost.core.secrets import seal

from .emlfolder import allowed
from .models import AuthMethod, Mailbox, MailboxKind, MailSource, QuarantinedMail

CONSENT_STATEMENT = (
    "Jeg giver borgerpost adgang til at læse mappen »{folder}« i min postkasse "
    "({username}) og oprette henvendelser af de mails, der kommer i den. borgerpost "
    "sletter, flytter og markerer ikke mails som læst. Administrationen får ikke adgang "
    "til min postkasse. Jeg kan til enhver tid trække samtykket tilbage."
)


@dataclass(frozen=True)
class MailboxSettings:
    host: str
    port: int
    username: str
    auth_method: str
    secret: str  # empty: keep the stored one
    folder: str
    oauth_tenant: str = ""
    oauth_client_id: str = ""
    oauth_token_url: str = ""


# Where the stored secret is sent: change any of these and the secret must be given again,
# or an administrator could point the mailbox at a server of their own and have borgerpost
# log in there with the municipality's password.
_WHERE_THE_SECRET_GOES = (
    "host",
    "port",
    "username",
    "auth_method",
    "oauth_token_url",
    "oauth_tenant",
    "oauth_client_id",
)

RETYPE_NOTICE = (
    "Du har ændret server, port, brugernavn eller log-in-metode. Skriv adgangskoden (eller "
    "klienthemmeligheden) igen: den gemte sendes aldrig til en anden server."
)


def _apply(mailbox: Mailbox, new: MailboxSettings) -> None:
    before = {name: getattr(mailbox, name) for name in _WHERE_THE_SECRET_GOES}
    mailbox.host = new.host.strip()
    mailbox.port = new.port
    mailbox.username = new.username.strip()
    mailbox.auth_method = new.auth_method
    mailbox.folder = new.folder.strip() or "INBOX"
    mailbox.oauth_tenant = new.oauth_tenant.strip()
    mailbox.oauth_client_id = new.oauth_client_id.strip()
    mailbox.oauth_token_url = new.oauth_token_url.strip()
    moved = mailbox.pk is not None and any(
        getattr(mailbox, name) != value for name, value in before.items()
    )
    if new.secret:
        mailbox.sealed_secret = seal(new.secret)
    elif moved and mailbox.sealed_secret:
        raise RuleError(RETYPE_NOTICE)
    if not mailbox.sealed_secret:
        raise RuleError(
            "Angiv adgangskoden."
            if new.auth_method == AuthMethod.PASSWORD
            else "Angiv klienthemmeligheden fra app-registreringen."
        )
    if new.auth_method == AuthMethod.XOAUTH2 and not mailbox.oauth_client_id:
        raise RuleError("Angiv klient-id for OAuth2.")
    if new.auth_method == AuthMethod.XOAUTH2 and not (
        mailbox.oauth_tenant or mailbox.oauth_token_url
    ):
        raise RuleError("Angiv Microsoft 365-tenant (eller en token-adresse) for OAuth2.")
    mailbox.source = MailSource.IMAP  # the web form connects IMAP only
    mailbox.active = True
    mailbox.last_error = ""


def do_connect_main_mailbox(actor: Actor, new: MailboxSettings) -> Mailbox:
    """The administrator connects the municipality's main mailbox (or changes it)."""
    if not actor.is_admin:
        raise RuleError("Kun kommunens administrator forbinder hovedpostkassen.")
    with transaction.atomic():
        mailbox = (
            Mailbox.objects.select_for_update()
            .filter(municipality=actor.municipality, kind=MailboxKind.MAIN)
            .first()
        ) or Mailbox(municipality=actor.municipality, kind=MailboxKind.MAIN)
        created = mailbox.pk is None
        _apply(mailbox, new)
        mailbox.save()
        record(actor, "mailbox.connected" if created else "mailbox.changed", mailbox, kind="main")
    return mailbox


def do_connect_file_folder(municipality: Municipality, directory: str) -> Mailbox:
    """The operator connects a directory of .eml files as the municipality's main mailbox,
    for a system that can only drop files (intake/emlfolder.py). Only from the command
    line, and only under BORGERPOST_MAIL_FOLDERS: nobody in the web interface can point
    the intake at the server's files."""
    path = allowed(directory, str(settings.MAIL_FOLDERS))
    if not path.is_dir():
        raise RuleError(f"Mappen {path} findes ikke.")
    with transaction.atomic():
        mailbox = (
            Mailbox.objects.select_for_update()
            .in_municipality(municipality)
            .filter(kind=MailboxKind.MAIN)
            .first()
        ) or Mailbox(municipality=municipality, kind=MailboxKind.MAIN)
        created = mailbox.pk is None
        mailbox.source = MailSource.FOLDER
        mailbox.folder = str(path)
        mailbox.host = mailbox.username = ""
        mailbox.sealed_secret = ""
        mailbox.active = True
        mailbox.last_error = ""
        mailbox.save()
        record(
            None,
            "mailbox.connected" if created else "mailbox.changed",
            mailbox,
            municipality=municipality,
            kind="main",
            source="folder",
        )
    return mailbox


def do_connect_member_folder(actor: Actor, new: MailboxSettings, consent: bool) -> Mailbox:
    """A council member connects a folder of their own mailbox, with recorded consent."""
    if not actor.is_council_member:
        raise RuleError("Kun byrådsmedlemmer kan forbinde deres egen mailmappe.")
    if not consent:
        raise RuleError("Giv dit samtykke for at forbinde mappen. Uden det læser borgerpost intet.")
    with transaction.atomic():
        mailbox = (
            Mailbox.objects.select_for_update()
            .filter(municipality=actor.municipality, kind=MailboxKind.MEMBER, member=actor.user)
            .first()
        ) or Mailbox(municipality=actor.municipality, kind=MailboxKind.MEMBER, member=actor.user)
        created = mailbox.pk is None
        _apply(mailbox, new)
        mailbox.consent_statement = CONSENT_STATEMENT.format(
            folder=mailbox.folder, username=mailbox.username
        )
        mailbox.consent_at = timezone.now()
        mailbox.save()
        record(actor, "mailbox.connected" if created else "mailbox.changed", mailbox, kind="member")
        record(actor, "mailbox.consent_given", mailbox)
    return mailbox


def do_connect_counsellor_mailbox(actor: Actor, new: MailboxSettings) -> Mailbox:
    """The citizen counsellor connects their own mailbox: its mails go to the
    counsellor's register only, never to the administration."""
    if not actor.is_counsellor:
        raise RuleError("Kun borgerrådgiveren kan forbinde borgerrådgiverens postkasse.")
    with transaction.atomic():
        mailbox = (
            Mailbox.objects.select_for_update()
            .filter(municipality=actor.municipality, kind=MailboxKind.COUNSELLOR, member=actor.user)
            .first()
        ) or Mailbox(
            municipality=actor.municipality, kind=MailboxKind.COUNSELLOR, member=actor.user
        )
        created = mailbox.pk is None
        _apply(mailbox, new)
        mailbox.save()
        record(
            actor, "mailbox.connected" if created else "mailbox.changed", mailbox, kind="counsellor"
        )
    return mailbox


def do_disconnect_mailbox(actor: Actor, mailbox: Mailbox) -> None:
    """Stop reading the mailbox and forget its password; a member withdraws consent."""
    _require_owner(actor, mailbox)
    with transaction.atomic():
        mailbox.active = False
        mailbox.sealed_secret = ""
        mailbox.save(update_fields=["active", "sealed_secret"])
        record(actor, "mailbox.disconnected", mailbox)
        if mailbox.kind == MailboxKind.MEMBER:
            record(actor, "mailbox.consent_withdrawn", mailbox)


def _require_owner(actor: Actor, mailbox: Mailbox) -> None:
    if mailbox.municipality_id != actor.municipality.pk:
        raise RuleError("Postkassen findes ikke.")
    if mailbox.kind == MailboxKind.MEMBER and mailbox.member_id != actor.user.pk:
        raise RuleError("Kun medlemmet selv kan ændre sin mailmappe.")
    if mailbox.kind == MailboxKind.COUNSELLOR and mailbox.member_id != actor.user.pk:
        raise RuleError("Kun borgerrådgiveren selv kan ændre sin postkasse.")
    if mailbox.kind == MailboxKind.MAIN and not actor.is_admin:
        raise RuleError("Kun kommunens administrator kan ændre hovedpostkassen.")


def do_take_mail_now(actor: Actor, mailbox: Mailbox) -> str:
    """Read the mailbox now instead of waiting for the worker; a Danish summary."""
    from .service import take_new_mail

    _require_owner(actor, mailbox)
    if not mailbox.active:
        raise RuleError("Postkassen er ikke forbundet.")
    summary = take_new_mail(mailbox)
    record(actor, "mailbox.read_now", mailbox, created=summary.created)
    if summary.busy:
        return "Postkassen læses allerede af baggrundsprocessen. Prøv igen om lidt."
    return (
        f"Nye henvendelser: {summary.created}. Samme som allerede registrerede: "
        f"{summary.joined + summary.duplicates}. I karantæne: {summary.quarantined}."
    )


def do_download_quarantined(actor: Actor, item: QuarantinedMail) -> None:
    record(actor, "quarantine.downloaded", item)


def do_resolve_quarantined(actor: Actor, item: QuarantinedMail, resolution: str) -> None:
    """Registered by hand or discarded: the original is deleted, the reason stays."""
    if item.resolved_at:
        raise RuleError("Mailen er allerede afsluttet.")
    if resolution not in RESOLUTIONS:
        raise RuleError("Vælg, hvad der er gjort med mailen.")
    with transaction.atomic():
        if item.raw:
            # The file goes only once the resolution is stored.
            storage, name = item.raw.storage, item.raw.name
            transaction.on_commit(lambda: storage.delete(name))
            item.raw = None  # type: ignore[assignment]
        item.subject = ""
        item.sender = ""
        item.resolved_at = timezone.now()
        item.resolution = RESOLUTIONS[resolution]
        item.save()
        record(actor, "quarantine.resolved", item, resolution=resolution)


RESOLUTIONS = {
    "registered": "Registreret i hånden",
    "discarded": "Kasseret (ikke en borgerhenvendelse)",
}
