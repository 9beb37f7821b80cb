"""`borgerpost backup FILE`: the database and the stored files, encrypted (core/backup.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.backup import backup_key, fingerprint, new_key, write_backup
from borgerpost.core.exceptions import RuleError


class Command(BaseCommand):
    help = "Sikkerhedskopi af databasen og de gemte filer, krypteret med BORGERPOST_BACKUP_KEY."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", nargs="?", type=Path)
        parser.add_argument("--new-key", action="store_true", help="Lav en ny nøgle og stop.")
        parser.add_argument(
            "--fingerprint",
            action="store_true",
            help="Skriv et fingeraftryk af databasen og filerne (JSON) til at sammenligne "
            "med efter en gendannelse.",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["new_key"]:
            self.stdout.write(new_key())
            return
        if options["fingerprint"]:
            self.stdout.write(json.dumps(fingerprint(), indent=1, sort_keys=True))
            return
        if options["file"] is None:
            raise CommandError("Angiv filen, sikkerhedskopien skal skrives til.")
        target: Path = options["file"]
        if target.exists():
            raise CommandError(f"{target} findes allerede. Vælg et nyt filnavn.")
        try:
            key = backup_key()
            partial = target.with_name(target.name + ".delvis")
            with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                summary = write_backup(out, key)
            partial.rename(target)  # only a whole backup gets the name asked for
        except RuleError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Sikkerhedskopi skrevet til {target}: {sum(summary.rows.values())} rækker, "
            f"{summary.files} filer."
        )
        for missing in summary.missing_files:
            self.stderr.write(f"Filen {missing} blev slettet under kopieringen og er ikke med.")
