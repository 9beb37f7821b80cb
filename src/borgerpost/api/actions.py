"""Creating and revoking API tokens, each with its audit entry in the same transaction."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import ADMINISTRATION_ROLES, Membership, Municipality, Role
from borgerpost.letters.folders import FOLDER_NAME
from borgerpost.letters.models import SendingSystem

from .models import ApiToken, Scope
from .tokens import PREFIX, _hash


def do_create_token(
    actor: Actor | None,
    municipality: Municipality,
    name: str,
    role: str,
    scope: str = Scope.API,
    folder: str = "",
) -> tuple[ApiToken, str]:
    """A new token; the returned text is the only time the secret is seen. A token for
    the Digital Post gateway registers its sending system with it: its letters carry the
    system's name, and it acts as a caseworker (letters are the administration's)."""
    if scope not in Scope.values:
        raise RuleError(f"Ukendt scope. Brug en af: {', '.join(Scope.values)}.")
    if scope == Scope.DIGITAL_POST:
        role = Role.CASEWORKER
    if folder and (scope != Scope.DIGITAL_POST or not FOLDER_NAME.fullmatch(folder)):
        raise RuleError(
            "En mappe kan kun gives et afsendersystem (scope digital-post), og navnet må kun "
            "have bogstaver, tal, - og _ (højst 64 tegn)."
        )
    if role not in ADMINISTRATION_ROLES:
        raise RuleError(
            "En integration kan kun få en af administrationens roller (sekretariat, direktør, "
            "sagsbehandler): den må aldrig læse byrådsmedlemmernes henvendelser."
        )
    if not name.strip():
        raise RuleError("Giv integrationen et navn (fx SBSYS).")
    prefix, secret = secrets.token_hex(4), secrets.token_urlsafe(32)
    with transaction.atomic():
        account = get_user_model().objects.create(
            username=f"api-{municipality.slug}-{prefix}",
            first_name="Integration:",
            last_name=name.strip()[:100],
        )
        account.set_unusable_password()
        account.save()
        Membership.objects.create(user=account, municipality=municipality, role=role)
        token = ApiToken.objects.create(
            municipality=municipality,
            name=name.strip()[:100],
            account=account,
            prefix=prefix,
            secret_hash=_hash(secret),
            scope=scope,
        )
        if scope == Scope.DIGITAL_POST:
            SendingSystem.objects.create(
                municipality=municipality, name=token.name, token=token, folder=folder
            )
        record(actor, "api_token.created", token, municipality=municipality, role=role, scope=scope)
    return token, f"{PREFIX}_{prefix}_{secret}"


def do_revoke_token(actor: Actor | None, token: ApiToken) -> None:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise RuleError("Tokenet er allerede tilbagekaldt.")
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        Membership.objects.filter(user=token.account).delete()
        record(actor, "api_token.revoked", token, municipality=token.municipality)
