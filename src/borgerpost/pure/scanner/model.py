"""The guard's second opinion: a linear model over the words of a whole text.

The rules (lexicon, person and core) find a disclosure where Danish says it in a way
they know. On labelled sets they have never seen they miss about one disclosure in
seven, mostly crimes, pending property deals and health said in words of their own
(docs/performance.md). A logistic regression per category over the text's words, word
pairs, and the first and last letters of words (the parts of Danish compounds and the
endings of its inflection) catches a good part of those. It is trained offline by
`tools/train_guard_model.py` with scikit-learn on the labelled sets the rules were tuned
on, never on a held-out one, and shipped as `model.json.gz`: the scanner needs neither
scikit-learn nor numpy. The loops below define the model's sums; where the scanner is
compiled (native) they run as `_kernel.c`, about eight times as fast, and tests hold the
two to the same results.

The model adds a category only where the rules found none, and only above a threshold
chosen in cross-validation for a precision of 0.95, raised where its additions to the
rules' first runs on the tuning sets are then more often right (tools/train_guard_model.py);
its finding marks the sentence that weighs most for the category. Nothing here imports
Django.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from array import array
from collections.abc import Callable
from itertools import chain, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

from .cache import kept
from .native import HERE
from .sentence import sentences
from .spelling import ASCII_SPELLINGS

if TYPE_CHECKING:
    from ._kernel import Kernel  # built with the compiled modules only (native)

# Beside the sources (a compiled module's own __file__ is in its build folder).
MODEL_FILE: Final = HERE / "model.json.gz"

# Danish written without æ, ø and å (phones, English keyboards) reads as the same word.
_FOLD: Final = str.maketrans({**ASCII_SPELLINGS, "é": "e"})
_WORD: Final = re.compile(r"\w+")
_NOT_WORD: Final = re.compile(r"\W")
# Compounds carry their meaning in their head and their first part (»lunge|kræft«,
# »misbrugs|behandling«), and Danish inflects and derives at a word's end (»syg|e«,
# »syg|dom«, »an|meldt«/»an|meldelse«): a word of four letters or more also gives its
# first 3 to 7 and last 3 to 8 letters, each shorter than the word. In cross-validation
# by set these ends of short words too raised the mean average precision from 0.920 to
# 0.937 and the recall at a precision of 0.95 from 0.65 to 0.72; on the held-out sets
# the guard was no better for them (docs/performance.md, eleventh session).
SHORTEST_WITH_ENDS: Final = 4
SUFFIXES: Final = (3, 4, 5, 6, 7, 8)
PREFIXES: Final = (3, 4, 5, 6, 7)
# Words seen are kept with what they give (citizens' mails share their words); each
# table is emptied when it grows past this, to bound a server's memory.
_MAX_CACHED_WORDS: Final = 200_000
# Nor is a »word« longer than this kept: a hostile text's words of megabytes would stay
# in memory for as long as the process lives. (Danish compounds in mails stay far below.)
_MAX_CACHED_WORD_LENGTH: Final = 48
# The model speaks only on a text with at least this many words it knows. On fewer it
# judges by one or two words, as no rule of the scanner may: in cross-validation its
# precision on texts under 20 words was 0.82 against 0.96 on longer ones; it found a
# category in 21 of the 131 one-sentence traps of tests/test_scanner.py (2 when set in a
# mail), and one in a dump of database fields, English words mostly.
MIN_WORDS: Final = 20
# A long text's words are taken this many characters at a time.
_PIECE: Final = 65_536


def fold(raw: str) -> str:
    """A word as the model knows it: lower case, æ ø å spelled out; "" for a number."""
    return "" if raw.isdigit() else raw.lower().translate(_FOLD)


def word_features(word: str) -> list[str]:
    """What one folded word gives on its own: itself and, unless short, its ends."""
    features = [word]
    if len(word) >= SHORTEST_WITH_ENDS:
        features.extend(">" + word[-k:] for k in SUFFIXES if k < len(word))
        features.extend(word[:k] + "<" for k in PREFIXES if k < len(word))
    return features


def words(text: str, fold_word: Callable[[str], str] = fold) -> list[str]:
    """The text's words as the model knows them, numbers left out; taken a piece of the
    text at a time: all of a long text's words as new strings at once took 20 times the
    text's size in memory."""
    found: list[str] = []
    start = 0
    while start < len(text):
        end = start + _PIECE
        if end < len(text):  # cut after a word, never inside one
            cut = _NOT_WORD.search(text, end)
            end = cut.start() if cut else len(text)
        found.extend(filter(None, map(fold_word, _WORD.findall(text, start, end))))
        start = end
    return found


