"""`borgerpost scan` as a Django management command, for `manage.py` and call_command.

The `borgerpost` command itself runs `borgerpost.pure.scanner.command` without starting
Django (see borgerpost.cli); this is the same command, listed in `borgerpost help`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from borgerpost.pure.scanner.command import HELP
from borgerpost.pure.scanner.command import main as scan_main


class Command(BaseCommand):
    help = HELP
    requires_system_checks: list[str] = []

    def run_from_argv(self, argv: list[str]) -> None:
        # The scanner's own parser: argv is ["borgerpost", "scan", ...].
        status = scan_main(argv[2:])
        if status:
            raise SystemExit(status)

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("args", nargs="*")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        status = scan_main(list(args))
        if status:
            raise CommandError("Nogle linjer kunne ikke læses.", returncode=status)
