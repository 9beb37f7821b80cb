"""Mail intake rate: 100,000 generated mails (realistic sizes, 5 % with attachments)
imported into PostgreSQL with the guard on, beside the parse-only rate of the same mails
measured in the same run.

Usage:
  python benchmarks/mail_intake.py --db postgres [--url postgres://postgres@127.0.0.1/bp_bench]
  python benchmarks/mail_intake.py --db sqlite
Options: --mails 100000, --path bulk|intake (bulk: `borgerpost mail import`'s batched
path; intake: the IMAP intake's one-transaction-per-mail path, without the network).
Target (issue 6): the import rate at least half the parse-only rate.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from email.message import EmailMessage
from pathlib import Path

from _db import configure

sys.path.insert(0, str(Path(__file__).parent))
from scanner_speed import FILLER, STREETS

SENSITIVE = [
    "Min søn Oliver har ADHD og går til psykolog for angst.",
    "Vi får kontanthjælp og har fået en rykker fra inkasso.",
    "Mit cpr-nr. er 091213-4290, og min mor bor på plejehjem.",
    "Min mand blev dømt for vold mod mig, og jeg bor nu på krisecenter.",
]


def make_mails(count: int, seed: int = 6) -> list[bytes]:
    """Citizens' mails: 300-6,000 characters of text, 10 % with sensitive details, 5 %
    with a 20-400 KB attachment (a scanned letter or a photo)."""
    rng = random.Random(seed)
    mails = []
    for n in range(count):
        sentences = []
        while sum(map(len, sentences)) < rng.randint(300, 6000):
            sentences.append(
                rng.choice(FILLER).format(
                    street=rng.choice(STREETS),
                    n=rng.randint(1, 99),
                    date=f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2026",
                )
            )
        if rng.random() < 0.1:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(SENSITIVE))
        msg = EmailMessage()
        msg["From"] = f"Borger {n} <borger{n}@example.dk>"
        msg["To"] = "ishojkommune@ishoj.dk"
        msg["Subject"] = f"Henvendelse om {rng.choice(STREETS)} ({n})"
        msg["Date"] = "Mon, 16 Nov 2026 10:00:00 +0100"
        msg["Message-ID"] = f"<bench-{seed}-{n}@example.dk>"
        msg.set_content("Kære byråd\n\n" + " ".join(sentences) + f"\n\nVenlig hilsen\nBorger {n}")
        if rng.random() < 0.05:
            size = rng.randint(20_000, 400_000)
            msg.add_attachment(
                b"%PDF-1.4\n" + rng.randbytes(size),
                maintype="application",
                subtype="pdf",
                filename=f"bilag-{n}.pdf",
            )
        mails.append(msg.as_bytes())
    return mails


def parse_only(mails: list[bytes]) -> float:
    from borgerpost.pure.mailparse import parse_eml

    start = time.perf_counter()
    for raw in mails:
        parse_eml(raw)
    return len(mails) / (time.perf_counter() - start)


def import_bulk(mails: list[bytes], actor) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    from borgerpost.inquiries.bulk import import_messages

    start = time.perf_counter()
    summary = import_messages(actor, ((f"mail {i}", raw) for i, raw in enumerate(mails)))
    return len(mails) / (time.perf_counter() - start), summary.imported


def import_intake(mails: list[bytes], mailbox) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    from borgerpost.intake.imap import FetchedMail
    from borgerpost.intake.service import _take_one

    created = 0
    start = time.perf_counter()
    for uid, raw in enumerate(mails, start=1):
        outcome, _ = _take_one(mailbox, 1, FetchedMail(uid, raw))
        created += outcome == "created"
    return len(mails) / (time.perf_counter() - start), created


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/bp_bench")
    parser.add_argument("--mails", type=int, default=100_000)
    parser.add_argument("--path", choices=["bulk", "intake"], default="bulk")
    args = parser.parse_args()
    configure(args.db, args.url)

    from borgerpost.core.access import actor_for
    from borgerpost.core.demo import DEMO_FILE
    from borgerpost.core.loading import load_municipality, read_file

    place = load_municipality(read_file(DEMO_FILE), demo_passwords=True)
    mails = make_mails(args.mails)
    megabytes = sum(map(len, mails)) / 1e6
    attached = sum(1 for m in mails if b"bilag-" in m)
    print(
        f"{len(mails):,} mails, {megabytes:.0f} MB, {attached:,} with attachments; "
        f"database: {args.db}; path: {args.path}"
    )
    parse_rate = parse_only(mails)
    print(f"parse only:              {parse_rate:8.0f} mails/s")
    if args.path == "bulk":
        member = place.memberships.filter(role="council_member").first()
        assert member is not None
        actor = actor_for(member.user, place)
        rate, created = import_bulk(mails, actor)
    else:
        from borgerpost.intake.actions import MailboxSettings, do_connect_main_mailbox

        admin = place.memberships.filter(role="admin").first()
        assert admin is not None
        mailbox = do_connect_main_mailbox(
            actor_for(admin.user, place),
            MailboxSettings("imap.example.dk", 993, "post", "password", "kode", "INBOX"),
        )
        rate, created = import_intake(mails, mailbox)
    print(
        f"import with the guard:   {rate:8.0f} mails/s  ({created:,} inquiries; "
        f"{rate / parse_rate:.0%} of the parse-only rate; target at least 50 %)"
    )


if __name__ == "__main__":
    main()
