"""Suggest how an inquiry should be answered, with the reasons shown to the member.

Pure Python, no Django. The member decides (seed 000); this only suggests whether
the inquiry is political, a simple practical question, or concerns a citizen's own
case or the municipality's administration (which must involve the administration).
Cues are weighted word patterns; each one that fires becomes a Danish reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from borgerpost.pure.scanner.engine import SharedDatabase

POLITICAL = "political"
PRACTICAL = "practical"
CASE = "case"


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float
    reason: str


def _cue(words: str, weight: float, reason: str) -> Cue:
    return Cue(re.compile(words, re.IGNORECASE), weight, reason)


CASE_CUES = (
    _cue(
        r"\bmin(e)? sag\b|\bvores sag\b|\bsagen\b har nr|\bsags?nr\b|\bj\.? ?nr\b|\bjournalnr",
        3.0,
        "Henvisning til en konkret sag eller et sagsnummer",
    ),
    _cue(r"\bsagsbehandler(en|e|ne)?\b", 2.5, "Nævner en sagsbehandler"),
    _cue(
        r"\bafslag\b|\bafvist\b|\bafgørelse(n)?\b|\bbevilge[ts]?\b|\bbevilling",
        2.5,
        "Handler om en afgørelse, et afslag eller en bevilling",
    ),
    _cue(
        r"\bsøgte\b|\bhar søgt\b|\bansøgning(en)?\b|\bansøgt\b", 2.0, "Borgeren har søgt om noget"
    ),
    _cue(r"\bklage[rt]?\b|\bklagede\b|\bklagen\b|\bvil klage\b", 2.0, "Indeholder en klage"),
    _cue(
        r"\bikke (fået|hørt|modtaget) (noget )?(svar|andet)|\bingen svar\b|\bsvarer ikke\b|"
        r"\bhar ikke hørt\b|\bventet\b|\bventeliste",
        2.0,
        "Borgeren venter på svar eller behandling fra kommunen",
    ),
    _cue(
        r"\bjobcent(er|ret)\b|\bhjemmehjælp(en)?\b|\bhjemmepleje(n)?\b|\bvisitation(en)?\b|"
        r"\bvisiteret\b|\bsygedagpenge\b|\bkontanthjælp\b|\bbostøtte\b|\bplejecent(er|ret)\b|"
        r"\bPPR\b|\baflastning\b|\bbyggetilladelse\b|\bdispensation\b|\bfritagelse\b",
        1.5,
        "Nævner en kommunal ydelse eller myndighedsopgave",
    ),
    _cue(
        r"\bmin (mor|far|søn|datter|mand|kone|bror|søster)\b|\bvores (søn|datter|barn|børn)\b|"
        r"\bmit barn\b",
        1.0,
        "Handler om en bestemt person",
    ),
    _cue(
        r"\b(regning|faktura|fakturanr|opkrævning|afgift)\b",
        1.5,
        "Handler om en regning eller opkrævning til borgeren",
    ),
    _cue(
        r"\bikke (blevet )?(tømt|ryddet|repareret|udført)\b|\bglemt\b|\bforsvundet\b|\bfejl\b",
        1.5,
        "Beskriver en fejl i kommunens service over for borgeren",
    ),
    _cue(
        r"\bringede\b|\bhar ringet\b|\bfik (begge gange |igen )?at vide\b|\bhar bedt\b|"
        r"\bbedt om\b|\bhenvendt mig\b|\bkontaktet\b",
        1.5,
        "Borgeren har allerede været i kontakt med kommunen om sagen",
    ),
    _cue(
        r"\bkommunen (har|ejer|vil ikke|nægter|skal svare|har svaret)\b|\bforvaltningen\b|"
        r"\bmedarbejder(e|en|ne)\b|\bpersonalet\b",
        1.0,
        "Handler om kommunens forvaltning eller personale",
    ),
    _cue(
        r"\b\d{6}[- ]?\d{4}\b|\bcpr\b|\bpersonnummer\b",
        2.0,
        "Indeholder et personnummer eller peger på en persons sag",
    ),
)

POLITICAL_CUES = (
    _cue(
        r"\bbyråd(et)?\b|\bkommunalbestyrelse(n)?\b|\budvalg(et)?\b|\bpolitiker(e|ne)?\b",
        1.5,
        "Henvender sig til det politiske niveau",
    ),
    _cue(
        r"\bbudget(tet|forslaget)?\b|\bskatteyder\b|\bmillioner\b|\bprioriter",
        1.5,
        "Handler om budget og prioritering",
    ),
    _cue(
        r"\bjeg synes\b|\bvi synes\b|\bmener\b|\bholdning\b|\bforslag(et)?\b|\bbør\b|"
        r"\bopfordre\b|\bhåber\b|\buenig\b|\benig\b",
        1.5,
        "Udtrykker en holdning eller et forslag",
    ),
    _cue(
        r"\bpolitik(ken)?\b|\bbeslutning(en)?\b|\blokalplan\b|\bskolestruktur",
        1.5,
        "Handler om en politisk beslutning eller plan",
    ),
    _cue(
        r"\bhvad vil I\b|\bhvad har byrådet\b|\bhvordan hænger det sammen\b|\bhvorfor vil\b",
        1.5,
        "Spørger til byrådets politik",
    ),
)

PRACTICAL_CUES = (
    _cue(
        r"\bved du\b|\bhvor (kan|skal) (man|jeg)\b|\bhvem (skal|kan) (man|jeg)\b|"
        r"\bhvornår (åbner|lukker|kommer)\b|\bhvor finder\b",
        2.0,
        "Et simpelt praktisk spørgsmål",
    ),
    _cue(
        r"\båbningstid(er|en)?\b|\btelefonnummer\b|\bhjemmeside(n)?\b|\bblanket(ten)?\b",
        1.0,
        "Spørger om praktiske oplysninger",
    ),
)


@dataclass(frozen=True)
class Suggestion:
    classification: str
    reasons: tuple[str, ...]
    scores: dict[str, float]


ALL_CUES = CASE_CUES + POLITICAL_CUES + PRACTICAL_CUES


class _Prefilter:
    """Which cues may match, from one Hyperscan pass over the text.

    Searching each cue's regular expression over a long mail costs about 25 µs a cue,
    most of an intake's time after parsing. Hyperscan's prefilter mode compiles every cue
    into one automaton that reports a superset of the cues that match (never fewer), so
    only those are confirmed with Python's `re`: the suggestion is exactly the same.
    Without Hyperscan every cue is searched.
    """

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self._db: SharedDatabase | None = None
        try:
            import hyperscan

            flags = (
                hyperscan.HS_FLAG_CASELESS
                | hyperscan.HS_FLAG_UTF8
                | hyperscan.HS_FLAG_UCP
                | hyperscan.HS_FLAG_PREFILTER
                | hyperscan.HS_FLAG_SINGLEMATCH
            )
            self._db = SharedDatabase([cue.pattern.pattern.encode("utf-8") for cue in cues], flags)
        except Exception:
            self._db = None
        self._all = frozenset(range(len(cues)))

    def candidates(self, text: str) -> frozenset[int]:
        if self._db is None:
            return self._all
        found: set[int] = set()

        def on_match(cue_id: int, start: int, end: int, flags: int, context: object) -> None:
            found.add(cue_id)

        self._db.scan(text.encode("utf-8", "replace"), on_match)
        return frozenset(found)


_PREFILTER = _Prefilter(ALL_CUES)
_OFFSETS = {
    id(CASE_CUES): 0,
    id(POLITICAL_CUES): len(CASE_CUES),
    id(PRACTICAL_CUES): len(CASE_CUES) + len(POLITICAL_CUES),
}


def _score(text: str, cues: tuple[Cue, ...], candidates: frozenset[int]) -> tuple[float, list[str]]:
    total, reasons = 0.0, []
    offset = _OFFSETS[id(cues)]
    for index, cue in enumerate(cues):
        if offset + index in candidates and cue.pattern.search(text):
            total += cue.weight
            reasons.append(cue.reason)
    return total, reasons


def suggest(text: str) -> Suggestion:
    """Suggest a classification for the inquiry text, with the reasons behind it."""
    candidates = _PREFILTER.candidates(text)
    case, case_reasons = _score(text, CASE_CUES, candidates)
    political, political_reasons = _score(text, POLITICAL_CUES, candidates)
    practical, practical_reasons = _score(text, PRACTICAL_CUES, candidates)
    if len(text) < 400:
        practical += 0.5
    scores = {CASE: case, POLITICAL: political, PRACTICAL: practical}
    # A case needs the administration, so it wins a close call: wrongly answering a case
    # personally is the costly mistake, wrongly involving the administration is not.
    if case >= 2.5 and case >= max(political, practical) - 1.0:
        return Suggestion(CASE, tuple(case_reasons), scores)
    if practical > political:
        return Suggestion(PRACTICAL, tuple(practical_reasons) or ("Kort henvendelse",), scores)
    if political > 0:
        return Suggestion(POLITICAL, tuple(political_reasons), scores)
    if case > 0:
        return Suggestion(CASE, tuple(case_reasons), scores)
    return Suggestion(POLITICAL, ("Ingen tegn på en konkret sag",), scores)


# A request for access to documents (aktindsigt) has its own limit: offentlighedslovens
# § 36, stk. 2, seven working days to decide or tell the citizen why not and when.
ACCESS_CUES = (
    _cue(r"\baktindsigt|\bpartsaktindsigt", 1.0, "Nævner aktindsigt"),
    _cue(r"\boffentlighedslov", 1.0, "Henviser til offentlighedsloven"),
    _cue(
        r"\b(indsigt i|kopi af|se|udlevere|udleveret|få udleveret) (alle |de |sagens )?"
        r"(dokumenter(ne)?|akter(ne)?|sagsakter(ne)?|korrespondance(n)?|mails(ene)?|"
        r"notater(ne)?|referater(ne)?)\b",
        1.0,
        "Beder om at se eller få kopi af dokumenter",
    ),
)


def access_request(text: str) -> str | None:
    """Why the text looks like a request for access to documents, or None."""
    for cue in ACCESS_CUES:
        if cue.pattern.search(text):
            return cue.reason
    return None
