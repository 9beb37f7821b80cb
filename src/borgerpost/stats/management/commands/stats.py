"""`borgerpost stats`: how a municipality is doing against the 10 working days."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.inquiries.models import Inquiry
from borgerpost.stats.export import as_csv, as_text
from borgerpost.stats.figures import figures_for

# The operator's view of the whole municipality: counts only, and no breakdown by
# member (what each member received is the member's own business, styrelseslov § 8 b).
GROUPS = ("by_month", "by_centre", "by_channel", "by_path")


class Command(BaseCommand):
    help = "Svartider og frister for en kommunes henvendelser i et år."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--municipality", required=True, help="kommunens kortnavn")
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--format", choices=["json", "csv", "text"], default="text")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        place = Municipality.objects.filter(slug=options["municipality"]).first()
        if place is None:
            raise CommandError(f"Ukendt kommune: {options['municipality']}")
        if not 2000 <= options["year"] <= 2100:
            raise CommandError("Året skal være mellem 2000 og 2100.")
        figures = figures_for(
            Inquiry.objects.in_municipality(place), place, options["year"], GROUPS
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2))
        elif options["format"] == "csv":
            self.stdout.write(as_csv(figures), ending="")
        else:
            self.stdout.write(as_text(figures))
