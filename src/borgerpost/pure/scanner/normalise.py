"""Normalisation before scanning, keeping a map back to the caller's offsets.

NFKC folds full-width digits and compatibility characters; zero-width and format
characters are dropped and every kind of space becomes a plain space, so nothing
can hide a CPR number. Offsets in findings are always positions in the original
string: `Normalised.original_span` maps them back.

Only the characters that can change are touched: ASCII and the Latin-1 letters of
Danish text are stable under NFKC, so a mail is copied in large unchanged runs and
only the rare odd character is normalised on its own.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
import threading
import unicodedata
from typing import Final

from .cache import cache_dir, store
from .engine import SharedDatabase

# Characters a person cannot see, which would otherwise split a number or a word.
_INVISIBLE: Final = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_DROP: Final = {ord(c): None for c in _INVISIBLE}


_ALWAYS_UNSTABLE: Final = frozenset("\u00a0\uff10\u2002\u00bd")


def _unstable_chars() -> frozenset[str]:
    """Every BMP character above ASCII that normalisation may change.

    Built from the running Python's Unicode tables, so smart quotes, dashes and emoji
    (all stable) never send a mail down the slow path; kept in the cache by the tables'
    version, because going through 65,000 characters is a tenth of a one-mail scan.
    """
    key = hashlib.sha256(f"{unicodedata.unidata_version}\0{_INVISIBLE}".encode()).hexdigest()
    path = cache_dir() / f"unstable-{key[:32]}.txt"
    try:
        cached = frozenset(path.read_text(encoding="utf-8"))
        # A file cut short would let hidden digits through unnormalised: some characters
        # every version lists (no-break space, full-width zero, en space) must be there.
        if cached >= _ALWAYS_UNSTABLE:
            return cached
    except (OSError, ValueError):
        pass
    found = _from_unicode_tables()
    store(path, "".join(sorted(found)).encode("utf-8"))
    return found


def _from_unicode_tables() -> frozenset[str]:
    found = set()
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if (
            unicodedata.normalize("NFKC", ch) != ch
            or ch.isspace()
            or ch in _INVISIBLE
            or unicodedata.combining(ch)
        ):
            found.add(ch)
    return frozenset(found)


_UNSTABLE_CHARS: Final = _unstable_chars()


_outside = threading.local()


def _mark_outside_latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    _outside.positions.extend(range(error.start, error.end))
    return "?" * (error.end - error.start), error.end


codecs.register_error("borgerpost.outside-latin1", _mark_outside_latin1)


def to_latin1(text: str) -> bytes:
    """One byte per character, so byte offsets are string offsets.

    Danish text is Latin-1; anything else (quotes, dashes, emoji, other scripts) becomes
    "?", which no rule matches inside a word. Used for the multi-pattern engines' pass.
    """
    return text.encode("latin-1", "replace")


def _encode_marking(text: str) -> tuple[bytes, list[int]]:
    # The error handler runs once per run of such characters, which are rare in Danish
    # mail, so the encoding stays in C.
    _outside.positions = []
    data = text.encode("latin-1", "borgerpost.outside-latin1")
    return data, _outside.positions


# Large texts are encoded in pieces of this many characters (see to_latin1_marking).
_PIECE: Final = 16_384


def to_latin1_marking(text: str) -> tuple[bytes, list[int]]:
    """Like to_latin1, and where the characters outside Latin-1 were.

    One character outside Latin-1 (a typographic quote, an emoji) makes CPython store
    the whole string with two bytes per character, and encoding such a string to Latin-1
    costs a few nanoseconds per character. A slice of it that holds only Latin-1 is
    stored narrow again and encodes as a plain copy, so a large text is encoded piece by
    piece and only the pieces that hold such a character take the slow path. That
    halves the cost of a 1 MB block of mail (docs/performance.md).
    """
    if len(text) <= 2 * _PIECE:
        return _encode_marking(text)
    parts: list[bytes] = []
    outside: list[int] = []
    for offset in range(0, len(text), _PIECE):
        piece = text[offset : offset + _PIECE]
        try:
            parts.append(piece.encode("latin-1"))
        except UnicodeEncodeError:
            data, positions = _encode_marking(piece)
            parts.append(data)
            outside.extend(offset + p for p in positions)
    return b"".join(parts), outside


# Bytes that may need normalising: the Latin-1 symbols that NFKC or the space rule change.
# Characters outside Latin-1 became "?" and are looked at separately.
_SUSPECT: Final = rb"[\xa0\xa8\xaa\xad\xaf\xb2\xb3\xb4\xb5\xb8\xb9\xba\xbc\xbd\xbe]"
_SUSPECT_RE: Final = re.compile(_SUSPECT)


def _suspect_db() -> SharedDatabase | None:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return None
    return SharedDatabase([_SUSPECT], flags=0)


_SUSPECT_DB: Final = _suspect_db()


def _suspect_offsets(data: bytes) -> list[int]:
    if _SUSPECT_DB is None:
        return [m.start() for m in _SUSPECT_RE.finditer(data)]
    found: list[int] = []

    def on_match(pattern_id: int, start: int, end: int, flags: int, context: object) -> None:
        found.append(end - 1)

    _SUSPECT_DB.scan(data, on_match)
    return found


def _is_unstable(ch: str) -> bool:
    if ch in _UNSTABLE_CHARS:
        return True
    code = ord(ch)  # outside the BMP: mathematical and enclosed alphanumerics, tags
    return 0x1D400 <= code <= 0x1D7FF or 0x1F100 <= code <= 0x1F1FF or 0xE0000 <= code <= 0xE01EF


def _unstable_positions(text: str, data: bytes, outside: list[int]) -> list[int]:
    found = [p for p in _suspect_offsets(data) if _is_unstable(text[p])]
    if outside:
        found = sorted(found + [p for p in outside if _is_unstable(text[p])])
    return found


# (plain classes, not dataclasses: those import inspect, about a tenth of a one-mail
# `borgerpost scan`'s start; compiled, these are native classes all the same)
class _Segment:
    def __init__(
        self, norm_start: int, norm_end: int, orig_start: int, orig_end: int, linear: bool
    ) -> None:
        self.norm_start: Final = norm_start
        self.norm_end: Final = norm_end
        self.orig_start: Final = orig_start
        self.orig_end: Final = orig_end
        self.linear: Final = linear  # unchanged text: offsets map one to one


class Normalised:
    def __init__(
        self,
        text: str,
        segments: tuple[_Segment, ...] | None,  # None: the text was already normal
        original_length: int,
        starts: tuple[int, ...] = (),
        data: bytes = b"",  # the normalised text as Latin-1 bytes (see to_latin1)
    ) -> None:
        self.text: Final = text
        self.segments: Final = segments
        self.original_length: Final = original_length
        self.starts: Final = starts
        self.data: Final = data

    def _segment(self, pos: int) -> _Segment:
        assert self.segments is not None
        return self.segments[max(0, bisect.bisect_right(self.starts, pos) - 1)]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.segments is None:
            return start, end
        first = self._segment(start)
        o_start = (
            first.orig_start + (start - first.norm_start) if first.linear else first.orig_start
        )
        last = self._segment(max(start, end - 1))
        o_end = last.orig_start + (end - last.norm_start) if last.linear else last.orig_end
        return min(o_start, self.original_length), min(o_end, self.original_length)


def _normalise_group(group: str) -> str:
    out = unicodedata.normalize("NFKC", group.translate(_DROP))
    return "".join(" " if ch.isspace() and ch not in "\n\r\t" else ch for ch in out)


def normalise(text: str) -> Normalised:
    """Normalise `text` for matching; cheap when there is little or nothing to do."""
    if text.isascii():
        return Normalised(text, None, len(text), data=text.encode("ascii"))
    data, outside = to_latin1_marking(text)
    positions = _unstable_positions(text, data, outside)
    if not positions:
        # The text to match is the Latin-1 view: one byte per character, so every later
        # string operation is cheap even when the mail holds an emoji.
        view = text if not outside else data.decode("latin-1")
        return Normalised(view, None, len(text), data=data)
    # The usual case (no-break spaces, superscripts, full-width digits): each character
    # becomes exactly one other, so offsets do not move and one translate() does it.
    table = {}
    for pos in positions:
        ch = text[pos]
        out = _normalise_group(ch)
        if (
            len(out) != 1
            or unicodedata.combining(ch)
            or (pos + 1 < len(text) and unicodedata.combining(text[pos + 1]))
        ):
            break
        table[ord(ch)] = out
    else:
        # Offsets do not move: patch the few bytes instead of building a new string.
        patched = bytearray(data)
        for pos in positions:
            patched[pos] = ord(to_latin1(table[ord(text[pos])]))
        return Normalised(patched.decode("latin-1"), None, len(text), data=bytes(patched))
    pieces: list[str] = []
    segments: list[_Segment] = []
    pos = npos = 0

    def keep(a: int, b: int) -> None:
        nonlocal npos
        if b > a:
            pieces.append(text[a:b])
            segments.append(_Segment(npos, npos + b - a, a, b, True))
            npos += b - a

    for start in positions:
        if start < pos:
            continue  # already taken with the group before
        # A combining mark belongs to the letter before it (a + ˚ = å).
        if start > pos and unicodedata.combining(text[start]):
            start -= 1
        end = start + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        keep(pos, start)
        out = _normalise_group(text[start:end])
        pieces.append(out)
        segments.append(_Segment(npos, npos + len(out), start, end, False))
        npos += len(out)
        pos = end
    keep(pos, len(text))
    normal = to_latin1("".join(pieces))
    return Normalised(
        normal.decode("latin-1"),
        tuple(segments),
        len(text),
        tuple(s.norm_start for s in segments),
        normal,
    )
