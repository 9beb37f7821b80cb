"""Secrets borgerpost must keep to act for the municipality (mailbox passwords, OAuth2
client secrets), encrypted at rest.

Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`) with a key derived from
SECRET_KEY by HKDF, so a copy of the database alone reveals no password. Changing
SECRET_KEY makes the stored secrets unreadable: they must then be entered again, and
`reveal` says so in Danish rather than failing obscurely.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from borgerpost.core.exceptions import RuleError


def _fernet() -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"borgerpost stored secrets v1"
    ).derive(settings.SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode("ascii") if secret else ""


def reveal(sealed: str) -> str:
    if not sealed:
        return ""
    try:
        return _fernet().decrypt(sealed.encode("ascii")).decode()
    except InvalidToken:
        raise RuleError(
            "Den gemte adgangskode kan ikke læses (serverens SECRET_KEY er skiftet). "
            "Indtast adgangskoden igen."
        ) from None
