from django.core.management.base import BaseCommand
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.retention import rules


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
                f"{place.slug}: {verb} indholdet af {len(result.inquiries)} henvendelser og "
                f"personoplysninger i {len(result.counsellor_cases)} borgerrådgiversager; "
                f"{len(result.quarantined_mails)} mails i karantæne; "
                f"{len(result.letters)} breve, {len(result.citizens)} borgere i brevregistret, "
                f"{len(result.lapsed_assessments)} vurderinger af sårbarhed og "
                f"{len(result.outgoing)} beskeder i udbakken; "
                f"{len(result.waiting_for_case_number)} venter på journalnummer."
            )
        if not options["dry_run"]:
            removed = rules.erase_outbox_files(now)
            self.stdout.write(f"Filer i udbakkerne: slettede {removed}.")
