"""Search and filters for the inquiry lists: what `?q=` and the filter fields in the URL
ask for, applied to the inquiries a person may see.

Everything lives in the query string, so a filtered list can be bookmarked and sent on.
A field that does not parse is left out and named (`Finder.problems`), never an error:
a hand-edited or old bookmark still shows a list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from borgerpost.core.fields import IdChoiceField
from borgerpost.core.models import Centre, Membership, Role
from borgerpost.inquiries.models import (
    AnswerPath,
    Channel,
    InquiryRecipient,
    Status,
)
from borgerpost.pure.searchwords import Query, parse_query

from .backends import RANK, backend

# The fields a filter is made of, in the order the page shows them; `q` is the search.
FILTERS = ("status", "besvarelse", "center", "medlem", "kanal", "frist", "fra", "til")
SORTS = {
    "relevans": "Bedste match",
    "nyeste": "Nyeste først",
    "aeldste": "Ældste først",
    "frist": "Korteste frist først",
}
DEADLINE_STATES = [("overskredet", "Overskredet"), ("snart", "Frist inden for 2 arbejdsdage")]


class FinderForm(forms.Form):
    q = forms.CharField(label="Søg", required=False, max_length=200)
    status = forms.ChoiceField(label="Status", required=False)
    besvarelse = forms.ChoiceField(label="Besvarelse", required=False)
    center = IdChoiceField(
        label="Center", queryset=Centre.objects.none(), required=False, empty_label="Alle"
    )
    medlem = IdChoiceField(
        label="Modtaget af",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Alle",
    )
    kanal = forms.ChoiceField(label="Kanal", required=False)
    frist = forms.ChoiceField(label="Frist", required=False)
    fra = forms.DateField(
        label="Modtaget fra", required=False, widget=forms.DateInput({"type": "date"})
    )
    til = forms.DateField(
        label="Modtaget til", required=False, widget=forms.DateInput({"type": "date"})
    )
    sorter = forms.ChoiceField(label="Sortér", required=False, choices=list(SORTS.items()))

    def __init__(self, data: Any, *, actor: Any, facets: dict[str, dict[str, int]] | None = None):
        super().__init__(data)
        facets = facets or {}
        choices = {
            "status": _with_counts(Status.choices, facets.get("status")),
            "besvarelse": _with_counts(AnswerPath.choices, facets.get("besvarelse")),
            "kanal": _with_counts(Channel.choices, facets.get("kanal")),
            "frist": [("", "Alle"), *DEADLINE_STATES],
        }
        for name, options in choices.items():
            self.fields[name].choices = options  # type: ignore[attr-defined]
        self.fields["center"].queryset = Centre.objects.for_actor(actor)  # type: ignore[attr-defined]
        members = Membership.objects.for_actor(actor).filter(role=Role.COUNCIL_MEMBER)
        self.fields["medlem"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(pk__in=members.values("user_id"))
            .order_by("first_name", "last_name")
        )
        self.fields["medlem"].label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]


def _with_counts(
    choices: list[tuple[str, str]], counted: dict[str, int] | None
) -> list[tuple[str, str]]:
    """The options with how many of the current results each would give, when known."""
    if counted is None:
        return [("", "Alle"), *choices]
    return [("", "Alle")] + [(v, f"{label} ({counted.get(v, 0)})") for v, label in choices]


@dataclass
class Finder:
    """What the query string asks for, parsed; `active` when it narrows the list at all."""

    query: Query
    values: dict[str, Any]
    sort: str
    problems: list[str] = field(default_factory=list)

    @property
    def searching(self) -> bool:
        return not self.query.empty

    @property
    def by_words(self) -> bool:
        """A search by words, not by an inquiry number (H-12 finds that inquiry only)."""
        return bool(self.query.stems) and self.query.reference is None

    @property
    def ranked(self) -> bool:
        """Results in order of relevance: a search by words (an inquiry number is one row)."""
        return self.sort == "relevans"

    @property
    def active(self) -> bool:
        return self.searching or any(self.values.get(name) for name in FILTERS)


def read(params: Any, actor: Any) -> Finder:
    form = FinderForm(params, actor=actor)
    form.is_valid()
    values = {name: form.cleaned_data.get(name) for name in form.fields if name not in form.errors}
    problems = [
        f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}"
        for name, errors in form.errors.items()
    ]
    query = parse_query(values.get("q") or "")
    found = Finder(query=query, values=values, sort="", problems=problems)
    found.sort = values.get("sorter") or ("relevans" if found.by_words else "nyeste")
    if found.sort == "relevans" and not found.by_words:
        found.sort = "nyeste"
    return found


def apply(inquiries: QuerySet, finder: Finder, actor: Any, *, skip: str = "") -> QuerySet:
    """`inquiries` narrowed by every filter (but `skip`, for its own counts) and the search."""
    v = finder.values
    if v.get("status") and skip != "status":
        inquiries = inquiries.filter(status=v["status"])
    if v.get("besvarelse") and skip != "besvarelse":
        inquiries = inquiries.filter(path=v["besvarelse"])
    if v.get("kanal") and skip != "kanal":
        inquiries = inquiries.filter(channel=v["kanal"])
    if v.get("center"):
        inquiries = inquiries.filter(centre=v["center"])
    if v.get("medlem"):
        inquiries = inquiries.filter(
            Exists(InquiryRecipient.objects.filter(inquiry=OuterRef("pk"), member=v["medlem"]))
        )
    if v.get("frist"):
        inquiries = _by_deadline(inquiries, v["frist"], actor)
    if v.get("fra"):
        inquiries = inquiries.filter(received_at__gte=_start_of(v["fra"]))
    if v.get("til"):
        inquiries = inquiries.filter(received_at__lt=_start_of(v["til"] + dt.timedelta(days=1)))
    if finder.query.reference is not None:
        return inquiries.filter(pk=finder.query.reference)
    if finder.searching:
        inquiries = backend().matching(inquiries, finder.query)
    return inquiries


def _by_deadline(inquiries: QuerySet, state: str, actor: Any) -> QuerySet:
    today = timezone.localdate()
    if state == "overskredet":
        return inquiries.exclude(status=Status.CLOSED).filter(deadline__lt=today)
    soon = actor.municipality.calendar.add_working_days(today, 2)
    return inquiries.exclude(status=Status.CLOSED).filter(deadline__gte=today, deadline__lte=soon)


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight in Danish time: »modtaget 3. december« is the Danish day."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def ordered(inquiries: QuerySet, finder: Finder) -> QuerySet:
    if finder.ranked:
        return inquiries.order_by(f"-{RANK}", "-received_at", "-pk")
    if finder.sort == "aeldste":
        return inquiries.order_by("received_at", "pk")
    if finder.sort == "frist":
        return inquiries.order_by("deadline", "pk")
    return inquiries.order_by("-received_at", "-pk")


FACETS = {"status": "status", "besvarelse": "path", "kanal": "channel"}


def facets(inquiries: QuerySet, finder: Finder, actor: Any) -> dict[str, dict[str, int]]:
    """For each facet, how many results each of its values gives with the other filters."""
    counted = {}
    for name, column in FACETS.items():
        rows = (
            apply(inquiries, finder, actor, skip=name)
            .order_by()
            .values(column)
            .annotate(n=Count("pk"))
            .values_list(column, "n")
        )
        counted[name] = dict(rows)
    return counted
