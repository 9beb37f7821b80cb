"""Search and filters for the inquiry lists: what `?q=` and the filter fields in the URL
ask for, applied to the inquiries a person may see.

Everything lives in the query string, so a filtered list can be bookmarked and sent on.
A field that does not parse is left out and named (`Finder.problems`), never an error:
a hand-edited or old bookmark still shows a list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from borgerpost.core.fields import DateInput, IdChoiceField
from borgerpost.core.models import Centre, Membership, Role
from borgerpost.inquiries import counts
from borgerpost.inquiries.forms import administration_people
from borgerpost.inquiries.models import (
    AnswerPath,
    Channel,
    InquiryRecipient,
    Status,
)
from borgerpost.pure.searchwords import Query, parse_query

from .backends import RANK, backend

# The fields a filter is made of, in the order the page shows them; `q` is the search.
FILTERS = (
    "status",
    "besvarelse",
    "center",
    "tildelt",
    "medlem",
    "kanal",
    "frist",
    "fra",
    "til",
)
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
    tildelt = IdChoiceField(
        label="Sagsbehandler",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Alle",
    )
    medlem = IdChoiceField(
        label="Modtaget af",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Alle",
    )
    kanal = forms.ChoiceField(label="Kanal", required=False)
    frist = forms.ChoiceField(label="Frist", required=False)
    fra = forms.DateField(label="Modtaget fra", required=False, widget=DateInput())
    til = forms.DateField(label="Modtaget til", required=False, widget=DateInput())
    sorter = forms.ChoiceField(label="Sortér", required=False, choices=list(SORTS.items()))

    def __init__(self, data: Any, *, actor: Any):
        super().__init__(data)
        self.count({})
        self.fields["frist"].choices = [("", "Alle"), *DEADLINE_STATES]  # type: ignore[attr-defined]
        self.fields["center"].queryset = Centre.objects.for_actor(actor)  # type: ignore[attr-defined]
        self.fields["tildelt"].queryset = administration_people(actor.municipality)  # type: ignore[attr-defined]
        self.fields["tildelt"].label_from_instance = _name  # type: ignore[attr-defined]
        members = Membership.objects.for_actor(actor).filter(role=Role.COUNCIL_MEMBER)
        self.fields["medlem"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(pk__in=members.values("user_id"))
            .order_by("first_name", "last_name")
        )
        self.fields["medlem"].label_from_instance = _name  # type: ignore[attr-defined]

    def count(self, facets: dict[str, dict[str, int]]) -> None:
        """Show with each facet's options how many results they would give."""
        for name, choices in (
            ("status", Status.choices),
            ("besvarelse", AnswerPath.choices),
            ("kanal", Channel.choices),
        ):
            self.fields[name].choices = _with_counts(choices, facets.get(name))  # type: ignore[attr-defined]


def _name(person: Any) -> str:
    return person.get_full_name() or person.username


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
    form: FinderForm | None  # None when the query string asks for nothing
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
    def filtering(self) -> bool:
        """Any filter set (a search alone shows no filters until asked for)."""
        return any(self.values.get(name) for name in FILTERS)

    @property
    def active(self) -> bool:
        return self.searching or any(self.values.get(name) for name in FILTERS)


ASKED = frozenset({"q", "sorter", *FILTERS})


def read(params: Any, actor: Any) -> Finder:
    if not any(params.get(name) for name in ASKED):
        # A plain list (most pages): nothing to parse, and no form to build.
        return Finder(query=parse_query(""), values={}, sort="nyeste", form=None)
    form = FinderForm(params, actor=actor)
    form.is_valid()
    values = {name: form.cleaned_data.get(name) for name in form.fields if name not in form.errors}
    problems = [
        f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}"
        for name, errors in form.errors.items()
    ]
    query = parse_query(values.get("q") or "")
    found = Finder(query=query, values=values, sort="", form=form, problems=problems)
    found.sort = values.get("sorter") or ("relevans" if found.by_words else "nyeste")
    if found.sort == "relevans" and not found.by_words:
        found.sort = "nyeste"
    return found


def apply(
    inquiries: QuerySet, finder: Finder, actor: Any, *, skip: frozenset[str] = frozenset()
) -> QuerySet:
    """`inquiries` narrowed by the search and every filter but those in `skip`."""
    v = finder.values
    for name, column in FACETS.items():
        if v.get(name) and name not in skip:
            inquiries = inquiries.filter(**{column: v[name]})
    if v.get("center"):
        inquiries = inquiries.filter(centre=v["center"])
    if v.get("tildelt"):
        inquiries = inquiries.filter(assigned_to=v["tildelt"])
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


@dataclass(frozen=True)
class Summary:
    count: int  # the results of every filter
    facets: dict[str, dict[str, int]]  # per facet: what each value would give


