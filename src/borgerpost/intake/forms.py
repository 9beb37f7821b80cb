from __future__ import annotations

from django import forms

from .actions import MailboxSettings
from .models import AuthMethod, Mailbox


class MailboxForm(forms.Form):
    host = forms.CharField(
        label="IMAP-server", max_length=255, help_text="Fx outlook.office365.com"
    )
    port = forms.IntegerField(label="Port", min_value=1, max_value=65535, initial=993)
    username = forms.CharField(label="Brugernavn (mailadresse)", max_length=255)
    auth_method = forms.ChoiceField(
        label="Log-in", choices=AuthMethod.choices, initial=AuthMethod.PASSWORD
    )
    secret = forms.CharField(
        label="Adgangskode eller klienthemmelighed",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Gemmes krypteret. Lad feltet stå tomt for at beholde den gemte.",
    )
    oauth_tenant = forms.CharField(label="Microsoft 365-tenant", max_length=100, required=False)
    oauth_client_id = forms.CharField(label="OAuth2-klient-id", max_length=200, required=False)
    oauth_token_url = forms.URLField(
        label="Token-adresse",
        required=False,
        assume_scheme="https",
        help_text="Kun hvis den ikke er Microsofts.",
    )
    folder = forms.CharField(label="Mappe", max_length=255, initial="INBOX")

    @classmethod
    def for_mailbox(cls, mailbox: Mailbox | None, data=None) -> MailboxForm:  # type: ignore[no-untyped-def]
        initial = {}
        if mailbox is not None:
            initial = {
                name: getattr(mailbox, name)
                for name in (
                    "host",
                    "port",
                    "username",
                    "auth_method",
                    "oauth_tenant",
                    "oauth_client_id",
                    "oauth_token_url",
                    "folder",
                )
            }
        return cls(data, initial=initial)

    def settings(self) -> MailboxSettings:
        d = self.cleaned_data
        return MailboxSettings(
            host=d["host"],
            port=d["port"],
            username=d["username"],
            auth_method=d["auth_method"],
            secret=d["secret"],
            folder=d["folder"],
            oauth_tenant=d["oauth_tenant"],
            oauth_client_id=d["oauth_client_id"],
            oauth_token_url=d["oauth_token_url"],
        )


class MemberFolderForm(MailboxForm):
    consent = forms.BooleanField(
        label="Jeg giver mit samtykke som beskrevet ovenfor.", required=False
    )
