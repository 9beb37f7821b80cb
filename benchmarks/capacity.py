"""Capacity (issue 17): what a page costs in a municipality with a long history.

Usage:
  python benchmarks/capacity.py --db postgres [--url postgres://postgres@127.0.0.1/bp_cap]
  python benchmarks/capacity.py --db sqlite
Options: --inquiries 100000 (the large municipality) --inbox 30000 (of them in one
member's inbox, and as many in the secretariat's queue) --others 4 (municipalities a
tenth of the size) --seconds 15 --connections 32 --pages (comma list).

The data looks like a municipality's: four years of inquiries, old ones closed and
answered, recent ones open, some overdue; one to three recipients each; replies and
acknowledgements as messages; drafts; attachments. People log in through the log-in
form with password and second factor (TOTP) as they do in a browser. The load
generator is `wrk` (Debian's package), a separate program, 32 connections without
pause, one page at a time and then the realistic mix. Every page's rate is printed beside
the log-in page's, measured against the same server in the same run.

Target: each page at least a quarter of the log-in page's rate, no failed request; the
mix p95 under 150 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from _db import configure, mark_filled, serve

PASSWORD = "kapacitet-maaling-1"  # noqa: S105 - the benchmark's own users
BIG = "stor"


@dataclass
class Person:
    username: str
    cookie: str = ""
    totp_key: str = ""


def fill(inquiries: int, inbox: int, others: int) -> dict[str, object]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from borgerpost.core.loading import load_municipality

    rng = random.Random(17)
    now = timezone.now()
    made: dict[str, object] = {}
    for index, (slug, size) in enumerate(
        [(BIG, inquiries)] + [(f"lille{i}", inquiries // 10) for i in range(others)]
    ):
        people = [
            {"username": f"{slug}-medlem{i}", "name": f"Medlem {i}", "email": f"m{i}@{slug}.dk"}
            | {"roles": ["council_member"]}
            for i in range(15)
        ] + [
            {
                "username": f"{slug}-sekretariat",
                "name": "Sekretariatet",
                "email": f"sekretariat@{slug}.dk",
                "roles": ["secretariat"],
            }
        ]
        place = load_municipality(
            {
                "slug": slug,
                "name": f"{slug.title()} Kommune",
                "mail_domains": [f"{slug}.dk"],
                "main_mailbox": f"post@{slug}.dk",
                "people": people,
            }
        )
        users = {u.username: u for u in get_user_model().objects.filter(username__startswith=slug)}
        for user in users.values():
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        members = [users[f"{slug}-medlem{i}"] for i in range(15)]
        share = inbox / size if slug == BIG else 0.3
        _fill_place(place, size, members, users[f"{slug}-sekretariat"], share, rng, now)
        if index == 0:
            made["place"] = place
    return made


def _fill_place(place, size, members, secretariat, share, rng, now) -> None:  # type: ignore[no-untyped-def]
    from borgerpost.inquiries.models import (
        Attachment,
        DraftReply,
        Inquiry,
        InquiryRecipient,
        Message,
    )
    from borgerpost.pure import workdays

    calendar = place.calendar
    deadline_for: dict[dt.date, dt.date] = {}
    rows, recipients, to_admin = [], [], []
    for n in range(size):
        received = now - dt.timedelta(minutes=rng.randint(60, 60 * 24 * 365 * 4))
        day = received.date()
        if day not in deadline_for:
            deadline_for[day] = workdays.answer_deadline(received, 10, calendar)
        age = (now - received).days
        is_open = age < 20 or (age < 90 and rng.random() < 0.1)
        admin = rng.random() < share  # as many in the administration's queue as in the inbox
        if is_open:
            status = "with_administration" if admin else rng.choice(["new", "open"])
        else:
            status = "closed"
        rows.append(
            Inquiry(
                municipality=place,
                channel=rng.choice(["mail", "mail", "mail", "letter", "phone", "facebook"]),
                received_at=received,
                citizen_name=f"Borger {n}",
                citizen_email=f"borger{n}@example.dk",
                subject=f"Henvendelse {n} om {rng.choice(TOPICS)}",
                body=rng.choice(BODIES),
                content_key=f"{place.slug}-{n}",
                deadline=deadline_for[day],
                status=status,
                path="administration" if admin else "personal",
                classification="political",
                sent_to_administration_at=received + dt.timedelta(days=1) if admin else None,
                closed_at=None if is_open else received + dt.timedelta(days=8),
                # Retention has deleted the content of what closed more than 30 days ago,
                # after the secretariat recorded the case number of what it handled.
                content_deleted_at=received + dt.timedelta(days=40) if age > 40 else None,
                records_case_number=f"27.00.00-A00-{n}-24" if admin and age > 10 else "",
                answered_at=None if is_open else received + dt.timedelta(days=7),
            )
        )
        # Member 0 gets `share` of them (the full inbox); the rest go to one to three others.
        first = 0 if rng.random() < share else rng.randrange(1, len(members))
        chosen = {first} | {rng.randrange(len(members)) for _ in range(rng.choice([0, 0, 1, 2]))}
        recipients.append(chosen)
        to_admin.append(admin)
    created = Inquiry.objects.bulk_create(rows, batch_size=2000)
    InquiryRecipient.objects.bulk_create(
        [
            InquiryRecipient(inquiry=inquiry, member=members[m])
            for inquiry, chosen in zip(created, recipients, strict=True)
            for m in sorted(chosen)
        ],
        batch_size=5000,
    )
    messages, drafts, attachments = [], [], []
    for inquiry, chosen, admin in zip(created, recipients, to_admin, strict=True):
        author = members[min(chosen)]
        if rng.random() < 0.6:
            messages.append(
                Message(
                    inquiry=inquiry,
                    kind="acknowledgement",
                    channel="mail",
                    author=author,
                    on_behalf_of_all=len(chosen) > 1,
                    recipient=inquiry.citizen_email,
                    subject="Kvittering",
                    body="Tak for din henvendelse. Du får svar inden ti arbejdsdage.",
                    sent_at=inquiry.received_at + dt.timedelta(hours=3),
                )
            )
        if inquiry.status == "closed":
            messages.append(
                Message(
                    inquiry=inquiry,
                    kind="administration_answer" if admin else "reply",
                    channel="mail",
                    author=secretariat if admin else author,
                    recipient=inquiry.citizen_email,
                    subject="Svar på din henvendelse",
                    body=rng.choice(BODIES),
                    includes_answer=True,
                    sent_at=inquiry.received_at + dt.timedelta(days=7),
                )
            )
        if admin and rng.random() < 0.05:
            drafts.append(
                DraftReply(
                    inquiry=inquiry,
                    requested_by=author,
                    request_note="Kan I skrive et udkast til svar?",
                    status="requested" if inquiry.status != "closed" else "sent",
                )
            )
        if rng.random() < 0.05:
            attachments.append(
                Attachment(
                    inquiry=inquiry,
                    filename="billede.jpg",
                    content_type="image/jpeg",
                    size=180_000,
                    sha256="0" * 64,
                    file=f"bench/{inquiry.pk}.jpg",
                )
            )
    Message.objects.bulk_create(messages, batch_size=5000)
    DraftReply.objects.bulk_create(drafts, batch_size=5000)
    Attachment.objects.bulk_create(attachments, batch_size=5000)


TOPICS = ["vejen", "skolen", "busruten", "affald", "parkering", "plejehjemmet", "cykelstien"]
BODIES = [
    "Kære byrådsmedlem. Der er hul i vejen ud for nr. 12, og bussen kører for sjældent. "
    "Hvornår bliver det ordnet? Med venlig hilsen",
    "Hej. Min datter skal starte i skole efter sommerferien, og vi har fået afslag på "
    "skolebus, selv om vejen er farlig at cykle på om vinteren. Kan du hjælpe os?",
    "Til byrådet. Affaldet er ikke blevet hentet i tre uger på Møllevej, og det lugter. "
    "Jeg har ringet to gange uden at få svar.\n\nVenlig hilsen\nen træt borger",
]


def enrol(person: Person) -> None:
    """A confirmed authenticator app for the person; the benchmark computes its codes."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=person.username)
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    person.totp_key = device.key


