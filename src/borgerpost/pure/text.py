"""Cleaning text where it enters borgerpost and where it leaves in a header. No Django import.

Control characters have no place in what people write to each other, and they break
things downstream: PostgreSQL refuses NUL in text, a line break in a subject becomes a
new mail header, a control character makes XML not well-formed, and bidirectional
overrides make »faktura\u202efdp.exe« display as »fakturaexe.pdf«. Lone surrogates (which
JSON can carry) cannot be stored or encoded at all. Everything that comes in (mail,
forms, the API, files) passes `clean_text` or `clean_line`; everything that goes into a
mail header or a file name passes `clean_line` or `clean_filename`.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and line feed, DEL, and the C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Explicit bidirectional embeddings, overrides and isolates, and the Arabic letter mark.
# The plain marks (U+200E, U+200F) are harmless and stay.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text of several lines: line breaks become \\n; other control characters and lone
    surrogates go (a surrogate becomes U+FFFD, so the reader sees that something was there)."""
    if not value:
        return value
    value = _SURROGATES.sub("\ufffd", value)
    value = _LINE_BREAKS.sub("\n", value)
    return _CONTROLS.sub("", value)


def clean_line(value: str) -> str:
    """One line (a subject, a name, a header): line breaks and tabs become a space, bidi
    controls go. Safe to write into a mail header."""
    if not value:
        return value
    value = _SURROGATES.sub("\ufffd", value)
    value = _LINE_BREAKS.sub(" ", value).replace("\t", " ")
    value = _BIDI.sub("", _CONTROLS.sub("", value))
    return value.strip()


_UNSAFE_IN_NAME = re.compile(r'[\\/"<>:|?*]')


def clean_filename(value: str, fallback: str = "vedhaeftning") -> str:
    """A file name to show and to put in Content-Disposition: one line, no bidi controls,
    no path, none of the characters file systems and headers treat specially."""
    name = clean_line(unicodedata.normalize("NFC", value or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_IN_NAME.sub("_", name).strip(" .")
    return (name or fallback)[:200]


def noun_for(count: int, singular: str, plural: str) -> str:
    """The Danish form for a count: the singular for exactly one, else the plural
    (»0 sager«, »1 sag«, »2 sager«). Adjectives go with the noun: pass the whole phrase
    (»anden henvendelse«, »andre henvendelser«)."""
    return singular if count == 1 else plural


def count_of(count: int, singular: str, plural: str) -> str:
    """»1 sag«, »3 sager«: the number with the noun in the form it takes."""
    return f"{count} {noun_for(count, singular, plural)}"
