"""Multi-pattern matching engines: one pass over the text for every rule.

Hyperscan (Intel's compiled multi-regex engine, from PyPI) scans at hundreds of
MB/s; a plain `re` engine with the same semantics is the fallback where Hyperscan
cannot load, and the baseline in benchmarks/scanner_speed.py. Engines report
candidates only; the scanner confirms each one in Python against its context.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from .lexicon import W


@dataclass(frozen=True)
class Candidate:
    pattern_id: int
    start: int
    end: int


class Engine(Protocol):
    name: str

    def candidates(self, text: str, data: bytes = b"") -> Iterator[Candidate]: ...


def _stem(pattern: str) -> str:
    # The engine only needs where a term starts; the inflection suffix is matched later.
    return pattern[: -len(W)] if pattern.endswith(W) else pattern


_NON_ASCII_CASES = {"æ": "(?:æ|Æ)", "ø": "(?:ø|Ø)", "å": "(?:å|Å)", "é": "(?:é|É)", "ü": "(?:ü|Ü)"}


def _for_hyperscan(pattern: str) -> str:
    """The pattern as Hyperscan gets it: Latin-1 bytes, no \\b, Danish letters in both cases.

    Hyperscan runs in byte mode without start-of-match tracking, its fastest mode;
    a term must follow a non-word byte, and Python then finds where the match
    starts and checks the word boundaries again.
    """
    stem = _stem(pattern).replace("\\b", "")
    stem = "".join(_NON_ASCII_CASES.get(ch, ch) for ch in stem)
    if stem.startswith("[0-9]"):
        return "(?:^|[^0-9])" + stem  # numbers: not in the middle of a longer number
    return "(?:^|[^a-zA-Z0-9\\x80-\\xff])" + stem


_WORD_START = re.compile(r"\b\w")

OnMatch = Callable[[int, int, int, int, object], Any]


class SharedDatabase:
    """A compiled Hyperscan database that every thread of a process may scan with.

    A scan needs scratch space that no other scan is using, and the Python binding
    releases the GIL while it scans, so two threads of one app server (gunicorn's
    threaded workers) sharing one scratch fail with ScratchInUseError. Each thread gets
    its own clone of the first scratch, made on its first scan.
    """

    def __init__(self, expressions: list[bytes], flags: int) -> None:
        import hyperscan

        self._db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self._db.compile(
            expressions=expressions,
            ids=list(range(len(expressions))),
            elements=len(expressions),
            flags=[flags] * len(expressions),
        )
        self._prototype = hyperscan.Scratch(self._db)
        self._local = threading.local()

    def scan(self, data: bytes, on_match: OnMatch) -> None:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = self._prototype.clone()
        self._db.scan(data, match_event_handler=on_match, scratch=scratch)


class RegexEngine:
    name = "re"

    def __init__(self, patterns: list[str]) -> None:
        self._compiled = [re.compile(_stem(p), re.IGNORECASE) for p in patterns]

    def candidates(self, text: str, data: bytes = b"") -> Iterator[Candidate]:
        found = [
            Candidate(i, m.start(), m.end())
            for i, rx in enumerate(self._compiled)
            for m in rx.finditer(text)
        ]
        found.sort(key=lambda c: (c.start, c.pattern_id))
        return iter(found)


class HyperscanEngine:
    name = "hyperscan"

    def __init__(self, patterns: list[str]) -> None:
        import hyperscan

        # Latin-1 bytes: the text is scanned as Latin-1 (see normalise.to_latin1).
        expressions = [_for_hyperscan(p).encode("latin-1") for p in patterns]
        self._db = SharedDatabase(expressions, hyperscan.HS_FLAG_CASELESS)
        self._stems = [re.compile(_stem(p), re.IGNORECASE) for p in patterns]

    def candidates(self, text: str, data: bytes = b"") -> Iterator[Candidate]:
        from .normalise import to_latin1

        data = data or to_latin1(text)
        ends: set[tuple[int, int]] = set()

        def on_match(pattern_id: int, start: int, end: int, flags: int, context: object) -> None:
            ends.add((end, pattern_id))

        self._db.scan(data, on_match)
        return self._locate(text, sorted(ends)) if ends else iter(())

    def _locate(self, text: str, ordered: list[tuple[int, int]]) -> Iterator[Candidate]:
        """Find where each match starts: the nearest word start whose stem ends there."""
        stems = self._stems
        for end, pid in ordered:
            start = _start(text, stems[pid], pid, end)
            if start is not None:
                yield Candidate(pid, start, end)


def _start(text: str, stem: re.Pattern[str], pid: int, end: int) -> int | None:
    if pid == 0:  # a CPR number: 10 digits, or 11 characters with "-" or " "
        for start in (end - 11, end - 10):
            if start >= 0 and _ends_at(stem, text, start, end):
                return start
        return None
    # Most terms are one word: try the start of the word the match ends in first, found
    # in C by rstrip() (the text is the Latin-1 view, so the set of word characters is
    # complete).
    lo = max(0, end - 120)
    start = lo + len(text[lo:end].rstrip(_WORD_CHARS))
    if _ends_at(stem, text, start, end):
        return start
    # Terms of several words ("ikke råd til", "hash-misbrug"): the word starts before,
    # nearest first.
    for word_start in reversed([m.start() for m in _WORD_START.finditer(text, lo, start)]):
        if _ends_at(stem, text, word_start, end):
            return word_start
    return None


def _ends_at(stem: re.Pattern[str], text: str, start: int, end: int) -> bool:
    m = stem.match(text, start, end)
    return m is not None and m.end() == end


# Letters and digits of the Latin-1 view. A hyphen ends a word here, so a term at the end
# of a compound ("børne-psykiater") is found where it starts.
_WORD_CHARS = "".join(ch for ch in map(chr, range(256)) if ch.isalnum())


def best_engine(patterns: list[str]) -> Engine:
    try:
        return HyperscanEngine(patterns)
    except ImportError:
        return RegexEngine(patterns)
