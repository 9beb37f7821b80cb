"""Daily jobs, enqueued on the database's task queue at most once a day.

Several workers may run against one PostgreSQL: each claims a job for the day by
inserting a row with a unique (job, day); only the one that succeeds enqueues it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from borgerpost.core.models import ScheduledRun
from borgerpost.jobs.isolation import record_failure

logger = logging.getLogger("borgerpost.worker")


@dataclass(frozen=True)
class DailyJob:
    name: str
    at: dt.time
    task: str  # dotted path to a django_tasks Task


DAILY_JOBS = [
    DailyJob("audit-anchor", dt.time(1, 0), "borgerpost.audit.tasks.anchor_audit_chains"),
    DailyJob("retention", dt.time(2, 0), "borgerpost.retention.tasks.daily_retention"),
    DailyJob("deadline-reminders", dt.time(7, 0), "borgerpost.inquiries.tasks.deadline_reminders"),
]


def due_jobs(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every daily job whose time has come today and was not yet claimed."""
    local = timezone.localtime(now or timezone.now())
    enqueued = []
    for job in DAILY_JOBS:
        if local.time() < job.at:
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, day=local.date())
                import_string(job.task).enqueue()
        except IntegrityError:
            continue  # another worker claimed it today
        except DatabaseError:
            raise
        except Exception as exc:  # one job that cannot start never keeps the others back
            logger.error("daily job %s not enqueued: %s", job.name, type(exc).__name__)
            record_failure(
                f"daily job {job.name}",
                None,
                None,
                f"Det daglige job »{job.name}« kunne ikke startes.",
            )
            continue
        enqueued.append(job.name)
    return enqueued
