"""The scan: normalise, find candidate terms and numbers with one multi-pattern pass,
then confirm each candidate against its own context."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from . import cpr as cprmod
from .cache import kept
from .engine import Candidate, best_engine, hyperscan_expressions
from .latin1 import LOWER_LATIN1, LOWER_WORDS
from .lexicon import (
    A_SERVICE_BEFORE,
    BEING,
    CARRIER_BEFORE,
    INDIRECT_QUESTION,
    NEW,
    PEOPLE_IN_GENERAL,
    POLITICAL_ROLE,
    PROCESSING,
    SYSTEM_HEADS,
    TERMS,
    Term,
)
from .model import Model, default_model
from .native import HERE
from .normalise import Normalised, normalise
from .partners import GREETINGS, partner_sexes
from .person import (
    PLACE_ENDINGS_BYTES,
    POSSESSIVE_BYTES,
    a_body_introduces,
    about_a_person,
    denied_before,
    group_before,
    has_possessive,
    said_of_an_animal,
    strong_person,
    subject_left_out,
    words_before,
)
from .sentence import MARKS, clause_starts, ends_sentence
from .spelling import both_spellings, spelled_bytes, with_ascii_spellings

CATEGORIES: Final = (
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
CATEGORY_LABELS: Final = {
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
MAX_CHARS: Final = 50_000_000  # larger inputs are refused; callers split them (see scan_chunks)
# Day 01-31 and month 01-12 already in the pattern, so most other numbers never become
# candidates; the exact calendar date and the century are checked in Python.
CPR_PATTERN: Final = r"(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}[- ]?[0-9]{4}"
_CPR_RE: Final = re.compile(r"(\d{6})[- ]?(\d{4})")


class ScanError(ValueError):
    """Input the scanner will not take; the message is Danish."""


class Finding(NamedTuple):
    """One finding, in the caller's offsets. A named tuple: the scanner makes thousands
    per MB of citizens' mail, and a tuple is made in a fraction of a dataclass's time."""

    category: str
    start: int
    end: int
    rule: str
    confidence: float
    explanation: str
    excerpt: str  # the matched words; a CPR number masked

    def __repr__(self) -> str:  # never the excerpt: reprs end up in logs
        return (
            f"Finding(category={self.category!r}, start={self.start}, end={self.end}, "
            f"rule={self.rule!r}, confidence={self.confidence})"
        )

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


class _ShippedModel:
    """Scanner's default: the shipped model, read when a scanner is made."""


_SHIPPED: Final = _ShippedModel()


