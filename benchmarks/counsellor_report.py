"""Annual report time for one municipality in a register of 1,000,000 counsellor cases
across 98 municipalities, on SQLite and on PostgreSQL, beside a baseline that counts the
same figures in Python from the municipality's rows.

Usage:
  python benchmarks/counsellor_report.py --db sqlite
  python benchmarks/counsellor_report.py --db postgres [--url postgres://postgres@127.0.0.1/bp_bench]
Options: --cases 1000000 --municipalities 98. The database is created afresh (SQLite in a
temporary folder; for PostgreSQL the named database is dropped and created).
Target (issue 5): under 2 seconds on PostgreSQL.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

from _db import configure


def fill(cases: int, municipalities: int) -> None:
    import datetime as dt

    from borgerpost.core.models import Centre, Municipality
    from borgerpost.counsellor.models import (
        COMPLAINT_HANDLING,
        OTHER_HANDLING,
        ComplaintTheme,
        CounsellorCase,
    )

    rng = random.Random(98)
    places = Municipality.objects.bulk_create(
        [
            Municipality(
                slug=f"k{i:03d}",
                name=f"Kommune {i}",
                mail_domains=[f"k{i}.dk"],
                main_mailbox=f"post@k{i}.dk",
            )
            for i in range(municipalities)
        ]
    )
    centres = {
        p.pk: Centre.objects.bulk_create(
            [Centre(municipality=p, name=f"Center {j}") for j in range(8)]
        )
        for p in places
    }
    themes = {
        p.pk: ComplaintTheme.objects.bulk_create(
            [ComplaintTheme(municipality=p, name=f"Tema {j}") for j in range(6)]
        )
        for p in places
    }
    through = CounsellorCase.themes.through
    start = dt.date(2015, 1, 1)
    batch, links, made = [], [], 0
    for i in range(cases):
        place = places[i % municipalities]
        complaint = rng.random() < 0.7
        centre = rng.choice(centres[place.pk]) if rng.random() > 0.05 else None
        batch.append(
            CounsellorCase(
                municipality=place,
                reference=f"R{i}",
                opened=start + dt.timedelta(days=rng.randrange(3650)),
                category="klage" if complaint else "anden",
                handling=rng.choice(COMPLAINT_HANDLING if complaint else OTHER_HANDLING),
                centre=centre,
                other_authority="" if centre else "Udbetaling Danmark",
            )
        )
        if len(batch) == 20000 or i == cases - 1:
            saved = CounsellorCase.objects.bulk_create(batch)
            for case in saved:
                if case.category == "klage":
                    links.append(
                        through(
                            counsellorcase_id=case.pk,
                            complainttheme_id=rng.choice(themes[case.municipality_id]).pk,
                        )
                    )
            through.objects.bulk_create(links)
            made += len(batch)
            batch, links = [], []
            print(f"\r  filled {made:,} cases", end="", file=sys.stderr)
    print(file=sys.stderr)


def baseline(slug: str, year: int) -> dict[str, int]:
    """The same headline figures counted in Python from every row of the municipality."""
    from borgerpost.counsellor.models import CounsellorCase

    rows = CounsellorCase.objects.filter(municipality__slug=slug).values_list(
        "opened", "category", "handling", "centre__name", "main_case_id"
    )
    counts: Counter[str] = Counter()
    for opened, category, handling, centre, main in rows:
        counts[f"year:{opened.year}"] += 1
        if opened.year == year:
            counts["cases"] += 1
            counts[category] += 1
            counts[handling] += 1
            counts[centre or "Andre instanser"] += 1
            counts["follow_up" if main else "main"] += 1
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/bp_bench")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--municipalities", type=int, default=98)
    args = parser.parse_args()
    configure(args.db, args.url)
    started = time.perf_counter()
    fill(args.cases, args.municipalities)
    print(
        f"database: {args.db}; {args.cases:,} cases in {args.municipalities} municipalities, "
        f"filled in {time.perf_counter() - started:.0f} s"
    )
    from borgerpost.core.models import Municipality
    from borgerpost.counsellor.report import annual_report

    place = Municipality.objects.get(slug="k042")
    timings = []
    for _ in range(5):
        t = time.perf_counter()
        report = annual_report(place, 2022)
        timings.append(time.perf_counter() - t)
    t = time.perf_counter()
    figures = baseline("k042", 2022)
    base = time.perf_counter() - t
    assert figures["cases"] == report["totals"]["cases"]
    print(
        f"annual report, one municipality ({report['totals']['cases']:,} cases in 2022): "
        f"best {min(timings):.3f} s, worst {max(timings):.3f} s"
    )
    print(f"baseline, Python counting over the municipality's rows: {base:.3f} s")


if __name__ == "__main__":
    main()
