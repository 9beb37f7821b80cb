"""`borgerpost mail import`: a council member's exported mail (.eml folders, .mbox files)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.access import actor_for
from borgerpost.core.models import Municipality
from borgerpost.inquiries.bulk import count_messages, import_mail


class Command(BaseCommand):
    help = "Importér et byrådsmedlems mail (mapper med .eml-filer og .mbox-filer) som henvendelser."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Importér mail som henvendelser.")
        imp.add_argument("paths", nargs="+", type=Path)
        imp.add_argument("--municipality", required=True)
        imp.add_argument("--member", required=True, help="Brugernavn på byrådsmedlemmet")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        place = Municipality.objects.filter(slug=options["municipality"]).first()
        user = get_user_model().objects.filter(username=options["member"]).first()
        actor = actor_for(user, place) if place and user else None
        if actor is None or not actor.is_council_member:
            raise CommandError("Angiv en kommune og et byrådsmedlem i den kommune.")
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"Findes ikke: {', '.join(missing)}")
        total = count_messages(options["paths"])

        def progress(done: int) -> None:
            width = 30
            filled = width * done // max(1, total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                sys.stderr.write("\n")

        summary = import_mail(actor, options["paths"], progress)
        self.stdout.write(
            f"Importeret: {summary.imported}, samme henvendelse som et andet medlems: "
            f"{summary.added_recipient}, sprunget over som dubletter: {summary.duplicates}, "
            f"afvist: {len(summary.rejected)}."
        )
        for where, why in summary.rejected:
            self.stdout.write(f"Afvist {where}: {why}")