class Scanner:
    """A compiled rule set. Municipal terms and exceptions extend the default lexicon.

    (A plain class, not a dataclass: dataclasses imports inspect, about a tenth of a
    one-mail `borgerpost scan`'s start.)"""

    def __init__(
        self,
        extra_terms: tuple[Term, ...] = (),
        exceptions: tuple[str, ...] = (),
        # The learned second opinion after the rules (model.py); None only to test the
        # rules.
        model: Model | _ShippedModel | None = _SHIPPED,
    ) -> None:
        self.extra_terms = extra_terms
        self.exceptions = exceptions
        self.model: Model | None = default_model() if isinstance(model, _ShippedModel) else model
        self.terms = list(TERMS) + list(self.extra_terms)
        heads = frozenset(i for i, t in enumerate(self.terms, start=1) if t.head)
        spelled, expressions = _spelled(self.terms, heads)
        self.engine = best_engine([CPR_PATTERN, *spelled], heads, expressions)
        # Each term's expression is compiled when a candidate first needs it: compiling
        # them all takes longer than a one-mail `borgerpost scan` has (prepare() does it
        # ahead, for a server).
        self._spelled = spelled
        self._term_res: list[re.Pattern[str] | None] = [None] * len(spelled)
        self._exceptions = [e.casefold() for e in self.exceptions if e.strip()]
        # Each term's »unless after« words as Latin-1 bytes, to compare with the word
        # before a candidate without decoding it (a common health term has them).
        self._after_words = [spelled_bytes(t.unless_after_word) for t in self.terms]
        self._only_after_words = [spelled_bytes(t.only_after_word) for t in self.terms]
        self._unless_holding = [tuple(both_spellings(t.unless_holding)) for t in self.terms]
        # What makes a term something else when it follows, in both spellings too.
        self._unless_followed_by = [
            tuple(sorted(both_spellings(t.unless_followed_by))) for t in self.terms
        ]
        # The terms that can name a profession (»psykolog«) or a group of people
        # (»flygtninge«): the checks for those run only on their candidates.
        self._may_be_profession = [_names_any(t.pattern, _PROFESSION_NOUNS) for t in self.terms]
        self._may_be_a_group = [_names_any(t.pattern, _GROUP_NOUNS) for t in self.terms]
        self._may_be_an_aid = [_names_any(t.pattern, _AIDS) for t in self.terms]
        # (»[a-zæøå]+logisk«: a department, »neurologisk afdeling«)
        self._may_be_place = [
            _names_any(t.pattern, (*_CARE_PLACE_WORDS, "logisk")) for t in self.terms
        ]

    def prepare(self) -> None:
        """Compile every term's expression now (a server's warm-up before it forks)."""
        for index in range(len(self._term_res)):
            self._term_re(index)

    def _term_re(self, index: int) -> re.Pattern[str]:
        found = self._term_res[index]
        if found is None:
            found = self._term_res[index] = re.compile(self._spelled[index], re.IGNORECASE)
        return found

    def scan(self, text: str) -> list[Finding]:
        if not isinstance(text, str):
            raise ScanError("Teksten skal være en tekststreng.")
        if len(text) > MAX_CHARS:
            raise ScanError(
                f"Teksten er for stor til at blive scannet ({len(text):,} tegn; grænsen er "
                f"{MAX_CHARS:,}). Del den op."
            )
        norm = _in_lower_case_if_all_capitals(normalise(text))
        context = _Context(norm)
        findings = self._confirm(context, text, self.engine.candidates(norm.text, norm.data))
        if self.model is not None:
            findings.extend(self._opinions(self.model, context, text, findings))
        findings.sort(key=lambda f: (f.start, f.category))
        return findings

    def _opinions(
        self, model: Model, context: _Context, original: str, by_rules: list[Finding]
    ) -> list[Finding]:
        """The model's findings in categories the rules found nothing of: each marks the
        sentence that weighs most for its category. Not where that sentence holds a term
        of the category that the rules read as denied, as what may happen one day, as a
        condition for whoever it applies to or as said of someone unknown (»jeg er ikke
        medlem af nogen fagforening«, »hvis du modtager boligstøtte«): the model weighs
        words, not their order."""
        norm = context.norm
        findings: list[Finding] = []
        cprs = sorted((f for f in by_rules if f.category == "cpr"), key=lambda f: f.start)
        for opinion in model.opinions(norm.text, {f.category for f in by_rules}):
            sentence = norm.text[opinion.start : opinion.end].casefold()
            if any(e in sentence for e in self._exceptions):
                continue
            if any(
                category == opinion.category and opinion.start <= at < opinion.end
                for at, category in context.denied
            ):
                continue
            o_start, o_end = norm.original_span(opinion.start, opinion.end)
            label = CATEGORY_LABELS[opinion.category].lower()
            findings.append(
                Finding(
                    opinion.category,
                    o_start,
                    o_end,
                    f"model.{opinion.category}",
                    round(opinion.probability, 2),
                    f"Teksten ligner tekster med {label} om en bestemt person: ikke ét ord, "
                    "men ordene tilsammen (den mest sigende sætning er markeret).",
                    _masked(original, o_start, o_end, cprs),
                )
            )
        return findings

    def _confirm(
        self, context: _Context, original: str, candidates: list[Candidate]
    ) -> list[Finding]:
        norm = context.norm
        findings: list[Finding] = []
        reported: dict[str, int] = {}  # category: where its last finding ended
        confirmed: set[tuple[int, int]] = set()
        for pattern_id, start, end in candidates:
            # Candidates come by start, the longest first: when a long and a short
            # alternative of a term start at one word ("handlen falder", "handlen"), the
            # long one is the finding, and the word is confirmed once.
            key = (pattern_id, start)
            if key in confirmed:
                continue
            # A candidate inside a finding of its category already made would be dropped
            # below (a finding starts at its candidate or, for a compound, earlier): it is
            # not confirmed at all. Terms overlap often (»hospitalet« is a word and a head).
            # (Findings are in the caller's offsets: the candidate's start is mapped to them
            # where normalisation moved characters.)
            category = "cpr" if pattern_id == 0 else self.terms[pattern_id - 1].category
            last_end = reported.get(category, -1)
            if (
                last_end > 0
                and (start if norm.segments is None else norm.original_span(start, start + 1)[0])
                < last_end
            ):
                continue
            if pattern_id == 0:
                finding = self._cpr(norm, original, start, end)
            else:
                finding = self._term(context, original, pattern_id, start, end)
            if finding is None:
                continue
            confirmed.add(key)
            # A finding that overlaps an earlier one of the same category ("har ikke råd"
            # and "ikke råd til") is the same disclosure.
            if finding.start >= reported.get(finding.category, -1):
                reported[finding.category] = finding.end
                findings.append(finding)
        return findings

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
        self, context: _Context, original: str, pattern_id: int, start: int, stem_end: int
    ) -> Finding | None:
        term = self.terms[pattern_id - 1]
        text = context.text
        before = text[start - 1] if start else " "
        # The middle of another word. A compound's head may be, after a word of its own
        # (»lunge|kræft«), not after a prefix (»be|kræfte« is to confirm).
        if before.isalnum() and not (
            term.head and before.isalpha() and start - context.word_start(start) >= 3
        ):
            return None
        # The engine has matched the stem; the inflection follows.
        end = _WORD_REST.match(text, stem_end).end()  # type: ignore[union-attr]
        # The whole word must be the term with an inflection ("sort" is no "sorteringsanlæg").
        if self._term_re(pattern_id - 1).fullmatch(text, start, end) is None:
            return None
        # »medicinrummet«: a room, not a person's medicine. Only a head the term did not
        # match itself: »krisecenter« is a term of its own, where someone lives.
        if end - start > 6:
            head = text[stem_end:end].lower()
            if _SYSTEM_ENDINGS.end(head):
                return None
            # »en ny misbrugsrådgivning for unge«: a service named as such, not anyone's
            # use of it (»han går i misbrugsrådgivning«); »det nye demensplejehjem«
            named_as_such = (
                _A_SERVICE_BEFORE
                if head.endswith(_SERVICE_HEADS)
                else _NEW
                if head.endswith(_HOME_HEADS)
                else None
            )
            if (
                named_as_such is not None
                and _word_before(context.data[max(0, start - 30) : start]) in named_as_such
            ):
                return None
        # »sårbare gravide«: the plural names a group, unless said of someone (»vi er
        # gravide«)
        if (
            end - start == 7
            and term.category == "health"
            and text[start:end].lower() == "gravide"
            and _word_before(context.data[max(0, start - 30) : start]) not in _BEING_BYTES
        ):
            return None
        s_start, s_end = context.clause(*context.sentence(start, end), start)
        if context.asks_about_processing(s_start, s_end):
            return None
        if self._exceptions:
            sentence = text[s_start:s_end].casefold()
            if any(e in sentence for e in self._exceptions):
                return None
        data = context.data
        before_term = data[max(s_start, start - 60) : start]
        before_words = words_before(before_term)
        if group_before(before_words) or said_of_an_animal(before_words, data, start, end):
            if denied_before(before_words):
                context.denied.append((start, term.category))
            return None
        if a_body_introduces(before_words[-5:]) and not context.says_whose(start, end):
            return None  # »kommunen vil indføre ansigtsgenkendelse«, not »på min søn«
        # (the last word as written, a comma kept: »vi er to mænd, begge …«; taken once,
        # as most of the checks below read it)
        word_before = _word_before(before_term)
        if term.unless_after_word and word_before in self._after_words[pattern_id - 1]:
            return None
        if term.unless_holding and any(
            words in text[start:end].lower() for words in self._unless_holding[pattern_id - 1]
        ):
            return None
        if (
            term.only_after_word
            and not word_before.endswith(b",")
            and word_before not in self._only_after_words[pattern_id - 1]
        ):
            return None
        if term.category == "health" and context.carrier_before(s_start, start):
            return None
        may_be_place = self._may_be_place[pattern_id - 1]
        if may_be_place and term.category in _PLACES_OF_WORK and _at_work(before_term, text, start):
            return None
        if _a_profession(
            before_term, before_words, data, start, end, self._may_be_profession[pattern_id - 1]
        ) or (context.built_before(before_term, start, may_be_place)):
            return None  # »jeg arbejder selv som psykolog«, »bygge et nyt plejehjem«
        unless_followed_by = self._unless_followed_by[pattern_id - 1]
        if unless_followed_by and _following(text, end).startswith(unless_followed_by):
            return None
        if context.maybe_one_day(start - len(before_term), start) and (
            _IF_ONE_DAY.search(before_term)
            or (term.category != "criminal" and _FEARED.search(before_term))
        ):
            context.denied.append((start, term.category))
            return None
        if (
            term.category == "criminal"
            and b"ellers" in before_term
            and _OR_ELSE.search(before_term)
        ):
            context.denied.append((start, term.category))
            return None  # »ellers tager de mine penge«: a sanction threatened, no crime
        if (
            term.category == "social_economic"
            and text[start : start + 6].lower() == "bevilg"
            and context.granted_to_an_association()
        ):
            return None  # »Vi har bevilget 5.000 kr. … til foreningens konto«
        if (
            term.category == "social_economic"
            and text[start : start + 5].lower() == "skyld"
            and _OWED_BUT_NO_MONEY.match(_following(text, end)) is not None
        ):
            return None  # »I skylder borgerne en forklaring«: owed, but no money
        if (
            term.category == "criminal"
            and word_before in _AGAINST
            and not has_possessive(data[end : end + 40])
        ):
            return None  # »en nabohjælp-ordning mod indbrud«: what guards against a crime
        if (
            before_words
            and before_words[-1] in _CONTACT_ENDS
            and not _ADVISING.isdisjoint(before_words[-8:])
            and _ADVISED_TO_CONTACT.search(before_term) is not None
        ):
            return None  # »du kan altid kontakte Krisecenteret«: advice, not its use
        if term.category == "criminal" and not _FORCES_OF_NATURE.isdisjoint(before_words[-4:]):
            return None  # »Stormen smadrede vores drivhus«: no one did it
        if (
            term.category == "criminal"
            and word_before == b"for"
            and _PENALTY_FOR.search(before_term) is not None
            and not has_possessive(data[s_start:start])
        ):
            return None  # »straffen for hærværk er for lav«: the law's, no one's offence
        if term.category == "beliefs" and (
            POLITICAL_ROLE.search(text, s_start, s_end) or _an_office_or_event(data, start, end)
        ):
            return None
        if term.category == "property_deal":
            if _following(text, end).startswith(_SOME_DAY):
                # a sale one may make some day: »vi overvejer at sælge huset engang«
                context.denied.append((start, term.category))
                return None
            if _SOME_DAY_BEFORE.search(before_term) is not None:
                # »En dag vil jeg gerne købe et hus i Søby«
                context.denied.append((start, term.category))
                return None
            if _IF_WE.search(before_term) is not None:
                # a sale one may make: »hvis vi sælger vores hus om nogle år«
                context.denied.append((start, term.category))
                return None
            if context.signed_by_a_company() or _no_persons_property(text, start, end, before_term):
                return None
        if term.category in _A_BODYS_OWN and (
            context.said_as_a_body(s_start, s_end)
            or (
                context.addressed_to_a_body()
                and _ONE_PERSONS.isdisjoint(words_before(data[s_start:s_end]))
            )
            or (
                context.writer_holds_an_office()
                and _ONE_PERSONS.isdisjoint(
                    words_before(data[s_start : _to_comma(data, end, s_end)])
                )
            )
        ):
            return None  # »vi har ikke råd til det som forening«, »Kære forening. …«
        if (
            text[start].isupper()
            and term.category != "trade_union"
            and (
                word_before in _ORGANISATION_OPENINGS
                or _ORGANISATION_GENITIVE.match(text, end) is not None
                or _named_with_a_place(data, end)
            )
        ):
            # »Dansk Flygtningehjælp«, »Danske Handicaporganisationer«, »Kræftens Bekæmpelse«
            # (a union is itself such an organisation: »Danmarks Lærerforening«)
            return None
        if context.if_you(s_start, start) or context.someone_unknown(
            before_term, before_words, start, end
        ):
            context.denied.append((start, term.category))
            return None
        if (
            self._may_be_a_group[pattern_id - 1]
            and (data[start:end].translate(LOWER_LATIN1) in _GROUPS_OF_PEOPLE)
            and _word_before_a_group(before_words) in _FOR_A_GROUP
        ):
            return None  # »indsamlingen for flygtninge fra Ukraine«
        if self._may_be_a_group[pattern_id - 1] and (
            data[start:end].translate(LOWER_LATIN1) in _GROUPS_IN_THE_DEFINITE
        ):
            return None  # »at høre flygtningene selv fortælle«: the group, as one knows it
        if context.in_the_news(start, end):
            return None  # »jeg har læst i avisen, at politiet har anholdt tre mænd«
        if (
            term.category == "ethnic_origin"
            and _next_word(data, end) in _PEOPLE_AFTER
            and _word_before_a_group(before_words) in _FOR_PEOPLE
        ):
            return None  # »foreningen for somaliske kvinder«: a group named by its origin
        if (
            term.category == "health"
            and _word_before_a_group(before_words) in _FOR_A_GROUP
            and _people_after(data, end)
            and POSSESSIVE_BYTES.isdisjoint(before_words[-3:])
        ):
            return None  # »en gruppe for børn af psykisk syge forældre«: a group
        if (
            term.category == "ethnic_origin"
            and _next_word(data, end).translate(LOWER_LATIN1) in _STAFF_AFTER
            and word_before not in POSSESSIVE_BYTES
        ):
            return None  # »der mangler arabisktalende tolke«: staff wanted by a language
        if (
            end - stem_end > 6
            and text[stem_end:end].lower().endswith(_PEOPLE_IN_THE_PLURAL)
            and word_before not in _SAID_TO_BE
        ):
            return None  # »så kørestolsbrugere kan komme ind«
        if (
            self._may_be_an_aid[pattern_id - 1]
            and data[start:end].translate(LOWER_LATIN1) in _AIDS_IN_THE_PLURAL
            and POSSESSIVE_BYTES.isdisjoint(before_words[-2:])
        ):
            return None  # »plads til barnevogne og rollatorer« (not »vores to kørestole«)
        confidence = term.confidence
        if term.needs == "partner":
            owner, partner = partner_sexes(text, start, end, s_start)
            if partner is None or owner != partner:
                if owner is not None:
                    # a man's and a woman's: nor is the model asked about the sentence
                    # (its words of love and weddings are the same for any couple)
                    context.denied.append((start, term.category))
                return None
        if (
            term.needs == "sentence"
            and word_before not in _SUBJECT_PRONOUNS
            and not context.about_a_person(s_start, s_end)
            and not (
                _as_one_of_them(before_words, start - s_start, data[s_start:s_end])
                and context.sentence(start, end)[0] == s_start
            )
        ):
            # The person may be named in the sentence before ("Min far ... . Han har ...").
            if not context.person_in_sentence_before(s_start):
                return None
            confidence -= 0.1
        if term.head:
            start = context.word_start(start)  # the whole compound: »nøddeallergi«
        o_start, o_end = context.norm.original_span(start, end)
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


