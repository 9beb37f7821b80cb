import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Worker

from borgerpost.core.scheduler import due_jobs
from borgerpost.intake.service import take_mail_from_due_mailboxes
from borgerpost.letters.actions import release_due_letters

logger = logging.getLogger("borgerpost.worker")


class Command(BaseCommand):
    help = (
        "Baggrundsarbejde: daglige påmindelser og køen af opgaver i databasen. "
        "Flere workers kan køre mod samme database."
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
            for job in due_jobs():
                logger.info("enqueued daily job %s", job)
            if released := release_due_letters():
                logger.info("released %d held letters", released)
            intake = take_mail_from_due_mailboxes()
            if intake.created or intake.quarantined:
                logger.info(
                    "mail intake: %d new inquiries, %d quarantined",
                    intake.created,
                    intake.quarantined,
                )
            worker.run()
            if options["once"]:
                return
            time.sleep(options["interval"])
