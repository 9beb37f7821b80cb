"""Load: 100,000 inquiries in 10 municipalities, 32 concurrent signed-in clients for 60
seconds over a realistic page mix, against `borgerpost serve` (gunicorn).

Usage:
  python benchmarks/load.py --db postgres [--url postgres://postgres@127.0.0.1/bp_load]
  python benchmarks/load.py --db sqlite
Options: --inquiries 100000 --municipalities 10 --clients 32 --seconds 60
--think 2 (each client's mean pause between pages, as a person reading; 0 saturates the
server) --workers/--threads (default: borgerpost serve's) --baseline-seconds 10.
Target (issue 7): zero errors, p95 under 150 ms on the project's 2-core machine.

The mix per request: the member's inbox 40 %, an inquiry page 30 %, the overdue list
15 %, and a reply by mail that the guard stops (a health detail in the text) 15 %, which
renders the findings and changes nothing, so the run can be repeated. Every client is a
real session past both log-in factors. The clients run on the same two cores as the
server, so the figures are a floor. Before the run, one client alone requests the same
mix without pause for 10 seconds: the baseline, the pages' own cost without queueing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import signal
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from _db import configure, serve


@dataclass
class Persona:
    slug: str
    cookie: str
    csrf: str
    inquiry_ids: list[int]


def fill(inquiries: int, municipalities: int) -> list[Persona]:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from borgerpost.core.loading import load_municipality
    from borgerpost.inquiries.models import Inquiry, InquiryRecipient
    from borgerpost.login.middleware import SIGNED_IN_AT
    from borgerpost.pure import workdays

    rng = random.Random(10)
    personas: list[Persona] = []
    now = timezone.now()
    per_place = inquiries // municipalities
    for m in range(municipalities):
        slug = f"k{m:02d}"
        people = [
            {
                "username": f"{slug}-medlem{i}",
                "name": f"Medlem {i}",
                "email": f"m{i}@{slug}.dk",
                "roles": ["council_member"],
            }
            for i in range(8)
        ]
        place = load_municipality(
            {
                "slug": slug,
                "name": f"Kommune {m}",
                "mail_domains": [f"{slug}.dk"],
                "main_mailbox": f"post@{slug}.dk",
                "people": people,
            },
            demo_passwords=False,
        )
        members = list(place.memberships.select_related("user"))
        rows = []
        for n in range(per_place):
            received = now - dt.timedelta(hours=rng.randint(1, 24 * 400))
            rows.append(
                Inquiry(
                    municipality=place,
                    channel="mail",
                    received_at=received,
                    citizen_name=f"Borger {n}",
                    citizen_email=f"borger{n}@example.dk",
                    subject=f"Henvendelse {n} om vejen",
                    body="Kære byråd. Der er hul i vejen ud for nr. 12, og bussen kører for "
                    "sjældent. Hvornår bliver det ordnet? " * rng.randint(1, 6),
                    content_key=f"{slug}-{n}",
                    registered_by=members[n % len(members)].user,
                    deadline=workdays.answer_deadline(received, 10, place.calendar),
                    status=rng.choice(["new", "open", "open", "closed", "closed", "closed"]),
                    path="personal",
                    classification="political",
                )
            )
        created = Inquiry.objects.bulk_create(rows, batch_size=2000)
        InquiryRecipient.objects.bulk_create(
            [
                InquiryRecipient(inquiry=inquiry, member=members[i % len(members)].user)
                for i, inquiry in enumerate(created)
            ],
            batch_size=5000,
        )
        for i, membership in enumerate(members[:4]):
            user = membership.user
            device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session[SIGNED_IN_AT] = time.time()
            session.create()
            mine = [
                inquiry.pk
                for j, inquiry in enumerate(created)
                if j % len(members) == i and inquiry.status != "closed"
            ]
            secret = _get_new_csrf_string()
            personas.append(
                Persona(
                    slug,
                    f"sessionid={session.session_key}; csrftoken={secret}",
                    _mask_cipher_secret(secret),
                    mine[:200],
                )
            )
    return personas


def analyse() -> None:
    """Statistics for the planner, as a database in use has them. Right after a bulk load
    they are missing, and the autovacuum daemon would gather them during the run."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    connection.close()


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str = "") -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if error:
                self.errors.append(error)


REPLY = "Tak for din henvendelse. Jeg kan forstå, at du har diabetes og går til psykolog."


