"""The guard on one-line probes: sentences and short texts that disclose nothing (each
finding is wrong) and disclosures written in the same words (each must be found).

Usage: python benchmarks/scanner_probes.py [--rules-only] [--show]
The probes (benchmarks/corpus/probes/) are tuning material: the rules of the ninth
session of 2026-12-06 were written from them, so they say what those rules read, not how
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
    if args.show:
        for text in flagged:
            print(f"FLAGGED {text}")
        for text in missed:
            print(f"MISSED  {text}")


if __name__ == "__main__":
    main()
