"""Who may change whose roles, and which roles go together. The one place these rules live;
the web pages, the operator's command line, the municipality file and single sign-on all
ask here.

- Nobody changes their own roles, password or second factor from the administration's
  pages (their own password they change on their own account page).
- A municipal administrator manages only accounts that belong wholly to their own
  municipality: an account with a role elsewhere too (the shared citizen counsellor) or
  with no role anywhere is never touched from a municipality's pages. The operator links
  such a person on the command line (`borgerpost person grant`).
- The citizen counsellor is independent of the administration (seed 003's statutes, and
  styrelseslov § 65 e): the role is never granted from the administration's pages.
- The administrator role reads no citizen's content and is never combined, in one
  municipality, with a role that does (council member, secretariat, director,
  caseworker, counsellor) or with the data protection officer's, who oversees it. An
  administrator who could also read inquiries could grant themselves whatever they
  wanted to read through a colleague; kept apart, the set-up and the content are in
  different hands (docs/threat-model.md).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from borgerpost.core.models import Membership, Municipality, Role

CONTENT_ROLES = frozenset(
    {Role.COUNCIL_MEMBER, Role.SECRETARIAT, Role.DIRECTOR, Role.CASEWORKER, Role.COUNSELLOR}
)
# Roles that must not sit with the administrator role in the same municipality.
APART_FROM_ADMIN = CONTENT_ROLES | {Role.DPO}

NOT_YOURSELF = (
    "Du kan ikke ændre dine egne roller, din egen adgangskode eller din egen to-faktor her. "
    "Bed en anden administrator, eller skift adgangskoden under »Min konto«."
)
NOT_WHOLLY_HERE = (
    "Personen har også roller i en anden kommune (fx en fælles borgerrådgiver), eller "
    "kontoen hører ikke til kommunen. Den kan kun ændres af driften med kommandoen "
    "»borgerpost person«, så ingen kommune ændrer en anden kommunes konto."
)
USERNAME_TAKEN = (
    "Brugernavnet findes allerede uden for kommunen. Vælg et andet brugernavn. En person, "
    "der arbejder for flere kommuner, knyttes til af driften med »borgerpost person grant«."
)
COUNSELLOR_NOT_HERE = (
    "Borgerrådgiveren er uafhængig af administrationen. Rollen gives ikke fra kommunens "
    "indstillinger, men af driften med »borgerpost person grant«."
)
KEPT_APART = (
    "Administratorrollen kan ikke kombineres med roller, der læser borgernes oplysninger "
    "(byrådsmedlem, sekretariat, direktør, sagsbehandler, borgerrådgiver) eller med "
    "databeskyttelsesrådgiverens rolle. Opret en særskilt konto til det ene."
)


def roles_here(user: Any, municipality: Municipality) -> set[str]:
    return set(
        Membership.objects.in_municipality(municipality)
        .filter(user=user)
        .values_list("role", flat=True)
    )


def why_not_combine(existing: set[str], new: str) -> str | None:
    """The Danish reason why `new` cannot be added to `existing` roles, else None."""
    if new == Role.ADMIN and existing & APART_FROM_ADMIN:
        return KEPT_APART
    if Role.ADMIN in existing and new in APART_FROM_ADMIN:
        return KEPT_APART
    return None


def why_not_roles(roles: set[str]) -> str | None:
    """For a whole set of roles at once (a municipality file, single sign-on)."""
    if Role.ADMIN in roles and roles & APART_FROM_ADMIN:
        return KEPT_APART
    return None


def wholly_here(user: Any, municipality: Municipality) -> bool:
    """Every role the account has is in this municipality (and it has at least one)."""
    if user.is_superuser or user.is_staff:
        return False
    places = set(Membership.objects.filter(user=user).values_list("municipality_id", flat=True))
    return places == {municipality.pk}


def why_not_manage(actor: Any, user: Any) -> str | None:
    """Why this administrator may not change this account, else None."""
    if user.pk == actor.user.pk:
        return NOT_YOURSELF
    if not wholly_here(user, actor.municipality):
        return NOT_WHOLLY_HERE
    return None


def account_for_new_role(actor: Any, username: str) -> tuple[Any | None, str | None]:
    """The existing account a new role would go to (None: a new account), or the reason
    the administrator may not give a role to that user name."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return None, None
    if user.pk == actor.user.pk:
        return user, NOT_YOURSELF
    if not wholly_here(user, actor.municipality):
        return user, USERNAME_TAKEN
    return user, None
