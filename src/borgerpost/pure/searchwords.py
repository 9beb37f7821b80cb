"""Words for Danish full-text search: what a text is indexed as, what a query asks for,
and the lines of a text that show why it matched. No Django import.

Stemming is the Snowball Danish stemmer through PyStemmer, the same C library
PostgreSQL's `danish` text search configuration uses, so »vandløbet« and »vandløb«,
»skoler« and »skole« find each other on both databases, and the words marked in a
result are the ones the database matched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import Stemmer

# A word: letters and digits, with the inner marks Danish writes inside one (»H-12«,
# »anna@kommune.dk« and »2.-klasse« are kept apart at these marks, as PostgreSQL does).
_WORD = re.compile(r"\w+", re.UNICODE)
# What an inquiry number looks like when someone types it: H-12, h12, H 12.
_REFERENCE = re.compile(r"^\s*h[\s-]?(\d{1,12})\s*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
# A Danish phone number as people type it: eight digits, perhaps after +45 or 0045, in
# groups or not.
_PHONE = re.compile(r"^(?:(?:\+|00)\s?45[\s-]?)?(?:\d[\s-]?){7}\d$")
MAX_QUERY_WORDS = 12  # a longer query is a pasted text, not a search


@functools.cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def phone_digits(phone: str) -> str:
    """A phone number as the digits a person would type: the last eight (the Danish
    number without +45 or 0045), so »+45 12 34 56 78« is found by »12345678«."""
    digits = "".join(_DIGITS.findall(phone))
    return digits[-8:] if len(digits) >= 8 else digits


@dataclass(frozen=True)
class Query:
    """What a search box's text asks for."""

    text: str  # as typed, one line: what PostgreSQL's own parser gets (plainto_tsquery)
    stems: tuple[str, ...]  # each word once, stemmed: what SQLite's index holds
    reference: int | None  # an inquiry number (H-12) typed on its own

    @property
    def empty(self) -> bool:
        return not self.stems and self.reference is None


def parse_query(raw: str) -> Query:
    text = " ".join(raw.split())[:200]
    match = _REFERENCE.match(text)
    reference = int(match.group(1)) if match else None
    found = words(text)[:MAX_QUERY_WORDS]
    if _PHONE.match(text):
        found = [phone_digits(text)]  # »+45 12 34 56 78« is one number, not five words
        text = found[0]
    unique = list(dict.fromkeys(_stemmer().stemWords(found)))
    return Query(text=text, stems=tuple(unique), reference=reference)


def snippet(text: str, query_stems: tuple[str, ...], width: int = 160) -> list[tuple[str, bool]]:
    """The part of `text` around its first matching word, as (fragment, is_match) pairs
    for the page to mark; empty if no word matches. Only the first 50,000 characters
    are read: a result list must not cost a whole long thread per row."""
    wanted = set(query_stems)
    head = text[:50_000]
    hits = [m for m in _starting_with(query_stems).finditer(head) if _stem_of(m.group()) in wanted]
    if not hits:
        return []
    start = max(0, hits[0].start() - width // 3)
    end = min(len(head), start + width)
    start = _word_boundary(head, start, backwards=True)
    end = _word_boundary(head, end, backwards=False)
    pieces: list[tuple[str, bool]] = [("… ", False)] if start > 0 else []
    cursor = start
    for hit in hits:
        if hit.start() < start:
            continue
        if hit.end() > end:
            break
        pieces.append((_one_line(head[cursor : hit.start()]), False))
        pieces.append((hit.group(), True))
        cursor = hit.end()
    pieces.append((_one_line(head[cursor:end]), False))
    if end < len(text):
        pieces.append((" …", False))
    return [(fragment, mark) for fragment, mark in pieces if fragment]


@functools.lru_cache(maxsize=64)
def _starting_with(query_stems: tuple[str, ...]) -> re.Pattern[str]:
    """The words that begin with one of the stems: Snowball only takes endings off, so a
    word can have a stem only if it begins with it. Only those are stemmed to check (a
    result page stemmed every word of fifty texts)."""
    if not query_stems:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(stem) for stem in sorted(query_stems, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def _stem_of(word: str) -> str:
    return _stemmer().stemWord(word.casefold())


def _word_boundary(text: str, index: int, backwards: bool) -> int:
    """Move `index` off the middle of a word, so a snippet never starts or ends in one."""
    step = -1 if backwards else 1
    while 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum():
        index += step
    return index


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text)
