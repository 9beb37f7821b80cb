"""`borgerpost restore FILE`: into an empty database and file folder (core/backup.py)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borgerpost.audit.log import verify_all
from borgerpost.core.backup import backup_key, restore_backup
from borgerpost.core.exceptions import RuleError


class Command(BaseCommand):
    help = "Gendan en sikkerhedskopi i en tom database og en tom filmappe."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        source: Path = options["file"]
        if not source.is_file():
            raise CommandError(f"{source} findes ikke.")
        try:
            with open(source, "rb") as handle:
                summary = restore_backup(handle, backup_key())
        except RuleError as exc:
            raise CommandError(str(exc)) from None
        reports = verify_all()
        if broken := [r for r in reports if not r.whole]:
            raise CommandError(
                f"Gendannet, men revisionsloggen er ikke hel: {broken[0].reason} (er "
                "BORGERPOST_AUDIT_KEY den samme som på serveren, kopien kom fra?)."
            )
        self.stdout.write(
            f"Gendannet: {sum(summary.rows.values())} rækker, {summary.files} filer. "
            f"Revisionsloggen er hel ({sum(r.entries for r in reports)} poster)."
        )