def features(text: str) -> list[str]:
    """Every feature of a text, as the model was trained on them (the training script
    uses this very function): words, adjacent pairs of words, and the ends of long words."""
    found = words(text)
    out: list[str] = []
    for word in found:
        out.extend(word_features(word))
    out.extend(f"{a} {b}" for a, b in pairwise(found))
    return out


class Opinion(NamedTuple):
    category: str
    probability: float
    start: int  # the sentence that weighs most for the category
    end: int


class _Folded(dict[str, str]):
    """Raw word to folded word, made once per word (the lookups run in C)."""

    def __missing__(self, raw: str) -> str:
        return _kept(self, raw, fold(raw))


class _Own(dict[str, tuple[int, ...]]):
    """Folded word to the indices of the features it gives on its own."""

    def __init__(self, index: dict[str, int]) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, word: str) -> tuple[int, ...]:
        return _kept(self, word, _own_indices(self.index, word))


class _Entries(dict[str, bytes]):
    """What _kernel.c needs of a word as written, in one lookup: the index of the folded
    word (-1 where the model does not know it), then the indices of the features it
    gives on its own, as 32-bit integers; b"" for a number, which is no word to the
    model."""

    def __init__(self, index: dict[str, int]) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, raw: str) -> bytes:
        word = fold(raw)
        indices = [self.index.get(word, -1), *_own_indices(self.index, word)] if word else []
        return _kept(self, raw, array("i", indices).tobytes())


_Kept = TypeVar("_Kept")


def _kept(table: dict[str, _Kept], word: str, value: _Kept) -> _Kept:
    """The value, kept in the table for the word's next time unless too long a word."""
    if len(word) <= _MAX_CACHED_WORD_LENGTH:
        if len(table) >= _MAX_CACHED_WORDS:
            table.clear()
        table[word] = value
    return value


def _own_indices(index: dict[str, int], word: str) -> tuple[int, ...]:
    return tuple(index[f] for f in word_features(word) if f in index)


# The weights of one feature, a weight per category in the order of `categories`.
Row = tuple[float, ...]
# The scanner's categories but CPR: the special categories with social and economic
# circumstances and property. A model of any other number was made for another scanner.
WIDTH: Final = 9

# A model as it is kept: the categories, per category its bias and threshold, then the
# vocabulary as one string of features, a line each (a feature is words, never a line
# break); per feature its idf (doubles) and its row of weights (16-bit thousandths, a
# row after another); and per pair of words in the vocabulary the indices of its two
# words and its own (32-bit). Read back from the cache, a few strings of bytes load in a
# few milliseconds, where the same as dicts, lists and tuples of Python objects took a
# one-mail `borgerpost scan` a sixth of its time; the sums in C (_kernel.c) read the bytes
# as they are.
Parts = tuple[list[str], list[float], list[float], str, bytes, bytes, bytes]


def parse(data: dict[str, object]) -> Parts:
    """The parts of a model from its JSON, where idf and weights are in thousandths (a
    fifth of the size; the training script checks no decision changes) and the weights
    are kept a column per category."""
    vocabulary = [str(f) for f in _list(data["vocabulary"])]
    if any(not f or "\n" in f for f in vocabulary):
        raise ValueError("a feature of the vocabulary is empty or holds a line break")
    columns = [_thousandths(column) for column in _list(data["weights"])]
    if len(columns) != WIDTH:
        raise ValueError(f"the model must have {WIDTH} categories, not {len(columns)}")
    if any(len(column) != len(vocabulary) for column in columns):
        raise ValueError("a category must have a weight per feature")
    idf = _floats(data["idf"], 0.001)
    if len(idf) != len(vocabulary):
        raise ValueError("a feature must have one idf")
    return (
        [str(c) for c in _list(data["categories"])],
        _floats(data["bias"], 1.0),
        _floats(data["thresholds"], 1.0),
        "\n".join(vocabulary),
        array("d", idf).tobytes(),
        array("h", [w for row in zip(*columns, strict=True) for w in row]).tobytes(),
        array("i", _pair_indices(vocabulary)).tobytes(),
    )


