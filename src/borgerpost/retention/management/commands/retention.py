from django.core.management.base import BaseCommand
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.pure.text import count_of
from borgerpost.retention import rules


def n(items: list[int], singular: str, plural: str) -> str:
    return count_of(len(items), singular, plural)


class Command(BaseCommand):
    help = (
        "Slet personoplysninger, hvis tid er gået (henvendelser 30 dage efter afslutning, "
        "borgerrådgiverens sager efter dennes egen frist, mails i karantæne 30 dage efter "
        "modtagelse, breve, borgere i brevregistret, vurderinger af sårbarhed og udbakken "
        "efter kommunens frister). --dry-run viser kun, hvad der ville blive slettet."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        now = timezone.now()
        for place in Municipality.objects.order_by("slug"):
            result = rules.plan(place, now) if options["dry_run"] else rules.run(place, now)
            verb = "ville slette" if options["dry_run"] else "slettede"
            self.stdout.write(
                f"{place.slug}: {verb} indholdet af "
                f"{n(result.inquiries, 'henvendelse', 'henvendelser')} og personoplysninger i "
                f"{n(result.counsellor_cases, 'borgerrådgiversag', 'borgerrådgiversager')}; "
                f"{n(result.quarantined_mails, 'mail', 'mails')} i karantæne; "
                f"{n(result.letters, 'brev', 'breve')}, "
                f"{n(result.citizens, 'borger', 'borgere')} i brevregistret, "
                f"{n(result.lapsed_assessments, 'vurdering', 'vurderinger')} af sårbarhed og "
                f"{n(result.outgoing, 'besked', 'beskeder')} i udbakken; "
                f"{len(result.waiting_for_case_number)} venter på journalnummer."
            )
        if not options["dry_run"]:
            removed = rules.erase_outbox_files(now)
            self.stdout.write(f"Udbakkerne: slettede {count_of(removed, 'fil', 'filer')}.")
