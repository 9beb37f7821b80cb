import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django_tasks_db.management.commands.db_worker import Worker

from borgerpost.core.scheduler import due_jobs
from borgerpost.intake.service import take_mail_from_due_mailboxes
from borgerpost.letters.actions import release_due_letters
from borgerpost.letters.folders import take_letters_from_folders
from borgerpost.outgoing.delivery import deliver_due

logger = logging.getLogger("borgerpost.worker")

# What the worker does every round, in this order: held letters are released into the
# outbox before the outbox is sent, so a letter due now leaves in the same round.
ROUND: list[tuple[str, Callable[[], Any]]] = [
    ("daily jobs", due_jobs),
    ("letters from systems' folders", take_letters_from_folders),
    ("held letters", release_due_letters),
    ("mail intake", take_mail_from_due_mailboxes),
    ("outgoing post", deliver_due),
]


def run_round() -> None:
    """One round of background work. Each part runs on its own: a part that fails is
    logged (the kind of error, never content) and the others still run."""
    for name, job in ROUND:
        try:
            result = job()
        except Exception as exc:
            logger.error("worker: %s failed: %s", name, type(exc).__name__)
            if isinstance(exc, DatabaseError):
                close_old_connections()  # a broken connection is opened again
            continue
        if result:
            logger.info("worker: %s: %s", name, result)


class Command(BaseCommand):
    help = (
        "Baggrundsarbejde: post ud, mail ind, tilbageholdte breve, daglige påmindelser og "
        "køen af opgaver i databasen. Flere workers kan køre mod samme database."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--interval", type=float, default=5.0)
        parser.add_argument("--once", action="store_true", help="Kør det, der er klar, og stop.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        import os
        import socket

        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            excluded_queue_names=[],
            worker_id=f"{socket.gethostname()}-{os.getpid()}",
        )
        worker.configure_signals()
        while worker.running:
            close_old_connections()
            run_round()
            worker.run()
            if options["once"]:
                # Tasks run just now may have put post in the outbox: send it this time.
                run_round()
                return
            time.sleep(options["interval"])
