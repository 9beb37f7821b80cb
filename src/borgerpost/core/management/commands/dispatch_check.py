"""`borgerpost dispatch-check`: would a letter be sent now or held for a vulnerable citizen?"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from borgerpost.pure import dispatch


class Command(BaseCommand):
    help = (
        "Afgør, om et brev sendes nu eller holdes tilbage (sårbare borgere før weekender og "
        "helligdage). Skriver ét JSON-objekt. Uden --municipality bruges standardkalenderen, "
        "og databasen bruges ikke."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--at", required=True, help="Tidspunkt i dansk tid, fx 2024-03-28T13:00"
        )
        parser.add_argument("--vulnerable", action="store_true", help="Borgeren er vurderet sårbar")
        parser.add_argument("--deadline", action="store_true", help="Brevet har en tidsfrist")
        parser.add_argument("--urgent", action="store_true", help="Brevet er hastende")
        parser.add_argument("--municipality", help="Kommunens kortnavn (slug)")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        try:
            at = dispatch.parse_local(options["at"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        rules = dispatch.DispatchRules()
        if slug := options["municipality"]:
            from borgerpost.core.models import Municipality

            municipality = Municipality.objects.filter(slug=slug).first()
            if municipality is None:
                raise CommandError(f"Kommunen »{slug}« findes ikke.")
            rules = municipality.dispatch_rules
        decision = dispatch.decide(
            at, options["vulnerable"], options["deadline"], options["urgent"], rules
        )
        self.stdout.write(json.dumps(decision.as_dict(), ensure_ascii=False))