def _pair_indices(vocabulary: list[str]) -> list[int]:
    """Per pair of words in the vocabulary, the indices of its two words and its own. A
    pair's words are features of their own (each occurs wherever the pair does)."""
    index = {f: i for i, f in enumerate(vocabulary)}
    found: list[int] = []
    for i, feature in enumerate(vocabulary):
        first, _, second = feature.partition(" ")
        if second:
            if first not in index or second not in index:
                raise ValueError(f"a pair's word is not in the vocabulary: {feature!r}")
            found.extend((index[first], index[second], i))
    return found


# The sums in C keep a weight as 16-bit thousandths (_kernel.c). A model they could not
# hold is refused here, for the Python sums as well: both read the same models.
_MOST_THOUSANDTHS: Final = 32_767


def _thousandths(column: object) -> list[int]:
    values = _list(column)
    for w in values:
        if not (type(w) is int and abs(w) <= _MOST_THOUSANDTHS):
            raise ValueError(f"a weight must be a whole number of thousandths up to ±32767: {w!r}")
    return values  # type: ignore[return-value]


def _shaped_as_parts(parts: object) -> bool:
    """Are parts read back from the cache shaped as parse makes them?"""
    if not (isinstance(parts, tuple) and len(parts) == 7):
        return False
    categories, bias, thresholds, vocabulary, idf, weights, pairs = parts
    if not (
        isinstance(categories, list)
        and isinstance(bias, list)
        and isinstance(thresholds, list)
        and len(categories) == len(bias) == len(thresholds) == WIDTH
        and isinstance(vocabulary, str)
        and isinstance(idf, bytes)
        and isinstance(weights, bytes)
        and isinstance(pairs, bytes)
    ):
        return False
    features = vocabulary.count("\n") + 1 if vocabulary else 0
    return (
        len(idf) == 8 * features and len(weights) == 2 * WIDTH * features and len(pairs) % 12 == 0
    )


