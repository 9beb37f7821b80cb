"""Import cases from the counsellors' statistics module (`borgerpost counsellor import`).

UTF-8 CSV with the header
reference,municipality,opened,closed,main_reference,category,handling,centre,
other_authority,themes,criticism. A bad row stops the import with its line number and
reason, and nothing is imported. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from borgerpost.core.models import Centre, Municipality

from .models import (
    COMPLAINT_HANDLING,
    OTHER_HANDLING,
    Category,
    ComplaintTheme,
    CounsellorCase,
    Criticism,
    Handling,
)

COLUMNS = [
    "reference",
    "municipality",
    "opened",
    "closed",
    "main_reference",
    "category",
    "handling",
    "centre",
    "other_authority",
    "themes",
    "criticism",
]


class ImportError_(ValueError):
    """A row that cannot be imported; the message names the line and is Danish."""


@dataclass
class ImportSummary:
    created: int = 0
    unchanged: int = 0
    updated: int = 0
    new_municipalities: list[str] = field(default_factory=list)
    new_centres: list[str] = field(default_factory=list)
    new_themes: list[str] = field(default_factory=list)


def _date(value: str, line: int, name: str, required: bool = True) -> dt.date | None:
    if not value:
        if required:
            raise ImportError_(f"Linje {line}: »{name}« mangler.")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ImportError_(
            f"Linje {line}: »{value}« i {name} er ikke en dato (ÅÅÅÅ-MM-DD)."
        ) from None


def _check(row: dict[str, str], line: int) -> None:
    if not row["reference"]:
        raise ImportError_(f"Linje {line}: reference mangler.")
    if not row["municipality"]:
        raise ImportError_(f"Linje {line}: municipality mangler.")
    category = row["category"]
    if category not in Category.values:
        raise ImportError_(f"Linje {line}: ukendt category »{category}« (klage eller anden).")
    allowed = COMPLAINT_HANDLING if category == Category.COMPLAINT else OTHER_HANDLING
    if row["handling"] not in allowed:
        raise ImportError_(
            f"Linje {line}: handling »{row['handling']}« passer ikke til "
            f"{category} (brug {', '.join(allowed)})."
        )
    if bool(row["centre"]) == bool(row["other_authority"]):
        raise ImportError_(f"Linje {line}: angiv enten centre eller other_authority.")
    if row["criticism"] not in Criticism.values:
        raise ImportError_(f"Linje {line}: ukendt criticism »{row['criticism']}«.")


REQUIRED = ("reference", "municipality", "opened", "category", "handling")


def headers(text: str) -> tuple[list[str], list[list[str]], str]:
    """The file's column headers, its first rows (for the preview) and its delimiter
    (the statistics module writes semicolons, as Danish spreadsheets do)."""
    try:
        dialect = csv.Sniffer().sniff(text[:5000], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows or not any(h.strip() for h in rows[0]):
        raise ImportError_("Linje 1: filen har ingen kolonneoverskrifter.")
    return [h.strip() for h in rows[0]], rows[1:6], delimiter


def _mapped(raw: dict[str, str], mapping: dict[str, str]) -> dict[str, str]:
    row = {}
    for name in COLUMNS:
        source = mapping.get(name, "")
        value = source[1:] if source.startswith("=") else raw.get(source, "") if source else ""
        row[name] = (value or "").strip()
    for name, choices in (
        ("category", Category.choices),
        ("handling", [*Handling.choices]),
        ("criticism", Criticism.choices),
    ):
        row[name] = _choice(row[name], choices)
    return row


def _choice(value: str, choices: list[tuple[str, str]]) -> str:
    """The stored value, whether the file holds it or its Danish label (»Klage«)."""
    folded = value.casefold()
    for stored, label in choices:
        if folded in (str(stored).casefold(), str(label).casefold()):
            return str(stored)
    return value


@transaction.atomic
def import_cases(
    text: str,
    mapping: dict[str, str] | None = None,
    allowed: set[str] | None = None,
) -> ImportSummary:
    """Import the file. Without `mapping` the header must be the product's own columns;
    with one, each field is read from the column the mapping names. `allowed`: the only
    municipalities the rows may belong to (the browser: the counsellor's own)."""
    if mapping is None:
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != COLUMNS:
            raise ImportError_("Linje 1: kolonnerne skal være " + ",".join(COLUMNS) + ".")
    else:
        if missing := [name for name in REQUIRED if not mapping.get(name)]:
            raise ImportError_(f"Vælg en kolonne til: {', '.join(missing)}.")
        reader = csv.DictReader(io.StringIO(text), delimiter=headers(text)[2])
        reader.fieldnames = [f.strip() for f in reader.fieldnames or []]
    rows = []
    seen: set[tuple[str, str]] = set()
    for line, raw in enumerate(reader, start=2):
        if mapping is None:
            row = {k: (raw.get(k) or "").strip() for k in COLUMNS}
        else:
            row = _mapped(raw, mapping)
        if allowed is not None and row["municipality"] not in allowed:
            raise ImportError_(
                f"Linje {line}: kommunen »{row['municipality']}« er ikke en af dine kommuner."
            )
        _check(row, line)
        key = (row["municipality"], row["reference"])
        if key in seen:
            raise ImportError_(f"Linje {line}: reference »{row['reference']}« står der to gange.")
        seen.add(key)
        opened = _date(row["opened"], line, "opened")
        closed = _date(row["closed"], line, "closed", required=False)
        if closed and opened and closed < opened:
            raise ImportError_(f"Linje {line}: closed ligger før opened.")
        rows.append((line, row, opened, closed))
    for line, row, _, _ in rows:
        main = row["main_reference"]
        if (
            main
            and (row["municipality"], main) not in seen
            and not CounsellorCase.objects.filter(
                municipality__slug=row["municipality"], reference=main
            ).exists()
        ):
            raise ImportError_(f"Linje {line}: hovedsagen »{main}« findes ikke.")
    summary = ImportSummary()
    places = _municipalities({r["municipality"] for _, r, _, _ in rows}, summary)
    cases: dict[tuple[str, str], CounsellorCase] = {}
    for _, row, opened, closed in rows:
        cases[(row["municipality"], row["reference"])] = _upsert(
            row, opened, closed, places, summary
        )
    for _, row, _, _ in rows:  # main cases may appear later in the file
        if row["main_reference"]:
            case = cases[(row["municipality"], row["reference"])]
            main_case = cases.get(
                (row["municipality"], row["main_reference"])
            ) or CounsellorCase.objects.get(
                municipality=places[row["municipality"]], reference=row["main_reference"]
            )
            if case.main_case_id != main_case.pk:
                case.main_case = main_case
                case.save(update_fields=["main_case"])
    return summary


def _municipalities(slugs: set[str], summary: ImportSummary) -> dict[str, Municipality]:
    places = {}
    for slug in sorted(slugs):
        place, created = Municipality.objects.get_or_create(
            slug=slug,
            defaults={
                "name": slug.capitalize(),
                "mail_domains": [f"{slug}.dk"],
                "main_mailbox": f"post@{slug}.dk",
            },
        )
        if created:
            summary.new_municipalities.append(slug)
        places[slug] = place
    return places


def _upsert(
    row: dict[str, str],
    opened: dt.date | None,
    closed: dt.date | None,
    places: dict[str, Municipality],
    summary: ImportSummary,
) -> CounsellorCase:
    place = places[row["municipality"]]
    centre = None
    if row["centre"]:
        centre, created = Centre.objects.get_or_create(municipality=place, name=row["centre"])
        if created:
            summary.new_centres.append(f"{place.slug}: {row['centre']}")
    values = {
        "opened": opened,
        "closed": closed,
        "category": row["category"],
        "handling": row["handling"],
        "centre": centre,
        "other_authority": row["other_authority"],
        "criticism": row["criticism"],
    }
    case = CounsellorCase.objects.in_municipality(place).filter(reference=row["reference"]).first()
    if case is None:
        case = CounsellorCase.objects.create(
            municipality=place, reference=row["reference"], **values
        )
        summary.created += 1
    elif any(getattr(case, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(case, k, v)
        case.save()
        summary.updated += 1
    else:
        summary.unchanged += 1
    themes = []
    for name in [t.strip() for t in row["themes"].split(";") if t.strip()]:
        theme, created = ComplaintTheme.objects.get_or_create(municipality=place, name=name)
        if created:
            summary.new_themes.append(f"{place.slug}: {name}")
        themes.append(theme)
    if {t.pk for t in themes} != set(case.themes.values_list("pk", flat=True)):
        case.themes.set(themes)
    return case


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportError_(f"Filen {path} kan ikke læses som UTF-8: {exc}") from None
