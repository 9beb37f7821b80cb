from django.core.management.base import BaseCommand, CommandError

from borgerpost.pure import workdays
from borgerpost.pure.text import count_of


class Command(BaseCommand):
    help = (
        "Beregn svarfristen for en henvendelse: den N'te arbejdsdag efter modtagelsesdagen. "
        "Uden --municipality bruges standardkalenderen, og databasen bruges ikke."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "received", help="ISO-dato eller -tidspunkt, fx 2024-03-27 eller 2024-03-27T16:30"
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Antal arbejdsdage (standard: kommunens svarfrist eller 10)",
        )
        parser.add_argument("--municipality", help="Kommunens kortnavn (slug)")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        calendar, days = workdays.DEFAULT_CALENDAR, workdays.DEFAULT_ANSWER_DAYS
        if slug := options["municipality"]:
            from borgerpost.core.models import Municipality

            municipality = Municipality.objects.filter(slug=slug).first()
            if municipality is None:
                raise CommandError(f"Kommunen »{slug}« findes ikke.")
            calendar, days = municipality.calendar, municipality.answer_deadline_days
        if options["days"] is not None:
            days = options["days"]
        try:
            received = workdays.parse_received(options["received"])
            deadline = workdays.answer_deadline(received, days, calendar)
        except workdays.CalendarError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Modtaget {received:%d.%m.%Y}; svarfrist {count_of(days, 'arbejdsdag', 'arbejdsdage')}:"
        )
        self.stdout.write(deadline.isoformat())
