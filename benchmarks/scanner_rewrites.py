"""How the guard holds when a labelled text is written another way that keeps its labels.

Citizens write the same disclosure in many ways: without æ, ø and å on a phone, in lower
case without punctuation, quoted in a council member's reply, forwarded with a header,
with the line breaks lost (Messenger, some webmail), in capitals. Each rewrite below keeps
every label of a text, so any category the scanner finds in the text but not in its
rewrite is lost to the way it was written, and any it finds only in the rewrite, that the
text is not labelled with, is gained wrongly. A rule of the language holds under them; a
rule of particular texts does not. No new labels are needed, so every labelled text
counts.

Usage: python benchmarks/scanner_rewrites.py [--rules-only] [--held-out] [--show REWRITE]
By default the sets the rules were tuned on (the two dev sets and the own sets not in
corpus/held-out.txt); --held-out takes the held-out sets instead and prints counts only
(their texts are never looked at). --show REWRITE prints the id of each text a rewrite
changes (tuning sets only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable

from _corpus import sets

from borgerpost.pure.scanner import Scanner
from borgerpost.pure.scanner.spelling import ascii_spelling


def _phone(text: str) -> str:
    return re.sub(r"[.,!?;:]", "", text.lower())


def _quoted(text: str) -> str:
    lines = "\n".join("> " + line if line else ">" for line in text.splitlines())
    return f"Hej igen, se nedenfor.\n\nDen 3. dec. 2026 kl. 10.12 skrev Borger <b@example.dk>:\n{lines}"


def _forwarded(text: str) -> str:
    return (
        "---------- Videresendt besked ----------\nFra: Borger <borger@example.dk>\n"
        "Dato: 3. dec. 2026 10.12\nEmne: Henvendelse\nTil: Byrådsmedlem <bm@kommune.dk>\n\n" + text
    )


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


REWRITES: dict[str, Callable[[str], str]] = {
    "uden æøå": ascii_spelling,
    "sms (små bogstaver, ingen tegn)": _phone,
    "citeret i et svar": _quoted,
    "videresendt": _forwarded,
    "på én linje": _one_line,
    "VERSALER": str.upper,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--show", choices=list(REWRITES), default=None)
    args = parser.parse_args()
    if args.show and args.held_out:
        parser.error("--show looks at texts: not on the held-out sets")
    scan = (Scanner(model=None) if args.rules_only else Scanner()).scan
    rows = [
        json.loads(line)
        for path in sets(args.held_out)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    found = [{f.category for f in scan(row["text"])} for row in rows]
    print(f"{len(rows)} texts, {'held-out' if args.held_out else 'tuning'} sets")
    for name, rewrite in REWRITES.items():
        lost: Counter[str] = Counter()
        gained: Counter[str] = Counter()
        for row, before in zip(rows, found, strict=True):
            gold = set(row["categories"])
            after = {f.category for f in scan(rewrite(row["text"]))}
            for category in (gold & before) - after:
                lost[category] += 1
                if args.show == name:
                    print(f"  lost   {category:18} {row['id']}")
            for category in (after - before) - gold:
                gained[category] += 1
                if args.show == name:
                    print(f"  gained {category:18} {row['id']}")
        print(
            f"{name:34} lost {sum(lost.values()):4}  wrongly gained {sum(gained.values()):4}"
            f"   {dict(lost.most_common())} {dict(gained.most_common())}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
