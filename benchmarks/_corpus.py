"""The labelled sets the guard's benchmarks read: the shared development sets and this
repository's own, split by benchmarks/corpus/held-out.txt into tuning and held-out sets."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DEV_SETS = [HERE.parents[1] / "shared" / "corpus" / f"sensitive-{n}.jsonl" for n in ("dev", "dev2")]


def held_out_names() -> list[str]:
    """The held-out sets' names, in the order held-out.txt gives them."""
    return (CORPUS / "held-out.txt").read_text(encoding="utf-8").split()


def sets(held_out: bool) -> list[Path]:
    """The held-out sets, or the sets tuned on (the development sets first)."""
    held = set(held_out_names())
    own = sorted(CORPUS.glob("sensitive-*.jsonl"))
    if held_out:
        return [p for p in own if p.stem.removeprefix("sensitive-") in held]
    return DEV_SETS + [p for p in own if p.stem.removeprefix("sensitive-") not in held]
