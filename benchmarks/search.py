"""Search (issue 18): a search result page at 100,000 inquiries, beside the same list
without a search, measured in the same run.

Usage:
  python benchmarks/search.py --db postgres|sqlite [--keep DIR] [--runs 30]
Uses capacity.py's data (one municipality of 100,000 inquiries, 30,000 in one member's
inbox and as many in the secretariat's queue, four of 10,000), so `--keep` shares a
filled database with it. Each search is a whole page in-process (access rule, ranking,
count, facets, matching words, template), timed over `--runs` runs after one warm-up:
narrow searches (a citizen's name, a phone number, a case number, an inquiry number) and
wide ones (a word in a third of all texts), by the member and by the secretariat, with
and without filters. The headline is the wide search: what costs most.

Target: every search page under 100 ms (p95) at 100,000 inquiries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _db import configure, mark_filled
from capacity import BIG, PASSWORD, Person, _after_fill, enrol, fill, totp_now


def searches(example: int, citizen_n: int, case_n: int) -> list[tuple[str, str, str]]:
    """(name, who, path): who is "member" or "secretariat"."""
    inbox, queue = f"/k/{BIG}/henvendelser/", f"/k/{BIG}/administration/"
    return [
        ("inbox, no search (baseline)", "member", inbox + "?vis=alle"),
        ("citizen's name", "member", inbox + f"?vis=alle&q=borger+{citizen_n}"),
        ("phone number", "member", inbox + "?vis=alle&q=22+33+44+55"),
        ("inquiry number", "member", inbox + f"?vis=alle&q=H-{example}"),
        ("wide: one word", "member", inbox + "?vis=alle&q=skolebus"),
        ("wide: two words", "member", inbox + "?vis=alle&q=affaldet+hentet"),
        ("wide + filters", "member", inbox + "?vis=alle&q=vejen&kanal=mail&fra=2024-01-01"),
        ("filters only", "member", inbox + "?vis=alle&kanal=phone&status=closed"),
        ("queue, no search (baseline)", "secretariat", queue + "?vis=alle"),
        ("queue: case number", "secretariat", queue + f"?vis=alle&q=27.00.00-A00-{case_n}-24"),
        ("queue: wide word", "secretariat", queue + "?vis=alle&q=bussen"),
        ("queue: open, wide word", "secretariat", queue + "?q=skolebus"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/bp_capacity")
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--inbox", type=int, default=30_000)
    parser.add_argument("--others", type=int, default=4)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", default="", help="a folder: fill once, reuse later")
    parser.add_argument(
        "--profile", action="store_true", help="each page's queries and their times, once"
    )
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "search-benchmark-" + "x" * 40)
    reused = configure(args.db, args.url, args.keep)
    if not reused:
        fill(args.inquiries, args.inbox, args.others)
        _after_fill()
        mark_filled(args.db, args.keep)
    from django.conf import settings
    from django.test import Client

    from borgerpost.inquiries.models import Inquiry

    settings.ALLOWED_HOSTS = ["testserver"]
    clients = {}
    for who, username in (("member", f"{BIG}-medlem0"), ("secretariat", f"{BIG}-sekretariat")):
        person = Person(username)
        enrol(person)
        client = Client()
        client.post("/login/", {"username": username, "password": PASSWORD})
        client.post("/login/totp/", {"code": totp_now(person.totp_key)})
        clients[who] = client
    mine = Inquiry.objects.filter(recipients__member__username=f"{BIG}-medlem0").order_by("pk")
    example, subject = mine.values_list("pk", "subject")[mine.count() // 2]
    citizen_n = int(subject.split()[1])  # »Henvendelse 123 om …« is from »Borger 123«
    theirs = Inquiry.objects.filter(municipality__slug=BIG).exclude(records_case_number="")
    case = theirs.order_by("pk").values_list("subject", flat=True)[theirs.count() // 2]
    case_n = int(case.split()[1])
    Inquiry.objects.filter(pk=example).update(citizen_phone="+45 22 33 44 55")
    from borgerpost.search.index import reindex

    reindex([example])
    total = Inquiry.objects.count()
    print(
        f"{args.db}: {total:,} inquiries ({args.inquiries:,} in the large municipality, "
        f"{args.inbox:,} in the member's inbox and as many in the queue); {args.runs} runs "
        "a page after one warm-up, in-process (whole page: access, ranking, count, facets, "
        "matching words, template)."
    )
    print(f"{'search':32s} {'found':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'vs baseline':>12s}")
    baseline = {}
    worst = 0.0
    for name, who, path in searches(example, citizen_n, case_n):
        client = clients[who]
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        shown = _found(response.content.decode())
        if args.profile:
            _profile(name, client, path)
            continue
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        if "baseline" in name:
            baseline[who] = p50
        else:
            worst = max(worst, p95)
        ratio = p50 / baseline[who]
        print(f"{name:32s} {shown:>7s} {p50:8.1f} {p95:8.1f} {ratio:11.1f}×")
    print(
        f"target (every search page p95 < 100 ms): {'met' if worst < 100 else 'NOT met'} (worst p95 {worst:.1f} ms)"
    )


def _profile(name: str, client, path: str) -> None:  # type: ignore[no-untyped-def]
    """The page's queries, slowest first, with the time in the database beside the whole."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        client.get(path)
        whole = (time.perf_counter() - started) * 1000
    in_db = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(f"\n{name}: {whole:.1f} ms, {len(queries)} queries, {in_db:.1f} ms in the database")
    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:4]:
        print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")


def _found(page: str) -> str:
    import re

    match = re.search(r"([\d.]+) henvendelser? fundet", page)
    return match.group(1) if match else "-"


if __name__ == "__main__":
    main()