def client(
    port: int, persona: Persona, until: float, results: Results, seed: int, think: float
) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    base = f"/k/{persona.slug}"
    if think:
        # People do not all open a page in the same millisecond: each client arrives at
        # a random moment within the first pause, as in a load tool's ramp-up.
        time.sleep(rng.uniform(0, think))
    while time.monotonic() < until:
        roll = rng.random()
        inquiry = rng.choice(persona.inquiry_ids)
        headers = {"Cookie": persona.cookie, "Host": "127.0.0.1"}
        if roll < 0.40:
            kind, method, path, body, ok = "inbox", "GET", f"{base}/henvendelser/", None, {200}
        elif roll < 0.70:
            kind, method, path, body, ok = (
                "inquiry",
                "GET",
                f"{base}/henvendelser/{inquiry}/",
                None,
                {200},
            )
        elif roll < 0.85:
            path = f"{base}/henvendelser/?vis=overskredne"  # where the overdue link leads
            kind, method, body, ok = "overdue", "GET", None, {200}
        else:
            kind, method, path = "reply with guard", "POST", f"{base}/henvendelser/{inquiry}/svar/"
            body = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": persona.csrf, "reply-channel": "mail", "reply-body": REPLY}
            )
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{port}{base}/henvendelser/{inquiry}/"
            ok = {400}  # the guard stops it and shows the findings; nothing is sent
        start = time.perf_counter()
        try:
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection; a browser reconnects.
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
            content = response.read()
            error = ""
            if response.status not in ok:
                error = f"{kind} {response.status}"
            elif kind == "reply with guard" and b"finding" not in content:
                error = "reply not stopped by the guard"
        except (OSError, http.client.HTTPException) as exc:
            error = f"{kind} {type(exc).__name__}"
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.add(kind, time.perf_counter() - start, error)
        if think:
            time.sleep(min(rng.expovariate(1 / think), 4 * think))  # a person reading


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def run(port: int, personas: list[Persona], clients: int, seconds: float, think: float) -> Results:
    results = Results()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=client, args=(port, personas[i % len(personas)], until, results, i, think)
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/bp_load")
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--municipalities", type=int, default=10)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--baseline-seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, help="default: borgerpost serve's (2 per core)")
    parser.add_argument("--threads", type=int, help="default: borgerpost serve's (4)")
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="mean seconds a client waits between pages, as a person reading (0: every "
        "client requests without pause, which saturates the server)",
    )
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "load-benchmark-" + "x" * 40)
    configure(args.db, args.url)
    started = time.perf_counter()
    personas = fill(args.inquiries, args.municipalities)
    analyse()
    port = 18000 + os.getpid() % 1000
    server = serve(port, args.workers, args.threads)
    print(
        f"{args.inquiries:,} inquiries in {args.municipalities} municipalities on {args.db} "
        f"(filled in {time.perf_counter() - started:.0f} s); {args.clients} clients for "
        f"{args.seconds} s, mean pause {args.think:g} s; borgerpost serve with "
        f"{args.workers or 'default'} workers x {args.threads or 'default'} threads"
    )
    # The baseline, in the same run against the same server: one client alone, without
    # pause. Its times are the pages' own cost; the rest under load is waiting.
    alone = run(port, personas, 1, args.baseline_seconds, 0)
    results = run(port, personas, args.clients, args.seconds, args.think)
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    report(results, alone, args.seconds)


def report(results: Results, alone: Results, seconds: float) -> None:
    everything = [v for values in results.latencies.values() for v in values]
    print(
        f"requests: {len(everything):,}  ({len(everything) / seconds:.1f}/s)  "
        f"errors: {len(results.errors)} (baseline: {len(alone.errors)})"
    )
    print(
        f"{'page':18s} {'count':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s}"
        f" | {'alone p50':>9s} {'alone p95':>9s}"
    )
    alone_all = [v for values in alone.latencies.values() for v in values]
    for kind, values in [*sorted(results.latencies.items()), ("all", everything)]:
        base = alone_all if kind == "all" else alone.latencies.get(kind, [])
        print(
            f"{kind:18s} {len(values):7d} {percentile(values, 50):8.1f} "
            f"{percentile(values, 95):8.1f} {percentile(values, 99):8.1f}"
            f" | {percentile(base, 50):9.1f} {percentile(base, 95):9.1f}"
        )
    for error in sorted(set(results.errors + alone.errors))[:10]:
        print("error:", error, (results.errors + alone.errors).count(error))
    met = not results.errors and percentile(everything, 95) < 150
    print(f"target (zero errors, p95 under 150 ms): {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