def _spelled(terms: list[Term], heads: frozenset[int]) -> tuple[list[str], list[bytes]]:
    """The terms' expressions in both spellings, and all patterns as Hyperscan compiles
    them, from this machine's cache where they were made before: spelling them took
    about 5 ms of every start, a twentieth of a one-mail `borgerpost scan`. Keyed by the
    terms and by the sources that spell them."""
    patterns = [t.pattern for t in terms]
    key = "\0".join([*patterns, ",".join(map(str, sorted(heads)))]).encode("utf-8", "replace")
    for source in ("spelling.py", "engine.py"):
        key += b"\0" + (HERE / source).read_bytes()

    def make() -> tuple[list[str], list[bytes]]:
        spelled = [with_ascii_spellings(p) for p in patterns]
        return spelled, hyperscan_expressions([CPR_PATTERN, *spelled], heads)

    def valid(found: object) -> bool:
        if not (isinstance(found, tuple) and len(found) == 2):
            return False
        spelled, expressions = found
        return (
            isinstance(spelled, list)
            and isinstance(expressions, list)
            and len(spelled) == len(patterns)
            and len(expressions) == len(patterns) + 1
            and all(isinstance(s, str) for s in spelled)
            and all(isinstance(e, bytes) for e in expressions)
        )

    spelled, expressions = kept("spelled", key, make, valid)
    return spelled, expressions


_NOT_LOWER_CASE: Final = bytes(code for code in range(256) if not chr(code).islower())


def _in_lower_case_if_all_capitals(norm: Normalised) -> Normalised:
    """A text written in capitals only (»MIN MOR HAR DEMENS. HUN BOR ALENE«) is read in
    lower case, as the cues read a phone's lower-case text: its capitals tell neither a
    name from a word nor where a sentence starts. Every Latin-1 letter lowers to one, so
    the offsets stay, and what is shown is taken from the original."""
    data = norm.data
    # bytes.isupper() (ASCII letters only, in C, with no copy) rules out almost every
    # text at once; the Danish lower-case letters are looked for after.
    if not data.isupper() or data.translate(None, _NOT_LOWER_CASE):
        return norm
    lowered = data.translate(LOWER_LATIN1)
    return Normalised(
        lowered.decode("latin-1"), norm.segments, norm.original_length, norm.starts, lowered
    )


def _masked(original: str, start: int, end: int, cprs: list[Finding]) -> str:
    """original[start:end] with every CPR number found in it masked: an excerpt is shown
    and printed, and a sentence the model marks may hold one."""
    shown, pos = [], start
    for cpr in cprs:  # by where they start
        if pos <= cpr.start and cpr.end <= end:
            shown += [original[pos : cpr.start], cpr.excerpt]
            pos = cpr.end
    return "".join([*shown, original[pos:end]])


# A CPR number after its label, a few characters apart: »CPR-nr.: 280772-1119«,
# »cpr.nr. 2309851122«, »personnummer er 0703491234«. Matched where a label's first
# letters were found by bytes.find() in the lower-cased text: the expression's case-blind
# alternatives searched through a whole mail cost more than the rest of the person cues.
_NAMED_CPR_LABELS: Final = (b"cpr", b"personn")
_NAMED_CPR: Final = re.compile(
    rb"(?:cpr|personnummer|personnr)[^0-9\n]{0,15}[0-3][0-9][01][0-9]{3}[- ]?[0-9]{4}\b"
)
_WORD_BYTES: Final = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _names_a_cpr_number(data: bytes) -> bool:
    low = data.lower()
    for label in _NAMED_CPR_LABELS:
        at = low.find(label)
        while at >= 0:
            # The word boundary before the label, as \b in a bytes expression has it.
            if (at == 0 or low[at - 1] not in _WORD_BYTES) and _NAMED_CPR.match(low, at):
                return True
            at = low.find(label, at + 1)
    return False


# A company form at the end of one of the last lines: a signature (»Holm Ejendomme ApS«,
# »Byg & Bo A/S«).
_COMPANY_SIGNATURE: Final = re.compile(
    rb"(?im)\b(?:aps|a/s|i/s|ivs|p/s|k/s|amba|a\.m\.b\.a\.)[ \t.]*$"
)


# The municipality or the state selling its own (»kommunen vil sælge grunden ved havnen«),
# or properties in the indefinite plural (»købe ejendomme i midtbyen«): no natural
# person's deal.
_PUBLIC_SELLER: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:kommunen|regionen|staten|byrådet|forsvaret)\s+(?:(?:vil|skal|kan|gerne|"
        r"ikke|nu|snart|måske|alligevel|også|endnu|først|"
        r"har tænkt sig at|ønsker at|overvejer at|planlægger at|har planer om at)\s+)*$"
    ).encode("latin-1")
)
_IF_WE: Final = re.compile(
    rb"(?i)\bhvis (?:jeg|vi|han|hun|de|man) (?:en dag |engang |nu |alligevel )?(?:skulle |vil )?$"
)
_INDEFINITE_PLURALS: Final = tuple(
    both_spellings(("huse", "grunde", "ejendomme", "lejligheder", "boliger", "gårde", "villaer"))
)
_SALE: Final = tuple(both_spellings(("sælg", "salg", "køb")))


def _no_persons_property(text: str, start: int, end: int, before_term: bytes) -> bool:
    if text[start:end].lower().endswith(_INDEFINITE_PLURALS):
        return True
    # The public body buying or selling: no person's deal, unless the property is someone's
    # own (»kommunen vil købe vores hus«).
    return (
        text[start : start + 5].lower().startswith(_SALE)
        and _PUBLIC_SELLER.search(before_term) is not None
        and not has_possessive(text[start:end].encode("latin-1", "replace"))
    )


# The first word of an organisation's name: »Dansk Flygtningehjælp«.
# A capitalised word after the term (»Den Eritreiske Forening«, »Psykiatrisk Center«).
_NEXT_WORD: Final = re.compile(rb" ([A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\xff]+)")


_SERVICE_HEADS: Final = ("rådgivning", "rådgivningen", "tilbud", "tilbuddet")
# A home of care named as a new place: »det nye demensplejehjem« (not »bor på et
# demensplejehjem«: someone's stay).
_HOME_HEADS: Final = ("plejehjem", "plejehjemmet", "plejecenter", "plejecentret")
_NEW: Final = spelled_bytes(NEW)
_A_SERVICE_BEFORE: Final = spelled_bytes(A_SERVICE_BEFORE)
_BEING_BYTES: Final = spelled_bytes(BEING)
# Staff in the plural, after a language or an origin (»arabisktalende tolke«).
_STAFF_AFTER: Final = spelled_bytes(
    ["tolke", "medarbejdere", "ansatte", "hjælpere", "lærere", "pædagoger", "personale",
     "sygeplejersker", "læger", "frivillige", "rådgivere", "sagsbehandlere"]
)  # fmt: skip


def _next_word(data: bytes, end: int) -> bytes:
    """The word after the term, one space after it (b"" where there is none)."""
    found = _NEXT_WORD.match(data, end)
    return found.group(1) if found is not None else b""


def _named_with_a_place(data: bytes, end: int) -> bool:
    """The term starts the name of a body or a place, whose last word says what it is."""
    word = _next_word(data, end)
    lowered = word.translate(LOWER_LATIN1)
    return lowered[:1] != word[:1] and lowered.endswith(PLACE_ENDINGS_BYTES)


_ORGANISATION_OPENINGS: Final = frozenset([b"dansk", b"danske", b"danmarks", b"landsforeningen"])
# A capitalised genitive before a capitalised word, inside a sentence: an organisation's
# name (»Kræftens Bekæmpelse«, »Hjertets Hus«), not a person's illness.
_ORGANISATION_GENITIVE: Final = re.compile(r"(?<=s) [A-ZÆØÅ][a-zæøåéü]")


