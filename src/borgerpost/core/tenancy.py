"""Row-level access in one place: every read of a municipality's data goes through here.

Every model that belongs to a municipality has a manager built on `TenantQuerySet`:

- `Model.objects.for_actor(actor)`: what this person may read. The municipality first
  (nothing ever crosses municipalities), then the model's own stricter rule, where it has
  one, in `restricted_to` (§ 8 b for inquiries and members' mailboxes, the citizen
  counsellor's independence for the counsellor's cases, each person's own post).
- `Model.objects.in_municipality(municipality)`: for work done for the municipality as
  a whole, with no person (commands, the worker, retention, reports run by the operator).

Views, forms, exports, reports, the API and counts read through `for_actor`;
`tests/test_tenancy.py` finds every such model and checks that it has this manager, that
no person sees another municipality's rows, and that no view or form module filters on a
municipality by itself.
"""

from __future__ import annotations

from typing import Any, Self

from django.db import models


class TenantQuerySet(models.QuerySet):
    # The lookup from this model to its municipality.
    tenant_field = "municipality"

    def in_municipality(self, municipality: Any) -> Self:
        return self.filter(**{self.tenant_field: municipality})

    def in_municipalities(self, municipalities: Any) -> Self:
        return self.filter(**{f"{self.tenant_field}__in": municipalities})

    def for_actor(self, actor: Any) -> Self:
        """The rows this person may read: their municipality's, narrowed by the model's rule."""
        return self.in_municipality(actor.municipality).restricted_to(actor)

    def restricted_to(self, actor: Any) -> Self:
        """The model's own rule on top of the municipality; none by default."""
        return self


class CounsellorOnlyQuerySet(TenantQuerySet):
    """The citizen counsellor's register is the counsellor's: the administration, the
    council and IT never read it (seed 003: the function is independent)."""

    def restricted_to(self, actor: Any) -> Self:
        return self if actor.is_counsellor else self.none()


class AdministrationOnlyQuerySet(TenantQuerySet):
    """The administration's own records (letters, citizens, companies): not the council's."""

    def restricted_to(self, actor: Any) -> Self:
        return self if actor.is_administration else self.none()
