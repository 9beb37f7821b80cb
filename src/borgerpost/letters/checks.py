"""Plain-language checks on a letter before it is sent (seed 004: specific titles, an
explanatory lead text for standard letters, and how to reach us afterwards)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from borgerpost.pure.lix import Lix, lix

EMPTY_TITLES = {
    "brev fra kommunen",
    "brev",
    "orientering",
    "information",
    "vigtig information",
    "meddelelse",
    "besked",
    "brev fra",
    "henvendelse",
    "vedr",
    "vedrørende",
    "til dig",
}
_CONTACT = re.compile(
    r"(\b(ring|telefon|tlf|telefontid|kontakt|skriv|mail|e-mail)\b|@|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LetterCheck:
    warnings: tuple[str, ...]
    readability: Lix
    target: int
    generic_title: bool = False
    missing_contact: bool = False

    @property
    def over_target(self) -> bool:
        return self.readability.score > self.target


def check_letter(
    title: str, lead_text: str, body: str, contact_text: str, is_standard: bool, lix_target: int
) -> LetterCheck:
    warnings = []
    normal_title = re.sub(r"[^\w ]", "", title).strip().casefold()
    generic = (
        not normal_title or normal_title in EMPTY_TITLES or normal_title.startswith("brev fra")
    )
    if generic:
        warnings.append(
            "Titlen siger ikke, hvad brevet handler om. Skriv en konkret titel, fx "
            "»Afgørelse om hjemmehjælp« i stedet for »Brev fra kommunen«."
        )
    if is_standard and not lead_text.strip():
        warnings.append(
            "Standardbrevet mangler en forklarende følgetekst, der fortæller, hvad "
            "borgeren især skal lægge mærke til."
        )
    missing_contact = not _CONTACT.search(contact_text)
    if missing_contact:
        warnings.append(
            "Brevet fortæller ikke, hvordan borgeren kan kontakte kommunen bagefter "
            "(telefontid, mail eller sagsbehandlerens navn)."
        )
    readability = lix("\n".join(p for p in (lead_text, body) if p))
    return LetterCheck(tuple(warnings), readability, lix_target, generic, missing_contact)
