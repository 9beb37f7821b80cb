"""Is a sentence about one identifiable person? Word-set cues on the Latin-1 bytes.

The scanner's text is a Latin-1 view (one byte per character, see normalise), so a
sentence's words come from one bytes.translate() and split(), both in C, and every cue
is a set lookup or one isdisjoint() over the sentence's words or word pairs. That keeps
the cost per candidate low enough for the throughput target (docs/performance.md).
A word is a run of letters and digits; everything else, hyphens included, separates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Final

from .latin1 import LOWER_WORDS, WORDS
from .lexicon import (
    ANIMALS,
    COUNTED_WORDS,
    FIGURATIVE_OWNERS,
    GENERAL_PAIRS,
    GENERAL_WORDS,
    GROUP_WORDS,
    HEADER_WORDS,
    KIN,
    LABELLED_PERSON,
    NEW,
    PEOPLE_IN_GENERAL,
    PERSONAL_VERBS,
    PLACE_ENDINGS,
    POSSESSIVES,
    PRONOUN_VERBS,
    PRONOUNS,
    RELATIONS,
    SERVING_VERBS,
    SHARED_OWNED,
    TOPIC_NOUNS,
    WEAK_WORDS,
)
from .partners import GREETINGS, lower_case_first_name
from .spelling import spelled_bytes, with_ascii_spellings

_UPPER: Final = frozenset(code for code in range(256) if chr(code).isupper())


def _encoded_pairs(pairs: Iterable[tuple[str, str]]) -> frozenset[tuple[bytes, bytes]]:
    return frozenset(
        (a, b)
        for first, second in pairs
        for a in spelled_bytes([first])
        for b in spelled_bytes([second])
    )


# (core reads them too)
POSSESSIVE_BYTES: Final = spelled_bytes(POSSESSIVES)
_SHARED_OWNED: Final = spelled_bytes(SHARED_OWNED)
_WEAK_WORDS: Final = spelled_bytes(WEAK_WORDS)
_PERSONAL_VERBS: Final = spelled_bytes(PERSONAL_VERBS)
_NAME_VERBS: Final = spelled_bytes(PRONOUN_VERBS)
_GENERAL_WORDS: Final = spelled_bytes(GENERAL_WORDS)
_GROUP_WORDS: Final = spelled_bytes(GROUP_WORDS)
_ANIMALS: Final = spelled_bytes(ANIMALS)
_SERVING_VERBS: Final = spelled_bytes(SERVING_VERBS)
_COUNTED_WORDS: Final = spelled_bytes(COUNTED_WORDS)
_GENERAL_PAIRS: Final = _encoded_pairs(GENERAL_PAIRS)
_PEOPLE_IN_GENERAL: Final = spelled_bytes(PEOPLE_IN_GENERAL)
# "hun har", "vi fik", "har vi"; and "I har" with a capital I (you, plural; "i" is "in").
# Danish puts the verb before the subject after a first adverb or clause ("nu får jeg",
# "i dag har hun"): the inverted pair is the same cue.
_PRONOUN_PAIRS: Final = _encoded_pairs(
    [(p, v) for p in PRONOUNS for v in PRONOUN_VERBS]
    # not "er de": there "de" is as often the article ("Byens DNA er de gamle gårde")
    + [(v, p) for p in PRONOUNS - {"de"} for v in PRONOUN_VERBS]
)
# »jeg kan ikke betale«, »hun skal opereres«: one person and what they can, must or will.
# Subject first only (»Kan jeg få ...?« asks about rules), and not »vi« or »de«, who are as
# often everyone (»vi skal have flere psykologer«); a weak cue, so a sentence that talks
# of groups is still general.
_MODAL_PAIRS: Final = _encoded_pairs(
    (p, v)
    for p in ("jeg", "han", "hun")
    for v in ("kan", "skal", "vil", "må", "kunne", "skulle", "ville", "måtte")
)
# (Not "I går": that is "yesterday" at the start of a sentence.)
_CAPITAL_I_PAIRS: Final = _encoded_pairs(("I", v) for v in PRONOUN_VERBS - {"går"})
_BEFORE_A_NAME: Final = spelled_bytes(RELATIONS | {"hos"})
# »En far ringede om sin datter«: someone's own relative, as a telephone note tells it
# (not »sin« before anything: »man kan få hjælp til sin medicin« is everyone's).
_REFLEXIVE: Final = spelled_bytes(["sin", "sit", "sine"])
_REFLEXIVE_KIN: Final = _encoded_pairs((p, r) for p in ("sin", "sit", "sine") for r in RELATIONS)
# "naboen", "viceværten": the one person the writer lives beside or rents from.
# (»moren«, »sønnen«: the kin of one the text has named, as a telephone note tells it.)
_DEFINITE_PEOPLE: Final = spelled_bytes(
    ["naboen", "naboens", "genboen", "genboens", "underboen", "overboen", "viceværten",
     "udlejeren", "moren", "morens", "moderen", "faren", "farens", "faderen", "sønnen",
     "sønnens", "datteren", "datterens", "broren", "brorens", "søsteren", "søsterens",
     # the family a note is about: »Familien i nr. 12 er sat ud af lejligheden«
     "familien", "familiens"]
)  # fmt: skip
# »Borger ringede«, »Kvinde henvendte sig«: the one a telephone note is about.
_CALLER_PAIRS: Final = _encoded_pairs(
    (caller, verb)
    for caller in ("borger", "borgeren", "kvinde", "kvinden", "mand", "manden", "mor", "far",
                   "pige", "dreng", "pårørende", "datter", "søn")
    for verb in ("ringede", "ringer", "henvendte", "henvender", "skrev")
)  # fmt: skip
# Either, looked up in one pass over the sentence's pairs of words.
_PERSON_PAIRS: Final = _PRONOUN_PAIRS | _CALLER_PAIRS
_PAST_TENSE: Final = re.compile(
    with_ascii_spellings(
        "(?:^| )(?:jeg|vi|han|hun) +(?!(?:troede|håbede|regnede|forventede|formodede|ønskede) )"
        "[a-zæøåéü]{2,}ede(?: |$)"
    ).encode("latin-1")
)
# (core reads them too: a term that starts the name of a place or a body)
PLACE_ENDINGS_BYTES: Final = tuple(spelled_bytes(PLACE_ENDINGS))
_HEADER_WORDS: Final = spelled_bytes(HEADER_WORDS)
_GREETINGS: Final = spelled_bytes(GREETINGS)
_FIGURATIVE_OWNERS: Final = spelled_bytes(FIGURATIVE_OWNERS)
_KIN: Final = spelled_bytes(KIN)
_TOPIC_NOUNS: Final = spelled_bytes(TOPIC_NOUNS)
# People named in general: »elever«, »de unge«, »borgerne«
_PEOPLE_NAMED_IN_GENERAL: Final = spelled_bytes(PEOPLE_IN_GENERAL | GROUP_WORDS)
_NOT_A_TOPIC: Final = spelled_bytes(
    POSSESSIVES | PRONOUNS | {"sin", "sit", "sine", "hende", "ham", "mig", "os"}
)
# »borgernes«, »forældrenes«: the genitive of many
_PLURAL_GENITIVES: Final = (b"ernes", b"enes")


def about_a_person(sentence: bytes) -> bool:
    """A personal cue, or a named person or weak pronoun that is not about a group."""
    words = sentence.translate(WORDS).split()
    lowered = sentence.translate(LOWER_WORDS)
    low = lowered.split()
    if _strong(words, low, lowered, sentence):
        return True
    present = set(low)
    general = not present.isdisjoint(_GENERAL_WORDS) or not _GENERAL_PAIRS.isdisjoint(pairwise(low))
    # Two capitalised words that do not start the sentence: a named person, unless they
    # name a place or an organisation (»Ishøj Station«, »Plejecenter Lyngbo«), start a
    # header (»Invitation: Borgermøde«) or name whom the mail greets (»Kære Kirsten
    # Lauritsen Tak for din henvendelse om ...« where the line break was lost).
    named = any(
        words[i][0] in _UPPER
        and words[i + 1][0] in _UPPER
        and not low[i].endswith(PLACE_ENDINGS_BYTES)
        and not low[i + 1].endswith(PLACE_ENDINGS_BYTES)
        and low[i] not in _HEADER_WORDS
        and low[i - 1] not in _GREETINGS
        for i in range(1, len(words) - 1)
    )
    if (
        named
        or (not present.isdisjoint(_WEAK_WORDS) and not present.isdisjoint(_PERSONAL_VERBS))
        or not _MODAL_PAIRS.isdisjoint(pairwise(low))
    ):
        return not general
    return False


def subject_left_out(sentence: bytes) -> bool:
    """A sentence that opens with a verb of telling, the subject left out, as telephone
    notes and text messages tell of whoever called or writes: »Er sygemeldt med kræft i
    brystet«, »Har en hund og kan derfor ikke komme på herberget«. (Not where the subject
    follows the verb, as in a question: »Er det rigtigt …«, »Har I …«; the caller checks
    that the sentence asks nothing.)"""
    words = sentence.translate(WORDS).split(None, 4)
    low = sentence.translate(LOWER_WORDS).split(None, 4)
    if len(low) >= 2 and low[0] in _GREETINGS:
        # »hej karen er lige blevet skilt«: the greeting and the name first
        words, low = words[2:], low[2:]
    return (
        len(low) >= 3
        and low[0] in _TELLING_VERBS
        and low[1] not in _SUBJECTS_AFTER_A_VERB
        # nor a name, someone's or a body in the definite after the verb, the subject of
        # a question (»Har Peter …«, »Er min søn …«, »Vil kommunen …«); a participle
        # ends in -et (»Er blevet sat ud«) and is let be
        and words[1][0] not in _UPPER
        and low[1] not in POSSESSIVE_BYTES
        and not low[1].endswith((b"en", b"ne"))
    )


_TELLING_VERBS: Final = spelled_bytes(
    ["er", "var", "har", "havde", "bor", "boede", "sover", "får", "fik", "ønsker", "spørger",
     "spurgte", "bliver", "blev", "lever", "modtager", "mangler", "venter", "mistede",
     "skylder", "arbejder", "går", "gik", "kan", "skal", "vil", "må"]
)  # fmt: skip
_SUBJECTS_AFTER_A_VERB: Final = spelled_bytes(
    ["jeg", "du", "han", "hun", "vi", "i", "de", "den", "det", "der", "man", "dette", "denne",
     "disse", "nogen", "noget", "alle"]
)  # fmt: skip


def strong_person(sentence: bytes) -> bool:
    """A possessive ("min søn"), a pronoun with a verb ("hun har"), a relation or "hos"
    followed by a name ("søn Oliver", "hos Lucas"), or a label ("Barn:")."""
    lowered = sentence.translate(LOWER_WORDS)
    return _strong(sentence.translate(WORDS).split(), lowered.split(), lowered, sentence)


def _strong(words: list[bytes], low: list[bytes], lowered: bytes, sentence: bytes) -> bool:
    """`low`: the words of `lowered`, the sentence lower-cased with spaces between words."""
    head = low[:-1]  # a cue needs a word after it
    if not POSSESSIVE_BYTES.isdisjoint(head) and any(
        word in POSSESSIVE_BYTES and owned not in _SHARED_OWNED for word, owned in pairwise(low)
    ):
        return True
    if not _DEFINITE_PEOPLE.isdisjoint(low):
        return True
    if not _REFLEXIVE.isdisjoint(head) and not _REFLEXIVE_KIN.isdisjoint(pairwise(low)):
        return True
    following = low[1:]
    if not _KIN.isdisjoint(following) and _named_kin(low):
        return True
    if not _PERSON_PAIRS.isdisjoint(pairwise(low)):
        return True
    if not _CAPITAL_I_PAIRS.isdisjoint(zip(words, following, strict=False)):
        return True
    # A pronoun before a verb in the past tense tells what happened to someone: "jeg
    # konverterede", "hun flyttede", "vi mistede" (not what someone thought: "troede").
    if b"ede" in lowered and _PAST_TENSE.search(lowered) is not None:
        return True
    if not _BEFORE_A_NAME.isdisjoint(head):
        for i, word in enumerate(head):
            if word in _BEFORE_A_NAME and (
                words[i + 1][0] in _UPPER or lower_case_first_name(low[i + 1])
            ):
                return True
    if not _NAME_VERBS.isdisjoint(low) and _a_first_name_with_its_verb(
        words, low, sentence.islower()
    ):
        return True
    return b":" in sentence and LABELLED_PERSON.search(sentence.decode("latin-1")) is not None


def _a_first_name_with_its_verb(words: list[bytes], low: list[bytes], all_lower: bool) -> bool:
    """A first name as the clause's subject, before its verb or after it: »Oliver er 11 og
    har ADHD«, »i går fik Hanne svar«; in a sentence written all in lower case (a phone's,
    or a text in capitals read in lower case) without its capital. Not a name that is
    also a Danish word (partners' list leaves those out), nor the one a greeting names
    (»hej merete er det rigtigt ...« with the marks lost)."""

    def a_name(k: int) -> bool:
        return (
            (all_lower or words[k][0] in _UPPER)
            and lower_case_first_name(low[k])
            and (k == 0 or low[k - 1] not in _GREETINGS)
        )

    return any(
        (low[i + 1] in _NAME_VERBS and a_name(i)) or (low[i] in _NAME_VERBS and a_name(i + 1))
        for i in range(len(words) - 1)
    )


def _named_kin(low: list[bytes]) -> bool:
    """Kin after a person's genitive: »Borgerens mor«, »Annes søn« (not a group's,
    »forældrenes børn«, nor a place's, »byens børn«)."""
    return any(
        kin in _KIN
        and len(owner) > 3
        and owner.endswith(b"s")
        and not owner.endswith(_PLURAL_GENITIVES)
        and owner not in _FIGURATIVE_OWNERS
        for owner, kin in pairwise(low)
    )


def has_possessive(sentence: bytes) -> bool:
    """ "min", "hans", "vores": the sentence is about someone's own."""
    return not POSSESSIVE_BYTES.isdisjoint(sentence.translate(LOWER_WORDS).split())


# A body that has the term itself, as a noun after an article or an adjective:
# »foreningen har en stor gæld« (not »kommunen har stoppet min kontanthjælp«, where a
# person owns the term, nor »kommunen har bevilget 4.500 kr.«, a verb).
_BODIES: Final = spelled_bytes(
    ["foreningen", "andelsforeningen", "ejerforeningen", "boligforeningen", "kommunen",
     "firmaet", "virksomheden", "selskabet", "klubben", "staten", "regionen", "skolen"]
)  # fmt: skip
_HAS: Final = spelled_bytes(["har", "havde", "fik", "får"])
_BETWEEN_HAS_AND_TERM: Final = spelled_bytes(
    ["en", "et", "stor", "stort", "store", "kæmpe", "meget", "stigende", "voksende", "ny",
     "nyt", "gammel", "gammelt", "betydelig", "betydeligt", "også", "nu", "stadig"]
)  # fmt: skip


def denied_before(words: list[bytes]) -> bool:
    """The term is denied, or said of anyone: group_before's readings that the learned
    model cannot make, as it weighs words and not their order."""
    return _negated(words[-5:]) or _of_anyone(words[-6:])


def _negated(low: list[bytes]) -> bool:
    """The term is denied in its own clause: »jeg er ikke syg«, »har ingen gæld«, »aldrig
    været i fængsel«, »ikke medlem af nogen fagforening«. Between the denial and the term
    only verbs of being and having, articles and prepositions: past a possessive (»har
    ikke fået sin medicin«) or another word the denial is of something else. Not »ikke
    længere« or »ikke mere«: what no longer is, was. Not »ikke fået«: what one has not
    received (»har ikke fået hjemmehjælp i tre uger«) one needs; »aldrig fået« is denied."""
    for i in range(len(low) - 1, -1, -1):
        word = low[i]
        if word in _NEGATIONS:
            between = low[i + 1 :]
            if between and between[0] in _NO_LONGER:
                return False
            if i and low[i - 1] in _MODALS:
                return False  # »vi kan ikke få pengene til at slå til«: unable, not denied
            if i and low[i - 1] in _PAYING:
                return False  # »han betaler ikke børnebidrag«: a debt unpaid, not denied
            received_denied = word == b"aldrig" or word == b"ingen"
            return all(w in _DENIED_SCOPE or (received_denied and w in _RECEIVED) for w in between)
        if word not in _DENIED_SCOPE and word not in _RECEIVED:
            return False
    return False


_NEGATIONS: Final = spelled_bytes(["ikke", "aldrig", "ingen", "intet"])
_PAYING: Final = spelled_bytes(["betaler", "betalte", "afdrager", "afdrog", "overholder"])
_NO_LONGER: Final = spelled_bytes(["længere", "mere"])
_RECEIVED: Final = spelled_bytes(["fået", "får", "fik", "modtaget", "modtager", "modtog"])
_DENIED_SCOPE: Final = spelled_bytes(
    ["er", "var", "har", "havde", "været", "haft", "nogen", "noget", "nogle", "en", "et",
     "nogensinde", "selv", "heller", "i", "på", "af", "til", "med", "hos", "for", "medlem",
     "brug"]
)  # fmt: skip
# (Not »kan ikke få«, »må ikke få«: a benefit refused is one's circumstance; nor »ikke
# blevet«: »han er ikke blevet løsladt endnu« tells where he is.)
_MODALS: Final = spelled_bytes(
    ["kan", "kunne", "må", "måtte", "skal", "skulle", "vil", "ville", "tør", "orker", "magter"]
)


def _of_anyone(low: list[bytes]) -> bool:
    """The clause speaks of anyone: »om man kan få SU«, »hvis man bliver uenig med sin
    sagsbehandler«, »når man er på kontanthjælp«. »Man« with a verb of what may or does
    happen to one; not »man har fundet kræft hos min mor«, where »man« is whoever did it."""
    if b"man" not in low:
        return False
    at = len(low) - 1 - low[::-1].index(b"man")
    rest = low[at + 1 :]
    return (
        bool(rest)
        and rest[0] in _WHAT_HAPPENS_TO_ONE
        and POSSESSIVE_BYTES.isdisjoint(rest)
        and _PRONOUN_WORDS.isdisjoint(rest)
        and b"hos" not in rest
    )


_WHAT_HAPPENS_TO_ONE: Final = spelled_bytes(
    # (and what anyone applies for or receives: »hvordan man søger om hjælp til …«)
    ["kan", "kunne", "skal", "skulle", "må", "bør", "bliver", "blev", "er", "får", "fik",
     "søger", "ansøger", "modtager"]
)  # fmt: skip
_PRONOUN_WORDS: Final = spelled_bytes([*PRONOUNS, "ham", "hende", "mig", "os", "dem"])


def _many_of(low: list[bytes]) -> bool:
    """»Mange af mine kolleger er syge med stress«, »flere og flere unge i kommunen har det
    svært psykisk«, »hvor mange …«: a share or a number of a group as the clause's
    subject, with no new clause (»at«, »der«) or subject (»jeg«) before the term."""
    for i in range(len(low) - 1):
        if low[i] in _GROUP_WORDS and low[i + 1] == b"af":
            rest = low[i + 2 :]
            return _NEW_CLAUSE.isdisjoint(rest) or _the_groups_relative(rest)
        if low[i] == b"hvor" and low[i + 1] == b"mange":
            # a number asked for: »Hvor mange fra kommunen sidder i fængsel?« (not »hvor
            # mange år skal min søn sidde«: someone's own)
            rest = low[i + 2 :]
            return _NEW_CLAUSE.isdisjoint(rest) and POSSESSIVE_BYTES.isdisjoint(rest)
        if low[i] in _GROUP_WORDS and low[i + 1] in _PEOPLE_IN_GENERAL:
            # (not »alle børn i vores familie«: people one can point out)
            rest = low[i + 2 :]
            return (
                _NEW_CLAUSE.isdisjoint(rest) or _the_groups_relative(rest)
            ) and POSSESSIVE_BYTES.isdisjoint(rest)
    return False


def _the_groups_relative(rest: list[bytes]) -> bool:
    """»mange unge i kommunen, der ryger hash«: the new clause is the group's own, its
    »der« or »som« the last word before the term or before one verb of being or having
    (not »mange unge, der siger, at min søn …«). So is what the group says of itself:
    »mange af mine kolleger siger, at de er stressede«."""
    for i, word in enumerate(rest):
        if word in _NEW_CLAUSE:
            if word == b"at" and i + 1 < len(rest) and rest[i + 1] == b"de":
                i += 1  # »… siger, at de er«: »de« is the group
            elif word != b"der" and word != b"som":
                return False
            return i == len(rest) - 1 or (i == len(rest) - 2 and rest[-1] in _BEING_OR_HAVING)
    return True


_BEING_OR_HAVING: Final = spelled_bytes(["er", "var", "har", "havde", "bliver", "blev", "får"])


def _one_of(words: list[bytes], i: int) -> bool:
    """words[i] is the group one of whom is meant: »en af beboerne«, »ingen af eleverne«."""
    return i >= 2 and words[i - 1] == b"af" and words[i - 2] in _ONE


_ONE: Final = spelled_bytes(["en", "et", "én", "ét", "hver", "ingen", "nogen"])


# (»flere af os«: the writer is one of them)
_NEW_CLAUSE: Final = spelled_bytes(["at", "der", "som", "hvis", "fordi", "men", "os", *PRONOUNS])


def _a_body_has(low: list[bytes]) -> bool:
    if _BODIES.isdisjoint(low):
        return False
    for i in range(len(low) - 1):
        between = low[i + 2 :]
        if (
            low[i] in _BODIES
            and low[i + 1] in _HAS
            and between
            and all(word in _BETWEEN_HAS_AND_TERM for word in between)
        ):
            return True
    return False


def a_body_introduces(low: list[bytes]) -> bool:
    """»at kommunen vil indføre ansigtsgenkendelse«: a body's plan or practice, no
    person's, unless the sentence says whose (core)."""
    for i in range(len(low) - 1, -1, -1):
        if low[i] in _INTRODUCING:
            return all(word in _BETWEEN_HAS_AND_TERM for word in low[i + 1 :]) and (
                not _BODIES.isdisjoint(low[max(0, i - 4) : i])
            )
    return False


_INTRODUCING: Final = spelled_bytes(
    ["indføre", "indfører", "indført", "bruge", "bruger", "brugt", "installere",
     "installerer", "installeret", "opsætte", "opsætter", "opsat", "afprøve", "afprøver",
     # a plan only: »at kommunen overvejer ansigtsgenkendelse ved skolerne«
     "overveje", "overvejer", "overvejet", "planlægge", "planlægger", "planlagt"]
)  # fmt: skip


def _people_in_a_place(low: list[bytes]) -> bool:
    """People in general where they live or are treated, just before the term: »ældre på
    plejehjem«, »børn i psykiatrien« (not »mine børn i psykiatrien«, »to børn på …«)."""
    return (
        len(low) >= 2
        and low[-1] in _IN_A_PLACE
        and low[-2] in _PEOPLE_IN_GENERAL
        and (len(low) < 3 or (low[-3] not in POSSESSIVE_BYTES and low[-3] not in _COUNTS))
    )


_IN_A_PLACE: Final = frozenset([b"p\xe5", b"paa", b"i"])
_COUNTS: Final = spelled_bytes(["to", "tre", "fire", "fem", "seks", "begge", "2", "3", "4"])


def _a_topic(low: list[bytes]) -> bool:
    """»debatten om misbrugsbehandling«, »reglerne om fri kontanthjælp«, »reglerne for
    boligstøtte«: a word for public talk or rules, »om« or »for«, and at most one word
    that names no one; the topic may be the last of several (»sager om skilsmisse og
    forældremyndighed«)."""
    low = _last_of_several(low)
    while low and low[-1] in _DETERMINERS:
        low = low[:-1]  # »borgermødet om det nye asylcenter«
    if low and low[-1] == b"imod":
        return True  # what one is against: »vi er imod det nye asylcenter«
    if len(low) >= 3 and low[-3] in _PUBLIC_OWNERS and low[-2] in _SPENDING:
        return True  # »kommunens udgifter til anbringelser«
    if len(low) >= 2 and low[-2] in _SPENDING_IN_THE_DEFINITE and low[-1] in _TO:
        return True  # »i budgettet, at udgifterne til kontanthjælp er faldet«
    if len(low) >= 3 and low[-1] == b"om" and low[-2] in _ONE_MORE and low[-3] in _MAKING:
        return True  # »kunne I lave en om Parkinsons næste gang?«: an article, a talk
    if len(low) >= 2 and low[-1] in _ABOUT:
        # (not a doctor's talk of a diagnosis: »lægen har talt om demens«)
        return low[-2] in _TOPIC_NOUNS and _CARERS.isdisjoint(low[-5:-2])
    return (
        len(low) >= 3
        and low[-2] in _ABOUT
        and low[-3] in _TOPIC_NOUNS
        and low[-1] not in _NOT_A_TOPIC
    )


def _talked_over_with_people(words: list[bytes]) -> bool:
    """»en sundhedsplejerske, der kan tale med de store elever om stress«: what one talks
    over with people in general (a word for talk, »med«, at most four words naming
    people, »om«) is a topic. Not with one's own or someone's (»tale med min søn om
    angst«), nor with a doctor (»talt med lægen om demens«)."""
    words = _last_of_several(words)
    if len(words) < 4 or words[-1] not in _ABOUT:
        return False
    window = words[-8:-1]
    for i in range(1, len(window)):
        if window[i] == b"med" and window[i - 1] in _TOPIC_NOUNS:
            partner = window[i + 1 :]
            return (
                1 <= len(partner) <= 4
                and not _PEOPLE_NAMED_IN_GENERAL.isdisjoint(partner)
                and POSSESSIVE_BYTES.isdisjoint(partner)
                and _REFLEXIVE.isdisjoint(partner)
                and _CARERS.isdisjoint(partner)
            )
    return False


def _last_of_several(words: list[bytes]) -> list[bytes]:
    """The words before the first of several that a term ends (»sager om skilsmisse og
    forældremyndighed«, »børne- og ungdomspsykiatrien«): the »og X« pairs dropped."""
    while len(words) >= 4 and words[-1] in _AND:
        words = words[:-2]
    return words


def _waiting_for_a_service(words: list[bytes]) -> bool:
    """A service's waiting time or list, not someone's place on it: »ventetiden i
    psykiatrien«, »ventelisten til genoptræning« (not »min søn står på ventelisten til
    børnepsykiatrien«, »hun venter«); the service may be the last of several (»ventetiden
    i børne- og ungdomspsykiatrien«)."""
    words = _last_of_several(words)
    near = words[-7:]  # (»mine venner har det svært, og der er lang ventetid hos ...«)
    return (
        len(words) >= 2
        and words[-1] in _OF_A_SERVICE
        and words[-2] in _WAITING
        and POSSESSIVE_BYTES.isdisjoint(near)
        and _PRONOUN_WORDS.isdisjoint(near)
        and _KIN.isdisjoint(near)
    )


def _said_of_a_group_by_a_relative(words: list[bytes]) -> bool:
    """The clause's subject is a group named before its »der« or »som«: »de borgere, der
    bliver udskrevet fra psykiatrisk afdeling«, »jeg har set mange, der ender i misbrug«
    (not »min søn, der er indlagt på psykiatrisk afdeling«, nor one of them: »jeg er en af
    dem, der har fået afslag«)."""
    for i in range(len(words) - 1, 0, -1):
        if words[i] == b"der" or words[i] == b"som":
            return (
                words[i - 1] in _GROUP_WORDS or words[i - 1] in _PEOPLE_IN_THE_PLURAL
            ) and b"af" not in words[max(0, i - 3) : i - 1]
    return False


_PEOPLE_IN_THE_PLURAL: Final = spelled_bytes(
    ["borgere", "folk", "mennesker", "menneskerne", "personer", "familier", "familierne",
     "unge", "ældre", "yngre", "voksne", "patienter", "beboere", "brugere", "pensionister",
     "dem", "de"]
)  # fmt: skip
_ABOUT: Final = frozenset([b"om", b"for"])
_OF_A_SERVICE: Final = spelled_bytes(["i", "til", "på", "hos", "ved"])
_WAITING: Final = spelled_bytes(
    ["ventetid", "ventetiden", "ventetider", "ventetiderne", "venteliste", "ventelisten",
     "ventelister", "ventelisterne"]
)  # fmt: skip
_DETERMINERS: Final = spelled_bytes(["det", "den", "de", "en", "et", *NEW])
# What a public body spends or does, not a person's own: »kommunens udgifter til
# anbringelser«, »regionens indsats mod misbrug« (»mine udgifter til medicin« are mine).
_PUBLIC_OWNERS: Final = spelled_bytes(
    ["kommunens", "regionens", "statens", "byrådets", "landets", "samfundets", "skolens"]
)
_ONE_MORE: Final = spelled_bytes(["en", "et", "noget", "mere"])
_MAKING: Final = spelled_bytes(
    ["lave", "laver", "skrive", "skriver", "holde", "holder", "høre", "læse", "lære", "vide"]
)
_SPENDING_IN_THE_DEFINITE: Final = spelled_bytes(["udgifterne", "budgettet", "forbruget"])
_TO: Final = spelled_bytes(["til", "på"])
_CARERS: Final = spelled_bytes(
    ["lægen", "lægerne", "speciallægen", "psykologen", "psykiateren",
     "sygeplejersken", "jordemoderen", "neurologen", "overlægen"]
)  # fmt: skip
_SPENDING: Final = spelled_bytes(
    ["udgifter", "udgifterne", "budget", "budgettet", "forbrug", "forbruget", "indsats",
     "indsatsen", "brug", "regning", "regningen"]
)  # fmt: skip


def _a_budget_cut(words: list[bytes]) -> bool:
    """A public body cutting a service: the service is the budget's, not anyone's care
    (»at kommunen vil spare på misbrugsbehandlingen«, »regionen skærer ned på
    genoptræningen«). Someone's own is said with a possessive between (»spare på hans
    behandling«), and one who saves on one's own medicine is no public body (»jeg må
    spare på medicinen«)."""
    low = words[-4:]
    cut = (len(low) >= 2 and (low[-2], low[-1]) in _CUTTING) or (
        len(low) >= 3 and low[-3] in _CUTTING_DOWN and low[-2] == b"ned" and low[-1] in _ON
    )
    return cut and not _PUBLIC_BODIES.isdisjoint(words)


_CUTTING: Final = _encoded_pairs(
    [(verb, "på") for verb in ("spare", "sparer", "spares", "sparet", "sparede")]
    + [(verb, "i") for verb in ("skære", "skærer", "skæres", "skåret", "beskære", "beskærer")]
    # a scheme closed: »kommunen har lukket for varmehjælpen«
    + [(verb, "for") for verb in ("lukke", "lukker", "lukket", "lukkes", "lukkede")]
)
_CUTTING_DOWN: Final = spelled_bytes(["skære", "skærer", "skæres", "skåret", "skar"])
_ON: Final = spelled_bytes(["på"])
_PUBLIC_BODIES: Final = spelled_bytes(
    ["kommunen", "regionen", "staten", "byrådet", "regeringen", "folketinget", "politikerne",
     "forvaltningen", "udvalget"]
)  # fmt: skip
_AND: Final = frozenset([b"og", b"eller"])
_EACH: Final = frozenset([b"pr", b"per", b"hver", b"hvert"])


def words_before(before: bytes) -> list[bytes]:
    """The words just before a term, lower-cased: what group_before and denied_before read."""
    return before.translate(LOWER_WORDS).split()


# Whom a term's own words name as its object: a person owned (»min datter«, »hans
# kone«) or a pronoun of a person (»ham«, »hende«)
_OBJECT_PRONOUNS: Final = spelled_bytes(["mig", "dig", "ham", "hende", "os"])
_OWNERS: Final = POSSESSIVE_BYTES | _REFLEXIVE


def said_of_an_animal(words: list[bytes], data: bytes, start: int, end: int) -> bool:
    """An animal among the last words before the term data[start:end] (words_before) is
    what the term is said of (»vores hund er syg«, »katten har fået sukkersyge«), unless
    the term itself names the person it befell: »naboens hund har bidt min datter i
    benet«."""
    if _ANIMALS.isdisjoint(words[-3:]):
        return False
    named = data[start:end].translate(LOWER_WORDS).split()
    if not _OBJECT_PRONOUNS.isdisjoint(named):
        return False
    return not any(
        owner in _OWNERS and owned not in _SHARED_OWNED for owner, owned in pairwise(named)
    )


def group_before(words: list[bytes]) -> bool:
    """The words just before a term (words_before) speak of a group, not one person:
    "flere lærere og psykologer", "borgere med angst"; of anyone ("om man kan få SU"); of
    a place or body in a figure of speech: "byens DNA", "kommunens syge økonomi"; or deny
    it ("jeg er ikke syg")."""
    low = words[-5:]
    if _many_of(words[-9:]):
        return True
    if (not _NEGATIONS.isdisjoint(low) and _negated(low)) or (
        b"man" in words[-6:] and _of_anyone(words[-6:])
    ):
        return True
    if low and (low[-1] in _FIGURATIVE_OWNERS or low[-1] in _SERVING_VERBS):
        return True
    if _people_in_a_place(low):
        return True  # »lave mad til ældre på plejehjem«
    if low and (
        low[-1] in _EACH or low[-2:] == [b"en", b"enkelt"] or low[-2:] == [b"et", b"enkelt"]
    ):
        return True  # a count, not someone's: »2 mio. kr. for en enkelt anbringelse«
    if (
        _a_body_has(low)
        or _a_topic(low)
        or _talked_over_with_people(words)
        or _waiting_for_a_service(words)
        or _a_budget_cut(words)
    ):
        return True
    if (b"der" in words or b"som" in words) and _said_of_a_group_by_a_relative(words):
        return True
    if not _GROUP_WORDS.isdisjoint(low[-4:]):
        # (not »en af beboerne«: one of them; but »består af mange polske familier«)
        groups = [
            i
            for i, word in enumerate(low)
            if word in _GROUP_WORDS
            and i >= len(low) - 4
            and not _one_of(words, len(words) - len(low) + i)
        ]
        if any(i + 1 >= len(low) or low[i + 1] not in _COUNTED_WORDS for i in groups):
            return True
    return not _GENERAL_PAIRS.isdisjoint(pairwise(low))