# Information for whoever it applies to, as the administration and council members write
# it: a condition with »du« (»Hvis du modtager kontanthjælp, kan du ...«, »Er du på
# førtidspension, kan du have ret til boligydelse«, a question »Har du gæld?«), or what
# »du« may get or apply for (»Du kan få hjælp til medicin«). Not »da du modtager
# kontanthjælp« (since: a fact), nor »du kan ikke få« (a refusal).
_IF_YOU: Final = re.compile(
    with_ascii_spellings(
        # (not past »din«: »hvis du har spørgsmål til din sag om kontanthjælp« is yours)
        r"(?i)(?:\bhvis du\b(?:(?!\b(?:din|dit|dine)\b)[^,.!?\n]){0,50}|"
        r"\b(?:du kan|kan du|du vil kunne|vil du kunne) (?:få|søge|søge om|ansøge om|"
        r"have ret til)\b[^,.!?\n]{0,30}|"
        r"\b(?:du har|har du) ret til\b[^,.!?\n]{0,30})$"
    )
)
# A sentence that opens with a verb and »du«: a condition (»Er du på førtidspension, kan
# du ...«) or a question (»Har du gæld?«).
_YOU_FIRST: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\W*(?:er|har|får|modtager|bliver|skylder|mangler|søger) du\b"
        r"(?:(?!\b(?:din|dit|dine)\b)[^,.!?\n]){0,40}"
    )
)


# People as a group, in the indefinite plural, after a preposition: those one collects
# for, works with or speaks of (»indsamlingen for flygtninge«, »tilbud til hjemløse«);
# or as whom one gets into work (»at få ledige i job«). Not after »er« or »som«: »vi er
# flygtninge«, »vi kom som flygtninge«.
_FOR_A_GROUP: Final = spelled_bytes(
    ["for", "til", "blandt", "med", "af", "om", "mod", "imod", "hos", "få"]
)
_GROUP_NOUNS: Final = (
    "flygtninge", "indvandrere", "efterkommere", "asylansøgere", "hjemløse", "misbrugere",
    "handicappede", "udviklingshæmmede", "demente", "kontanthjælpsmodtagere", "ledige",
    "arbejdsløse", "indsatte", "kriminelle", "muslimer", "jøder", "kristne", "homoseksuelle",
    "transkønnede", "bøsser", "lesbiske",
)  # fmt: skip
_GROUPS_OF_PEOPLE: Final = spelled_bytes(_GROUP_NOUNS)
# The same in the definite plural (»flygtningene«, »indvandrerne«, »muslimerne«).
_GROUPS_IN_THE_DEFINITE: Final = spelled_bytes(f"{noun}ne" for noun in _GROUP_NOUNS)
# For whom, before people named by their origin (not »af tyrkiske forældre«: whose child).
_FOR_PEOPLE: Final = frozenset([b"for", b"til", b"blandt"])
# People in the plural after an origin (»somaliske kvinder«, »polske familier«).
_PEOPLE_AFTER: Final = spelled_bytes(
    PEOPLE_IN_GENERAL
    | {"kvinder", "mænd", "forældre", "mødre", "fædre", "indvandrere", "flygtninge"}
)


def _an_office_or_event(data: bytes, start: int, end: int) -> bool:
    """A parish's priest holds an office of the national church, as the labelled texts
    read it (»min far er præst i Vester Sogn«; not »præst i frikirken«, a faith chosen);
    a service held is an event, not anyone's faith (»holde en gudstjeneste for de nye
    borgere«)."""
    word = data[start:end].translate(LOWER_LATIN1)
    if word.endswith(b"pr\xe6st"):
        return _PARISH.match(data, end) is not None
    if word.startswith(b"gudstjeneste"):
        before = data[max(0, start - 30) : start].translate(LOWER_WORDS).split()
        return not _HOLDING.isdisjoint(before[-3:])
    return False


# »i Vester Sogn«, »i Sankt Nikolaj Kirke«, »i Domkirken«, »ved Vor Frue Kirke«
_PARISH: Final = re.compile(
    rb"\s+(?:i|ved)\s+(?:(?:[A-Z\xc6\xd8\xc5][a-z\xe6\xf8\xe5]+\s+){1,3}(?:[Ss]ogn|[Kk]irke)\b|"
    rb"[Dd]omkirken\b|(?:[a-z\xe6\xf8\xe5]+\s+)?[Ss]ogn\b)"
)
_HOLDING: Final = spelled_bytes(
    ["holde", "holder", "holdt", "afholde", "afholder", "afholdt", "arrangere", "arrangerer",
     "invitere", "inviterer", "inviterede"]
)  # fmt: skip


def _people_after(data: bytes, end: int) -> bool:
    """People in the plural right after a term, or after the adjective it opens:
    »demente borgere«, »psykisk syge forældre«."""
    following = _next_word(data, end)
    if following in _PEOPLE_AFTER:
        return True
    return following in _ILL and _next_word(data, end + 1 + len(following)) in _PEOPLE_AFTER


_ILL: Final = spelled_bytes(["syge", "udviklingshæmmede", "handicappede"])


def _word_before_a_group(before_words: list[bytes]) -> bytes:
    """The word before a group and the groups joined to it: »for« in »for flygtninge og
    indvandrere«, as it is for »flygtninge«."""
    i = len(before_words)
    while i >= 2 and before_words[i - 1] in _JOINING and before_words[i - 2] in _GROUPS_OF_PEOPLE:
        i -= 2
    return before_words[i - 1] if i else b""


_JOINING: Final = spelled_bytes(["og", "eller", "samt"])


# A compound whose head is people in the plural names a group (»kørestolsbrugere«,
# »kræftpatienterne«) unless said to be one (»vi er begge kørestolsbrugere«).
_PEOPLE_IN_THE_PLURAL: Final = tuple(
    sorted(both_spellings(["brugere", "brugerne", "patienter", "patienterne"]))
)
_SAID_TO_BE: Final = spelled_bytes([*BEING, "som", "vi", "os", "begge"])
# Aids for walking in the plural, no one's: things in general (hearing aids, a pair, are
# one person's too).
_AIDS: Final = ("rollator", "kørestol")
_AIDS_IN_THE_PLURAL: Final = spelled_bytes(
    ["rollatorer", "rollatorerne", "kørestole", "kørestolene"]
)


_SOMEONE_NOUNS: Final = (
    "mand", "kvinde", "dreng", "pige", "person", "borger", "fyr", "herre", "dame",
    "patient", "beboer", "ansat", "medarbejder", "bilist", "cyklist", "fodgænger",
)  # fmt: skip


# Someone unknown as the subject, as the news tells it: »at en mand er blevet dømt for
# vold«, »en ung kvinde blev anholdt«. Not when someone's own follows or comes before:
# »en mand har truet min datter«.
_SOMEONE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)(?:^|[,:;]|\bat|\bhvor|\bda)\s+(?:en|et)\s+(?:(?:ung|ældre|anden|midaldrende|"
        r"yngre)\s+)?(?:" + "|".join(_SOMEONE_NOUNS) + r")\b[^,.!?\n]*$"
    ).encode("latin-1")
)
_ONES_OWN: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:min|mit|mine|din|dit|dine|hans|hendes|vores|deres|jeres|sin|sit|sine|"
        r"mig|os|ham|hende|dem)\b"
    ).encode("latin-1")
)


# The administration's letter: a heading (the authority, the subject) and then, within the
# first lines, a salutation with a person's first name and surname (»Aalborg Kommune /
# Jobcenter – Sygedagpenge / Kære Henriette Mølgaard«). An inquiry or a reply opens with
# its salutation instead; »Kære borger« names no one.
_FULL_NAME_SALUTATION: Final = re.compile(
    "\n[ \t]*(?:Kære|Kaere|Til) [A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)? "
    "(?:[A-ZÆØÅ]\\. )?[A-ZÆØÅ][a-zæøåéü]+(?:,|[ \t]*\n)".encode("latin-1")
)
# Whole first words (»Hillerød Kommune« is a heading, not »hi«).
_OPENINGS: Final = spelled_bytes((*GREETINGS, "kæreste", "til"))


def _a_letter_to_one_person(data: bytes) -> bool:
    if b"videresendt" in data[:200].lower():
        return False
    # A greeting by full name, then a letter's heading: »Kære Kim Larsen / Varsel om
    # nedsættelse af kontanthjælp«, as the administration writes to the one person it
    # decides for; quoted in a reply too (»> Kære Kim Larsen«).
    if _LETTER_HEADING.search(data, 0, 600) is not None:
        return True
    # Otherwise a greeting first is a mail's (»Kære Anne Hansen« to a council member).
    first_words = data[:40].lower().replace(b",", b" ").split(None, 1)
    if first_words and first_words[0] in _OPENINGS:
        return False
    return _FULL_NAME_SALUTATION.search(data, 0, 400) is not None


