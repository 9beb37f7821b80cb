"""Multi-pattern matching engines: one pass over the text for every rule.

Hyperscan (Intel's compiled multi-regex engine, from PyPI) scans at hundreds of
MB/s; a plain `re` engine with the same semantics is the fallback where Hyperscan
cannot load, and the baseline in benchmarks/scanner_speed.py. Engines report
candidates only; the scanner confirms each one in Python against its context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from .lexicon import W


@dataclass(frozen=True)
class Candidate:
    pattern_id: int
    start: int
    end: int


class Engine(Protocol):
    name: str

    def candidates(self, text: str) -> Iterator[Candidate]: ...


def _stem(pattern: str) -> str:
    # The engine only needs where a term starts; the inflection suffix is matched later.
    return pattern[: -len(W)] if pattern.endswith(W) else pattern


_NON_ASCII_CASES = {"æ": "[æÆ]", "ø": "[øØ]", "å": "[åÅ]", "é": "[éÉ]", "ü": "[üÜ]"}


def _for_hyperscan(pattern: str) -> str:
    """Hyperscan without its Unicode mode: no \\b, and Danish letters in both cases.

    Word boundaries are checked again in Python, so dropping them only widens the
    candidates; Unicode mode would make the whole scan several times slower.
    """
    stem = _stem(pattern).replace("\\b", "")
    return "".join(_NON_ASCII_CASES.get(ch, ch) for ch in stem)


class RegexEngine:
    name = "re"

    def __init__(self, patterns: list[str]) -> None:
        self._compiled = [re.compile(_stem(p), re.IGNORECASE) for p in patterns]

    def candidates(self, text: str) -> Iterator[Candidate]:
        found = [Candidate(i, m.start(), m.end())
                 for i, rx in enumerate(self._compiled) for m in rx.finditer(text)]
        found.sort(key=lambda c: (c.start, c.pattern_id))
        return iter(found)


class HyperscanEngine:
    name = "hyperscan"

    def __init__(self, patterns: list[str]) -> None:
        import hyperscan

        self._db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SOM_LEFTMOST
        expressions = [_for_hyperscan(p).encode("utf-8") for p in patterns]
        self._db.compile(expressions=expressions, ids=list(range(len(patterns))),
                         elements=len(patterns), flags=[flags] * len(patterns))
        self._scratch = hyperscan.Scratch(self._db)

    def candidates(self, text: str) -> Iterator[Candidate]:
        data = text.encode("utf-8", "surrogatepass")
        hits: dict[tuple[int, int], int] = {}

        def on_match(pattern_id: int, start: int, end: int, flags: int, context: object) -> None:
            key = (pattern_id, start)
            if hits.get(key, -1) < end:
                hits[key] = end

        self._db.scan(data, match_event_handler=on_match, scratch=self._scratch)
        ordered = sorted(hits.items(), key=lambda kv: (kv[0][1], kv[0][0]))
        if len(data) == len(text):  # ASCII: byte offsets are string offsets
            return (Candidate(pid, s, e) for (pid, s), e in ordered)
        return self._to_chars(data, ordered)

    @staticmethod
    def _to_chars(data: bytes, ordered: list[tuple[tuple[int, int], int]]) -> Iterator[Candidate]:
        byte_pos = char_pos = 0
        for (pid, start), end in ordered:
            char_pos += len(data[byte_pos:start].decode("utf-8", "surrogatepass"))
            byte_pos = start
            length = len(data[start:end].decode("utf-8", "surrogatepass"))
            yield Candidate(pid, char_pos, char_pos + length)


def best_engine(patterns: list[str]) -> Engine:
    try:
        return HyperscanEngine(patterns)
    except ImportError:
        return RegexEngine(patterns)
