"""The dispatch guard for vulnerable citizens, LIX, and `borgerpost dispatch-check`."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from borgerpost.pure import dispatch
from borgerpost.pure.dispatch import HOLD, SEND, decide
from borgerpost.pure.lix import lix
from borgerpost.pure.workdays import COPENHAGEN, DEFAULT_CALENDAR

T = dt.datetime


@pytest.mark.parametrize(
    ("at", "action", "release"),
    [
        (T(2024, 9, 4, 15, 0), SEND, None),  # Wednesday afternoon
        (T(2024, 9, 6, 11, 59), SEND, None),  # Friday before the cut-off
        (T(2024, 9, 6, 12, 0), HOLD, T(2024, 9, 9, 8, 0)),  # Friday at the cut-off
        (T(2024, 9, 7, 10, 0), HOLD, T(2024, 9, 9, 8, 0)),  # Saturday
        (T(2024, 9, 8, 23, 59), HOLD, T(2024, 9, 9, 8, 0)),  # Sunday night
        (T(2024, 9, 9, 6, 0), SEND, None),  # Monday early: a working day
        # Easter 2024: Skærtorsdag 28/3 to 2. påskedag 1/4
        (T(2024, 3, 27, 13, 0), HOLD, T(2024, 4, 2, 8, 0)),
        (T(2024, 3, 27, 9, 0), SEND, None),
        (T(2024, 3, 29, 10, 0), HOLD, T(2024, 4, 2, 8, 0)),  # Langfredag
        # Ascension 2024: Thursday 9/5, Friday 10/5 is a working day
        (T(2024, 5, 8, 14, 0), HOLD, T(2024, 5, 10, 8, 0)),
        (T(2024, 5, 10, 14, 0), HOLD, T(2024, 5, 13, 8, 0)),
        # Grundlovsdag (closing day) Wednesday 5/6/2024
        (T(2024, 6, 4, 12, 30), HOLD, T(2024, 6, 6, 8, 0)),
        (T(2024, 6, 5, 9, 0), HOLD, T(2024, 6, 6, 8, 0)),
        # Christmas and New Year 2024
        (T(2024, 12, 23, 12, 0), HOLD, T(2024, 12, 27, 8, 0)),
        (T(2024, 12, 27, 13, 0), HOLD, T(2024, 12, 30, 8, 0)),
        (T(2024, 12, 30, 12, 1), HOLD, T(2025, 1, 2, 8, 0)),
        (T(2024, 12, 31, 9, 0), HOLD, T(2025, 1, 2, 8, 0)),
    ],
)
def test_dispatch_table(at, action, release):
    decision = decide(at, vulnerable=True)
    assert decision.action == action, decision.reason
    expected = release.replace(tzinfo=COPENHAGEN) if release else None
    assert decision.release_at == expected


def test_not_vulnerable_is_never_held():
    assert decide(T(2024, 9, 7, 10, 0), vulnerable=False).action == SEND


@pytest.mark.parametrize("flags", [{"deadline": True}, {"urgent": True}])
def test_deadline_or_urgent_is_never_held_and_suggests_advance_notice(flags):
    decision = decide(T(2024, 12, 24, 10, 0), vulnerable=True, **flags)
    assert decision.action == SEND and "varsle" in decision.reason


def test_configurable_times():
    rules = dispatch.DispatchRules(DEFAULT_CALENDAR, dt.time(14, 0), dt.time(9, 30))
    assert decide(T(2024, 9, 6, 13, 0), True, rules=rules).action == SEND
    held = decide(T(2024, 9, 6, 14, 0), True, rules=rules)
    assert held.release_at == T(2024, 9, 9, 9, 30, tzinfo=COPENHAGEN)


moments = st.datetimes(
    min_value=T(2000, 1, 1), max_value=T(2080, 12, 31), timezones=st.just(COPENHAGEN)
)


@given(moments, st.booleans(), st.booleans(), st.booleans())
def test_release_is_a_working_day_at_release_time_and_never_early(at, vulnerable, deadline, urgent):
    decision = decide(at, vulnerable, deadline, urgent)
    if deadline or urgent or not vulnerable:
        assert decision.action == SEND and decision.release_at is None
    if decision.action == HOLD:
        release = decision.release_at
        assert release is not None and release > at
        assert DEFAULT_CALENDAR.is_working_day(release.date())
        assert release.timetz().replace(tzinfo=None) == dt.time(8, 0)
        # Nothing in between: the release is the first working day after the moment.
        assert DEFAULT_CALENDAR.next_working_day(at.astimezone(COPENHAGEN).date()) == release.date()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "borgerpost", "dispatch-check", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DATABASE_URL": "postgres://x@127.0.0.1:9/none"},
    )


def test_dispatch_check_command_needs_no_database():
    held = json.loads(run("--at", "2024-03-27T13:00", "--vulnerable").stdout)
    assert held["action"] == "hold" and held["release_at"] == "2024-04-02T08:00:00+02:00"
    assert "Skærtorsdag" in held["reason"]
    sent = json.loads(run("--at", "2024-03-27T13:00", "--vulnerable", "--deadline").stdout)
    assert sent == {"action": "send", "release_at": None, "reason": sent["reason"]}
    assert json.loads(run("--at", "2024-03-27T13:00").stdout)["action"] == "send"
    bad = run("--at", "i morgen")
    assert bad.returncode != 0 and "ISO-tidspunkt" in bad.stderr


@pytest.mark.django_db
def test_dispatch_check_uses_the_municipality_settings(world, capsys):
    from django.core.management import call_command

    world.ishoj.dispatch_cutoff = dt.time(15, 0)
    world.ishoj.save()
    call_command(
        "dispatch_check", "--at", "2024-09-06T13:00", "--vulnerable", "--municipality", "ishoj"
    )
    assert json.loads(capsys.readouterr().out)["action"] == "send"


def test_lix_and_the_sentences_that_push_it_up():
    easy = lix("Du får hjælp. Vi ringer til dig. Det er gratis.")
    assert easy.score < 25 and easy.band == "meget let"
    hard = lix(
        "Kommunen har truffet afgørelse om bevilling af merudgiftsydelse i henhold til "
        "servicelovens bestemmelser vedrørende kompenserende foranstaltninger. Ring til os."
    )
    assert hard.score > 55
    assert hard.hardest[0].text.startswith("Kommunen har truffet afgørelse")
    assert lix("").score == 0