def summary(inquiries: QuerySet, finder: Finder, actor: Any, tab: str | None = None) -> Summary:
    """How many results there are, and for each facet how many each of its values would
    give with the other filters.

    Filtered by facets alone, in one of the person's tabs, everything comes from the
    navigation's counters, which are kept by status, answer path and channel (counts.py):
    the same cost with a hundred inquiries or a million. Otherwise from one grouped query
    over what the other filters leave (one pass, where a count and a query per facet read
    the rows four times)."""
    if tab is not None and not finder.searching and not _narrowed_beyond_facets(finder):
        counted = counts.facet_counts(actor, tab, timezone.localdate())
        if counted is not None:
            return _tally(counted, finder)
    rows = (
        apply(inquiries, finder, actor, skip=frozenset(FACETS))
        .order_by()
        .values_list(*FACETS.values())
        .annotate(n=Count("pk"))
    )
    return _tally(rows, finder)


def ranked_matches(inquiries: QuerySet, finder: Finder, actor: Any) -> tuple[Summary, list[int]]:
    """A search by words: the count, the facets and the matches best first, from one
    query. Ranking must read every match anyway, and the count and the facets read the
    same rows: in one pass, the database matches and ranks them once instead of twice
    (a wide search with filters at 100,000 inquiries spent 36 ms ranking and 27-34 ms
    matching again to count). Best first, as `ordered` puts them."""
    # Ordered by the database, so Python reads only ids and three short strings (turning
    # thousands of timestamps into Python objects cost more than the ranking).
    rows = list(
        ordered(apply(inquiries, finder, actor, skip=frozenset(FACETS)), finder).values_list(
            "pk", *FACETS.values()
        )
    )
    grouped: Counter[tuple[str, str, str]] = Counter(row[1:] for row in rows)
    chosen = rows
    for column, name in enumerate(FACETS, start=1):
        if want := finder.values.get(name):
            chosen = [row for row in chosen if row[column] == want]
    tally = _tally(((*kind, n) for kind, n in grouped.items()), finder)
    return tally, [row[0] for row in chosen]


def _narrowed_beyond_facets(finder: Finder) -> bool:
    return any(finder.values.get(name) for name in FILTERS if name not in FACETS)


def _tally(rows: Iterable[tuple[Any, ...]], finder: Finder) -> Summary:
    """The count and the facets from (status, path, channel, n) rows."""
    wanted = {name: finder.values.get(name) or None for name in FACETS}
    count = 0
    facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for *values, n in rows:
        keys = dict(zip(FACETS, values, strict=True))
        fits = {name: wanted[name] in (None, keys[name]) for name in FACETS}
        if all(fits.values()):
            count += n
        for name in FACETS:
            if all(fit for other, fit in fits.items() if other != name):
                facets[name][keys[name]] = facets[name].get(keys[name], 0) + n
    return Summary(count, facets)


# The filters counted per value (facets): the query string's name, the inquiry's column.
FACETS = {"status": "status", "besvarelse": "path", "kanal": "channel"}


@dataclass(frozen=True)
class PanelField:
    """One filter as the page shows it (jinja2/inquiries/filters.html)."""

    name: str
    label: str
    kind: str  # "select" or "date"
    value: str
    options: list[tuple[str, str]]


def panel(form: FinderForm) -> list[PanelField]:
    """The filters with their options and chosen values, for a plain Jinja2 template:
    Django's widget rendering took a third of a list page's time for ten small fields."""
    fields = []
    for name in (*FILTERS, "sorter"):
        field, value = form.fields[name], form[name].value()
        shown = "" if value is None else str(value)
        if isinstance(field, forms.DateField):
            fields.append(PanelField(name, str(field.label), "date", shown, []))
            continue
        options = _options(field)
        fields.append(PanelField(name, str(field.label), "select", shown, options))
    return fields


def _options(field: forms.Field) -> list[tuple[str, str]]:
    if isinstance(field, forms.ModelChoiceField):
        # Only the columns a label needs, read at once: the model instances and the
        # server-side cursor Django renders choices with cost more than the page's rows.
        queryset = field.queryset
        assert queryset is not None
        if queryset.model is Centre:
            rows = [(pk, name) for pk, name in queryset.values_list("pk", "name")]
        else:
            people = queryset.values_list("pk", "first_name", "last_name", "username")
            rows = [(pk, f"{first} {last}".strip() or user) for pk, first, last, user in people]
        empty = [("", str(field.empty_label))] if field.empty_label is not None else []
        return empty + [(str(pk), label) for pk, label in rows]
    return [(str(v), str(label)) for v, label in field.choices]  # type: ignore[attr-defined]
