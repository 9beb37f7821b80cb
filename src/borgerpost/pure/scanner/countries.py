"""Country names in Danish, for origin said as coming from somewhere ("vi er oprindeligt
fra Somalia", "adopteret fra Sydkorea").

The names come from pycountry's Danish translations of ISO 3166 (maintained, with every
country). Those give the formal name ("Korea, Republikken", "Syriske Arabiske
Republik") and leave some common names untranslated, so the short names Danes write are
added by hand below: only where pycountry has no Danish short form, and for countries
that no longer exist.
"""

from __future__ import annotations

import gettext
import json
import re
from functools import lru_cache
from pathlib import Path

from .cache import for_package_files, store

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
    # Homelands that are regions, which no list of countries gives
    "Punjab",
    "Kashmir",
    "Kosovo",
    "Darfur",
    # Countries that are no more, as the people who came from them still name them;
    # pycountry's historic list has them only by their formal names.
    "Jugoslavien",
    "Sovjetunionen",
    "Tjekkoslovakiet",
    "Østtyskland",
)
_NOT_ORIGIN = {"Danmark"}  # coming from Denmark tells nothing about origin here


@lru_cache(maxsize=1)
def danish_country_names() -> tuple[str, ...]:
    """The names, from this machine's cache when pycountry's files are the ones they
    were read from: importing pycountry costs a one-mail `borgerpost scan` a third of
    its time."""
    path = _cache_path()
    if path is not None:
        try:
            return tuple(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    names = _from_pycountry()
    if path is not None:
        store(path, json.dumps(names, ensure_ascii=False).encode("utf-8"))
    return names


def _from_pycountry() -> tuple[str, ...]:
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


def _cache_path() -> Path | None:
    """The cache file for pycountry's country list and Danish translation, and the
    names added here."""
    return for_package_files(
        "countries",
        "pycountry",
        ("databases/iso3166-1.json", "locales/da/LC_MESSAGES/iso3166-1.mo"),
        repr((_SHORT_NAMES, sorted(_NOT_ORIGIN))).encode(),
    )


@lru_cache(maxsize=1)  # the lexicon asks for it once per pattern that names countries
def country_pattern() -> str:
    return "|".join(re.escape(name.lower()) for name in danish_country_names())
