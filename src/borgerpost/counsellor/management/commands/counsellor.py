"""`borgerpost counsellor import|report|export`: the citizen counsellor's register."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.models import Municipality
from borgerpost.counsellor import importing, rendering
from borgerpost.counsellor.report import annual_report


class Command(BaseCommand):
    help = "Borgerrådgiverens register: import af sager, årsberetning og netværksstatistik."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Indlæs sager fra statistikmodulets CSV-fil.")
        imp.add_argument("file", type=Path)
        rep = sub.add_parser("report", help="Årsberetningens statistik for én kommune og ét år.")
        rep.add_argument("--municipality", required=True)
        rep.add_argument("--year", type=int, required=True)
        rep.add_argument("--format", choices=["json", "html", "pdf"], default="json")
        rep.add_argument("--out", type=Path)
        exp = sub.add_parser("export", help="Anonyme tal til borgerrådgivernes netværk (CSV).")
        exp.add_argument("--year", type=int, required=True)
        exp.add_argument("--out", type=Path)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        action = options["action"]
        if action == "import":
            self._import(options["file"])
        elif action == "report":
            self._report(options)
        else:
            places = list(Municipality.objects.order_by("slug"))
            self._write(
                rendering.network_export(places, options["year"]).encode("utf-8"), options["out"]
            )

    def _import(self, path: Path) -> None:
        try:
            summary = importing.import_cases(importing.read(path))
        except importing.ImportError_ as exc:
            raise CommandError(f"{exc} Intet er importeret.") from None
        self.stdout.write(
            f"Oprettet: {summary.created}, opdateret: {summary.updated}, "
            f"uændret: {summary.unchanged}."
        )
        for label, items in (
            ("Nye kommuner", summary.new_municipalities),
            ("Nye centre", summary.new_centres),
            ("Nye klagetemaer", summary.new_themes),
        ):
            if items:
                self.stdout.write(f"{label}: {', '.join(items)}")

    def _report(self, options: dict) -> None:  # type: ignore[type-arg]
        place = Municipality.objects.filter(slug=options["municipality"]).first()
        if place is None:
            raise CommandError(f"Kommunen »{options['municipality']}« findes ikke.")
        year, fmt = options["year"], options["format"]
        if fmt == "json":
            data = json.dumps(annual_report(place, year), ensure_ascii=False, indent=2).encode()
        elif fmt == "html":
            data = rendering.render_html(place, year).encode("utf-8")
        else:
            data = rendering.render_pdf(place, year)
        self._write(data, options["out"])

    def _write(self, data: bytes, out: Path | None) -> None:
        if out:
            out.write_bytes(data)
            self.stdout.write(f"Skrevet til {out}.")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
