"""Danish written without æ, ø and å: on phones and keyboards set to English citizens
write »kæreste« as »kaereste«, »Søren« as »Soeren« and »får« as »faar«; and text messages
shorten »ikke« to »ik« or »ikk«. The scanner's expressions and the word lists its cues
look words up in take every spelling through these."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

# The two-letter spelling of each Danish letter, as Danish orthography itself gives it
# (»aa« was the spelling of »å« until 1948 and still is in names).
ASCII_SPELLINGS: Final = {"æ": "ae", "ø": "oe", "å": "aa"}
_ASCII: Final = str.maketrans(
    {**ASCII_SPELLINGS, **{k.upper(): v.title() for k, v in ASCII_SPELLINGS.items()}}
)


def ascii_spelling(word: str) -> str:
    """»kæreste« as »kaereste«; a word without æ, ø and å as it is."""
    return word.translate(_ASCII)


def both_spellings(words: Iterable[str]) -> set[str]:
    """The words and their spellings without æ, ø and å (and »ikke« as text messages
    write it, see _SHORT_FORMS)."""
    found = set(words)
    found |= {short for word in found for short in _SHORT_FORMS.get(word, ())}
    return found | {ascii_spelling(word) for word in found}


# Words text messages shorten: »har ik betalt husleje«, »forstår ikk det«.
_SHORT_FORMS: Final = {"ikke": ("ik", "ikk")}


def spelled_bytes(words: Iterable[str]) -> frozenset[bytes]:
    """The words in both spellings as Latin-1 bytes, to look up words of the scanner's
    Latin-1 view of a text (normalise.py) without decoding them."""
    return frozenset(word.encode("latin-1") for word in both_spellings(words))


def map_letters(pattern: str, outside: dict[str, str], inside: dict[str, str]) -> str:
    """The pattern with letters replaced, by one table outside character classes and
    another inside them; escaped characters are left alone. (One expression finds the
    escapes, the classes and the letters to replace, where a loop over every character
    of every expression ran at each start: with the long texts' database made when first
    needed, a one-mail `borgerpost scan` took 0.121 s instead of 0.131 s.)"""
    letters = "".join(sorted(outside))
    if not letters:
        return pattern
    inside_table = str.maketrans(inside)

    def replaced(match: re.Match[str]) -> str:
        found = match.group()
        if found[0] == "\\":
            return found
        if found[0] == "[":
            return "".join(
                part if part[0] == "\\" else part.translate(inside_table)
                for part in _CLASS_PARTS.findall(found)
            )
        return outside[found]

    return re.sub(_ESCAPE_OR_CLASS + "|[" + re.escape(letters) + "]", replaced, pattern)


# An escaped character, or a character class up to its first unescaped »]«.
_ESCAPE_OR_CLASS: Final = r"\\.|\[(?:\\.|[^\]\\])*\]"
_CLASS_PARTS: Final = re.compile(r"\\.|[^\\]+")


_SPELLED_OUT: Final = {
    letter: f"(?:{letter}|{spelled})" for letter, spelled in ASCII_SPELLINGS.items()
}


def with_ascii_spellings(pattern: str) -> str:
    """The expression also matching Danish written without æ, ø and å (»kontanthjaelp«,
    »varetaegt«, »maend«): outside character classes each letter becomes its two-letter
    spelling too; and a word text messages shorten its short forms (»har ik betalt«)."""
    spelled = map_letters(pattern, _SPELLED_OUT, {})
    return _SHORTENED.sub(lambda word: _SHORT_ALTERNATIVES[word.group()], spelled)


# The words of _SHORT_FORMS as whole words of an expression (not inside a class or after
# an escape), and what each becomes: »ikke« → »(?:ikke|ik|ikk)«.
_SHORTENED: Final = re.compile(
    r"(?<![\\\w\[])(?:" + "|".join(map(re.escape, _SHORT_FORMS)) + r")(?!\w)"
)
_SHORT_ALTERNATIVES: Final = {
    word: "(?:" + "|".join((word, *shorts)) + ")" for word, shorts in _SHORT_FORMS.items()
}
