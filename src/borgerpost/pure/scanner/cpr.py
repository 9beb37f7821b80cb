"""CPR numbers: a real date with the century from the 7th digit, and the number's context.

Modulus 11 only raises confidence: CPR numbers without it have been issued since 2007.
Whether a 10-digit number is a CPR number is decided from the words just before it
(a customer, invoice or account number is labelled as such), never by skipping a
whole document.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .spelling import both_spellings, with_ascii_spellings

_WEIGHTS: Final = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)

CPR_CUE: Final = re.compile(
    with_ascii_spellings(
        r"(?:cpr|c\.p\.r|personnummer|personnr|person-nr|p-nr|personnummeret|fødselsnummer)"
        r"[\s.\-:]*(?:nr|nummer|nummeret)?[\s.:]*$"
    ),
    re.IGNORECASE,
)
# Labels that make a following number something other than a CPR number, as they end the
# words before it (no boundary before them: »Storkundenr.«).
OTHER_NUMBER_LABELS: Final = (
    "kunde", "faktura", "ordre", "licens", "afgifts", "konto", "reg", "registrerings", "bfe",
    "matr", "matrikel", "sags", "journal", "j", "ean", "gln", "cvr", "se", "p", "tlf",
    "tlf.", "telefon", "mobil", "mob", "fax", "bilag", "reference", "ref", "lån", "låner",
    "police", "abonnement", "medlems", "forsendelse", "pakke", "kvitterings", "varenummer",
    "vare", "serie", "serienummer", "lokal", "bestillings", "booking", "billet",
    "sagsnummer", "dokument", "dok", "løbe", "cpr-fri", "iban", "bank", "kontonummer",
    "konto-nummer", "regnummer", "reg-nummer", "ejendoms", "ejendomsnummer", "kommune",
    "postnummer", "post", "telefonnummer", "fakturanummer", "kundenummer", "ordrenummer",
    "betalings", "indbetalings", "ocr", "fik", "girokort", "afgift", "afgiftsnummer",
    "licensnummer", "medlemsnummer", "policenummer", "aftale", "aftalenummer", "id",
    "transaktions", "transaktion", "kvittering",
)  # fmt: skip


# A label, then what may follow it before the number (»nr.«, »nummer:«, »er«, »hos X er«,
# »lyder på«), at the very end of the words before it: matched once at the start of
# those words reversed. (Searched for forwards, every character was a try of every label:
# 37 µs a number.)
def _trie(words: list[str]) -> str:
    """The words as one expression with their common beginnings shared (»kunde|kvittering«
    as »k(?:unde|vittering)«): a plain alternation of a hundred words is tried word by
    word at every split of what follows the label."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    ends = "" in node
    parts = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body


_OTHER_NUMBER_REVERSED: Final = re.compile(
    r"\s*(?:re|re \w+ soh|åp reddyl|aap reddyl|:)?[\s.:]*(?:rn|remmun|on|di)?[\s.\-:]*"
    + _trie([label[::-1] for label in both_spellings(OTHER_NUMBER_LABELS)]),
    re.IGNORECASE,
)


def other_number_label(before: str) -> bool:
    """Do the words before a number end with a label of another kind of number?"""
    return _OTHER_NUMBER_REVERSED.match(before[::-1]) is not None


# A document named as a whole word, in its definite form or with the number it »has« or
# comes »with«: »kvitteringen har nr.«, »fakturaen med nummer«. Whole words only: an
# ending added to the short labels above would take »Hansen« for »se« + »n«.
OTHER_DOCUMENT_CUE: Final = re.compile(
    r"\b(?:kvittering|faktura|regning|ordre|police|aftale|konto|billet|pakke|forsendelse|"
    r"bestilling|booking|reference|transaktion|abonnement|licens)(?:en|et)?"
    r"(?:\s+(?:har|med)\s+(?:nr|nummer|nummeret)\b\.?|[\s.:]+(?:nr|nummer|nummeret)\b\.?)?"
    r"[\s.:]*(?:er|:)?\s*$",
    re.IGNORECASE,
)
PHONE_CUE: Final = re.compile(r"(?:\+\d{1,3}\s*|\(\d+\)\s*)$")


def century(yy: int, seventh: int) -> int:
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def birth_date(digits: str) -> dt.date | None:
    """The date a 10-digit CPR number encodes, or None when it is no real date."""
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    try:
        return dt.date(century(yy, int(digits[6])) + yy, month, day)
    except ValueError:
        return None


def passes_modulus_11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


def context_kind(before: str) -> str:
    """'cpr' when a CPR cue labels the number, 'other' when another label does, else ''."""
    tail = before[-40:]
    if CPR_CUE.search(tail):
        return "cpr"
    if other_number_label(tail) or OTHER_DOCUMENT_CUE.search(tail) or PHONE_CUE.search(tail):
        return "other"
    return ""


def mask(digits: str) -> str:
    """Never show a whole CPR number: keep the birth date, hide the serial."""
    return f"{digits[:6]}-XXXX"
