"""Train the guard's second opinion (src/borgerpost/pure/scanner/model.json.gz).

Usage:
    pip install -e '.[train]'
    python tools/train_guard_model.py [--corpus ../shared/corpus] [--out PATH]

Reads the labelled sets (the shared development sets and benchmarks/corpus), leaves out
every set named in benchmarks/corpus/held-out.txt, and fits one logistic regression per
category over `model.features` (which occur, weighted by idf) with scikit-learn, which
does the fitting well; the scanner only reads the weights (model.py).

Each category's threshold is chosen in cross-validation by set (five folds, no set in
both training and test; the sets dealt into folds five times, shuffled each time) for
what the model is used for: the scanner takes its opinion only in a category the rules
found nothing of. First, the median over the dealings of the lowest threshold, in steps
of 0.05 from 0.30, at which the model alone is right at least 95 times in 100 on sets it
was not trained on. Then, from there up, the threshold at which the model's additions to
the rules are most often right rather than wrong, counted over the five dealings on the
texts whose first run is kept (benchmarks/corpus/first-runs: what the rules found before
they were tuned on a text, the nearest the tuning sets have to unseen text); none where
they are never more often right (docs/performance.md, »Fifteenth session«). Then
the model is fitted on all the sets and written out; weights are kept in thousandths,
and the script checks that the scanner's own arithmetic gives sklearn's probabilities.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from borgerpost.pure.scanner import CATEGORIES  # noqa: E402
from borgerpost.pure.scanner.model import MODEL_FILE, Model, features, parse  # noqa: E402
from borgerpost.pure.scanner.normalise import normalise  # noqa: E402

MODEL_CATEGORIES = [c for c in CATEGORIES if c != "cpr"]  # CPR numbers are the rules'
TARGET_PRECISION = 0.95
THRESHOLDS = [round(0.30 + 0.05 * k, 2) for k in range(14)]  # 0.30 ... 0.95
NO_THRESHOLD = 0.995  # a category the model cannot find precisely enough
C = 30.0  # chosen in cross-validation on the tuned sets (docs/performance.md)
DEALINGS = 5  # shufflings of the sets into folds; odd, so the median is one of them
FOLDS = 5


def load_sets(corpus: Path) -> dict[str, list[dict[str, object]]]:
    held_out = set((ROOT / "benchmarks/corpus/held-out.txt").read_text().split())
    paths = sorted(corpus.glob("sensitive-dev*.jsonl")) + sorted(
        (ROOT / "benchmarks/corpus").glob("sensitive-own*.jsonl")
    )
    sets = {}
    for path in paths:
        name = re.sub(r"^sensitive-", "", path.stem)
        if name in held_out:
            continue
        sets[name] = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return sets


def vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=features, min_df=2, binary=True)


def fit(x: object, labels: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(x, labels)


def cross_validated(
    texts: list[str], labels: np.ndarray, groups: list[str], seed: int
) -> np.ndarray:
    """Each text's probabilities from a model not trained on its set, the sets dealt into
    FOLDS folds in an order shuffled by `seed`."""
    names = sorted(set(groups))
    random.Random(seed).shuffle(names)
    fold_of = {name: i % FOLDS for i, name in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    probabilities = np.zeros(labels.shape)
    for k in range(FOLDS):
        train, test = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        vec = vectoriser()
        x_train = vec.fit_transform([texts[i] for i in train])
        x_test = vec.transform([texts[i] for i in test])
        for c in range(labels.shape[1]):
            model = fit(x_train, labels[train, c])
            probabilities[test, c] = model.predict_proba(x_test)[:, 1]
    return probabilities


def threshold(probabilities: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    """The lowest threshold with the target precision, and its precision and recall."""
    for t in THRESHOLDS:
        said = probabilities >= t
        right = int((said & truth).sum())
        if right and right / int(said.sum()) >= TARGET_PRECISION:
            return t, right / int(said.sum()), right / int(truth.sum())
    return NO_THRESHOLD, 1.0, 0.0


def median_threshold(dealings: list[np.ndarray], truth: np.ndarray) -> tuple[float, float, float]:
    """The median of the dealings' thresholds, with the mean precision and recall at it."""
    chosen = sorted(threshold(p, truth)[0] for p in dealings)[len(dealings) // 2]
    if chosen == NO_THRESHOLD:
        return NO_THRESHOLD, 1.0, 0.0
    precisions, recalls = [], []
    for p in dealings:
        said = p >= chosen
        right = int((said & truth).sum())
        precisions.append(right / int(said.sum()) if said.any() else 1.0)
        recalls.append(right / int(truth.sum()))
    return chosen, float(np.mean(precisions)), float(np.mean(recalls))


FIRST_RUNS = ROOT / "benchmarks/corpus/first-runs/rules.jsonl"


def first_runs() -> dict[str, set[str]]:
    """Per text id, the categories the rules found at the text's first run."""
    found = {}
    for line in FIRST_RUNS.read_text("utf-8").splitlines():
        if line:
            record = json.loads(line)
            found[str(record["id"])] = set(record["rules"])
    return found


def additions(
    dealings: list[np.ndarray], truth: np.ndarray, unfound: np.ndarray, t: float
) -> tuple[float, float]:
    """Right and wrong additions at threshold t, per dealing on average: the texts whose
    first-run rules found nothing of the category (`unfound`) where the model speaks."""
    right = wrong = 0
    for p in dealings:
        said = (p >= t) & unfound
        right += int((said & truth).sum())
        wrong += int((said & ~truth).sum())
    return right / len(dealings), wrong / len(dealings)


def additions_threshold(
    dealings: list[np.ndarray], truth: np.ndarray, unfound: np.ndarray, lowest: float
) -> tuple[float, float, float] | None:
    """The threshold from `lowest` up with the most right additions less wrong ones, with
    its right and wrong additions; NO_THRESHOLD where every one adds as many wrong as
    right or more; None where the model adds nothing at any threshold. Of equals the
    highest: below it the model speaks on more texts for nothing the first runs can see
    (with one right addition in them, the lowest of equals let it speak on a trap, a
    sister's boyfriend »Mads«). Never below `lowest`, the threshold by precision on all
    the sets: the first runs are a third of the texts and hold a few dozen additions, too
    few to lower it on (a category's threshold went from 0.80 to 0.30 between two
    trainings on them)."""
    if unfound.sum() == 0 or sum(additions(dealings, truth, unfound, THRESHOLDS[0])) == 0:
        return None
    best = (0.0, NO_THRESHOLD, 0.0, 0.0)
    for t in (t for t in THRESHOLDS if t >= lowest):
        right, wrong = additions(dealings, truth, unfound, t)
        if right - wrong > 0 and right - wrong >= best[0]:
            best = (right - wrong, t, right, wrong)
    return best[1], best[2], best[3]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    sets = load_sets(args.corpus)
    rows = [(name, row) for name, set_rows in sets.items() for row in set_rows]
    texts = [normalise(str(row["text"])).text for _, row in rows]
    groups = [name for name, _ in rows]
    labels = np.array([[c in row["categories"] for c in MODEL_CATEGORIES] for _, row in rows])
    print(f"{len(sets)} sets, {len(texts)} texts")

    dealings = [cross_validated(texts, labels, groups, seed) for seed in range(DEALINGS)]
    first = first_runs()
    with_first_run = np.array([str(row["id"]) in first for _, row in rows])
    print(f"{int(with_first_run.sum())} texts with their first run kept")
    thresholds, quality = [], {}
    for c, category in enumerate(MODEL_CATEGORIES):
        t, precision, recall = median_threshold([p[:, c] for p in dealings], labels[:, c])
        unfound = with_first_run & np.array(
            [category not in first.get(str(row["id"]), {category}) for _, row in rows]
        )
        chosen = additions_threshold([p[:, c] for p in dealings], labels[:, c], unfound, t)
        by_precision = t
        said = f"by precision {t:.2f} ({precision:.3f}, recall {recall:.3f})"
        if chosen is not None:
            t, right, wrong = chosen
            said += f"; additions {right:.1f} right, {wrong:.1f} wrong"
        thresholds.append(t)
        quality[category] = {
            "threshold": t,
            # the model alone at its threshold by precision, and its additions at `threshold`
            "by_precision": {"threshold": by_precision, "precision": round(precision, 3)},
            "recall_by_precision": round(recall, 3),
            "additions_right_wrong": None if chosen is None else [chosen[1], chosen[2]],
        }
        print(f"{category:18} threshold {t:.2f}  {said}")

    vec = vectoriser()
    x = vec.fit_transform(texts)
    models = [fit(x, labels[:, c]) for c in range(len(MODEL_CATEGORIES))]
    # Idf and weights in thousandths: a fifth of the size (checked below).
    vocabulary = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    idf = [round(1000 * float(v)) for v in vec.idf_]
    weights = [[round(1000 * float(w)) for w in m.coef_[0]] for m in models]
    data = {
        "about": "The guard's second opinion; made by tools/train_guard_model.py.",
        "categories": MODEL_CATEGORIES,
        "bias": [round(float(m.intercept_[0]), 4) for m in models],
        "thresholds": thresholds,
        "trained_on": {name: len(set_rows) for name, set_rows in sets.items()},
        "cross_validated": quality,
        "vocabulary": vocabulary,
        "idf": idf,
        "weights": weights,
    }
    # Read and checked as the scanner reads it before it is written: a model the scanner
    # would refuse (a weight its compiled sums cannot hold) or whose sums are not
    # scikit-learn's never replaces the shipped one.
    if check(Model(parse(data)), models, vec, texts):
        print("not written: the scanner's arithmetic differs from scikit-learn's")
        return 1
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"), indent=None).encode()
    # mtime=0: the same model gives the same bytes, so git sees a retraining that
    # changed nothing as no change.
    args.out.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    print(f"{len(vocabulary)} features written to {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


def check(
    ours: Model, models: list[LogisticRegression], vec: TfidfVectorizer, texts: list[str]
) -> int:
    """The scanner's arithmetic against sklearn's, on every training text."""
    theirs = np.array([m.predict_proba(vec.transform(texts))[:, 1] for m in models]).T
    worst = 0.0
    for i, text in enumerate(texts):
        for c, logit in enumerate(ours.logits(text)):
            worst = max(worst, abs(1.0 / (1.0 + math.exp(-logit)) - theirs[i, c]))
    print(f"largest difference from scikit-learn's probability: {worst:.4f}")
    return 0 if worst < 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