# (Not »Vedr.«: a citizen heads a mail to a council member so too.)
_LETTER_HEADING: Final = re.compile(
    with_ascii_spellings(
        r"(?:^|\n)[ \t>]*(?:Kære|Til) [A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)? "
        r"(?:[A-ZÆØÅ]\. )?[A-ZÆØÅ][a-zæøåéü]+[ \t]*\n(?:[ \t>]*\n)*[ \t>]*(?i:afgørelse|"
        r"varsel|bevilling|afslag|orientering|partshøring|indkaldelse|påbud|meddelelse|"
        r"opkrævning|tilbagebetaling|bekræftelse|din ansøgning)\b"
    ).encode("latin-1")
)


# A place of care as someone's workplace is no health information, nor a prison a crime:
# »min leder på plejehjemmet«, »min stilling i hjemmesygeplejen«, »arbejder på
# akutmodtagelsen«; a hospital's departments too, by their place or their speciality
# (»neurologisk afdeling«).
_CARE_PLACE_WORDS: Final = (
    "plejehjem", "plejecent", "hospital", "sygehus", "hjemmepleje", "hjemmesygepleje",
    "hospice", "skadestue", "akutmodtag", "lægevagt", "psykiatri", "børnepsykiatri",
    "ungdomspsykiatri",
    # a prison too: »min mand arbejder på fængslet i Horserød«
    "fængsel", "fængslet", "arresthus", "kriminalforsorg",
    # and where asylum seekers live: »der skal bygges et nyt asylcenter«
    "asylcent",
    # and places of social help: »jeg er frivillig på herberget«
    "herberg", "forsorgshjem", "krisecent", "værested",
)  # fmt: skip
_CARE_PLACE: Final = re.compile(
    with_ascii_spellings("(" + "|".join(_CARE_PLACE_WORDS) + "|[a-zæøå]+logisk)"),
    re.IGNORECASE,
)
# Where an association's money goes (in lower case: _Context._low).
_AN_ASSOCIATIONS_MONEY: Final = spelled_bytes(
    ["til foreningens", "til klubbens", "foreningens konto", "klubbens konto"]
)
_PLACES_OF_WORK: Final = frozenset(["health", "criminal", "ethnic_origin", "social_economic"])
_WORK_BEFORE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(arbejde[rt]?|arbejdede|ansat|ansatte|leder|lederen|chef|chefen|kolleg[a-z]*|"
        # a watch, the staff's representative and the caring professions named by a
        # compound's head (»nattevagt«, »tillidsrepræsentant«, »ergoterapeut«,
        # »sundhedsassistent«, »plejehjælper«), under one »[a-z]*«: one each backtracked
        # over every word before a place of care, most of the search's time
        r"[a-z]*(?:vagt[a-z]*|repræsentant(?:en)?|terapeut|assistent|hjælper)|"
        r"vikar[a-z]*|job|jobbet|stilling|stillingen|praktik[a-z]*|"
        # a pupil in training there, or places for them: »elevpladser på plejehjemmene«
        r"elev|elevplads[a-z]*|"
        # its offices: »hun kan skrive til HR på sygehuset«
        r"hr|ledelsen|administrationen|receptionen|kantinen|direktionen|"
        # one who speaks for the staff there: »tillidsmand på plejehjemmet«
        r"tillidsmand(?:en)?|"
        # one who helps there unpaid: »vil gerne være frivillig på plejehjemmet«
        r"frivillig|frivillige|"
        # an event held there: »julegudstjeneste på plejehjemmet«, »en café på plejehjemmet«
        # (»café«: in bytes, no word boundary follows »é«)
        r"gudstjeneste|julegudstjeneste|koncert|cafe|caf(?=é)|fest|julefest|sommerfest|"
        r"arrangement|foredrag|banko|"
        r"loppemarked|åbent hus|"
        # one's job there lost: »fyret fra plejehjemmet efter 14 år«
        r"fyret|opsagt|afskediget|bortvist|"
        # the caring professions themselves: »min mor er sygeplejerske på hospitalet«
        r"sygeplejersker?|læge|portør|jordemoder|sosu[a-z-]*|"
        r"pædagog|sekretær|rengøring[a-z]*|"
        # its staff: »hvor presset personalet på sygehuset er«
        r"personalet?|medarbejdere|medarbejderne|lægerne|sygeplejerskerne)\b"
        r"[^.!?\n]{0,30}$"
    ).encode("latin-1")
)


# A need one may have one day is no disclosure of a need now: »bange (bekymret, nervøs)
# for at skulle på plejehjem«, »hvis jeg skal have hjemmehjælp«, »hvis jeg får brug for en
# rollator«; nor is a fear of what may become of one: »bange for at blive fyret«. (»Bange
# for at miste min SU« still tells that one has it.)
_IF_ONE_DAY: Final = re.compile(
    with_ascii_spellings(
        # (the one it may happen to: »hvis min mor en dag skal på plejehjem«)
        r"(?i)\b(?:hvis (?:jeg|vi|han|hun|de|(?:min|mit|mine|hans|hendes|vores|deres) [a-zæøå]+) "
        r"(?:en dag |engang |på et tidspunkt )?(?:skal|skulle|får brug for|fik brug for|bliver)|"
        r"(?:bange|bekymret|nervøs|utryg|ængstelig) for at (?:skulle|få brug for|komme|"
        r"blive)|"
        r"frygter (?:for )?at (?:skulle|få brug for|komme|blive))\b[^.!?\n,]{0,20}$"
    ).encode("latin-1")
)


# »ellers tager de mine penge«, »ellers de tager …« (as a second language writes it): what
# a body will do otherwise, said just before the term.
_OR_ELSE: Final = re.compile(rb"(?i)\bellers\s+(?:[a-z\xe6\xf8\xe5]+\s+){0,2}$")


def _word_before(before_term: bytes) -> bytes:
    """The last word before the term, lower-cased (Danish letters too), as bytes."""
    words = before_term.rsplit(None, 1)
    return words[-1].translate(LOWER_LATIN1) if words else b""


def _following(text: str, end: int) -> str:
    """What follows the term on its line, from the next word or mark, lower-cased."""
    return text[end : end + 40].lstrip(" \t").lower()


# What one works as or trains for names a profession, not something about oneself:
# »jeg arbejder selv som psykolog«, »ansat som sagsbehandler«, »uddannet til jordemoder«.
_PROFESSION_BEFORE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:arbejder|arbejdede|arbejdet|ansat|ansættes|job|jobbet|stilling|stillingen|"
        r"vikar|vikarierer|praktik|uddannet|uddannelse|uddannelsen|uddanner (?:mig|sig)|"
        r"læser|læse|studerer|studere|færdig|færdiguddannet)\s+(?:[a-zæøå]+\s+){0,2}(?:som|til)\s+"
        r"(?:en\s+|et\s+)?$"
    ).encode("latin-1")
)


# A place built, closed or opened is a building, not a stay in it: »kommunen skal bygge
# et nyt plejehjem«, »lukke krisecentret«, »åbne et nyt hospice«.
_BUILDING_BEFORE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:bygge|bygger|bygget|opføre|opfører|lukke|lukker|lukket|renovere|renoverer|"
        r"udvide|udvider|nedlægge|nedlægger|åbne|åbner|åbnet|åbnes|"
        # the same in the passive: »der skal bygges et nyt asylcenter«
        r"bygges|opføres|lukkes|renoveres|udvides|nedlægges|"
        # a place or an offer founded: »kommunen har oprettet en fødevarebank« (not
        # »starte«: one starts a treatment too)
        r"oprette|opretter|oprettet)\s+"
        r"(?:(?:et|en|det|den|de|flere|nye|nyt|ny|[a-zæøå]+iske?|"
        r"gamle|store|lille|eget|egne)\s+){0,2}$"
    ).encode("latin-1")
)
# A place of care (or a prison) that is, is no longer or will be there (»der ikke længere
# er en psykiatrisk skadestue i byen«, »der kommer et nyt hospice«), or is sold: the
# place, not a stay.
# (Not any term: »der kommer en psykolog hjem til min søn« is his.)
_THERE_IS_BEFORE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:der (?:ikke )?(?:længere )?(?:er|findes|kommer)|"
        # one bought or sold: »staten vil sælge fængslet i Horsens«
        r"sælge|sælger|sælges|solgt|købe|køber|købes|købt)\s+"
        r"(?:(?:et|en|nye|nyt|ny|[a-zæøå]+iske?|store|lille)\s+){0,2}$"
    ).encode("latin-1")
)


def _as_one_of_them(before_words: list[bytes], offset: int, sentence: bytes) -> bool:
    """A sentence that opens with »som« and what one is, the term: »Som ung bøsse i en
    lille by betyder det noget«, »Som kristen synes jeg …«. Danish opens so with the one
    the sentence tells of, the writer where no one else is named; not of anyone (»som
    muslim kan man …«). (Not a relative clause, »…, som har diabetes«: the caller checks
    that the sentence starts here.)"""
    return (
        offset <= 60
        and 1 <= len(before_words) <= 3
        and before_words[0] == b"som"
        and b"man" not in sentence.translate(LOWER_WORDS).split()
    )


