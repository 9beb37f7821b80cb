"""Per-category precision, recall and F1 of the scanner on the labelled development set.

Usage: python benchmarks/scanner_quality.py [PATH-TO-sensitive-dev.jsonl] [--errors] [--rules-only]
--rules-only leaves out the learned second opinion (scanner/model.py), to see what it adds.
Targets (issue 3): every CPR number found, CPR precision >= 0.98, every other
category F1 >= 0.85, micro-F1 >= 0.90.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from borgerpost.pure.scanner import CATEGORIES, Scanner

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sensitive-dev.jsonl"


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show_errors = "--errors" in sys.argv
    scan = Scanner(model=None).scan if "--rules-only" in sys.argv else Scanner().scan
    path = Path(args[0]) if args else DEFAULT
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    cpr_found = cpr_total = cpr_correct = cpr_reported = 0
    for row in rows:
        findings = scan(row["text"])
        predicted = {f.category for f in findings}
        gold = set(row["categories"])
        for cat in CATEGORIES:
            if cat in predicted and cat in gold:
                tp[cat] += 1
            elif cat in predicted:
                fp[cat] += 1
                if show_errors:
                    hits = [row["text"][f.start : f.end] for f in findings if f.category == cat]
                    print(f"FP {cat:18} {row['id']}: {hits}")
            elif cat in gold:
                fn[cat] += 1
                if show_errors:
                    print(f"FN {cat:18} {row['id']}: {row['text'][:160]!r}")
        spans = {row["text"][f.start : f.end] for f in findings if f.category == "cpr"}
        cpr_reported += len(spans)
        cpr_correct += len(spans & set(row["cpr_values"]))
        cpr_total += len(set(row["cpr_values"]))
        cpr_found += len(set(row["cpr_values"]) & spans)
    print(f"{'category':18} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for cat in CATEGORIES:
        p = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 1.0
        r = tp[cat] / (tp[cat] + fn[cat]) if tp[cat] + fn[cat] else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{cat:18} {p:6.3f} {r:6.3f} {f1:6.3f}  {tp[cat]:3} {fp[cat]:3} {fn[cat]:3}")
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, r = TP / (TP + FP), TP / (TP + FN)
    print(f"{'micro':18} {p:6.3f} {r:6.3f} {2 * p * r / (p + r):6.3f}")
    print(
        f"CPR numbers found: {cpr_found}/{cpr_total}; "
        f"CPR findings correct: {cpr_correct}/{cpr_reported}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