def totp_now(key_hex: str) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(bytes.fromhex(key_hex)).token():06d}"


def log_in(base: str, person: Person) -> None:
    """Through the log-in form, as a browser does: password, then the app's code."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post_form(path: str, fields: dict[str, str]) -> str:
        page = opener.open(base + path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no form on {path}"
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields})
        request = urllib.request.Request(base + path, data=data.encode(), method="POST")  # noqa: S310
        request.add_header("Referer", base + path)
        return opener.open(request).geturl()

    landed = post_form("/login/", {"username": person.username, "password": PASSWORD})
    assert "/login/totp/" in landed, f"{person.username}: the password step led to {landed}"
    landed = post_form("/login/totp/", {"code": totp_now(person.totp_key)})
    assert "/login/" not in landed, f"{person.username}: the second factor led to {landed}"
    cookies = {c.name: c.value for c in jar}
    person.cookie = f"sessionid={cookies['sessionid']}; csrftoken={cookies.get('csrftoken', '')}"


@dataclass
class WrkResult:
    rate: float
    p50: float
    p95: float
    p99: float
    failed: int
    requests: int


LUA = """
local requests = {}
init = function(args)
  for _, line in ipairs(lines) do
    requests[#requests + 1] = wrk.format("GET", line[1], {["Cookie"] = line[2]})
  end
end
local n = 0
request = function()
  n = n + 1
  return requests[math.random(#requests)]
end
done = function(summary, latency, requests)
  for _, q in ipairs({50, 95, 99}) do
    io.write(string.format("p%d %f\\n", q, latency:percentile(q) / 1000))
  end
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("failed %d\\nrequests %d\\n", failed, summary.requests))
end
"""


# Two threads; wrk's default timeout of 2 s would count a slow page as failed.
WRK = ("wrk", "-t2", "--timeout", "10s")


def wrk(url: str, targets: list[tuple[str, str]], seconds: int, connections: int) -> WrkResult:
    """`wrk` against the server: each request one of `targets` (path, cookie) at random."""
    lines = ",".join(f"{{{_lua(p)}, {_lua(c)}}}" for p, c in targets)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f"lines = {{{lines}}}\n{LUA}")
    try:
        out = subprocess.run(
            [*WRK, f"-c{connections}", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    figures = dict(re.findall(r"^(p\d+|failed|requests) (\S+)$", out, re.M))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return WrkResult(
        rate,
        float(figures["p50"]),
        float(figures["p95"]),
        float(figures["p99"]),
        int(figures["failed"]),
        int(figures["requests"]),
    )


def _lua(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pages(member: Person, secretariat: Person, inquiry_ids: list[int]) -> dict[str, list]:
    base = f"/k/{BIG}"
    inbox = f"{base}/henvendelser/"
    return {
        "login": [("/login/", "")],
        "inbox open": [(inbox, member.cookie)],
        "inbox overdue": [(inbox + "?vis=overskredne", member.cookie)],
        "inbox all": [(inbox + "?vis=alle", member.cookie)],
        "inbox all p.100": [(inbox + deep_page(member, 100), member.cookie)],
        "inquiry page": [(f"{inbox}{pk}/", member.cookie) for pk in inquiry_ids],
        "admin queue": [(f"{base}/administration/", secretariat.cookie)],
        "admin all": [(f"{base}/administration/?vis=alle", secretariat.cookie)],
        # A search that finds a third of the member's history: the costliest kind.
        "search": [(inbox + "?vis=alle&q=skolebus", member.cookie)],
        "admin search": [(f"{base}/administration/?vis=alle&q=bussen", secretariat.cookie)],
    }


def deep_page(person: Person, number: int) -> str:
    """The link the pager's »Næste« gives on page number-1 of the member's »Alle«."""
    from borgerpost.inquiries.models import Inquiry

    rows = Inquiry.objects.filter(recipients__member__username=person.username)
    number = min(number, (rows.count() - 1) // 50 + 1)  # a small inbox: its last page
    if number == 1:
        return "?vis=alle"
    row = rows.order_by("-received_at", "-pk").only("received_at")[(number - 1) * 50 - 1]
    return f"?vis=alle&efter={row.received_at.isoformat()}_{row.pk}&side={number}".replace(
        "+", "%2B"
    )


# The realistic mix: what a member and the secretariat do in a working day.
MIX = {
    "inbox open": 25,
    "search": 5,
    "inbox overdue": 10,
    "inbox all": 5,
    "inquiry page": 35,
    "admin queue": 15,
    "admin all": 5,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/bp_capacity")
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--inbox", type=int, default=30_000)
    parser.add_argument("--others", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--pages", default="", help="comma list; default: every page")
    parser.add_argument(
        "--keep",
        default="",
        help="a folder: fill once and reuse the database on later runs (same sizes)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of wrk: each page once in-process, with its queries, their time and "
        "the plan of the slowest (EXPLAIN ANALYZE on PostgreSQL)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: sudo apt-get install wrk")
    os.environ.setdefault("SECRET_KEY", "capacity-benchmark-" + "x" * 40)
    os.environ["BORGERPOST_REQUIRE_2FA"] = "true"
    reused = configure(args.db, args.url, args.keep)
    started = time.perf_counter()
    if not reused:
        fill(args.inquiries, args.inbox, args.others)
        _after_fill()
        mark_filled(args.db, args.keep)
    from borgerpost.inquiries.models import Inquiry

    member, secretariat = Person(f"{BIG}-medlem0"), Person(f"{BIG}-sekretariat")
    for person in (member, secretariat):
        enrol(person)  # a new device each run: its key is not kept anywhere else
    inquiry_ids = list(
        Inquiry.objects.filter(recipients__member__username=member.username)
        .exclude(status="closed")
        .values_list("pk", flat=True)[:200]
    )
    filled = time.perf_counter() - started
    from django.db import connection

    if args.profile:
        profile(member, secretariat, inquiry_ids)
        return
    connection.close()
    port = 19000 + os.getpid() % 1000
    server = serve(port)
    url = f"http://127.0.0.1:{port}"
    try:
        for person in (member, secretariat):
            log_in(url, person)
        report(args, url, filled, pages(member, secretariat, inquiry_ids))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def profile(member: Person, secretariat: Person, inquiry_ids: list[int]) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver"]
    clients = {}
    for person in (member, secretariat):
        client = Client()
        client.post("/login/", {"username": person.username, "password": PASSWORD})
        client.post("/login/totp/", {"code": totp_now(person.totp_key)})
        person.cookie = "in-process " + person.username
        clients[person.cookie] = client
    for name, targets in pages(member, secretariat, inquiry_ids).items():
        path, cookie = targets[0]
        client = clients.get(cookie) or Client()
        client.get(path)  # warm
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        total = (time.perf_counter() - started) * 1000
        db = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        print(
            f"\n{name}: {response.status_code}, {total:.1f} ms, {len(queries)} queries "
            f"({db:.1f} ms in the database)"
        )
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
        for query in slowest:
            print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")
        if connection.vendor == "postgresql" and slowest and float(slowest[0]["time"]) > 0.002:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN ANALYZE " + slowest[0]["sql"])
                for (line,) in cursor.fetchall()[:25]:
                    print("    " + line)


def _after_fill() -> None:
    """What a database in use has: the navigation's counters and the search index
    (bulk_create skips the signals that keep them) and the planner's statistics."""
    from django.db import connection

    from borgerpost.inquiries import counts
    from borgerpost.search import index

    counts.rebuild()
    index.rebuild()

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def report(args: argparse.Namespace, url: str, filled: float, targets: dict[str, list]) -> None:
    print(
        f"{args.db}: {args.inquiries:,} inquiries in the large municipality ({args.inbox:,} in "
        f"one member's inbox and as many in the secretariat's queue), {args.others} others a "
        f"tenth of its size; filled in {filled:.0f} s. wrk: {args.connections} connections, "
        f"{args.seconds} s a page, no pause."
    )
    chosen = [p for p in args.pages.split(",") if p] or list(targets)
    login = wrk(url, targets["login"], args.seconds, args.connections)
    print(
        f"{'page':18s} {'req/s':>8s} {'of log-in':>9s} {'p50 ms':>8s} {'p95 ms':>8s} "
        f"{'p99 ms':>8s} {'failed':>7s}"
    )
    met = True
    for name in chosen:
        result = (
            login if name == "login" else wrk(url, targets[name], args.seconds, args.connections)
        )
        share = result.rate / login.rate
        ok = name == "login" or (share >= 0.25 and result.failed == 0)
        met &= ok
        print(
            f"{name:18s} {result.rate:8.1f} {share:9.0%} {result.p50:8.1f} {result.p95:8.1f}"
            f" {result.p99:8.1f} {result.failed:7d}{'' if ok else '  < target'}"
        )
    mix = [t for name, weight in MIX.items() for t in targets[name] * weight]
    result = wrk(url, mix, args.seconds * 2, args.connections)
    met &= result.failed == 0 and result.p95 < 150
    print(
        f"{'mix (no pause)':18s} {result.rate:8.1f} {result.rate / login.rate:9.0%} "
        f"{result.p50:8.1f} {result.p95:8.1f} {result.p99:8.1f} {result.failed:7d}"
    )
    print(
        f"target (each page >= 25% of log-in, no failure; mix p95 < 150 ms): "
        f"{'met' if met else 'NOT met'}"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
