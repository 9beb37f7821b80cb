"""The dispatch guard for digital post to vulnerable citizens, with no Django import.

Faxe Kommune's guideline (seed 004): non-urgent digital post to a citizen assessed as
vulnerable is not sent right before weekends and public holidays, when the citizen
cannot reach the municipality for days. A letter is held when it would be sent on a
non-working day, or on the last working day before one or more non-working days at
or after the cut-off time; it is released at the release time on the next working
day. A letter with a statutory deadline (tidsfrist) or marked urgent is never held.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from borgerpost.pure.workdays import COPENHAGEN, DEFAULT_CALENDAR, WorkingCalendar

DEFAULT_CUTOFF = dt.time(12, 0)
DEFAULT_RELEASE = dt.time(8, 0)

SEND = "send"
HOLD = "hold"


@dataclass(frozen=True)
class DispatchRules:
    calendar: WorkingCalendar = DEFAULT_CALENDAR
    cutoff: dt.time = DEFAULT_CUTOFF
    release: dt.time = DEFAULT_RELEASE


@dataclass(frozen=True)
class Decision:
    action: str  # SEND or HOLD
    release_at: dt.datetime | None  # Copenhagen time, when held
    reason: str  # Danish, shown to the sender

    def as_dict(self) -> dict[str, str | None]:
        return {
            "action": self.action,
            "release_at": self.release_at.isoformat() if self.release_at else None,
            "reason": self.reason,
        }


def local(moment: dt.datetime) -> dt.datetime:
    """A moment in Copenhagen time; naive moments are taken as Copenhagen time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=COPENHAGEN)
    return moment.astimezone(COPENHAGEN)


def decide(
    at: dt.datetime,
    vulnerable: bool,
    deadline: bool = False,
    urgent: bool = False,
    rules: DispatchRules = DispatchRules(),
) -> Decision:
    """Send now, or hold until the next working day's release time."""
    when = local(at)
    if not vulnerable:
        return Decision(SEND, None, "Borgeren er ikke vurderet som sårbar: brevet sendes nu.")
    if deadline or urgent:
        why = "har en lovbestemt tidsfrist" if deadline else "er markeret som hastende"
        return Decision(
            SEND,
            None,
            f"Brevet {why} og holdes aldrig tilbage, selv om borgeren er sårbar. Overvej at "
            "varsle borgeren, fx ved at ringe, før brevet sendes.",
        )
    calendar = rules.calendar
    today = when.date()
    if not calendar.is_working_day(today):
        reason = calendar.non_working_reason(today)
        return _hold(
            when,
            rules,
            f"Det er {reason}: borgeren kan ikke komme i kontakt med "
            "kommunen, før der er åbent igen.",
        )
    tomorrow = today + dt.timedelta(days=1)
    if not calendar.is_working_day(tomorrow) and when.time() >= rules.cutoff:
        reason = calendar.non_working_reason(tomorrow)
        return _hold(
            when,
            rules,
            f"Det er sidste arbejdsdag før {reason}, og klokken er efter {rules.cutoff:%H.%M}.",
        )
    return Decision(
        SEND, None, "Brevet sendes nu: borgeren kan kontakte kommunen de følgende arbejdsdage."
    )


def _hold(when: dt.datetime, rules: DispatchRules, why: str) -> Decision:
    release_day = rules.calendar.next_working_day(when.date())
    release_at = dt.datetime.combine(release_day, rules.release, tzinfo=COPENHAGEN)
    return Decision(HOLD, release_at, f"{why} Brevet holdes til {_danish(release_at)}.")


WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def _danish(moment: dt.datetime) -> str:
    return (
        f"{WEEKDAYS[moment.weekday()]} den {moment.day}. {MONTHS[moment.month - 1]} "
        f"{moment.year} kl. {moment:%H.%M}"
    )


def parse_local(text: str) -> dt.datetime:
    """Read an ISO date-time given in Copenhagen time (as on the command line)."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"»{text}« er ikke et ISO-tidspunkt (ÅÅÅÅ-MM-DDTTT:MM).") from None
    return local(value)
