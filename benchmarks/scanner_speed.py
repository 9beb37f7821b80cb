"""Scanner speed: MB/s per core on >= 100 MB of generated Danish mail text, and the
99th-percentile time for one 5 KB mail, beside a plain Python `re` baseline that
runs the same rules on the same text in the same run.

Usage: python benchmarks/scanner_speed.py [--mb 100]
Targets (issue 3): >= 150 MB/s per core; a 5 KB mail in < 0.5 ms at p99.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from borgerpost.pure.scanner import Scanner
from borgerpost.pure.scanner.engine import RegexEngine

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sensitive-dev.jsonl"

# Ordinary sentences of citizens' mail; {street}, {n} and {date} vary.
FILLER = [
    "Tak for din mail, jeg vender tilbage hurtigst muligt.",
    "Vi holder møde i udvalget på torsdag, hvor sagen er på dagsordenen.",
    "Kan du fortælle mig, hvornår vejarbejdet på {street} er færdigt?",
    "Jeg har set, at kommunen vil bygge en ny hal ved skolen, og det synes jeg er godt.",
    "Bussen kører ikke længere om aftenen, og det er et problem for mange i området.",
    "Der er hul i cykelstien ud for nr. {n}, ring gerne på 43 57 99 12.",
    "Faktura nr. 45198{n}233 er betalt den {date} via netbank.",
    "Vi ses til borgermødet i kulturhuset den {date} kl. 19.",
    "Hvornår bliver der ryddet sne på fortovet på {street}?",
    "Jeg vil gerne høre, om der kommer en ny legeplads i parken ved {street}.",
    "Trafikken på {street} er blevet meget tættere, efter at omkørslen blev lavet.",
    "Tak for en god debat i aftes, det var rart at se så mange fremmødte.",
    "Jeg kan ikke finde åbningstiderne for genbrugspladsen på hjemmesiden.",
    "Hvorfor er lyset i gadelamperne på {street} slukket efter kl. 23?",
    "Vi er en gruppe naboer, der gerne vil plante blomster i rabatten ud for nr. {n}.",
    "Kan kommunen sætte en affaldsspand op ved badestranden?",
    "Biblioteket har fået nye åbningstider, og det passer dårligt med arbejdstiden.",
    "Jeg foreslår, at der laves en fodgængerovergang ved skolen på {street}.",
    "Mødet blev flyttet til den {date}, så vi når at læse materialet igennem.",
    "Venlig hilsen og god weekend.",
    "Der står en bil uden nummerplader på parkeringspladsen ved nr. {n}.",
    "Hvad koster det at leje kommunens festlokale en lørdag i juni?",
    "Jeg har læst budgetforslaget og undrer mig over, at vejpuljen er skåret ned.",
    "Kan I oplyse, hvornår der er høring om den nye lokalplan for {street}?",
]
STREETS = [
    "Stationsvej",
    "Skolevej",
    "Kirkevej",
    "Strandvejen",
    "Bygaden",
    "Engtoften",
    "Rønnebærvej",
    "Vibeholmsvej",
    "Gadevangsvej",
    "Mølleløkken",
]


def make_mails(total_bytes: int, seed: int = 7, sensitive_share: float = 0.1) -> list[str]:
    """Mails like a municipal mailbox: most are ordinary, `sensitive_share` carry one of
    the labelled corpus texts (health, CPR, social circumstances ...)."""
    rng = random.Random(seed)
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    mails, size = [], 0
    while size < total_bytes:
        parts = [
            rng.choice(FILLER).format(
                street=rng.choice(STREETS),
                n=rng.randint(1, 99),
                date=f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2025",
            )
            for _ in range(rng.randint(4, 30))
        ]
        if rng.random() < sensitive_share:
            parts.insert(rng.randint(0, len(parts)), rng.choice(texts))
        mail = "Kære byrådsmedlem\n\n" + " ".join(parts) + "\n\nVenlig hilsen\nEn borger"
        mails.append(mail)
        size += len(mail.encode("utf-8"))
    return mails


def throughput(scanner: Scanner, blocks: list[str]) -> tuple[float, int]:
    found = 0
    start = time.perf_counter()
    for block in blocks:
        found += len(scanner.scan(block))
    seconds = time.perf_counter() - start
    mb = sum(len(b.encode("utf-8")) for b in blocks) / 1e6
    return mb / seconds, found


def latency_p99(scanner: Scanner, mails: list[str]) -> float:
    times = []
    for mail in mails:
        t = time.perf_counter()
        scanner.scan(mail)
        times.append(time.perf_counter() - t)
    return statistics.quantiles(times, n=100)[98] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--baseline-mb", type=int, default=10)
    parser.add_argument(
        "--sensitive-share",
        type=float,
        default=0.1,
        help="share of mails that carry sensitive data (1.0: worst case)",
    )
    parser.add_argument("--passes", type=int, default=3, help="passes over the whole text")
    args = parser.parse_args()
    mails = make_mails(args.mb * 1_000_000, sensitive_share=args.sensitive_share)
    # Blocks of about 1 MB: how a mailbox export or a database sweep is scanned.
    blocks, current, size = [], [], 0
    for mail in mails:
        current.append(mail)
        size += len(mail)
        if size > 1_000_000:
            blocks.append("\n\n".join(current))
            current, size = [], 0
    if current:
        blocks.append("\n\n".join(current))
    total_mb = sum(len(b.encode("utf-8")) for b in blocks) / 1e6

    scanner = Scanner()
    baseline = Scanner()
    baseline.engine = RegexEngine(_patterns(baseline))
    print(
        f"text: {total_mb:.1f} MB of generated Danish mail ({len(mails):,} mails), "
        f"engine: {scanner.engine.name}"
    )
    # Several passes: the machine's speed varies between runs, so print the median and
    # the spread rather than one figure.
    rates = []
    for _ in range(args.passes):
        rate, found = throughput(scanner, blocks)
        rates.append(rate)
    print(
        f"borgerpost scanner: {statistics.median(rates):8.1f} MB/s median of {args.passes} "
        f"passes (min {min(rates):.1f}, max {max(rates):.1f}; {found:,} findings)"
    )
    base_blocks = blocks[: max(1, len(blocks) * args.baseline_mb // max(1, args.mb))]
    base_rate, _ = throughput(baseline, base_blocks)
    print(
        f"re baseline:        {base_rate:8.1f} MB/s  (same rules, plain re, first "
        f"{len(base_blocks)} blocks)"
    )
    five_kb, current_mail = [], ""
    for mail in mails:  # mails joined until each is about 5 KB
        current_mail += mail + "\n\n"
        if len(current_mail.encode("utf-8")) >= 5000:
            five_kb.append(current_mail)
            current_mail = ""
        if len(five_kb) == 5000:
            break
    print(
        f"5 KB mail p99:      {latency_p99(scanner, five_kb):8.3f} ms (scanner), "
        f"{latency_p99(baseline, five_kb[:500]):8.3f} ms (re baseline); "
        f"{len(five_kb)} mails"
    )


def _patterns(scanner: Scanner) -> list[str]:
    from borgerpost.pure.scanner.core import CPR_PATTERN

    return [CPR_PATTERN] + [t.pattern for t in scanner.terms]


if __name__ == "__main__":
    main()
