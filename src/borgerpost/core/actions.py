"""Writes to a municipality's set-up, each with its audit entry in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.forms import ModelForm

from borgerpost.core.access import Actor
from borgerpost.core.audit import record
from borgerpost.core.models import Membership

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


def do_add_person(actor: Actor, data: dict[str, Any]) -> Membership:
    """Create (or reuse) a person's account and give them a role in this municipality."""
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=data["username"],
            defaults={"email": data["email"]},
        )
        if created:
            first, _, last = data["full_name"].partition(" ")
            user.first_name, user.last_name = first, last
            user.set_password(data["password"])
            user.save()
        membership = Membership.objects.create(
            user=user,
            municipality=actor.municipality,
            role=data["role"],
            private_email=data.get("private_email", ""),
        )
        record(
            actor,
            "membership.created",
            membership,
            municipality=actor.municipality,
            role=data["role"],
            new_account=created,
        )
    return membership


def do_remove_membership(actor: Actor, membership: Membership) -> None:
    with transaction.atomic():
        record(
            actor,
            "membership.removed",
            membership,
            municipality=actor.municipality,
            role=membership.role,
            user=membership.user_id,
        )
        membership.delete()