def _a_profession(
    before_term: bytes,
    before_words: list[bytes],
    data: bytes,
    start: int,
    end: int,
    may_be_profession: bool,
) -> bool:
    tail = before_term[-8:]
    if (b"som" in tail or b"til" in tail) and _PROFESSION_BEFORE.search(before_term) is not None:
        return True
    if not may_be_profession:
        return False
    term = data[start:end].translate(LOWER_LATIN1)
    if _staff_wanted(before_words, term):
        return True
    if (
        term in _PROFESSIONS
        and (not before_words or before_term.rstrip().endswith(b":"))
        and _next_word(data, end) in _CALLING
    ):
        return True  # »Telefonnotat: Ejendomsmægler ringede …«: the caller's trade
    if before_words == [b"som"] and term in _PROFESSIONS:
        return True  # »Som socialrådgiver møder jeg mange familier«: in one's trade
    # A profession as the predicate, a bare noun after »er« (»min mand er psykolog i
    # PPR«, »hun blev uddannet fysioterapeut«): Danish names what one is by trade without
    # an article; going to one takes a preposition (»går til psykolog«).
    return (
        _before_adverbs(before_words) in _BEFORE_A_PROFESSION
        and data[start:end].translate(LOWER_LATIN1) in _PROFESSIONS
    )


def _before_adverbs(before_words: list[bytes]) -> bytes:
    """The word before the term and the adverbs just before it: »er« in »jeg er selv
    psykolog«, »hun er også sygeplejerske«, »min mand er nemlig psykiater«."""
    i = len(before_words)
    while i and before_words[i - 1] in _ADVERBS_IN_A_PREDICATE:
        i -= 1
    return before_words[i - 1] if i else b""


_ADVERBS_IN_A_PREDICATE: Final = spelled_bytes(
    ["selv", "også", "nemlig", "faktisk", "jo", "egentlig", "stadig", "nu"]
)


_PROFESSION_NOUNS: Final = (
    "psykolog", "psykiater", "terapeut", "psykoterapeut", "fysioterapeut", "ergoterapeut",
    "kiropraktor", "sexolog", "misbrugsbehandler", "misbrugskonsulent", "forsvarer",
    "fængselsbetjent", "socialrådgiver", "hjemmesygeplejerske", "ejendomsmægler",
    "forsvarsadvokat",
)  # fmt: skip
_PROFESSIONS: Final = spelled_bytes(
    [f"{noun}{ending}" for noun in _PROFESSION_NOUNS for ending in ("", "er", "e")]
)
# What the one a telephone note is about did: a bare noun before it is the caller's trade.
_CALLING: Final = spelled_bytes(
    ["ringede", "ringer", "skrev", "skriver", "henvendte", "henvender", "mødte", "kom"]
)


def _names_any(pattern: str, nouns: tuple[str, ...]) -> bool:
    """Does a term's expression hold one of the nouns (or its stem, the last letter off)?"""
    return any(noun[:-1] in pattern for noun in nouns)


def _staff_wanted(before_words: list[bytes], term: bytes) -> bool:
    """Professionals in the plural whom a place lacks or hires are its staff, no one's
    care: »vi mangler psykologer«, »vi mangler både AKT-lærere og psykologer«, »at
    ansætte flere fysioterapeuter« (not »min søn mangler sin psykolog«)."""
    if term not in _PROFESSIONS_IN_THE_PLURAL:
        return False
    last = before_words[-5:]
    for i in range(len(last) - 1, -1, -1):
        if last[i] in _STAFFING:
            return _NOT_STAFF.isdisjoint(last[i + 1 :])
    return False


_PROFESSIONS_IN_THE_PLURAL: Final = spelled_bytes(
    [f"{noun}{ending}" for noun in _PROFESSION_NOUNS for ending in ("er", "e", "erne", "ne")]
)
_STAFFING: Final = spelled_bytes(
    ["mangler", "mangle", "manglede", "manglet", "ansætte", "ansætter", "ansat", "ansatte",
     "ansættes", "rekruttere", "rekrutterer", "uddanne", "uddanner", "flere", "færre"]
)  # fmt: skip
# What makes the professionals someone's own: »mangler sin psykolog«, »hos psykologerne«.
_NOT_STAFF: Final = spelled_bytes(
    ["min", "mit", "mine", "din", "dine", "hans", "hendes", "sin", "sit", "sine", "vores",
     "deres", "jeres", "til", "hos", "ved"]
)  # fmt: skip


_BEFORE_A_PROFESSION: Final = spelled_bytes([*BEING, "blevet", "blive", "uddannet"])


def _at_work(before_term: bytes, text: str, start: int) -> bool:
    if _CARE_PLACE.match(text, start) is None:
        return False
    # A place of care as where something is (»parkeringen ved sygehuset«, »foran
    # hospitalet«): no one's stay in it.
    return (
        _word_before(before_term) in _NEAR
        or before_term[-24:].translate(LOWER_LATIN1).rstrip().endswith(_NEAR_PHRASES)
        or _WORK_BEFORE.search(before_term) is not None
    ) and _SOMEONE_STAYS_THERE.match(text, start, start + 60) is None


# The place then named as where someone lives or is treated: »en café på plejehjemmet,
# hvor min mor bor«.
_SOMEONE_STAYS_THERE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\w+,? (?:hvor|som|der) (?:min|mit|mine|hans|hendes|vores|deres|din|dit|sin|sit|"
        r"jeres) (?:[a-zæøå]+ ){1,2}(?:bor|boede|har boet|ligger|lå|er indlagt|blev indlagt|"
        r"er anbragt|sidder)\b"
    )
)


_AGAINST: Final = frozenset([b"mod", b"imod"])
# A place of help named as one someone may turn to, not one they use: »du kan altid
# kontakte Krisecenteret«, »I bør ringe til Headspace« (not »har kontaktet«).
_ADVISED_TO_CONTACT: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:kan|kunne|bør|burde|skal|må)\s+(?:du\s+|i\s+|man\s+|hun\s+|han\s+)?"
        r"(?:altid\s+|også\s+|gerne\s+|evt\.?\s+|eventuelt\s+)?(?:kontakte|ringe til|skrive til|"
        r"henvende (?:dig|jer|sig) til|tage kontakt til|søge hjælp (?:hos|på|i))\s+"
        r"(?:en |et |den |det )?$"
    ).encode("latin-1")
)
# A term right after one of these is what that person does or is: »Han afsoner en dom«
# (a verb of any kind, where the pronouns' own cues know only the commonest). Not »vi«,
# which a body says too: »Vi overvejer at købe en ny bus til dagcentret«.
_SUBJECT_PRONOUNS: Final = frozenset([b"jeg", b"han", b"hun", b"Jeg", b"Han", b"Hun"])
# The words such advice ends and begins with, looked up before its expression, which
# tries at every byte of what stands before a term.
_CONTACT_ENDS: Final = spelled_bytes(
    ["kontakte", "til", "hos", "på", "i", "en", "et", "den", "det"]
)
_ADVISING: Final = spelled_bytes(["kan", "kunne", "bør", "burde", "skal", "må"])
# What breaks things without anyone doing it (an offence needs someone who did it).
_FORCES_OF_NATURE: Final = spelled_bytes(
    ["stormen", "storm", "vinden", "blæsten", "orkanen", "uvejret", "skybruddet", "lynet",
     "haglen", "træet", "grenen", "vandet", "oversvømmelsen", "isen", "sneen", "frosten",
     "regnen"]
)  # fmt: skip
_PENALTY_FOR: Final = re.compile(
    rb"(?i)\b(?:straf|straffen|straffe|straffene|strafferammen|strafferammer|strafferammerne)"
    rb"\s+for\s*$"
)
# What one owes that is no money: an explanation, an apology, thanks, a favour.
_OWED_BUT_NO_MONEY: Final = re.compile(
    r"(?:[^\W\d_]+ ){0,3}(?:en forklaring|et svar|en undskyldning|en (?:stor )?tak|tak\b|"
    r"respekt|en tjeneste|en chance)"
)
_SOME_DAY: Final = (
    "engang", "en dag", "en skønne dag", "på et tidspunkt", "om nogle år", "om et par år",
    "om mange år", "senere hen", "i fremtiden",
)  # fmt: skip
# The same days said first, then a wish, just before a purchase or a sale: »En dag vil jeg
# gerne købe …«, »på sigt vil vi sælge …«.
_SOME_DAY_BEFORE: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:" + "|".join((*_SOME_DAY, "på sigt")) + r") (?:vil|skal|håber|drømmer) "
        r"(?:jeg|vi|han|hun|de)(?: gerne| selv)?(?: om)?(?: at)? $"
    ).encode("latin-1")
)
_NEAR: Final = spelled_bytes(
    ["ved", "foran", "bag", "bagved", "overfor", "nær", "forbi", "omkring", "langs"]
)
# The same in two or more words: »jeg bor tæt på krisecentret«.
_NEAR_PHRASES: Final = tuple(
    spelled_bytes(["tæt på", "lige ved", "ved siden af", "i nærheden af", "over for"])
)


