"""`borgerpost counts check`: compare the lists' counters with counting the rows;
`borgerpost counts rebuild`: count everything again (after a repair or a bulk load that
skipped the signals). See inquiries/counts.py."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from borgerpost.inquiries import counts


class Command(BaseCommand):
    help = "Listernes tællere: kontrollér dem mod henvendelserne, eller tæl forfra."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("check", help="Sammenlign tællerne med en optælling af rækkerne.")
        sub.add_parser("rebuild", help="Tæl alle henvendelser forfra.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["action"] == "rebuild":
            counts.rebuild()
            self.stdout.write("Tællerne er talt forfra.")
            return
        wrong = counts.verify()
        for line in wrong[:50]:
            self.stdout.write(line)
        if wrong:
            raise CommandError(
                f"{len(wrong)} tællere passer ikke. Kør »borgerpost counts rebuild«."
            )
        self.stdout.write("Tællerne passer med henvendelserne.")
