import secrets

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Lav en ny SECRET_KEY til serverens miljø. Gem den sikkert: mailboksenes "
        "adgangskoder er låst med den."
    )
    requires_system_checks: list[str] = []

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        self.stdout.write(secrets.token_urlsafe(50))
