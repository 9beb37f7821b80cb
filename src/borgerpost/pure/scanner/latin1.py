"""The scanner reads a Latin-1 view of the text (normalise.py): one byte per character,
so whole-text work can run on bytes in C."""

from __future__ import annotations

from typing import Final


def _lower_byte(code: int) -> int:
    lowered = chr(code).lower()
    # Every Latin-1 letter lower-cases to one Latin-1 letter; checked, not assumed.
    assert len(lowered) == 1 and ord(lowered) < 256
    return ord(lowered)


# Every Latin-1 byte lower-cased, the rest kept.
LOWER_LATIN1: Final = bytes(_lower_byte(code) for code in range(256))
# A word is a run of letters and digits; everything else, hyphens included, separates:
# one translate() by one of these and one split() give a text's words, both in C.
WORDS: Final = bytes(code if chr(code).isalnum() else 32 for code in range(256))
LOWER_WORDS: Final = bytes(LOWER_LATIN1[code] if chr(code).isalnum() else 32 for code in range(256))


def lower(text: str) -> str:
    """text.lower(), for a Latin-1 text by one bytes.translate(): str.lower() looks up
    each character's case in the Unicode tables, a fifth of the time it takes to read
    a mail's closings."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return text.lower()
    return data.translate(LOWER_LATIN1).decode("latin-1")
