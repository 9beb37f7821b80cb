"""Standard texts with placeholders: »Kære {borger}« filled in for one inquiry. No Django
import.

Only the names below exist. A text that uses another is refused when it is saved, with
the unknown names, so a typo never reaches a citizen as »{borgr}«. Filling is a plain
replacement: what a citizen wrote (a name with braces) is never read as a placeholder.
"""

from __future__ import annotations

import re

PLACEHOLDERS = {
    "borger": "borgerens navn",
    "nummer": "henvendelsens nummer (H-12)",
    "emne": "henvendelsens emne",
    "modtaget": "datoen henvendelsen kom",
    "frist": "svarfristen",
    "afsender": "dit navn",
    "kommune": "kommunens navn",
    "ny_frist": "den nye frist (ved længere svartid)",
    "venter_paa": "hvad henvendelsen venter på (ved længere svartid)",
}
_NAME = re.compile(r"\{([^{}\s]{1,40})\}")


def unknown(text: str) -> list[str]:
    """The placeholder names in `text` that do not exist, each once, in order."""
    return list(dict.fromkeys(n for n in _NAME.findall(text) if n not in PLACEHOLDERS))


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with each known placeholder replaced in one pass (a value is never read again
    for placeholders); a placeholder without a value is left for the writer to fill."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return values.get(name, match.group(0)) if name in PLACEHOLDERS else match.group(0)

    return _NAME.sub(replace, text)
