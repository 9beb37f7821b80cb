from django.core.management.base import BaseCommand

from borgerpost.core.demo import load_demo


class Command(BaseCommand):
    help = "Indlæs demokommunen med demobrugere og demohenvendelser (kan køres flere gange)."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        municipality = load_demo()
        self.stdout.write(f"Demokommunen {municipality.name} er klar.")
