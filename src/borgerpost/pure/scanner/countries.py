"""Country names in Danish, for origin said as coming from somewhere ("vi er oprindeligt
fra Somalia", "adopteret fra Sydkorea").

The names come from pycountry's Danish translations of ISO 3166 (maintained, with every
country). Those give the formal name ("Korea, Republikken", "Syriske Arabiske
Republik") and leave some common names untranslated, so the short names Danes write are
added by hand below: only where pycountry has no Danish short form.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

# Short Danish names pycountry does not give in Danish (checked against pycountry 26.2).
_SHORT_NAMES = (
    "Syrien",
    "Rusland",
    "Sydkorea",
    "Nordkorea",
    "Kongo",
    "Tyrkiet",
    "Palæstina",
    "Kurdistan",
    "Tjetjenien",
    "Tibet",
    "England",
    "Skotland",
    "USA",
    "Bosnien",
    "Hviderusland",
    "Moldova",
    "Tanzania",
)
_NOT_ORIGIN = {"Danmark"}  # coming from Denmark tells nothing about origin here


@lru_cache(maxsize=1)
def danish_country_names() -> tuple[str, ...]:
    import pycountry

    translation = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["da"], fallback=True
    )
    names = set(_SHORT_NAMES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if not value:
                continue
            danish = translation.gettext(value)
            names.add(danish.split(",")[0].strip())
    names = {n for n in names if n and n not in _NOT_ORIGIN and len(n) > 2}
    # Longest first in the alternation; then alphabetical, so the pattern (and the key of
    # the compiled-rules cache) is the same in every process.
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def country_pattern() -> str:
    return "|".join(re.escape(name.lower()) for name in danish_country_names())
