"""The scan: normalise, find candidate terms and numbers with one multi-pattern pass,
then confirm each candidate against its own context."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import cpr as cprmod
from .engine import Candidate, Engine, best_engine
from .lexicon import (
    GENERAL_BEFORE,
    GENERAL_TALK,
    NAMED_PERSON,
    PERSONAL_VERB,
    POLITICAL_ROLE,
    SENTENCE_END,
    STRONG_PERSON,
    TERMS,
    WEAK_PERSON,
    Term,
)
from .normalise import Normalised, normalise

CATEGORIES = (
    "cpr",
    "health",
    "ethnic_origin",
    "sexual",
    "beliefs",
    "trade_union",
    "criminal",
    "genetic_biometric",
    "social_economic",
    "property_deal",
)
CATEGORY_LABELS = {
    "cpr": "CPR-nummer",
    "health": "Helbredsoplysninger",
    "ethnic_origin": "Race eller etnisk baggrund",
    "sexual": "Seksuelle forhold eller orientering",
    "beliefs": "Politisk, religiøs eller filosofisk overbevisning",
    "trade_union": "Fagforeningsmæssigt tilhørsforhold",
    "criminal": "Strafbare forhold",
    "genetic_biometric": "Genetiske eller biometriske oplysninger",
    "social_economic": "Økonomiske eller sociale forhold",
    "property_deal": "Ejendomshandel, der ikke er indgået",
}
MAX_CHARS = 50_000_000  # larger inputs are refused; callers split them (see scan_chunks)
CPR_PATTERN = r"[0-9]{6}[- ]?[0-9]{4}"
_CPR_RE = re.compile(r"(\d{6})[- ]?(\d{4})")


class ScanError(ValueError):
    """Input the scanner will not take; the message is Danish."""


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int
    rule: str
    confidence: float
    explanation: str
    excerpt: str = field(repr=False)

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]

    def as_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "confidence": round(self.confidence, 2),
        }


@dataclass
class Scanner:
    """A compiled rule set. Municipal terms and exceptions extend the default lexicon."""

    extra_terms: tuple[Term, ...] = ()
    exceptions: tuple[str, ...] = ()
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.terms = list(TERMS) + list(self.extra_terms)
        patterns = [CPR_PATTERN] + [t.pattern for t in self.terms]
        self.engine = best_engine(patterns)
        self._term_res = [re.compile(t.pattern, re.IGNORECASE) for t in self.terms]
        self._exceptions = [e.casefold() for e in self.exceptions if e.strip()]

    def scan(self, text: str) -> list[Finding]:
        if not isinstance(text, str):
            raise ScanError("Teksten skal være en tekststreng.")
        if len(text) > MAX_CHARS:
            raise ScanError(
                f"Teksten er for stor til at blive scannet ({len(text):,} tegn; grænsen er "
                f"{MAX_CHARS:,}). Del den op."
            )
        norm = normalise(text)
        findings = list(self._confirm(norm, text, self.engine.candidates(norm.text)))
        findings.sort(key=lambda f: (f.start, f.category))
        return findings

    def _confirm(
        self, norm: Normalised, original: str, candidates: Iterator[Candidate]
    ) -> Iterator[Finding]:
        seen: set[tuple[str, int]] = set()
        sentence_cache: dict[tuple[int, int], bool] = {}
        for cand in candidates:
            if cand.pattern_id == 0:
                finding = self._cpr(norm, original, cand.start, cand.end)
            else:
                finding = self._term(norm, original, cand, sentence_cache)
            if finding is not None and (finding.category, finding.start) not in seen:
                seen.add((finding.category, finding.start))
                yield finding

    def _cpr(self, norm: Normalised, original: str, start: int, end: int) -> Finding | None:
        text = norm.text
        if (start > 0 and (text[start - 1].isdigit() or text[start - 1] in "+/.,-")) or (
            end < len(text)
            and (
                text[end].isdigit()
                or (text[end] in ".,/-" and end + 1 < len(text) and text[end + 1].isdigit())
            )
        ):
            return None
        m = _CPR_RE.fullmatch(text, start, end)
        if m is None:
            return None
        digits = m[1] + m[2]
        if cprmod.birth_date(digits) is None:
            return None
        kind = cprmod.context_kind(text[max(0, start - 60) : start])
        if kind == "other":
            return None
        confidence = 0.75
        if kind == "cpr":
            confidence = 0.97
        if cprmod.passes_modulus_11(digits):
            confidence = min(0.99, confidence + 0.15)
        if "-" in m[0] or " " in m[0]:
            confidence = min(0.99, confidence + 0.05)
        o_start, o_end = norm.original_span(start, end)
        return Finding(
            "cpr",
            o_start,
            o_end,
            "cpr.number" if kind != "cpr" else "cpr.labelled",
            confidence,
            "Et CPR-nummer (personnummer).",
            cprmod.mask(digits),
        )

    def _term(
        self,
        norm: Normalised,
        original: str,
        cand: Candidate,
        sentence_cache: dict[tuple[int, int], bool],
    ) -> Finding | None:
        term = self.terms[cand.pattern_id - 1]
        text = norm.text
        start = cand.start
        if start > 0 and (text[start - 1].isalnum()):
            return None  # the middle of another word
        m = self._term_res[cand.pattern_id - 1].match(text, start)
        if m is None:
            return None
        end = m.end()
        while end < len(text) and text[end].isalpha():
            end += 1
        s_start, s_end = _sentence(text, start, end)
        sentence = text[s_start:s_end]
        if self._exceptions and any(e in sentence.casefold() for e in self._exceptions):
            return None
        if GENERAL_BEFORE.search(text, max(s_start, start - 60), start):
            return None
        if term.category == "beliefs" and POLITICAL_ROLE.search(sentence):
            return None
        confidence = term.confidence
        if term.needs == "sentence":
            key = (s_start, s_end)
            if key not in sentence_cache:
                sentence_cache[key] = _about_a_person(sentence)
            if not sentence_cache[key]:
                # The person may be named in the sentence before ("Min far ... . Han har ...").
                p_start, _ = _sentence(text, max(0, s_start - 2), max(0, s_start - 1))
                if not (s_start > 0 and STRONG_PERSON.search(text, p_start, s_start)):
                    return None
                confidence -= 0.1
        o_start, o_end = norm.original_span(start, end)
        word = original[o_start:o_end]
        return Finding(
            term.category,
            o_start,
            o_end,
            term.rule,
            confidence,
            f"»{word}« er {term.explanation} om en bestemt person.",
            word,
        )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): abbreviations such as "cpr.nr." do not end one."""
    lo = max(0, start - 300)
    s_start = lo
    for m in SENTENCE_END.finditer(text, lo, start):
        s_start = m.end()
    after = SENTENCE_END.search(text, end, min(len(text), end + 300))
    s_end = after.start() if after else min(len(text), end + 300)
    return s_start, s_end


def _about_a_person(sentence: str) -> bool:
    if STRONG_PERSON.search(sentence):
        return True
    if NAMED_PERSON.search(sentence.strip()[1:]):
        return not GENERAL_TALK.search(sentence)
    if WEAK_PERSON.search(sentence) and PERSONAL_VERB.search(sentence):
        return not GENERAL_TALK.search(sentence)
    return False


_DEFAULT: Scanner | None = None


def default_scanner() -> Scanner:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Scanner()
    return _DEFAULT


def scan(text: str) -> list[Finding]:
    """Find CPR numbers and special-category personal data in Danish text."""
    return default_scanner().scan(text)
