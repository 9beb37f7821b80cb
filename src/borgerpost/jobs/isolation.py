"""Running each piece of background work on its own.

A worker round does many things (release held letters, read mailboxes, send the outbox,
delete what retention says, send reminders). Before this, one letter the worker could
not send raised, the worker died, and it died the same way on every restart: nothing
else ran again. Now each piece runs inside `isolated`, in its own savepoint:

- success clears any open problem for it;
- a failure is recorded as a JobProblem with a Danish reason, and the piece is tried
  again after a growing pause (`BACKOFF`), or, when trying again cannot help (`Park`),
  parked until a person acts; the piece's own page says so;
- the worker goes on with the next piece either way. Only a failure of the database
  itself stops a round, since nothing else can run then either.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import DatabaseError, models, transaction
from django.utils import timezone

from .models import JobProblem

logger = logging.getLogger("borgerpost.jobs")
T = TypeVar("T")

BACKOFF = [dt.timedelta(minutes=m) for m in (1, 5, 15, 60, 240, 720, 1440)]


class Park(Exception):
    """Trying again cannot help; a person must act. The message is Danish."""


def _key(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.model_name or type(obj).__name__.lower(), str(obj.pk)


def waiting(job: str, obj: models.Model | None, now: dt.datetime | None = None) -> bool:
    """True while the piece is parked or in its pause after a failure."""
    object_type, object_id = _key(obj)
    problem = JobProblem.objects.filter(
        job=job, object_type=object_type, object_id=object_id, resolved_at__isnull=True
    ).first()
    if problem is None:
        return False
    return problem.parked or (problem.next_attempt_at or timezone.now()) > (now or timezone.now())


def isolated(
    job: str,
    obj: models.Model | None,
    municipality: Any,
    work: Callable[[], T],
    now: dt.datetime | None = None,
    on_park: Callable[[str], None] | None = None,
) -> T | None:
    """Run one piece of background work on its own; None if it failed (and was recorded)."""
    try:
        with transaction.atomic():
            result = work()
    except DatabaseError:
        raise
    except Park as exc:
        _record(job, obj, municipality, str(exc), now, parked=True)
        if on_park is not None:
            with transaction.atomic():
                on_park(str(exc))
        return None
    except Exception as exc:
        logger.warning("job %s on %s %s failed: %s", job, *_key(obj), type(exc).__name__)
        reason = (
            str(exc)
            if _is_danish(exc)
            else f"Teknisk fejl ({type(exc).__name__}). Der prøves igen."
        )
        _record(job, obj, municipality, reason, now, parked=False)
        return None
    _resolve(job, obj)
    return result


def _is_danish(exc: Exception) -> bool:
    from borgerpost.core.exceptions import RuleError
    from borgerpost.guard.service import GuardBlocked

    return isinstance(exc, RuleError | GuardBlocked)


def record_failure(
    job: str, obj: models.Model | None, municipality: Any, reason: str, parked: bool = False
) -> None:
    """For work that manages its own transactions (mail intake commits mail by mail, so it
    cannot run inside `isolated`'s savepoint): record a failure the same way."""
    _record(job, obj, municipality, reason, None, parked=parked)


def resolve(job: str, obj: models.Model | None) -> None:
    _resolve(job, obj)


def _record(
    job: str,
    obj: models.Model | None,
    municipality: Any,
    reason: str,
    now: dt.datetime | None,
    parked: bool,
) -> None:
    now = now or timezone.now()
    object_type, object_id = _key(obj)
    with transaction.atomic():
        problem = (
            JobProblem.objects.select_for_update()
            .filter(job=job, object_type=object_type, object_id=object_id, resolved_at__isnull=True)
            .first()
        )
        if problem is None:
            problem = JobProblem(
                job=job,
                object_type=object_type,
                object_id=object_id,
                municipality=municipality,
                first_failed_at=now,
                attempts=0,
            )
        problem.attempts += 1
        problem.last_failed_at = now
        problem.reason = reason[:500]
        problem.parked = parked or problem.attempts > len(BACKOFF)
        problem.next_attempt_at = (
            None if problem.parked else now + BACKOFF[min(problem.attempts, len(BACKOFF)) - 1]
        )
        problem.save()


def _resolve(job: str, obj: models.Model | None) -> None:
    object_type, object_id = _key(obj)
    JobProblem.objects.filter(
        job=job, object_type=object_type, object_id=object_id, resolved_at__isnull=True
    ).update(resolved_at=timezone.now())
