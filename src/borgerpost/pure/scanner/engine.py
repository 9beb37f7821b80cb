"""Multi-pattern matching engines: one pass over the text for every rule.

Hyperscan (Intel's compiled multi-regex engine, from PyPI) scans at hundreds of
MB/s; a plain `re` engine with the same semantics is the fallback where Hyperscan
cannot load, and the baseline in benchmarks/scanner_speed.py. Engines report
candidates only; the scanner confirms each one in Python against its context.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from typing import Any, Final, Protocol

from .cache import cache_dir, store
from .lexicon import W
from .spelling import map_letters

# A candidate: (pattern id, start, end), in the order the scanner confirms them. Plain
# tuples: a dense mail has thousands, and a tuple is made and read in C.
Candidate = tuple[int, int, int]


class Engine(Protocol):
    name: str

    def candidates(self, text: str, data: bytes = b"") -> list[Candidate]: ...


def _stem(pattern: str) -> str:
    # The engine only needs where a term starts; the inflection suffix is matched later.
    return pattern[: -len(W)] if pattern.endswith(W) else pattern


_NON_ASCII_CASES: Final = {
    "æ": "(?:æ|Æ)",
    "ø": "(?:ø|Ø)",
    "å": "(?:å|Å)",
    "é": "(?:é|É)",
    "ü": "(?:ü|Ü)",
}
_BOTH_IN_A_CLASS: Final = {ch: ch + ch.upper() for ch in _NON_ASCII_CASES}


def _for_hyperscan(pattern: str, head: bool = False, at_start: bool = True) -> str:
    """The pattern as Hyperscan gets it: Latin-1 bytes, no \\b, Danish letters in both cases.

    A term must follow a non-word byte (the anchor), except a compound's head, which may
    end a longer word; Python checks the word boundaries again. `at_start`: the anchor
    may also be the start of the text; without it the anchor is always one byte, and
    the text is scanned behind a space (see HyperscanEngine).
    """
    stem = _both_cases(_stem(pattern).replace("\\b", ""))
    # The anchor must precede every alternative of a pattern written as "a|b", not only
    # the first: hence the group.
    if stem.startswith("[0-9]"):
        anchor = _NUMBER_ANCHOR  # numbers: not in the middle of a longer number
    elif head:
        return stem
    else:
        anchor = _WORD_ANCHOR
    return f"{f'(?:^|{anchor})' if at_start else anchor}(?:{stem})"


def _both_cases(pattern: str) -> str:
    """Each Danish letter in both cases, as Hyperscan's caseless mode knows only ASCII:
    a group of the two outside a character class, the two letters inside one (a group
    written inside a class would put »(«, »?«, »:« and »|« in it)."""
    return map_letters(pattern, _NON_ASCII_CASES, _BOTH_IN_A_CLASS)


_NUMBER_ANCHOR: Final = "[^0-9]"
_WORD_ANCHOR: Final = "[^a-zA-Z0-9\\x80-\\xff]"

_WORD_START: Final = re.compile(r"\b\w")
# Letters and digits of the Latin-1 view. A hyphen ends a word here, so a term at the end
# of a compound ("børne-psykiater") is found where it starts.
_WORD_CHARS: Final = "".join(ch for ch in map(chr, range(256)) if ch.isalnum())

OnMatch = Callable[[int, int, int, int, object], Any]


class SharedDatabase:
    """A compiled Hyperscan database that every thread of a process may scan with.

    A scan needs scratch space that no other scan is using, and the Python binding
    releases the GIL while it scans, so two threads of one app server (gunicorn's
    threaded workers) sharing one scratch fail with ScratchInUseError. Each thread gets
    its own clone of the first scratch, made on its first scan.
    """

    def __init__(self, expressions: list[bytes], flags: int | list[int], db: Any = None) -> None:
        import hyperscan

        if db is None:
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            db.compile(
                expressions=expressions,
                ids=list(range(len(expressions))),
                elements=len(expressions),
                flags=flags if isinstance(flags, list) else [flags] * len(expressions),
            )
        self._db = db
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

    def candidates(self, text: str, data: bytes = b"") -> list[Candidate]:
        found = [
            (i, m.start(), m.end())
            for i, rx in enumerate(self._compiled)
            for m in rx.finditer(text)
        ]
        found.sort(key=lambda c: (c[1], c[0], -c[2]))
        return found


class HyperscanEngine:
    name = "hyperscan"

    def __init__(
        self,
        patterns: list[str],
        heads: frozenset[int] = frozenset(),
        expressions: list[bytes] | None = None,
    ) -> None:
        # Latin-1 bytes: the text is scanned as Latin-1 (see normalise.to_latin1).
        # Leftmost start of match: Hyperscan says where each match starts, so no Python
        # has to look for it (a third of the cost on a dense mail). It costs Hyperscan
        # about 5 ms per MB, which on a large block with few terms (a file scanned from
        # the command line) is more than locating the starts in Python, so large texts
        # are scanned without it. A pattern too large for it (a long list of countries)
        # is always located by Python.
        # With start of match, the text is scanned behind a space and every anchor is
        # exactly one byte: an anchor that may also be the start of the text has two
        # widths, and tracking both made Hyperscan a sixth slower and its database half
        # as large again. The match then starts where the term does, in the text's own
        # offsets; a compound's head, which has no anchor, one byte later.
        if expressions is None:
            expressions = hyperscan_expressions(patterns, heads)
        self._som, db = _compiled(expressions, with_start=True)
        self._db = SharedDatabase([], [], db)
        anchors = (_NUMBER_ANCHOR.encode(), _WORD_ANCHOR.encode())
        self._head_shift = [0 if e.startswith(anchors) else 1 for e in expressions]
        self._plain: SharedDatabase | None = None  # for long texts, made when first needed
        # Compiled when first needed (a match whose start Python must find).
        self._patterns = patterns
        self._heads = heads
        self._stems: list[re.Pattern[str] | None] = [None] * len(patterns)

    def candidates(self, text: str, data: bytes = b"") -> list[Candidate]:
        if not data:
            from .normalise import to_latin1  # normalise imports this module

            data = to_latin1(text)
        found: list[tuple[int, int, int]] = []
        unlocated: list[tuple[int, int]] = []
        shift, som = self._head_shift, self._som

        def on_match(pattern_id: int, start: int, end: int, flags: int, context: object) -> None:
            # (offsets in the text behind the space)
            if not som[pattern_id]:
                unlocated.append((end - 1, pattern_id))
            else:
                found.append((start - shift[pattern_id], pattern_id, 1 - end))

        def on_plain_match(
            pattern_id: int, start: int, end: int, flags: int, context: object
        ) -> None:
            unlocated.append((end, pattern_id))

        if len(data) <= WITH_START_UP_TO:
            self._db.scan(b" " + data, on_match)
        else:
            self._plain_db().scan(data, on_plain_match)
        for end, pid in unlocated:
            start = _start(text, self._stem_re(pid), end, pid in self._heads)
            if start is not None:
                found.append((start, pid, -end))
        if not found:
            return []
        found.sort()  # by start, then pattern, the longest match first
        return _longest_per_start(found)

    def _stem_re(self, pid: int) -> re.Pattern[str]:
        found = self._stems[pid]
        if found is None:
            found = self._stems[pid] = re.compile(_stem(self._patterns[pid]), re.IGNORECASE)
        return found

    def _plain_db(self) -> SharedDatabase:
        if self._plain is None:
            expressions = [
                _for_hyperscan(p, i in self._heads).encode("latin-1")
                for i, p in enumerate(self._patterns)
            ]
            _, db = _compiled(expressions, with_start=False)
            self._plain = SharedDatabase([], [], db)
        return self._plain


def hyperscan_expressions(patterns: list[str], heads: frozenset[int]) -> list[bytes]:
    """The patterns as HyperscanEngine compiles them (a caller may keep them made)."""
    return [
        _for_hyperscan(p, i in heads, at_start=False).encode("latin-1")
        for i, p in enumerate(patterns)
    ]


def _longest_per_start(found: list[tuple[int, int, int]]) -> list[Candidate]:
    """One candidate per pattern and start, the longest: Hyperscan reports every end of a
    match (»budt på hus«, »... huse«, »... huset«), and the confirmation extends a match
    to the end of its word anyway."""
    kept: list[Candidate] = []
    last_start = last_pid = -1
    for start, pid, end in found:
        if start != last_start or pid != last_pid:
            kept.append((pid, start, -end))
            last_start, last_pid = start, pid
    return kept


# Texts up to this many bytes (any mail) are scanned with start of match reported.
WITH_START_UP_TO: Final = 64_000


def _compiled(expressions: list[bytes], with_start: bool) -> tuple[list[bool], Any]:
    """The compiled database and which patterns report their start, from the cache when
    this rule set was compiled before on this machine.

    Compiling takes about half a second, most of a one-mail `borgerpost scan`; loading
    the serialised database takes a millisecond. The cache is keyed by the expressions,
    the Hyperscan version and the machine, so a changed lexicon compiles afresh, and a
    cache that cannot be read or written is only slower, never wrong.
    """
    import hyperscan

    key = hashlib.sha256(
        "\0".join(
            [_hyperscan_version(), os.uname().machine, _CACHE_FORMAT, str(with_start)]
        ).encode()
        + b"\0".join(expressions)
    ).hexdigest()[:40]
    path = cache_dir() / f"hyperscan-{key}.db"
    try:
        # The flags' line, then the database (6 MB), read on its own: splitting the
        # whole file copied it, a millisecond or two of a one-mail `borgerpost scan`.
        with path.open("rb") as kept:
            som = [flag == "1" for flag in kept.readline().rstrip(b"\n").decode("ascii")]
            if len(som) == len(expressions):
                return som, hyperscan.loadb(kept.read(), hyperscan.HS_MODE_BLOCK)
    except (OSError, ValueError, UnicodeDecodeError, hyperscan.error):
        pass
    som = [with_start and _takes_start_of_match(e) for e in expressions]
    caseless = hyperscan.HS_FLAG_CASELESS
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=[caseless | (hyperscan.HS_FLAG_SOM_LEFTMOST if f else 0) for f in som],
    )
    store(path, "".join("1" if f else "0" for f in som).encode() + b"\n" + hyperscan.dumpb(db))
    return som, db


_CACHE_FORMAT: Final = "1"


def _hyperscan_version() -> str:
    import hyperscan

    # The module's own version: reading the installed package's metadata instead costs
    # a one-mail `borgerpost scan` a tenth of its time.
    return str(getattr(hyperscan, "__version__", "") or _installed_version())


def _installed_version() -> str:
    from importlib.metadata import version

    return version("hyperscan")


def _takes_start_of_match(expression: bytes) -> bool:
    import hyperscan

    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SOM_LEFTMOST
    try:
        hyperscan.Database().compile(expressions=[expression], ids=[0], elements=1, flags=[flags])
    except hyperscan.error:
        return False
    return True


def _start(text: str, stem: re.Pattern[str], end: int, head: bool = False) -> int | None:
    """Where a match that ends at `end` starts: the nearest word start whose stem ends there;
    for a compound's head, the leftmost place inside the word where it does (»bryst|kræft«),
    as Hyperscan reports it."""
    lo = max(0, end - 120)
    # The start of the word the match ends in first, found in C by rstrip() (the text is
    # the Latin-1 view, so the set of word characters is complete); then the words
    # before it, nearest first, for terms of several words.
    start = lo + len(text[lo:end].rstrip(_WORD_CHARS))
    if head:
        return next((at for at in range(start, end) if _ends_at(stem, text, at, end)), None)
    if _ends_at(stem, text, start, end):
        return start
    for word_start in reversed([m.start() for m in _WORD_START.finditer(text, lo, start)]):
        if _ends_at(stem, text, word_start, end):
            return word_start
    return None


def _ends_at(stem: re.Pattern[str], text: str, start: int, end: int) -> bool:
    return stem.fullmatch(text, start, end) is not None


def best_engine(
    patterns: list[str],
    heads: frozenset[int] = frozenset(),
    expressions: list[bytes] | None = None,
) -> Engine:
    """Hyperscan where it loads, else `re`. `heads`: the patterns that may end a word;
    `expressions`: hyperscan_expressions(patterns, heads), where the caller has them."""
    try:
        return HyperscanEngine(patterns, heads, expressions)
    except ImportError:
        return RegexEngine(patterns)
