"""The guard on one-line probes: sentences and short texts that disclose nothing (each
finding is wrong) and disclosures written in the same words (each must be found); and
probes labelled by category (»health,criminal: text«, »-: text« for nothing), where each
category found that is not named, and each named that is not found, is an error.

Usage: python benchmarks/scanner_probes.py [--rules-only] [--show]
The probes (benchmarks/corpus/probes/) are tuning material: the rules of the ninth and
tenth sessions of 2026-12-06 were written from them, so they say what those rules read, not how
the guard does on text it has never seen (docs/performance.md, »Scanner quality«).
--show prints the probes that go wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from borgerpost.pure.scanner import Scanner

PROBES = Path(__file__).resolve().parent / "corpus" / "probes"


def lines(name: str) -> list[str]:
    text = (PROBES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    scanner = Scanner(model=None) if args.rules_only else Scanner()
    flagged = [t for t in lines("nothing-disclosed.txt") if scanner.scan(t)]
    missed = [t for t in lines("disclosed.txt") if not scanner.scan(t)]
    print(f"nothing disclosed, flagged: {len(flagged)} of {len(lines('nothing-disclosed.txt'))}")
    print(f"disclosed, missed:          {len(missed)} of {len(lines('disclosed.txt'))}")
    labelled = [_labelled(line) for line in lines("by-category.txt")]
    missing = extra = 0
    wrong = []
    for named, text in labelled:
        found = {f.category for f in scanner.scan(text)}
        missing += len(named - found)
        extra += len(found - named)
        if found != named:
            wrong.append((named, found, text))
    disclosing = sum(1 for named, _ in labelled if named)
    print(
        f"by category: {len(wrong)} of {len(labelled)} wrong ({disclosing} disclose); "
        f"categories missed {missing}, found wrongly {extra}"
    )
    if args.show:
        for text in flagged:
            print(f"FLAGGED {text}")
        for text in missed:
            print(f"MISSED  {text}")
        for named, found, text in wrong:
            print(f"WRONG   named {sorted(named)} found {sorted(found)}: {text}")


def _labelled(line: str) -> tuple[set[str], str]:
    named, text = line.split(": ", 1)
    return (set() if named == "-" else set(named.split(","))), text


if __name__ == "__main__":
    main()
