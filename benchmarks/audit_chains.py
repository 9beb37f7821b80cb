"""Audit log writers in parallel (issue 17): does a writer in one municipality wait for
a writer in another?

Usage:
  python benchmarks/audit_chains.py [--url postgres://postgres@127.0.0.1/bp_audit]
Options: --writers 4 --seconds 10

Each writer is a process of its own (its own connection) appending audit entries with
`core.audit.record`, one transaction each, as page views and actions do. Two runs in the
same database, same number of writers:
  one municipality: every writer appends to the same chain (the baseline: they take the
      chain head's lock in turn, as every writer in the country did with one chain);
  two municipalities: half the writers in each, so each chain has half of them.
If the chains are independent, the second run appends about twice as much per second
and each append waits about half as long. PostgreSQL only: SQLite has one writer at a
time by design, and a national installation runs on PostgreSQL.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

from _db import configure

URL = "postgres://postgres@127.0.0.1:5432/bp_audit"


def setup(url: str) -> None:
    configure("postgres", url)
    from borgerpost.core.loading import load_municipality

    for slug in ("nord", "syd"):
        load_municipality(
            {
                "slug": slug,
                "name": f"{slug.title()} Kommune",
                "mail_domains": [f"{slug}.dk"],
                "main_mailbox": f"post@{slug}.dk",
                "people": [
                    {
                        "username": f"{slug}-medlem",
                        "name": "Medlem",
                        "email": f"m@{slug}.dk",
                        "roles": ["council_member"],
                    }
                ],
            }
        )


def writer(url: str, slug: str, until: float, seconds: float, out: multiprocessing.Queue) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["BORGERPOST_TESTING"] = "true"
    os.environ["DJANGO_SETTINGS_MODULE"] = "borgerpost.settings"
    import django

    django.setup()
    from borgerpost.audit.log import record
    from borgerpost.core.access import actor_for
    from borgerpost.core.models import Municipality

    place = Municipality.objects.get(slug=slug)
    member = place.memberships.select_related("user").get().user
    actor = actor_for(member, place)
    times = []
    while time.monotonic() < until - seconds:
        time.sleep(0.01)  # every writer starts at the same moment
    while time.monotonic() < until:
        started = time.perf_counter()
        record(actor, "inquiry.viewed", place)
        times.append(time.perf_counter() - started)
    out.put(times)


def run(url: str, slugs: list[str], seconds: float) -> list[float]:
    # Fresh interpreters ("spawn"): a forked child would share the parent's connection.
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    until = time.monotonic() + 5 + seconds  # five seconds to start every process
    processes = [
        context.Process(target=writer, args=(url, slug, until, seconds, out)) for slug in slugs
    ]
    for process in processes:
        process.start()
    results = [out.get() for _ in processes]
    for process in processes:
        process.join()
    return [t for times in results for t in times]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=URL)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "audit-benchmark-" + "x" * 40)
    setup(args.url)
    from django.db import connection

    connection.close()
    half = args.writers // 2
    runs = {
        "one municipality (baseline)": ["nord"] * args.writers,
        "two municipalities": ["nord"] * half + ["syd"] * (args.writers - half),
    }
    print(f"{args.writers} writers, {args.seconds:g} s each run, PostgreSQL")
    print(f"{'run':30s} {'appends/s':>10s} {'p50 ms':>8s} {'p95 ms':>8s}")
    rates = {}
    for name, slugs in runs.items():
        times = run(args.url, slugs, args.seconds)
        rates[name] = len(times) / args.seconds
        p50, p95 = (statistics.quantiles(times, n=100)[q - 1] * 1000 for q in (50, 95))
        print(f"{name:30s} {rates[name]:10.0f} {p50:8.2f} {p95:8.2f}")
    from django.core.management import call_command

    call_command("audit", "verify")  # both chains whole after the parallel writers
    ratio = rates["two municipalities"] / rates["one municipality (baseline)"]
    print(f"two municipalities / one: {ratio:.2f}x")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
