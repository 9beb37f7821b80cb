from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.loading import LoadError, load_municipality, read_file


class Command(BaseCommand):
    help = "Kommunens opsætning: `borgerpost municipality load FIL` (YAML eller JSON)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Indlæs eller opdatér en kommune fra en fil.")
        load.add_argument("file", type=Path)
        load.add_argument(
            "--passwords",
            action="store_true",
            help="Sæt adgangskoder fra filen for nye brugere (kun til test og demo).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        try:
            municipality = load_municipality(
                read_file(options["file"]), demo_passwords=options["passwords"]
            )
        except LoadError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{municipality.name} ({municipality.slug}) er indlæst.")
