"""Load a municipality's set-up from a YAML or JSON file (`borgerpost municipality load`).

The file format is documented in docs/municipality-file.md with an example in
examples/municipality.yaml. Loading is idempotent: loading the same file twice
changes nothing, and a file with an error changes nothing at all.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction

from borgerpost.audit.log import record
from borgerpost.core.models import (
    DEFAULT_SOCIAL_MEDIA_ANSWER,
    Centre,
    Committee,
    Membership,
    Municipality,
    Role,
)
from borgerpost.core.people import why_not_roles
from borgerpost.pure import workdays

User = get_user_model()


class LoadError(ValueError):
    """The file cannot be loaded; the message is Danish and names the place in the file."""


def read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"Filen {path} kan ikke læses: {exc}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise LoadError(
            f"Filen {path} er ikke gyldig {path.suffix.lstrip('.').upper()}: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise LoadError("Filen skal beskrive én kommune (et objekt med slug, name, ...).")
    return data


def _require(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise LoadError(f"{where}: feltet »{key}« mangler.")
    return data[key]


def _email(value: Any, where: str) -> str:
    try:
        validate_email(str(value))
    except ValidationError:
        raise LoadError(f"{where}: »{value}« er ikke en gyldig mailadresse.") from None
    return str(value).lower()


def _time(value: Any, where: str) -> dt.time:
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        raise LoadError(f"{where}: »{value}« er ikke et klokkeslæt (TT:MM).") from None


def _people(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for index, person in enumerate(data.get("people") or [], start=1):
        where = f"people[{index}]"
        if not isinstance(person, dict):
            raise LoadError(f"{where}: skal være et objekt med username, name, email og roles.")
        username = str(_require(person, "username", where))
        if username in people:
            raise LoadError(f"{where}: brugernavnet »{username}« står der to gange.")
        roles = person.get("roles") or []
        for role in roles:
            if role not in Role.values:
                raise LoadError(f"{where}: ukendt rolle »{role}« (brug {', '.join(Role.values)}).")
        people[username] = {
            "name": str(_require(person, "name", where)),
            "email": _email(_require(person, "email", where), where),
            "roles": roles,
            "private_email": _email(person["private_email"], where)
            if person.get("private_email")
            else "",
            "password": person.get("password"),
        }
    return people


def _lookup(users: dict[str, Any], username: Any, where: str) -> Any:
    if username in (None, ""):
        return None
    if username not in users:
        raise LoadError(f"{where}: »{username}« står ikke under people.")
    return users[username]


def _sso_groups(value: Any) -> dict[str, str]:
    """The identity provider's group ids and the role each gives (single sign-on)."""
    if not isinstance(value, dict):
        raise LoadError("sso_groups skal være par af gruppe-id og rolle (gruppe-id: rolle).")
    for group, role in value.items():
        if role not in Role.values:
            raise LoadError(f"sso_groups: »{role}« (gruppe {group}) er ikke en rolle.")
    return {str(group): str(role) for group, role in value.items()}


@transaction.atomic
def load_municipality(data: dict[str, Any], demo_passwords: bool = False) -> Municipality:
    slug = str(_require(data, "slug", "kommunen"))
    try:
        validate_slug(slug)
    except ValidationError:
        raise LoadError(f"slug »{slug}« må kun indeholde a-z, 0-9, - og _.") from None
    domains = [str(d).lower() for d in _require(data, "mail_domains", "kommunen")]
    closing = data.get("closing_days", list(workdays.DEFAULT_CLOSING_DAYS))
    try:
        closing = [workdays.parse_closing_day(str(d)) for d in closing]
    except workdays.CalendarError as exc:
        raise LoadError(f"closing_days: {exc}") from None
    people = _people(data)

    municipality, _ = Municipality.objects.update_or_create(
        slug=slug,
        defaults={
            "name": str(_require(data, "name", "kommunen")),
            "mail_domains": domains,
            "main_mailbox": _email(_require(data, "main_mailbox", "kommunen"), "main_mailbox"),
            "answer_deadline_days": int(data.get("answer_deadline_days", 10)),
            "reopen_working_days": int(data.get("reopen_working_days", 10)),
            "closing_days": closing,
            "social_media_answer": data.get("social_media_answer") or DEFAULT_SOCIAL_MEDIA_ANSWER,
            "cvr": str(data.get("cvr", "")),
            "lix_target": int(data.get("lix_target", 40)),
            "retention_days": int(data.get("retention_days", 30)),
            "counsellor_retention_days": int(data.get("counsellor_retention_days", 365)),
            "letter_retention_days": int(data.get("letter_retention_days", 90)),
            "citizen_retention_days": int(data.get("citizen_retention_days", 365)),
            "dispatch_cutoff": _time(data.get("dispatch_cutoff", "12:00"), "dispatch_cutoff"),
            "dispatch_release": _time(data.get("dispatch_release", "08:00"), "dispatch_release"),
            "sso_groups": _sso_groups(data.get("sso_groups") or {}),
        },
    )
    users: dict[str, Any] = {}
    for username, person in people.items():
        user, created = User.objects.get_or_create(username=username)
        first, _, last = person["name"].partition(" ")
        user.first_name, user.last_name, user.email = first, last, person["email"]
        if created:
            if person["password"] and demo_passwords:
                user.set_password(person["password"])
            else:
                user.set_unusable_password()
        user.save()
        users[username] = user
        combined = set(person["roles"]) | set(
            Membership.objects.in_municipality(municipality)
            .filter(user=user)
            .values_list("role", flat=True)
        )
        if reason := why_not_roles(combined):
            raise LoadError(f"people »{username}«: {reason}")
        for role in person["roles"]:
            Membership.objects.update_or_create(
                user=user,
                municipality=municipality,
                role=role,
                defaults={"private_email": person["private_email"]},
            )
    municipality.mayor = _lookup(users, data.get("mayor"), "mayor")
    municipality.save()

    centres: dict[str, Centre] = {}
    for index, item in enumerate(data.get("centres") or [], start=1):
        where = f"centres[{index}]"
        name = str(_require(item, "name", where))
        centres[name], _ = Centre.objects.update_or_create(
            municipality=municipality,
            name=name,
            defaults={"director": _lookup(users, item.get("director"), where)},
        )
    for index, item in enumerate(data.get("committees") or [], start=1):
        where = f"committees[{index}]"
        name = str(_require(item, "name", where))
        chair = _lookup(users, item.get("chair"), where)
        members = [_lookup(users, u, where) for u in item.get("members") or []]
        if chair is not None and chair not in members:
            members.append(chair)
        committee, _ = Committee.objects.update_or_create(
            municipality=municipality,
            name=name,
            defaults={
                "area": str(item.get("area", "")),
                "keywords": list(item.get("keywords") or []),
                "chair": chair,
            },
        )
        committee.members.set(members)
        unknown = [c for c in item.get("centres") or [] if c not in centres]
        if unknown:
            raise LoadError(f"{where}: centret »{unknown[0]}« står ikke under centres.")
        committee.centres.set([centres[c] for c in item.get("centres") or []])
    record(
        None,
        "municipality.loaded",
        municipality,
        municipality=municipality,
        people=len(users),
        centres=len(centres),
    )
    return municipality
