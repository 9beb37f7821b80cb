"""LIX, the Scandinavian readability index, with no Django import.

LIX = words per sentence + 100 × share of long words (more than six letters).
Written by hand because it is a two-line formula; what matters is showing the
sentences that push the score up, so the writer knows what to shorten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE = re.compile(r"[^.!?:\n]+[.!?:]*")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

BANDS = [(25, "meget let"), (35, "let"), (45, "middel"), (55, "svær"), (1000, "meget svær")]


@dataclass(frozen=True)
class SentenceScore:
    text: str
    words: int
    long_words: int

    @property
    def weight(self) -> float:
        """How much this sentence adds: its length and its long words."""
        return self.words + 100 * self.long_words / max(1, self.words)


@dataclass(frozen=True)
class Lix:
    score: float
    words: int
    sentences: int
    long_words: int
    hardest: tuple[SentenceScore, ...]

    @property
    def band(self) -> str:
        return next(label for limit, label in BANDS if self.score < limit)


def lix(text: str, hardest: int = 3) -> Lix:
    scored = []
    for match in _SENTENCE.finditer(text):
        found = _WORD.findall(match.group())
        if found:
            long_found = sum(1 for w in found if len(w) > 6)
            scored.append(SentenceScore(" ".join(match.group().split()), len(found), long_found))
    words = sum(s.words for s in scored)
    if not words:
        return Lix(0.0, 0, 0, 0, ())
    long_words = sum(s.long_words for s in scored)
    score = words / len(scored) + 100 * long_words / words
    worst = tuple(sorted(scored, key=lambda s: s.weight, reverse=True)[:hardest])
    return Lix(round(score, 1), words, len(scored), long_words, worst)