class _Context:
    """What the candidates of one text share: its sentences and their person cues, each
    worked out once however many candidates a sentence holds."""

    def __init__(self, norm: Normalised) -> None:
        self.norm = norm
        self.text = norm.text
        self.data = norm.data
        self._marks: bytes | None = None
        # The last sentence found that ends of sentences close on both sides, with none
        # inside it; (1, 0) holds nothing.
        self._last_sentence = (1, 0)
        self._about: dict[int, bool] = {}
        self._as_a_body: dict[int, bool] = {}
        self._clause_starts: dict[int, list[int]] = {}
        self._processing: dict[int, bool] = {}
        self._of_one_person: bool | None = None
        self._lowered: bytes | None = None
        self._company: bool | None = None
        self._to_a_body: bool | None = None
        self._office: bool | None = None
        self._news: list[tuple[int, int]] | None = None
        # Where a term was read as denied, as what may happen one day, as a condition
        # for whoever it applies to, or as said of someone unknown, and its category: the
        # model is not asked about that sentence (Scanner._opinions).
        self.denied: list[tuple[int, str]] = []

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end), at most 300 characters each way."""
        s_start, s_end = self._last_sentence
        # Candidates come in order, and most share a sentence with the one before: the
        # sentence found last holds this one too when it lies inside it, no end of a
        # sentence lies inside it, and the 300-character windows are not reached.
        if s_start <= start and end <= s_end and start - 300 < s_start and s_end < end + 300:
            return s_start, s_end
        return self._find_sentence(start, end)

    def _find_sentence(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        if self._marks is None:
            # Every ».«, »!«, »?« and newline as one byte value, so that one find() in C
            # reaches the next possible end however far it is; only those are checked.
            self._marks = self.data.translate(MARKS)
        marks = self._marks
        lo, hi = max(0, start - 300), min(len(text), end + 300)
        s_start, s_end, closed = lo, hi, 0
        i = start
        while (i := marks.rfind(b"\0", lo, i)) >= 0:
            if ends_sentence(text, i):
                s_start, closed = i + 1, 1
                break
        i = end
        while (i := marks.find(b"\0", i, hi)) >= 0:
            if ends_sentence(text, i):
                s_end, closed = i, closed + 1
                break
            i += 1
        if closed == 2 and marks.find(b"\0", start, end) < 0:
            self._last_sentence = (s_start, s_end)
        return s_start, s_end

    def clause(self, s_start: int, s_end: int, position: int) -> tuple[int, int]:
        """The main clause of the sentence [s_start, s_end) that holds `position`: the
        sentence itself unless it runs on without commas (sentence.clause_starts)."""
        starts = self._clause_starts.get(s_start)
        if starts is None:
            starts = self._clause_starts[s_start] = clause_starts(self.data, s_start, s_end)
        for cut in starts:
            if cut > position:
                return s_start, cut
            s_start = cut
        return s_start, s_end

    def about_a_person(self, s_start: int, s_end: int) -> bool:
        found = self._about.get(s_start)
        if found is None:
            found = self._about[s_start] = (
                about_a_person(self.data[s_start:s_end])
                or self.of_one_person()
                or self._subject_left_out(s_start, s_end)
            )
        return found

    def _subject_left_out(self, s_start: int, s_end: int) -> bool:
        """A sentence, not a later clause of one, without its subject, that asks nothing
        (person.subject_left_out)."""
        first, last = self.sentence(s_start, s_end)
        return (
            first == s_start
            and self.text[last : last + 1] != "?"
            and subject_left_out(self.data[s_start:s_end])
        )

    def of_one_person(self) -> bool:
        """A text that names a person's CPR number (»CPR-nr.: 280772-1119«, »min mors
        personnummer er …«) is about that person throughout: a letter's »Kommunen
        bevilger dækning af merudgifter til medicin« is their medicine. So is the
        administration's letter to one named person, under its heading."""
        if self._of_one_person is None:
            self._of_one_person = _names_a_cpr_number(self.data) or _a_letter_to_one_person(
                self.data
            )
        return self._of_one_person

    def said_as_a_body(self, s_start: int, s_end: int) -> bool:
        """The sentence's »vi« are a body speaking of its own: »som forening«, »som
        bestyrelse«. Looked for once per sentence, as the person cues are."""
        found = self._as_a_body.get(s_start)
        if found is None:
            # (the words every reading holds, looked for in C before the expression, which
            # tries at every byte)
            found = self._as_a_body[s_start] = (
                self._has_any(_AS_A_BODY_PIECES, s_start, s_end)
                and _AS_A_BODY.search(self.data, s_start, s_end) is not None
            )
        return found

    def says_whose(self, start: int, end: int) -> bool:
        """The sentence names someone's own (»min søns ansigt«, »hendes«)."""
        s_start, s_end = self.sentence(start, end)
        return has_possessive(self.data[s_start:s_end])

    def addressed_to_a_body(self) -> bool:
        """A letter that opens to a body (»Kære forening«, »Til bestyrelsen«): its »I« and
        »jeres« are the body's, and so are the grants and sums it tells of."""
        if self._to_a_body is None:
            self._to_a_body = _TO_A_BODY.match(self.data) is not None
        return self._to_a_body

    def writer_holds_an_office(self) -> bool:
        """The writer tells of an office in a body (»Jeg er kasserer i Fodboldklubben«):
        a later »vi« with no one's own beside it is the body's, as in the sentence that
        tells it (said_as_a_body)."""
        if self._office is None:
            low = self._low()
            self._office = any(piece in low for piece in _OFFICE_PIECES[0]) and any(
                found.start() == 0 or not low[found.start() - 1 : found.start()].isalpha()
                for found in _WRITERS_OFFICE.finditer(low)
            )
        return self._office

    def signed_by_a_company(self) -> bool:
        """A text that ends with a company's name (»Mvh Holm Ejendomme ApS«) is a
        business's: its property deals are no natural person's."""
        if self._company is None:
            tail = max(0, len(self.data) - 160)
            self._company = _COMPANY_SIGNATURE.search(self.data, tail) is not None
        return self._company

    def granted_to_an_association(self) -> bool:
        """A text that says money goes to an association's account or activity (»Beløbet
        udbetales til foreningens konto«, »tilskud til klubbens sommerlejr«): a sum
        granted in it is the association's, not anyone's means."""
        low = self._low()
        return any(words in low for words in _AN_ASSOCIATIONS_MONEY)

    def _low(self) -> bytes:
        if self._lowered is None:
            self._lowered = self.data.translate(LOWER_LATIN1)  # Danish letters too
        return self._lowered

    def _has_any(self, pieces: _Pieces, start: int, end: int) -> bool:
        """Does the lower-cased text hold one of the `pieces` in [start, end), a few
        words? Looked for with no copy, before an expression runs."""
        return pieces[1].search(self._low(), start, end) is not None

    def if_you(self, s_start: int, start: int) -> bool:
        # Every reading holds the word »du«, at most 16 characters into it: the
        # expressions run only where it is, from there.
        lo = max(s_start, start - 70)
        at = self._low().rfind(b"du", lo, start)
        while at >= 0 and not _word_at(self.data, at, at + 2):
            at = self._low().rfind(b"du", lo, at)
        if at < 0:
            return False
        if at - s_start <= 16 and _YOU_FIRST.fullmatch(self.text, s_start, start) is not None:
            return True
        return _IF_YOU.search(self.text, max(lo, at - 16), start) is not None

    def someone_unknown(
        self, before_term: bytes, before_words: list[bytes], start: int, end: int
    ) -> bool:
        # (the nouns looked up first: the expression costs a try at every character)
        if _SOMEONE_WORDS.isdisjoint(before_words):
            return False
        found = _SOMEONE.search(before_term)
        if found is None or _ONES_OWN.search(before_term, found.start()) is not None:
            return False
        # (the term itself may name whom it befell: »en medarbejder slog ham«)
        return _ONES_OWN.search(self.data, start, end + 40) is None

    def built_before(self, before_term: bytes, start: int, may_be_place: bool) -> bool:
        # Most mails name no building work: the expression runs only in those that do,
        # and only where a piece of the verb is among the last words before the term: it
        # is within 32 characters (the expression starts there), and the expression costs
        # a try at every one of them.
        lo, near = start - min(32, len(before_term)), max(0, len(before_term) - 32)
        if (
            self._has_any(_BUILDING_PIECES, lo, start)
            and _BUILDING_BEFORE.search(before_term, near) is not None
        ):
            return True
        # (»der ikke længere er en psykiatrisk« is longer: 48 characters)
        lo, near = start - min(48, len(before_term)), max(0, len(before_term) - 48)
        return (
            may_be_place
            and _CARE_PLACE.match(self.text, start) is not None
            and self._has_any(_THERE_PIECES, lo, start)
            and _THERE_IS_BEFORE.search(before_term, near) is not None
        )

    def in_the_news(self, start: int, end: int) -> bool:
        """The sentence tells what one read or heard in the news before the term, of people
        the writer does not know (not »... at min nabo er anholdt«: the writer's own)."""
        # Where the news is named is found once per text, not once per candidate: its
        # words a piece at a time by bytes' own search (most mails name no news at all;
        # an expression of alternatives tries at every byte, and made the rules' scan a
        # tenth slower), then the expression only just before each of them.
        if self._news is None:
            self._news = self._news_named()
        if not self._news:
            return False
        s_start, _ = self.sentence(start, end)
        for named_at, named_end in self._news:
            if named_at >= s_start and named_end <= start:
                return not has_possessive(self.data[named_end:start])
        return False

    def _news_named(self) -> list[tuple[int, int]]:
        low = self._low()
        found: set[tuple[int, int]] = set()
        for piece in _NEWS_PIECES[0]:
            at = low.find(piece)
            while at >= 0:
                named = _NEWS.search(self.text, max(0, at - 40), at + 25)
                if named is not None:
                    found.add((named.start(), named.end()))
                at = low.find(piece, at + 1)
        return sorted(found)

    def maybe_one_day(self, start: int, end: int) -> bool:
        # A piece of each phrase (»hvis «, »bange for at«, »frygter «).
        return self._has_any(_ONE_DAY_PIECES, start, end)

    def carrier_before(self, s_start: int, start: int) -> bool:
        lo = max(s_start, start - 60)
        if not self._has_any(_CARRIER_PIECES, lo, start):
            return False
        return CARRIER_BEFORE.search(self.text, lo, start) is not None

    def asks_about_processing(self, s_start: int, s_end: int) -> bool:
        found = self._processing.get(s_start)
        if found is None:
            # The words every such question holds, looked for in C before the expression.
            match = (
                PROCESSING.search(self.text, s_start, s_end)
                if self._has_any(_PROCESSING_PIECES, s_start, s_end)
                else None
            )
            found = self._processing[s_start] = bool(
                match
                # asked, not told: a question, or an indirect one ("om kommunen gemmer")
                and (
                    self.text[s_end : s_end + 1] == "?"
                    or INDIRECT_QUESTION.search(self.text, s_start, match.start()) is not None
                )
                and not has_possessive(self.data[s_start:s_end])
            )
        return found

    def person_in_sentence_before(self, s_start: int) -> bool:
        if s_start <= 0:
            return False
        p_start, _ = self.sentence(max(0, s_start - 2), max(0, s_start - 1))
        return strong_person(self.data[p_start:s_start])

    def word_start(self, pos: int) -> int:
        lo = max(0, pos - 60)
        return lo + len(self.text[lo:pos].rstrip(_LETTERS))