class Model:
    """A trained model: its vocabulary with each feature's idf and its weight for each
    category, and per category a bias and a threshold."""

    def __init__(self, parts: Parts) -> None:
        self.categories, self.bias, thresholds, vocabulary, idf, weights, pairs = parts
        self.packed = (idf, weights, pairs)  # as the C sums read them
        features = vocabulary.split("\n") if vocabulary else []
        self.index = dict(zip(features, range(len(features)), strict=True))
        # What the sums in Python read, made from the packed parts when first needed (the
        # sums in C read those as they are).
        self._idf: list[float] | None = None
        self._rows: list[Row] | None = None
        self._pairs: dict[tuple[str, str], int] | None = None
        # Thresholds as logits: the probability itself is needed only for a finding.
        self.threshold_logits = [_logit(t) for t in thresholds]
        self._folded = _Folded()
        self._own = _Own(self.index)
        self._entries = _Entries(self.index)  # the C sums' (see _compiled_kernel)
        self._score: Callable[[str], tuple[int, list[float]]] = self._score_in_python
        self._weigh: Callable[[str, int, int], list[float]] = self._weigh_in_python
        kernel = self._compiled_kernel()
        if kernel is not None:
            self._score, self._weigh = kernel.score, kernel.weigh

    def _compiled_kernel(self) -> Kernel | None:
        """The sums in C (_kernel.c), built with the compiled modules (native); None
        where the scanner runs as Python."""
        try:
            from ._kernel import Kernel
        except ImportError:
            return None
        return Kernel(self._entries, *self.packed, self.bias)

    @property
    def idf(self) -> list[float]:
        """Per feature its idf."""
        if self._idf is None:
            self._idf = array("d", self.packed[0]).tolist()
        return self._idf

    @property
    def rows(self) -> list[Row]:
        """Per feature its weight for each category."""
        if self._rows is None:
            weights = [w * 0.001 for w in array("h", self.packed[1])]
            self._rows = [tuple(weights[i : i + WIDTH]) for i in range(0, len(weights), WIDTH)]
        return self._rows

    @property
    def pairs(self) -> dict[tuple[str, str], int]:
        """Per pair of words in the vocabulary, its index."""
        if self._pairs is None:
            features = list(self.index)
            triples = array("i", self.packed[2])
            self._pairs = {
                (features[triples[k]], features[triples[k + 1]]): triples[k + 2]
                for k in range(0, len(triples), 3)
            }
        return self._pairs

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Model:
        """The model in the file, from this machine's cache where it was read before:
        parsing its JSON costs a one-mail `borgerpost scan` a third of its time."""
        blob = path.read_bytes()
        # Keyed by the model and by this source, whose parse made what is kept.
        return cls(
            kept(
                "model",
                blob + (HERE / "model.py").read_bytes(),
                lambda: parse(json.loads(gzip.decompress(blob))),
                _shaped_as_parts,
            )
        )

    def present(self, text: str) -> set[int]:
        """The features of the vocabulary that occur in the text (the model was trained
        on presence: counting occurrences found no more in cross-validation, and
        costs a Python loop per word where a set is made in C)."""
        return self._present(self._words(text))

    def _words(self, text: str) -> list[str]:
        return words(text, self._folded.__getitem__)  # each word folded once per process

    def _present(self, found: list[str]) -> set[int]:
        present = set(chain.from_iterable(map(self._own.__getitem__, found)))
        present.update(map(self.pairs.get, pairwise(found)))  # type: ignore[arg-type]
        present.discard(None)  # type: ignore[arg-type]  # pairs outside the vocabulary
        return present

    def logits(self, text: str) -> list[float]:
        """Per category the log-odds for the whole text."""
        return self._logits(self.present(text))

    def _logits(self, present: set[int]) -> list[float]:
        """Binary tf-idf normalised to unit length, as scikit-learn's TfidfVectorizer
        makes it, times the weights, plus the bias."""
        sums = [0.0] * len(self.bias)
        squares = 0.0
        for i in present:
            v = self.idf[i]
            squares += v * v
            for c, weight in enumerate(self.rows[i]):
                sums[c] += weight * v
        norm = math.sqrt(squares) or 1.0
        return [b + s / norm for b, s in zip(self.bias, sums, strict=True)]

    def _score_in_python(self, text: str) -> tuple[int, list[float]]:
        """How many of the text's words the model knows and, where that is MIN_WORDS or
        more, the logits: the definition of what _kernel.c computes."""
        found = self._words(text)
        known = sum(map(self.index.__contains__, found))
        if known < MIN_WORDS:
            return known, []
        return known, self._logits(self._present(found))

    def opinions(self, text: str, known: set[str] | frozenset[str] = frozenset()) -> list[Opinion]:
        """The categories the model finds in the text beyond `known`, each with the
        sentence that weighs most for it; nothing where the model knows fewer than
        MIN_WORDS of the text's words."""
        if known.issuperset(self.categories):
            return []
        words_known, logits = self._score(text)
        if words_known < MIN_WORDS:
            return []
        speaking = [
            c
            for c, logit in enumerate(logits)
            if logit >= self.threshold_logits[c] and self.categories[c] not in known
        ]
        if not speaking:
            return []
        spans = self._heaviest_sentences(text, speaking)
        return [
            Opinion(self.categories[c], 1.0 / (1.0 + math.exp(-logits[c])), *spans[c])
            for c in speaking
        ]

    def _heaviest_sentences(self, text: str, categories: list[int]) -> dict[int, tuple[int, int]]:
        """Per category, the sentence whose features weigh most for it: what the finding
        shows the user. One pass over the sentences, each sentence's features found once
        and not kept (a long text has many)."""
        best = {c: (-math.inf, 0, len(text)) for c in categories}
        for start, end in sentences(text):
            weights = self._weigh(text, start, end)
            for c in categories:
                if weights[c] > best[c][0]:
                    best[c] = (weights[c], start, end)
        return {c: (start, end) for c, (_, start, end) in best.items()}

    def _weigh_in_python(self, text: str, start: int, end: int) -> list[float]:
        """Per category, the weight of the features of text[start:end]: idf times weight
        summed, not normalised (what _kernel.c's weigh computes)."""
        weights = [0.0] * len(self.bias)
        for i in self.present(text[start:end]):
            v = self.idf[i]
            for c, weight in enumerate(self.rows[i]):
                weights[c] += weight * v
        return weights


def _list(value: object) -> list[object]:
    assert isinstance(value, list)
    return value


def _floats(value: object, scale: float) -> list[float]:
    return [float(v) * scale for v in _list(value)]  # type: ignore[arg-type]


def _logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


_MODEL: list[Model] = []


def default_model() -> Model:
    """The shipped model, read once per process."""
    if not _MODEL:
        _MODEL.append(Model.load())
    return _MODEL[0]
