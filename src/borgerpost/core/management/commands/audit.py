from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.audit import verify_chain


class Command(BaseCommand):
    help = "Revisionsloggen: `borgerpost audit verify` kontrollerer kæden af hashes."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Kontrollér at ingen post er ændret, slettet eller indsat.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        report = verify_chain()
        if report.first_broken is not None or report.reason != "kæden er hel":
            where = f" ved post {report.first_broken}" if report.first_broken else ""
            raise CommandError(f"Loggen er brudt{where}: {report.reason}.")
        self.stdout.write(f"Loggen er hel: {report.entries} poster kontrolleret.")
