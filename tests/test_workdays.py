import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from borgerpost.pure import workdays
from borgerpost.pure.workdays import DEFAULT_CALENDAR, WorkingCalendar, answer_deadline

D = dt.date


@pytest.mark.parametrize(
    ("received", "deadline", "why"),
    [
        # An ordinary week: Monday + 10 working days is the Monday two weeks on.
        (D(2024, 9, 2), D(2024, 9, 16), "plain weeks"),
        # Easter 2024: Skærtorsdag 28/3, Langfredag 29/3, 2. påskedag 1/4 are not counted.
        (D(2024, 3, 27), D(2024, 4, 15), "Easter 2024"),
        (D(2024, 3, 28), D(2024, 4, 15), "received on Skærtorsdag"),
        # Store Bededag (5 May 2023) was a holiday; from 2024 it is abolished.
        (D(2023, 4, 28), D(2023, 5, 15), "Store Bededag 2023 counts as a holiday"),
        (D(2024, 4, 19), D(2024, 5, 3), "no Store Bededag in 2024 (26/4 is a working day)"),
        # Kristi himmelfartsdag 9 May 2024 and 2. pinsedag 20 May 2024.
        (D(2024, 5, 6), D(2024, 5, 22), "Ascension and Whit Monday 2024"),
        # Grundlovsdag 5 June is a closing day by default.
        (D(2024, 5, 29), D(2024, 6, 13), "Grundlovsdag 2024"),
        # Christmas and New Year: 24, 25, 26, 31 December and 1 January.
        (D(2024, 12, 20), D(2025, 1, 10), "Christmas and New Year 2024"),
        (D(2023, 12, 22), D(2024, 1, 10), "Christmas and New Year 2023"),
        # Received on a Saturday: counting starts Monday.
        (D(2024, 9, 7), D(2024, 9, 20), "received on a Saturday"),
    ],
)
def test_answer_deadline_table(received, deadline, why):
    assert answer_deadline(received) == deadline, why


def test_store_bededag_differs_between_2023_and_2024():
    assert DEFAULT_CALENDAR.non_working_reason(D(2023, 5, 5)) == "Store bededag"
    assert DEFAULT_CALENDAR.is_working_day(D(2024, 4, 26))


def test_holiday_names_are_danish():
    assert DEFAULT_CALENDAR.non_working_reason(D(2024, 12, 25)) == "Juledag"
    assert DEFAULT_CALENDAR.non_working_reason(D(2024, 6, 5)) == "Grundlovsdag"
    assert DEFAULT_CALENDAR.non_working_reason(D(2024, 12, 24)) == "Juleaftensdag"


def test_received_time_is_taken_in_copenhagen():
    # 23:30 UTC on 31 March 2024 is already 1 April (2. påskedag) in Copenhagen.
    late = dt.datetime(2024, 3, 31, 23, 30, tzinfo=dt.UTC)
    assert workdays.local_date(late) == D(2024, 4, 1)


def test_municipal_closing_days_are_configurable():
    without = WorkingCalendar(())
    assert without.is_working_day(D(2024, 6, 5))
    one_off = WorkingCalendar(("2024-09-13",))
    assert answer_deadline(D(2024, 9, 2), 10, one_off) == D(2024, 9, 17)


@pytest.mark.parametrize("bad", ["13-01", "31/12", "2024-02-30", "juleaften", ""])
def test_bad_closing_day_is_refused_in_danish(bad):
    with pytest.raises(workdays.CalendarError, match=r"MM-DD|gyldig"):
        workdays.parse_closing_day(bad)


def test_deadline_status_labels():
    deadline = D(2024, 9, 16)
    assert workdays.deadline_status(deadline, D(2024, 9, 2)).state == "ok"
    assert workdays.deadline_status(deadline, D(2024, 9, 13)).state == "due_soon"
    assert workdays.deadline_status(deadline, D(2024, 9, 16)).label == "Frist i dag"
    overdue = workdays.deadline_status(deadline, D(2024, 9, 18))
    assert overdue.state == "overdue" and overdue.label == "Overskredet med 2 arbejdsdage"


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(1, 30))
def test_deadline_is_a_working_day_after_receipt(received, days):
    deadline = answer_deadline(received, days)
    assert deadline > received
    assert DEFAULT_CALENDAR.is_working_day(deadline)
    assert DEFAULT_CALENDAR.working_days_between(received, deadline) == days
