"""Normalisation before scanning, keeping a map back to the caller's offsets.

NFKC folds full-width digits and compatibility characters; zero-width and format
characters are dropped and every kind of space becomes a plain space, so nothing
can hide a CPR number. Offsets in findings are always positions in the original
string: `Normalised.original_span` maps them back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters a person cannot see, which would otherwise split a number or a word.
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f" \
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_NEEDS_WORK = re.compile(f"[{_INVISIBLE}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\uff10-\uff19]")
_DROP = {ord(c): None for c in _INVISIBLE}


@dataclass(frozen=True)
class Normalised:
    text: str
    # starts[i] is the original offset of normalised character i (None: identical strings).
    starts: list[int] | None
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None:
            return start, end
        orig_start = self.starts[start] if start < len(self.starts) else self.original_length
        if end >= len(self.starts):
            return orig_start, self.original_length
        return orig_start, self.starts[end]


def normalise(text: str) -> Normalised:
    """Normalise `text` for matching; cheap when there is nothing to do."""
    if text.isascii() or (
        unicodedata.is_normalized("NFKC", text) and _NEEDS_WORK.search(text) is None
    ):
        return Normalised(text, None, len(text))
    out: list[str] = []
    starts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        # A base character with its combining marks is normalised as one unit (å = a + ˚).
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j].translate(_DROP))
        for ch in piece:
            out.append(" " if ch.isspace() and ch not in "\n\r\t" else ch)
            starts.append(i)
        i = j
    return Normalised("".join(out), starts, n)
