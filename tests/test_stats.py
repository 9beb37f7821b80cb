"""»Overblik« and `borgerpost stats` (issue 18): received, answered, the share answered
within the deadline, the median answer time in working days, overdue now, by month,
centre, channel, answer path and member."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from borgerpost.audit.models import AuditEntry
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import Inquiry
from borgerpost.pure import inquirystats
from borgerpost.pure.workdays import WorkingCalendar

KEYS = {
    "received",
    "answered",
    "answered_within_deadline",
    "share_within_deadline",
    "median_working_days",
    "overdue_now",
    "by_month",
    "by_centre",
    "by_channel",
}


def row(received, deadline, answered=None, is_open=False, channel="mail"):  # type: ignore[no-untyped-def]
    return inquirystats.Row(received, deadline, answered, is_open, channel, "personal", "C", "M")


def test_figures_count_working_days_and_deadlines():
    monday = dt.date(2025, 3, 3)
    rows = [
        row(monday, dt.date(2025, 3, 17), answered=dt.date(2025, 3, 5)),  # 2 working days
        row(monday, dt.date(2025, 3, 17), answered=dt.date(2025, 3, 17)),  # on the day: within
        row(monday, dt.date(2025, 3, 17), answered=dt.date(2025, 3, 18)),  # a day late
        row(dt.date(2025, 4, 7), dt.date(2025, 4, 23), is_open=True, channel="phone"),
    ]
    figures = inquirystats.figures(
        rows,
        WorkingCalendar(),
        dt.date(2025, 12, 1),
        inquirystats.months_of(dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    )
    assert set(figures) >= KEYS
    assert (figures["received"], figures["answered"], figures["answered_within_deadline"]) == (
        4,
        3,
        2,
    )
    assert figures["share_within_deadline"] == 0.667
    assert figures["median_working_days"] == 10  # 2, 10, 11
    assert figures["overdue_now"] == 1
    assert [m["month"] for m in figures["by_month"]][:4] == [
        "2025-01",
        "2025-02",
        "2025-03",
        "2025-04",
    ]
    assert len(figures["by_month"]) == 12 and figures["by_month"][0]["received"] == 0
    assert figures["by_month"][2]["received"] == 3
    assert [c["channel"] for c in figures["by_channel"]] == ["mail", "phone"]
    assert (
        inquirystats.figures([], WorkingCalendar(), dt.date(2025, 1, 1))["share_within_deadline"]
        is None
    )


def test_an_answer_over_easter_counts_working_days_only():
    # Received the Wednesday before Easter 2025; answered the Wednesday after: Maundy
    # Thursday, Good Friday, the weekend and Easter Monday are not working days.
    figures = inquirystats.figures(
        [row(dt.date(2025, 4, 16), dt.date(2025, 5, 6), answered=dt.date(2025, 4, 23))],
        WorkingCalendar(),
        dt.date(2025, 12, 1),
    )
    assert figures["median_working_days"] == 2


@pytest.fixture
def history(world, new_inquiry):  # type: ignore[no-untyped-def]
    """Three of Sara's inquiries from 2025, two sent to the administration."""

    def at(day: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))

    made = []
    for n, day in enumerate([dt.date(2025, 3, 3), dt.date(2025, 3, 3), dt.date(2025, 4, 7)]):
        made.append(
            actions.do_register_inquiry(
                world.sara,
                new_inquiry(received_at=at(day), citizen_email=f"s{n}@example.dk", channel="mail"),
            ).inquiry
        )
    quick, late, _open = made
    for inquiry in (quick, late):
        decision = TriageDecision("case", "administration", None, False, "not_relevant")
        actions.do_triage(world.sara, inquiry, decision)
        actions.do_forward_to_administration(world.sara, inquiry)
        actions.do_administration_answer(world.pia, inquiry, "phone", "Talt med borgeren.")
    Inquiry.objects.filter(pk=quick.pk).update(answered_at=at(dt.date(2025, 3, 5)))
    Inquiry.objects.filter(pk=late.pk).update(answered_at=at(dt.date(2025, 3, 31)))
    return made


def test_the_command_prints_the_figures_as_json(history):
    out = io.StringIO()
    call_command(
        "stats", "--municipality", "ishoj", "--year", "2025", "--format", "json", stdout=out
    )
    figures = json.loads(out.getvalue())
    assert set(figures) >= KEYS
    assert figures["received"] == 3
    assert figures["answered"] == 2
    assert figures["answered_within_deadline"] == 1
    assert figures["share_within_deadline"] == 0.5
    assert figures["median_working_days"] == 11  # 2 and 20 working days
    assert figures["overdue_now"] == 1
    assert [m["received"] for m in figures["by_month"]][2:4] == [2, 1]
    assert figures["by_centre"] == [
        {
            "centre": "Ikke fordelt",
            **{k: figures[k] for k in KEYS - {"by_month", "by_centre", "by_channel"}},
        }
    ]
    assert "by_member" not in figures  # the operator sees no breakdown by member
    csv = io.StringIO()
    call_command(
        "stats", "--municipality", "ishoj", "--year", "2025", "--format", "csv", stdout=csv
    )
    assert "i alt;2025;3;2;1;0,500;11;1" in csv.getvalue()


def test_the_command_refuses_what_it_cannot_count(world):
    with pytest.raises(CommandError, match="Ukendt kommune"):
        call_command("stats", "--municipality", "nowhere")
    with pytest.raises(CommandError, match="2000"):
        call_command("stats", "--municipality", "ishoj", "--year", "1066")


def test_the_overview_counts_what_each_person_may_see(history, world, client_for, new_inquiry):
    page = client_for("pia").get(reverse("overview", args=["ishoj"]) + "?aar=2025")
    text = page.content.decode()
    assert page.status_code == 200
    # The secretariat counts what was sent to it (2), by the member who sent it.
    assert "<dt>Modtaget</dt><dd>2</dd>" in text
    assert "<dt>Besvaret inden for fristen</dt><dd>1 (50 %)</dd>" in text
    assert "Sara Ahmadi" in text and "<svg" in text and 'role="img"' in text
    # Sara counts her own three; Kasper has none.
    assert (
        "<dt>Modtaget</dt><dd>3</dd>"
        in client_for("sara")
        .get(reverse("overview", args=["ishoj"]) + "?aar=2025")
        .content.decode()
    )
    assert (
        "<dt>Modtaget</dt><dd>0</dd>"
        in client_for("kasper")
        .get(reverse("overview", args=["ishoj"]) + "?aar=2025")
        .content.decode()
    )
    for who in ("thomas", "birgit", "dorte"):
        assert client_for(who).get(reverse("overview", args=["ishoj"])).status_code in (403, 404)


def test_the_overview_as_csv_is_audited_and_odd_years_are_harmless(history, client_for):
    client = client_for("pia")
    response = client.get(reverse("overview", args=["ishoj"]) + "?aar=2025&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8").startswith("\ufeffopdeling;værdi;modtaget")
    assert AuditEntry.objects.filter(action="stats.exported").count() == 1
    for year in ("x", "-1", "99999", "2025.5", ""):
        assert client.get(reverse("overview", args=["ishoj"]), {"aar": year}).status_code == 200
