"""Who the signed-in person is in a municipality, and the one decorator every view uses.

Deny by default: a view is reachable only through `municipality_view`, which names
the roles allowed. A person with no role in the municipality gets 404, so the
existence of another municipality's records is never confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase

from borgerpost.core.models import ADMINISTRATION_ROLES, Committee, Membership, Municipality, Role

ANY_ROLE = frozenset(Role.values)


@dataclass(frozen=True)
class Actor:
    user: Any
    municipality: Municipality
    roles: frozenset[str]

    @property
    def is_council_member(self) -> bool:
        return Role.COUNCIL_MEMBER in self.roles

    @property
    def is_mayor(self) -> bool:
        return self.is_council_member and self.municipality.mayor_id == self.user.pk

    @cached_property
    def chaired_committees(self) -> list[Committee]:
        if not self.is_council_member:
            return []
        return list(Committee.objects.in_municipality(self.municipality).filter(chair=self.user))

    @property
    def is_committee_chair(self) -> bool:
        return bool(self.chaired_committees)

    @property
    def may_request_drafts(self) -> bool:
        """Only the mayor and committee chairs speak for the municipality (seed 000)."""
        return self.is_mayor or self.is_committee_chair

    @property
    def is_administration(self) -> bool:
        return bool(self.roles & ADMINISTRATION_ROLES)

    @property
    def is_secretariat(self) -> bool:
        return Role.SECRETARIAT in self.roles

    @property
    def is_counsellor(self) -> bool:
        return Role.COUNSELLOR in self.roles

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def is_dpo(self) -> bool:
        return Role.DPO in self.roles

    def role_labels(self) -> list[str]:
        labels = [Role(r).label for r in sorted(self.roles)]
        if self.is_mayor:
            labels.insert(0, "Borgmester")
        if self.is_committee_chair:
            labels.insert(1 if self.is_mayor else 0, "Udvalgsformand")
        return labels


def actor_for(user: Any, municipality: Municipality) -> Actor | None:
    if not user.is_authenticated:
        return None
    roles = frozenset(
        Membership.objects.in_municipality(municipality)
        .filter(user=user)
        .values_list("role", flat=True)
    )
    return Actor(user, municipality, roles) if roles else None


def actor_in(user: Any, slug: str) -> Actor | None:
    """The person's roles in the municipality named by `slug`, read in one query with the
    municipality; None for a municipality that does not exist and for one where the
    person has no role alike, so the two cannot be told apart."""
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.filter(user=user, municipality__slug=slug).select_related("municipality")
    )
    if not memberships:
        return None
    roles = frozenset(m.role for m in memberships)
    return Actor(user, memberships[0].municipality, roles)


def municipalities_for(user: Any) -> list[Municipality]:
    return list(Municipality.objects.filter(memberships__user=user).distinct().order_by("name"))


def municipality_view(
    *roles: str, check: Callable[[Actor], bool] | None = None
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Resolve `<slug:municipality>` to an Actor on `request.actor`, allowing only `roles`."""
    allowed = frozenset(roles) or ANY_ROLE

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, municipality: str, *args: Any, **kwargs: Any):
            actor = actor_in(request.user, municipality)
            if actor is None:
                raise Http404("Ingen adgang")
            if not (actor.roles & allowed) or (check is not None and not check(actor)):
                raise PermissionDenied("Din rolle giver ikke adgang til denne side.")
            request.actor = actor  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapper.access_rule = sorted(allowed)  # type: ignore[attr-defined]
        return wrapper

    return decorator


def public(reason: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A page anyone may open (the log-in page, the health check): says so, and why."""

    def mark(view: Callable[..., Any]) -> Callable[..., Any]:
        view = login_not_required(view)
        view.access_rule = [f"public: {reason}"]  # type: ignore[attr-defined]
        return view

    return mark


def signed_in(reason: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A page for any signed-in person, whatever their roles (their own account)."""

    def mark(view: Callable[..., Any]) -> Callable[..., Any]:
        view.access_rule = [f"signed in: {reason}"]  # type: ignore[attr-defined]
        return view

    return mark
