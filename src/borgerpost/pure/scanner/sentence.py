"""Where a sentence ends: one definition for the rules' person cues (core) and for the
sentence a finding of the model marks (model).

Citizens write from phones in lower case and without capitals after a full stop, and
write »f.eks.«, »kl. 10« and »den 1. maj« in the middle of a sentence: a sentence must
end neither at every full stop nor only before a capital letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from .latin1 import LOWER_WORDS
from .lexicon import PRONOUN_VERBS, PRONOUNS
from .spelling import spelled_bytes

# Where a sentence ends, without relying on capital letters: citizens write from phones
# in lower case ("hej ib. min mor er blevet dement"). A newline; ! or ? before white
# space or the end; a full stop before white space or the end, unless it closes a
# common abbreviation ("f.eks.", "nr.", "kl."), a single letter ("H. C. Andersen") or
# an ordinal number before a lower-case word ("den 1. maj", "2. sal").
ABBREVIATIONS: Final = (
    "f.eks", "bl.a", "m.m", "m.v", "o.l", "s.u", "p.t", "ca", "nr", "mv", "osv", "evt",
    "jf", "kl", "mht", "pga", "dvs", "tlf", "hhv", "inkl", "ekskl", "vedr", "att", "ang",
    "iflg", "ifm", "mvh", "vh", "st", "tv", "th", "sagsnr", "journalnr", "cpr", "cpr-nr",
    "max", "min", "stk", "pkt", "bl", "dr", "hr", "fr", "jan", "feb", "aug", "sep",
    "sept", "okt", "nov", "dec", "kr", "mio", "mia", "md", "mdr", "pr", "str", "ml", "mg",
)  # fmt: skip
# Matched where one of the four characters is (found by core._Context or sentences()),
# then the look back, which only a full stop needs. Abbreviations in any case (»Nr.«).
# One look back per length (Python's look back has a fixed width), not one per word.
_NOT_AFTER: Final = "".join(
    f"(?<!\\b(?i:{'|'.join(re.escape(a) for a in ABBREVIATIONS if len(a) == n)})\\.)"
    for n in sorted({len(a) for a in ABBREVIATIONS})
)
SENTENCE_END: Final = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<=[!?])(?=\s|\Z)|(?<=\.)"
    + _NOT_AFTER
    + r"(?<![^\w.][^\W\d_]\.)(?<!^[^\W\d_]\.)(?=\s|\Z)(?!(?<=[0-9]\.)[ \t]+[a-zæøå]))"
)


MARKS: Final = bytes(0 if chr(code) in ".!?\n" else 1 for code in range(256))


def ends_sentence(text: str, i: int) -> bool:
    # A newline always ends one; the expression checks the rest.
    return text[i] == "\n" or SENTENCE_END.match(text, i) is not None


_MARK: Final = re.compile(r"[.!?\n]")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the text's sentences, each with the mark that ends it and without
    surrounding white space; none empty."""
    start = 0
    for match in _MARK.finditer(text):
        if ends_sentence(text, match.start()):
            span = _trimmed(text, start, match.end())
            if span[0] < span[1]:
                yield span
            start = match.end()
    span = _trimmed(text, start, len(text))
    if span[0] < span[1]:
        yield span


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Phones write without commas, and then a sentence may run on through several main
# clauses: »vil kommunen bruge ansigtsgenkendelse i de nye parkeringshuse jeg er imod«.
# Danish puts the finite verb second in a main clause, so a subject pronoun followed by a
# finite verb begins a new one, unless the word before joins it to what went before
# (»og hun har«, »fordi jeg kan«, »hvad jeg skal«) or is the verb of an inverted clause
# (»nu har jeg«). A sentence shorter than this, or with a comma, is read whole.
CLAUSES_FROM: Final = 80
_SUBJECTS: Final = frozenset(word.encode("latin-1") for word in PRONOUNS | {"det", "man"})
_FINITE_VERBS: Final = spelled_bytes(
    PRONOUN_VERBS
        | {"kan", "skal", "vil", "må", "kunne", "skulle", "ville", "måtte", "synes", "ved",
           "tror", "bor", "går", "kommer", "mener", "håber", "bliver", "gider", "orker"}
)  # fmt: skip
_JOINING: Final = spelled_bytes(
    {"og", "men", "eller", "for", "så", "at", "som", "hvis", "når", "da", "fordi", "om",
         "hvad", "hvor", "hvordan", "hvorfor", "hvem", "hvornår", "hvilken", "hvilke",
         "hvorvidt", "der", "end", "mens", "selvom", "efter", "før", "indtil", "siden",
         "nu", "også", "bare", "jo", "vel", "nok", "ikke"}
)  # fmt: skip
_WORD: Final = re.compile(rb"\S+")


def clause_starts(data: bytes, start: int, end: int) -> list[int]:
    """Where main clauses after the first begin in the sentence data[start:end] (the
    Latin-1 view), when it is long and has no comma; else none."""
    if end - start < CLAUSES_FROM or data.find(b",", start, end) >= 0:
        return []
    low = data[start:end].translate(LOWER_WORDS)
    words = low.split()
    if not any(_begins_a_clause(words, i) for i in range(1, len(words) - 1)):
        return []  # the common case, found in C without a word's place
    found = [(m.start(), m.group()) for m in _WORD.finditer(low)]
    at = [where for where, _ in found]
    return [start + at[i] for i in range(1, len(at) - 1) if _begins_a_clause(words, i)]


def _begins_a_clause(words: list[bytes], i: int) -> bool:
    return (
        words[i] in _SUBJECTS
        and words[i + 1] in _FINITE_VERBS
        and words[i - 1] not in _JOINING
        and words[i - 1] not in _FINITE_VERBS
    )
