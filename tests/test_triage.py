"""The triage suggestion: the Hyperscan prefilter never changes what it suggests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from borgerpost.pure import triage

WORDS = [
    "min sag",
    "sagsbehandler",
    "afslag",
    "klage",
    "partiet",
    "byrådet bør",
    "hvornår åbner",
    "åbningstider",
    "Hjemmesiden",
    "ANKE",
    "kontanthjælp",
    "jeg synes",
    "ved du",
    "blanketten",
    "æøå",
    "\u2019",
    "😀",
]


def _every_cue(text: str) -> triage.Suggestion:
    everything = frozenset(range(len(triage.ALL_CUES)))
    original = triage._PREFILTER.candidates
    triage._PREFILTER.candidates = lambda _text: everything  # type: ignore[method-assign]
    try:
        return triage.suggest(text)
    finally:
        triage._PREFILTER.candidates = original  # type: ignore[method-assign]


@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=40))
@settings(max_examples=400, deadline=None)
def test_the_prefilter_suggests_exactly_what_every_cue_would(parts):
    text = " ".join(parts)
    assert triage.suggest(text) == _every_cue(text)


def test_the_prefilter_is_in_use():
    assert triage._PREFILTER.candidates("Hvornår åbner biblioteket?") != frozenset(
        range(len(triage.ALL_CUES))
    )
