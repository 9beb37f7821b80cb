"""A couple of the same sex, said through the partner: »min kone« written by a woman,
»hans mand«, »sin kæreste Mads« about a man, »din mand Erik« to a man.

Whose partner it is follows from the possessive: »hans« and »hendes« say it; »min«
is the writer, whose name is in the closing (»Mvh Camilla«), in »jeg hedder ...« or in
»Jeg er Anders.«;
»din« is the one greeted (»Kære Poul«); »sin« is the nearest person before it in the
sentence (»min søster bor med sin kæreste«). The partner's sex follows from the word
(»kone«, »mand«) or from the first name after a neutral one (»kæreste Hanne«).

First names and their sex come from Faker's Danish person provider, a maintained list
of the commonest Danish first names for women and men: no maintained package names
Danish first names for this purpose, and a list of our own would be a list of the
names in our test texts. A name on both lists, or on neither, decides nothing.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Final

from .cache import for_package_files, store
from .latin1 import lower
from .native import HERE
from .spelling import ascii_spelling, both_spellings

FEMALE, MALE = "f", "m"

# The partner words and the partner's sex where the word says it; None: »kæreste«.
PARTNERS: dict[str, str | None] = {
    "kone": FEMALE,
    "hustru": FEMALE,
    "ekskone": FEMALE,
    "mand": MALE,
    "ægtemand": MALE,
    "eksmand": MALE,
    "kæreste": None,
    "ekskæreste": None,
    "forlovede": None,
    "samlever": None,
    "partner": None,
}
# Words for a person whose sex they say, for »sin«: the nearest one before it.
PERSON_WORDS: Final = {
    **dict.fromkeys(
        [
            "mor",
            "søster",
            "datter",
            "moster",
            "faster",
            "tante",
            "mormor",
            "farmor",
            "veninde",
            "kvinde",
            "pige",
            "niece",
            "svigermor",
            "svigerdatter",
            "svigerinde",
            "kone",
            "hustru",
            "hun",
        ],
        FEMALE,
    ),
    **dict.fromkeys(
        [
            "far",
            "bror",
            "søn",
            "morbror",
            "farbror",
            "onkel",
            "morfar",
            "farfar",
            "dreng",
            "nevø",
            "svigerfar",
            "svigersøn",
            "svoger",
            "mand",
            "han",
        ],
        MALE,
    ),
}
OWNERS: Final = ("min", "sin", "hans", "hendes", "din")
# (The scanner gives every term's expression both spellings itself.)
# Love or marriage said of the person loved: »jeg er forelsket i en pige«, »min søn er
# kæreste med en dreng«, »hun er gift med en kvinde«. Whose it is: the clause's subject.
LOVED_BY_SEX: Final = {"pige": FEMALE, "kvinde": FEMALE, "dreng": MALE, "mand": MALE, "fyr": MALE}
_LOVES: Final = ("forelsket i", "gift med", "kæreste med", "kærester med")
_LOVES_BOTH: Final = tuple(sorted(both_spellings(_LOVES)))
PATTERN: Final = (
    r"(" + "|".join(OWNERS) + r") (" + "|".join(sorted(PARTNERS, key=len, reverse=True)) + r")s?"
    r"|(?:" + "|".join(_LOVES) + r") (?:en )?(?:" + "|".join(LOVED_BY_SEX) + r")\b"
)
# Each word looked up in its spelling without æ, ø and å too (»kaereste«, »soester«).
PARTNERS.update({ascii_spelling(word): sex for word, sex in list(PARTNERS.items())})
PERSON_WORDS.update({ascii_spelling(word): sex for word, sex in list(PERSON_WORDS.items())})

_NAME_AFTER: Final = re.compile(r",?[ \t]+([A-ZÆØÅ][a-zæøåéü]+)")
# »min kæreste hanne«: a name in lower case, where it is no Danish word (see _HOMOGRAPHS).
_LOWER_CASE_NAME_AFTER: Final = re.compile(r",?[ \t]+([a-zæøåéü]+)\b")
# A closing's first word, then the name after it (»mvh\nCamilla«, »Venlig hilsen Ib«).
# Each first word is found by str.find, which skips through a mail in C many times
# faster than a regular expression's alternatives tried at every letter (that search
# was a tenth of the scan of a dense mail); the rest is matched where one was found.
_CLOSING_WORDS: Final = ("mvh", "m.v.h.", "vh", "kh", "bh", "hilsen", "hilsner")
_AFTER_CLOSING: Final = re.compile(r"\b[ \t,.:]*(?:\n[ \t>]*)?([a-zæøåéü][a-zæøåéü]+)")
# A forwarded message's header names its writer before the message: »Fra: Thomas Juul«;
# matched where a line opens.
_FROM_HEADER: Final = re.compile(r"fra:[ \t]*([a-zæøåéü][a-zæøåéü]+)")
# Searched in the lower-cased text, each starting with a literal so that the search skips
# ahead in C; the word boundary before is checked after.
_OTHER_CLOSINGS: Final = (
    re.compile(r"/([a-zæøåéü][a-zæøåéü]+)[ \t]*$", re.MULTILINE),  # »... /kim«
    re.compile(r"jeg hedder ([a-zæøåéü]+)"),
)
# The writer's name said as who one is, a sentence of its own: »Jeg er Anders.« Only
# where the word is a first name: »jeg er flyttet.« signs nothing.
_I_AM: Final = re.compile(r"jeg er ([a-zæøåéü]+)[ \t]*[.!\n]")
_TWO_SIGN: Final = re.compile(r"[ \t]*(?:og|&|\+)[ \t]+[a-zæøå]")
# The words a mail opens with, before the name of the one it is written to.
GREETINGS: Final = tuple(
    sorted(both_spellings(["kære", "hej", "hejsa", "hey", "hi", "dear", "goddag"]))
)
_GREETING: Final = re.compile(r"(?:" + "|".join(GREETINGS) + r")[ \t]+([a-zæøåéü][a-zæøåéü]+)")
_WORDS: Final = re.compile(r"[A-Za-zÆØÅæøåéü]+")


def _starts_a_word(low: str, i: int) -> bool:
    return i == 0 or not low[i - 1].isalnum()


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Lower-cased first name: its sex, for the names on one list only. Loaded the first
    time a partner is mentioned, not when the scanner starts, and from this machine's
    cache when Faker's Danish list is the one it was read from: importing Faker costs a
    one-mail `borgerpost scan` half of its time."""
    path = _names_cache_path()
    if path is not None:
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(found, dict) and all(v in (FEMALE, MALE) for v in found.values()):
                return found
        except (OSError, ValueError):
            pass
    names = _from_faker()
    if path is not None:
        store(path, json.dumps(names, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return names


def _from_faker() -> dict[str, str]:
    from faker.providers.person.da_DK import Provider

    women = {name.lower() for name in Provider.first_names_female}
    men = {name.lower() for name in Provider.first_names_male}
    # »Søren« written »Soeren«; a spelling that is also another's name decides nothing.
    women, men = both_spellings(women), both_spellings(men)
    return {
        **dict.fromkeys(women - men, FEMALE),
        **dict.fromkeys(men - women, MALE),
    }


def _names_cache_path() -> Path | None:
    """The cache file for the installed Faker's Danish person provider."""
    # Keyed by this source too, whose _from_faker made what is kept: a list made another
    # way (before both spellings, say) is not read back.
    return for_package_files(
        "first-names",
        "faker",
        ("providers/person/da_DK/__init__.py",),
        (HERE / "partners.py").read_bytes(),
    )


# First names that are Danish words too (»bo«, »per«, »tom«, »sten«, »line«, »sine«,
# »stig«): written in lower case they are the word, not the name.
_HOMOGRAPHS: Final = frozenset(
    ["bo", "hans", "per", "tom", "sten", "mark", "line", "sine", "trine", "stig", "else",
     "frank", "rosa", "nick", "mie", "sys", "ken"]
)  # fmt: skip


@lru_cache(maxsize=1)
def _lower_case_names() -> frozenset[bytes]:
    return frozenset(
        name.encode("latin-1")
        for name in first_names()
        if name not in _HOMOGRAPHS and name.isalpha() and max(name) <= "\xff"
    )


def lower_case_first_name(word: bytes) -> bool:
    """Is the lower-cased Latin-1 word a first name whatever its case (»hos lucas«, »min
    kæreste hanne«), as a phone writes it in lower case?"""
    return word in _lower_case_names()


def sex_of_name(word: str) -> str | None:
    names = first_names()
    low = word.lower()
    found = names.get(low)
    if found is None and low.endswith("s"):
        found = names.get(low[:-1])  # the genitive: »Eriks«
    return found


def writer(text: str, after: int) -> str | None:
    """The sex of whoever signs the message that holds position `after`: the first
    closing after it, unless another message begins before that closing, else the last
    one before it. A quoted line (»> Min mand ...« in a reply) is the quoted message's:
    only closings quoted as deeply sign it, and a reply that quotes an unsigned message
    greets its writer (»Kære Hanne ... > Min mand«)."""
    depth = quote_depth(text, after)
    signed = [(at, sex) for at, sex in _signatures(text) if quote_depth(text, at) == depth]
    later = [(position, sex) for position, sex in signed if position >= after]
    # (a closing after another message has begun signs that one: »… Min mand Jakob og
    # jeg … \n\nHej Anders, kan du hjælpe Thomas? /Mette«)
    if later and not _a_message_begins(text, after, later[0][0]):
        return later[0][1]
    earlier = [sex for position, sex in signed if position < after]
    if earlier:
        return earlier[-1]
    if depth == 0:
        return None
    greeted = [sex for at, sex in _greetings(text) if at < after and quote_depth(text, at) < depth]
    return greeted[-1] if greeted else None


def quote_depth(text: str, position: int) -> int:
    """How many messages deep the line holding `position` is quoted: »> « once, »> > « or
    »>> « twice."""
    line_start = text.rfind("\n", 0, position) + 1
    return text[line_start : _line_opening(text, line_start)].count(">")


@lru_cache(maxsize=4)  # the current text or two; a large block is kept no longer
def _signatures(text: str) -> tuple[tuple[int, str | None], ...]:
    """Where the text's closings are and the sex of their names, once per text (a mail
    that mentions »min mand« twice is searched once)."""
    low = lower(text)
    signed: list[tuple[int, str | None]] = []
    for start, end, name in _closings(low):
        if not _starts_a_word(low, start):
            continue
        # Signed by two (»Mvh Peter og Sofie«): »min« could be either.
        two = _TWO_SIGN.match(low, end) is not None
        signed.append((start, None if two else sex_of_name(name)))
    return tuple(sorted(signed))


def _a_message_begins(text: str, start: int, end: int) -> bool:
    """Does a line in [start, end) open another message: with a greeting (»Hej Anders,«)
    or a forwarded message's header (»Fra: Thomas Juul«)? Each line looked at where it
    opens, found by find() in C (an expression anchored at every line's start tries at
    every character)."""
    at = text.find("\n", start, end)
    while at >= 0:
        opening = _line_opening(text, at + 1)
        words = lower(text[opening : opening + 24])
        if _GREETING.match(words) is not None or words.startswith("fra:"):
            return True
        at = text.find("\n", at + 1, end)
    return False


def _line_opening(text: str, line_start: int) -> int:
    """Where the words of the line that starts at `line_start` begin, after its spaces
    and quote marks (»> «), looked for in its first 24 characters."""
    head = text[line_start : line_start + 24]
    return line_start + len(head) - len(head.lstrip(" \t>"))


def _opens_a_line(low: str, at: int) -> bool:
    return _line_opening(low, low.rfind("\n", 0, at) + 1) == at


def _headers(low: str) -> list[tuple[int, int, str]]:
    """A forwarded message's »Fra: Thomas Juul« lines, as closings: where each starts and
    ends, and the name (»fra:« found by find(), most mails have none)."""
    found = []
    at = low.find("fra:")
    while at >= 0:
        header = _FROM_HEADER.match(low, at) if _opens_a_line(low, at) else None
        if header is not None:
            found.append((at, header.end(), header.group(1)))
        at = low.find("fra:", at + 1)
    return found


def _closings(low: str) -> list[tuple[int, int, str]]:
    """Where each closing of the lower-cased text starts and ends, and the name in it;
    the closings by their first word as one expression's finditer() would find them (the
    leftmost first, the first of the words at one place, none starting inside the one
    before), then the other kinds."""
    found: list[tuple[int, int, int, str]] = []
    for rank, word in enumerate(_CLOSING_WORDS):
        at = low.find(word)
        while at >= 0:
            rest = _AFTER_CLOSING.match(low, at + len(word))
            if rest is not None:
                found.append((at, rank, rest.end(), rest.group(1)))
            at = low.find(word, at + 1)
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for at, _, end, name in found:
        if not kept or at >= kept[-1][1]:
            kept.append((at, end, name))
    for closing in _OTHER_CLOSINGS:
        kept.extend((m.start(), m.end(), m.group(1)) for m in closing.finditer(low))
    kept.extend(_headers(low))
    kept.extend(
        (m.start(), m.end(), m.group(1))
        for m in _I_AM.finditer(low)
        if sex_of_name(m.group(1)) is not None
    )
    return kept


def addressee(text: str, before: int) -> str | None:
    found = None
    for position, sex in _greetings(text):
        if position < before:
            found = sex
    return found


@lru_cache(maxsize=4)  # the current text or two; a large block is kept no longer
def _greetings(text: str) -> tuple[tuple[int, str | None], ...]:
    low = lower(text)
    return tuple(
        (match.start(), sex_of_name(match.group(1)))
        for match in _GREETING.finditer(low)
        if _starts_a_word(low, match.start())
    )


def subject_before(
    text: str, s_start: int, position: int, writer_at: int | None = None
) -> str | None:
    """The sex of the nearest person named before `position` in the sentence; with
    `writer_at`, »jeg« is one too: the writer, as signed after that offset."""
    words: list[str] = _WORDS.findall(text, s_start, position)
    for word in reversed(words):
        if writer_at is not None and word.lower() == "jeg":
            return writer(text, writer_at)
        sex = PERSON_WORDS.get(word.lower())
        if sex is None and word[0].isupper():
            sex = sex_of_name(word)
        if sex is not None:
            return sex
    return None


def partner_sexes(text: str, start: int, end: int, s_start: int) -> tuple[str | None, str | None]:
    """The sex of the person whose partner the phrase at [start, end) names, and the
    partner's, each None where the text does not tell it. Both told and different
    (»Min kæreste Julie og jeg … Mvh Anders«) is a couple of a man and a woman."""
    phrase = text[start:end]
    if phrase.lower().startswith(_LOVES_BOTH):
        # »forelsket i en pige« said of the clause's subject: the writer (»jeg«), or the
        # nearest person named before it (»min søn«, »hun«, »Mads«)
        loved = LOVED_BY_SEX.get(ascii_spelling(phrase.lower().rsplit(" ", 1)[-1]))
        if loved is None:
            return None, None
        return subject_before(text, s_start, start, writer_at=end), loved
    owner, word = phrase.lower().split(" ", 1)
    # »Hans« in the middle of a sentence is a name, not »his«; after nothing but marks it
    # opens the sentence (»> Hans kone« in a quoted mail). The other owners are no names:
    # »Kære Jan Min kone og jeg ...« with the line break lost is still »min«.
    if owner == "hans" and phrase[0] == "H" and any(ch.isalnum() for ch in text[s_start:start]):
        return None, None
    partner = PARTNERS.get(word) if word in PARTNERS else PARTNERS.get(word[:-1])
    if partner is None:
        partner = _sex_of_name_after(text, end) or _sex_said_after(text, end)
    if partner is None:
        return None, None
    if owner == "hans":
        return MALE, partner
    if owner == "hendes":
        return FEMALE, partner
    if owner == "min":
        return writer(text, end), partner
    if owner == "din":
        return addressee(text, start), partner
    return subject_before(text, s_start, start), partner


# A neutral word's sex said after it: »min kæreste er en pige«, »min kæreste er også en
# dreng«.
_SEX_SAID_AFTER: Final = re.compile(
    r",?[ \t]+er[ \t]+(?:også[ \t]+|ogsaa[ \t]+)?(?:en[ \t]+)?(" + "|".join(LOVED_BY_SEX) + r")\b",
    re.IGNORECASE,
)


def _sex_said_after(text: str, end: int) -> str | None:
    said = _SEX_SAID_AFTER.match(text, end)
    return None if said is None else LOVED_BY_SEX[said.group(1).lower()]


def _sex_of_name_after(text: str, end: int) -> str | None:
    """The sex of the first name right after a neutral word (»kæreste Hanne«)."""
    named = _NAME_AFTER.match(text, end)
    if named is None:
        named = _LOWER_CASE_NAME_AFTER.match(text, end)
        if named is None or not lower_case_first_name(named.group(1).encode("latin-1")):
            return None
    return sex_of_name(named.group(1))
