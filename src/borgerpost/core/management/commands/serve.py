"""`borgerpost serve`: borgerpost's web server for production (gunicorn, threaded workers).

The application is loaded and warmed up once in the master process (core.warmup), so
every worker starts with the views imported, the templates compiled and the guard's
rule sets built, and the first people to open a page do not wait for it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from borgerpost.wsgi import application

        return application


def _before_fork(server: Any, worker: Any) -> None:
    # Each worker opens its own database connections; none may be shared across a fork.
    connections.close_all()


class Command(BaseCommand):
    help = (
        "Starter borgerpost som webserver til drift (gunicorn med tråde). "
        "Sæt en TLS-terminerende proxy foran, og BEHIND_TLS_PROXY=true."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--bind",
            default=settings.WEB_BIND,
            help="adresse:port (standard: BORGERPOST_BIND eller 127.0.0.1:8000)",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.WEB_WORKERS,
            help="processer (standard: BORGERPOST_WEB_WORKERS eller 2 pr. kerne)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=settings.WEB_THREADS,
            help="tråde pr. proces (standard: BORGERPOST_WEB_THREADS eller 4)",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["workers"] < 1 or options["threads"] < 1:
            raise CommandError("--workers og --threads skal være mindst 1.")
        _Server(
            {
                "bind": options["bind"],
                "workers": options["workers"],
                "threads": options["threads"],
                "worker_class": "gthread",
                "preload_app": True,
                "pre_fork": _before_fork,
                # Browsers keep a connection open between pages; a proxy does the rest.
                "keepalive": 30,
                "timeout": 60,
                "graceful_timeout": 30,
                # Requests are not logged here: the audit log records who saw what, and an
                # access log would be one more place holding who asked for which record.
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "borgerpost",
            }
        ).run()
