from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.demo import load_demo


class Command(BaseCommand):
    help = "Indlæs demokommunen med demobrugere og demohenvendelser (kan køres flere gange)."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if not settings.DEMO_MODE:
            # The demo accounts have a password printed in the README and on the log-in page.
            raise CommandError(
                "Demoen indlæses kun i demotilstand (BORGERPOST_DEMO=true): demobrugerne har "
                "en offentligt kendt adgangskode og må aldrig findes i en rigtig installation."
            )
        from borgerpost.core.models import Municipality

        load_demo()
        names = [m.name for m in Municipality.objects.order_by("name")]
        listed = " og ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        self.stdout.write(f"Demokommunerne er klar: {listed}.")
