"""Reading a mailbox folder over IMAP with TLS (imapclient), password or XOAUTH2: the
IMAP `MailFolder` of interfaces.py.

borgerpost never deletes or moves a mail on the server and never marks it as read: a
mail it has taken gets the keyword $BorgerpostTaken, so the member's own mail program
shows the folder as before. The keyword is set only after the inquiry is committed
(see intake.py), so a mail with the keyword has always been taken.
"""

from __future__ import annotations

import json
import ssl
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from borgerpost.core.secrets import reveal
from borgerpost.pure.mailparse import MAX_MAIL_BYTES

from .interfaces import FetchedMail, MailboxError
from .models import AuthMethod, Mailbox

TAKEN = b"$BorgerpostTaken"
TIMEOUT = 60  # seconds for connecting and for each command


def _tls_context() -> ssl.SSLContext:
    # The system's trusted certificates (SSL_CERT_FILE may point elsewhere); TLS 1.2+.
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def microsoft_token_url(tenant: str) -> str:
    return f"https://login.microsoftonline.com/{urllib.parse.quote(tenant)}/oauth2/v2.0/token"


def fetch_oauth_token(mailbox: Mailbox) -> str:
    """An access token by the OAuth2 client-credentials grant, as Microsoft 365 issues
    them for IMAP (the app registration needs IMAP.AccessAsApp)."""
    url = mailbox.oauth_token_url or microsoft_token_url(mailbox.oauth_tenant)
    form = urllib.parse.urlencode(
        {
            "grant_type": "client_credentials",
            "client_id": mailbox.oauth_client_id,
            "client_secret": reveal(mailbox.sealed_secret),
            "scope": "https://outlook.office365.com/.default",
        }
    ).encode()
    if not url.startswith("https://"):
        raise MailboxError("Token-adressen skal begynde med https://.")
    request = urllib.request.Request(url, data=form, method="POST")  # noqa: S310 - https only
    try:
        with urllib.request.urlopen(  # noqa: S310 - the scheme is checked above
            request, timeout=TIMEOUT, context=_tls_context()
        ) as reply:
            token = json.load(reply).get("access_token", "")
    except (OSError, ValueError):
        raise MailboxError(
            "Kunne ikke hente et OAuth2-token. Tjek tenant, klient-id og klienthemmelighed."
        ) from None
    if not token:
        raise MailboxError("OAuth2-serveren gav intet token. Tjek app-registreringen.")
    return token


class Folder:
    """One selected IMAP folder."""

    def __init__(self, client: imapclient.IMAPClient, uidvalidity: int) -> None:
        self._client = client
        self.uidvalidity = uidvalidity

    def untaken_uids(self) -> list[int]:
        return sorted(self._client.search(["UNKEYWORD", TAKEN.decode()]))

    def fetch(self, uids: list[int], max_bytes: int = MAX_MAIL_BYTES) -> Iterator[FetchedMail]:
        """The mails, in bounded memory: sizes first, and only mails within the limit are
        downloaded. BODY.PEEK leaves \\Seen alone: the mail program still shows them unread."""
        sizes = {
            int(uid): int(data.get(b"RFC822.SIZE") or 0)
            for uid, data in self._client.fetch(uids, [b"RFC822.SIZE"]).items()
        }
        small = [uid for uid in uids if sizes.get(uid, 0) <= max_bytes]
        for uid in uids:
            if uid not in small:
                yield FetchedMail(uid, b"", sizes.get(uid, 0), too_large=True)
        for uid, data in self._client.fetch(small, [b"BODY.PEEK[]"]).items() if small else ():
            raw = data.get(b"BODY[]") or b""
            raw = raw if isinstance(raw, bytes) else bytes(raw)
            yield FetchedMail(int(uid), raw, sizes.get(int(uid), len(raw)))

    def mark_taken(self, uids: list[int]) -> None:
        if uids:
            self._client.add_flags(uids, [TAKEN], silent=True)


@contextmanager
def open_folder(mailbox: Mailbox, tls_context: ssl.SSLContext | None = None) -> Iterator[Folder]:
    """Connect with TLS, log in and select the folder; Danish errors for what can go wrong."""
    try:
        client = imapclient.IMAPClient(
            mailbox.host,
            port=mailbox.port,
            ssl=True,
            ssl_context=tls_context or _tls_context(),
            timeout=TIMEOUT,
        )
    except ssl.SSLError:
        raise MailboxError(
            f"TLS-forbindelsen til {mailbox.host} kunne ikke oprettes (certifikatet blev ikke "
            "godkendt). borgerpost forbinder kun med TLS."
        ) from None
    except (TimeoutError, OSError):
        raise MailboxError(
            f"Kunne ikke forbinde til {mailbox.host}:{mailbox.port}. Tjek server og port."
        ) from None
    try:
        _login(client, mailbox)
        try:
            selected = client.select_folder(mailbox.folder)
        except IMAPClientError:
            raise MailboxError(f"Mappen »{mailbox.folder}« findes ikke i postkassen.") from None
        yield Folder(client, int(selected[b"UIDVALIDITY"]))
    finally:
        with suppress(IMAPClientError, OSError):
            client.logout()


def _login(client: imapclient.IMAPClient, mailbox: Mailbox) -> None:
    try:
        if mailbox.auth_method == AuthMethod.XOAUTH2:
            client.oauth2_login(mailbox.username, fetch_oauth_token(mailbox))
        else:
            client.login(mailbox.username, reveal(mailbox.sealed_secret))
    except LoginError:
        raise MailboxError(
            "Log-in i postkassen blev afvist. Tjek brugernavn og adgangskode eller OAuth2."
        ) from None