_WORD_REST: Final = re.compile(r"[^\W\d_]*")
_LETTERS: Final = "".join(ch for ch in map(chr, range(256)) if ch.isalpha())


# Pieces of the words that every phrase of a check holds, in lower case and both
# spellings, and one expression for any of them: in the few words before a term one
# search finds any (a find() per piece cost more than the check it spared, each call's
# arguments parsed anew).
_Pieces = tuple[tuple[bytes, ...], re.Pattern[bytes]]


def _pieces(*words: str) -> _Pieces:
    pieces = tuple(sorted(p.encode("latin-1") for p in both_spellings(words)))
    return pieces, re.compile(b"|".join(map(re.escape, pieces)))


_AS_A_BODY_PIECES: Final = _pieces(
    "som ", "formand", "forperson", "kasserer", "leder", "bestyrelse"
)
_ONE_DAY_PIECES: Final = _pieces("vis ", " for at ", " for, at ", "rygter ")
# A fear said with its own subject, the term its verb: »bange for, at han mister sin
# læreplads«. (Not of a crime: one feared against someone is suspected, which the labels
# count: »bange for, at han udnytter hende«.)
_FEARED: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:bange|bekymret|nervøs|utryg|ængstelig|frygter) (?:for)?,? ?at (?:jeg|vi|han|"
        r"hun|de|man|(?:min|mit|mine|hans|hendes|vores|deres) [a-zæøå]+) $"
    ).encode("latin-1")
)
# Read or heard in the news: »læst i avisen«, »hørt i radioen«, »set i tv-avisen«.
_NEWS: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\b(?:læst|læste|hørt|hørte|set|så)\s+(?:(?:i|på)\s+(?:[a-zæøå-]*avisen|aviserne|"
        r"nyhederne|tv|radioen|medierne)\b|"
        # a programme or an article, named as what one saw: »Jeg så krimien på DR om …«
        r"(?:en |et |den |det )?(?:krimi|krimien|dokumentar|dokumentaren|program|programmet|"
        r"artikel|artiklen)\b)"
    )
)
# (each looked for by bytes' own search, in C: most texts hold none)
_NEWS_PIECES: Final = _pieces(
    "avis", "nyhed", "medier", "radio", " tv", "krimi", "dokumentar", "program", "artikel",
    "artikl",
)  # fmt: skip
_BUILDING_PIECES: Final = _pieces(
    "bygge", "opfør", "lukke", "renover", "udvide", "nedlæg", "åbne", "oprett"
)
_THERE_PIECES: Final = _pieces("der ", "sælg", "solgt", "køb")
_SOMEONE_WORDS: Final = spelled_bytes(_SOMEONE_NOUNS)


class _Endings:
    """Endings of a word, looked up by their length: a slice and a set lookup for each
    length, where str.endswith(tuple) compares the endings one by one (59 for
    SYSTEM_HEADS, at nearly every candidate: 3 percent of a scan)."""

    def __init__(self, endings: tuple[str, ...]) -> None:
        lengths = sorted({len(e) for e in endings})
        assert lengths and lengths[0] > 0, "an empty ending ends every word"
        self.by_length = [(n, frozenset(e for e in endings if len(e) == n)) for n in lengths]

    def end(self, word: str) -> bool:
        """Does `word` end with one of the endings (as word.endswith(endings))?"""
        for length, endings in self.by_length:
            if length > len(word):
                return False
            if word[-length:] in endings:
                return True
        return False


_SYSTEM_ENDINGS: Final = _Endings(SYSTEM_HEADS)


def _word_at(data: bytes, start: int, end: int) -> bool:
    """Is data[start:end] a whole word (no letter or digit on either side)?"""
    return (start == 0 or not data[start - 1 : start].isalnum()) and not data[
        end : end + 1
    ].isalnum()


_CARRIER_PIECES: Final = _pieces("gen", "anl", "rer af")
_BODY_NOUNS: Final = (
    r"(?:forening|klub|bestyrelse|organisation|virksomhed|firma|institution|skole|børnehave|"
    r"kommune|fond)"
)
# »som forening«; or the writer holds an office in a body, whose »vi« that is: »Jeg er
# formand for en lille idrætsforening, og vi har svært ved at få økonomien til at hænge
# sammen«.
# The body an office is held in, after the office: »formand for en lille idrætsforening«,
# »kasserer i Fodboldklubben«.
_IN_A_BODY: Final = (
    rf" (?:for|i) (?:en |et |vores |den |det )?(?:[a-zæøå]+ )?[a-zæøå]*{_BODY_NOUNS}"
    r"(?:n|en|et|ben)?\b"
)
_AS_A_BODY: Final = re.compile(
    with_ascii_spellings(
        rf"(?i)\bsom {_BODY_NOUNS}\b|\b(?:formand|forperson|næstformand|kasserer|leder|"
        # (a seat on its board: »Jeg sidder i bestyrelsen for tennisklubben, og vi har
        # ikke råd til at reparere banerne«)
        rf"bestyrelsesmedlem|sidder i bestyrelsen|er i bestyrelsen){_IN_A_BODY}"
    ).encode("latin-1")
)
_A_BODYS_OWN: Final = frozenset(["social_economic", "property_deal"])
# (each looked for by bytes' own search, in C, before the expression)
_OFFICE_PIECES: Final = _pieces("formand", "forperson", "kasserer", "sekretær", "bestyrelsesmedlem")
# (Searched in the lower-cased text, starting with a literal, so that the search skips
# ahead in C; the word boundary before is checked after.)
_WRITERS_OFFICE: Final = re.compile(
    with_ascii_spellings(
        rf"jeg (?:er|sidder som) (?:formand|forperson|næstformand|kasserer|sekretær|"
        rf"bestyrelsesmedlem){_IN_A_BODY}"
    ).encode("latin-1")
)


def _to_comma(data: bytes, end: int, s_end: int) -> int:
    """The end of the clause a term is in, at the comma after it or the sentence's end."""
    comma = data.find(b",", end, s_end)
    return s_end if comma < 0 else comma


# (Not the municipality nor a school, which citizens write to of their own: »Til kommunen.
# Vi har ikke råd til huslejen«.)
_TO_A_BODY: Final = re.compile(
    with_ascii_spellings(
        r"(?i)\s*(?:kære|til|hej) (?:[a-zæøå]+ )?[a-zæøå]*(?:forening|klub|bestyrelse|"
        r"organisation|institution|fond|virksomhed|firma)(?:n|en|et|ben|er|erne)?\b"
    ).encode("latin-1")
)
# Who speaks of their own, or of someone's: a letter to a body still tells of them.
_ONE_PERSONS: Final = spelled_bytes(
    ["jeg", "min", "mit", "mine", "mig", "han", "hun", "hans", "hendes", "sin", "sit", "sine"]
)
_PROCESSING_PIECES: Final = _pieces("oplysning", "data", "hvem")


_DEFAULT: Scanner | None = None


def default_scanner() -> Scanner:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Scanner()
    return _DEFAULT


def scan(text: str) -> list[Finding]:
    """Find CPR numbers and special-category personal data in Danish text."""
    return default_scanner().scan(text)
