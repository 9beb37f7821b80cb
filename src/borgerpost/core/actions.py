"""Writes to a municipality's set-up and to people's accounts, each with its audit entry in
the same transaction. Who may change whose roles is decided in core.people."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import ModelForm

from borgerpost.audit.log import record
from borgerpost.core.access import Actor
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Membership, Municipality, Role
from borgerpost.core.people import (
    COUNSELLOR_NOT_HERE,
    account_for_new_role,
    roles_here,
    why_not_combine,
    why_not_manage,
)

User = get_user_model()


def do_save_settings(actor: Actor, form: ModelForm, what: str) -> Any:
    """Save a validated settings form (municipality, centre, committee) and log which fields."""
    with transaction.atomic():
        created = form.instance.pk is None
        if hasattr(form.instance, "municipality_id") and created:
            form.instance.municipality = actor.municipality
        obj = form.save()
        record(
            actor,
            f"{what}.{'created' if created else 'changed'}",
            obj,
            municipality=actor.municipality,
            fields=sorted(form.changed_data),
        )
    return obj


def _tell(user: Any, municipality: Municipality, subject: str, text: str) -> None:
    """A mail to the person whose account was changed, so a change they did not expect is
    noticed. Nothing secret in it: never a password."""
    from borgerpost.outgoing.models import Purpose
    from borgerpost.outgoing.queue import enqueue_mail

    if not user.email:
        return
    enqueue_mail(
        to=user.email,
        subject=f"borgerpost: {subject}",
        body=f"{text}\n\nVar det ikke aftalt med dig, så kontakt kommunens IT straks.\n",
        sender=municipality.main_mailbox,
        municipality=municipality,
        purpose=Purpose.INTERNAL,
    )


def _by(actor: Actor | None) -> str:
    return actor.user.get_full_name() or actor.user.username if actor else "driften"


def do_add_person(actor: Actor, data: dict[str, Any]) -> Membership:
    """Give a person a role in the administrator's municipality, creating the account if
    the user name is new. Only accounts wholly inside the municipality, never one's own,
    never the counsellor's role, never a role the administrator role must be kept from."""
    role = data["role"]
    if role == Role.COUNSELLOR:
        raise RuleError(COUNSELLOR_NOT_HERE)
    with transaction.atomic():
        user, reason = account_for_new_role(actor, data["username"])
        if reason:
            raise RuleError(reason)
        created = user is None
        if user is None:
            user = _new_account(data)
        else:
            user = User.objects.select_for_update().get(pk=user.pk)
        membership = _grant(actor, actor.municipality, user, role, data.get("private_email", ""))
        record(
            actor,
            "membership.created",
            membership,
            municipality=actor.municipality,
            role=role,
            user=user.pk,
            new_account=created,
        )
        _tell(
            user,
            actor.municipality,
            "du har fået en ny rolle",
            f"{_by(actor)} har givet dig rollen »{Role(role).label}« i {actor.municipality.name}.",
        )
    return membership


def _new_account(data: dict[str, Any]) -> Any:
    try:
        validate_password(data["password"])
    except ValidationError as exc:
        raise RuleError(" ".join(exc.messages)) from None
    first, _, last = data["full_name"].partition(" ")
    user = User(username=data["username"], email=data["email"], first_name=first, last_name=last)
    user.set_password(data["password"])
    user.save()
    return user


def _grant(
    actor: Actor | None, place: Municipality, user: Any, role: str, private_email: str = ""
) -> Membership:
    existing = roles_here(user, place)
    if role in existing:
        raise RuleError("Personen har allerede den rolle i kommunen.")
    if reason := why_not_combine(existing, role):
        raise RuleError(reason)
    return Membership.objects.create(
        user=user, municipality=place, role=role, private_email=private_email
    )


def _managed(actor: Actor, user: Any) -> Any:
    """The account locked for a change by this administrator, or a Danish refusal."""
    if reason := why_not_manage(actor, user):
        raise RuleError(reason)
    return User.objects.select_for_update().get(pk=user.pk)


def do_remove_membership(actor: Actor, membership: Membership) -> None:
    with transaction.atomic():
        user = _managed(actor, membership.user)
        role = membership.role
        record(
            actor,
            "membership.removed",
            membership,
            municipality=actor.municipality,
            role=role,
            user=user.pk,
        )
        membership.delete()
        _tell(
            user,
            actor.municipality,
            "en rolle er fjernet",
            f"{_by(actor)} har fjernet din rolle »{Role(role).label}« i {actor.municipality.name}.",
        )


def do_reset_two_factor(actor: Actor, user: Any) -> None:
    """A lost phone: the administrator removes the person's app; they enrol again."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with transaction.atomic():
        user = _managed(actor, user)
        TOTPDevice.objects.filter(user=user).delete()
        record(actor, "login.two_factor_reset", user, municipality=actor.municipality, user=user.pk)
        _tell(
            user,
            actor.municipality,
            "din to-faktor-log-ind er nulstillet",
            f"{_by(actor)} har nulstillet din godkendelsesapp. Du sætter en ny op, næste gang "
            "du logger ind.",
        )


def do_set_password(actor: Actor, user: Any, password: str) -> None:
    """The administrator gives a person a new password (they forgot theirs). The person's
    other sessions end, because Django ties a session to the password."""
    with transaction.atomic():
        user = _managed(actor, user)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise RuleError(" ".join(exc.messages)) from None
        user.set_password(password)
        user.save(update_fields=["password"])
        record(actor, "login.password_set", user, municipality=actor.municipality, user=user.pk)
        _tell(
            user,
            actor.municipality,
            "din adgangskode er ændret",
            f"{_by(actor)} har givet dig en ny adgangskode i borgerpost. Skift den selv under "
            "»Min konto«, når du er logget ind.",
        )


def do_change_own_password(user: Any, new_password: str) -> None:
    """A person changes their own password (the form has checked the old one)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.set_password(new_password)
        locked.save(update_fields=["password"])
        record(locked, "login.password_changed", locked)
        for membership in Membership.objects.filter(user=locked).select_related("municipality")[:1]:
            _tell(
                locked,
                membership.municipality,
                "din adgangskode er ændret",
                "Din adgangskode i borgerpost er ændret.",
            )
    user.password = locked.password


# --- the operator's command line --------------------------------------------------------


def do_operator_grant(place: Municipality, user: Any, role: str) -> Membership:
    """The operator links a person to a municipality, also a person who serves several
    (the shared citizen counsellor). The role rules still hold; audited as the operator."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        membership = _grant(None, place, user, role)
        record(
            None,
            "membership.created",
            membership,
            municipality=place,
            role=role,
            user=user.pk,
            by="operator",
        )
        _tell(
            user,
            place,
            "du har fået en ny rolle",
            f"Driften har givet dig rollen »{Role(role).label}« i {place.name}.",
        )
    return membership


def do_operator_revoke(place: Municipality, user: Any, role: str) -> None:
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(user=user, municipality=place, role=role)
            .first()
        )
        if membership is None:
            raise RuleError("Personen har ikke den rolle i kommunen.")
        record(
            None,
            "membership.removed",
            membership,
            municipality=place,
            role=role,
            user=user.pk,
            by="operator",
        )
        membership.delete()
        _tell(
            user,
            place,
            "en rolle er fjernet",
            f"Driften har fjernet din rolle »{Role(role).label}« i {place.name}.",
        )
