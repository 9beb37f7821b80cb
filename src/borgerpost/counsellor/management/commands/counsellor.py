"""`borgerpost counsellor import|report|export`: the citizen counsellor's register."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.models import Municipality
from borgerpost.counsellor import importing, rendering
from borgerpost.counsellor.models import ImportMapping
from borgerpost.counsellor.report import Period, period_from, report_for


class Command(BaseCommand):
    help = "Borgerrådgiverens register: import af sager, årsberetning og netværksstatistik."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Indlæs sager fra statistikmodulets CSV-fil.")
        imp.add_argument("file", type=Path)
        imp.add_argument(
            "--mapping",
            metavar="KOMMUNE",
            help="brug de kolonner, borgerrådgiveren har godkendt i browseren for kommunen",
        )
        rep = sub.add_parser(
            "report",
            help="Årsberetningens statistik for én kommune: et år (--year) eller en periode "
            "(--from og --to), fx til midtvejsstatus.",
        )
        rep.add_argument("--municipality", required=True)
        rep.add_argument("--year", type=int)
        rep.add_argument("--from", dest="start", metavar="ÅÅÅÅ-MM-DD")
        rep.add_argument("--to", dest="end", metavar="ÅÅÅÅ-MM-DD")
        rep.add_argument("--format", choices=["json", "html", "pdf"], default="json")
        rep.add_argument("--out", type=Path)
        exp = sub.add_parser("export", help="Anonyme tal til borgerrådgivernes netværk (CSV).")
        exp.add_argument("--year", type=int, required=True)
        exp.add_argument("--out", type=Path)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        action = options["action"]
        if action == "import":
            self._import(options["file"], options["mapping"])
        elif action == "report":
            self._report(options)
        else:
            places = list(Municipality.objects.order_by("slug"))
            self._write(
                rendering.network_export(places, options["year"]).encode("utf-8"), options["out"]
            )

    def _import(self, path: Path, mapping_of: str | None) -> None:
        mapping = None
        if mapping_of:
            saved = ImportMapping.objects.filter(municipality__slug=mapping_of).first()
            if saved is None:
                raise CommandError(
                    f"Der er ingen godkendte kolonner for »{mapping_of}«. Godkend dem først "
                    "under »Import« i browseren."
                )
            mapping = saved.columns
        try:
            summary = importing.import_cases(importing.read(path), mapping)
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
        period, fmt = self._period(options), options["format"]
        if fmt == "json":
            data = json.dumps(report_for(place, period), ensure_ascii=False, indent=2).encode()
        elif fmt == "html":
            data = rendering.render_html(place, period).encode("utf-8")
        else:
            data = rendering.render_pdf(place, period)
        self._write(data, options["out"])

    def _period(self, options: dict) -> Period:  # type: ignore[type-arg]
        year, start, end = options["year"], options["start"], options["end"]
        if year is not None and not (start or end):
            if not 1990 <= year <= 2100:
                raise CommandError("Året skal ligge mellem 1990 og 2100.")
            return Period.year(year)
        if year is None and start and end:
            try:
                return period_from(start, end)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
        raise CommandError("Angiv enten --year eller både --from og --to.")

    def _write(self, data: bytes, out: Path | None) -> None:
        if out:
            out.write_bytes(data)
            self.stdout.write(f"Skrevet til {out}.")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
