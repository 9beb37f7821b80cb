"""`borgerpost audit`: verify the audit log's chains, anchor them outside the database,
make a key for them, and give the council the citizen counsellor's access log."""

from __future__ import annotations

import base64
import csv
import secrets
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from borgerpost.audit.log import anchor_chains, anchor_file, chain_of, verify_all
from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Municipality


class Command(BaseCommand):
    help = "Revisionsloggen: kontrollér kæderne, forankr dem uden for databasen, lav en nøgle."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser(
            "verify", help="Kontrollér at ingen post er ændret, slettet eller indsat."
        )
        verify.add_argument("--municipality", help="Kun denne kommunes kæde (kortnavn)")
        sub.add_parser("anchor", help="Skriv kædernes nyeste poster til ankerfilen nu.")
        sub.add_parser("new-key", help="Lav en nøgle til BORGERPOST_AUDIT_KEY.")
        counsellor = sub.add_parser(
            "counsellor",
            help="Borgerrådgiverregistrets adgangslog som CSV, til byrådets tilsyn.",
        )
        counsellor.add_argument("--municipality", required=True)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        action = options["action"]
        if action == "new-key":
            self.stdout.write(
                base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
            )
            return
        if action == "anchor":
            count = anchor_chains()
            self.stdout.write(f"{count} kæder forankret i {anchor_file()}.")
            return
        if action == "counsellor":
            self._counsellor(options["municipality"])
            return
        chain = None
        if options.get("municipality"):
            place = Municipality.objects.filter(slug=options["municipality"]).first()
            if place is None:
                raise CommandError(f"Kommunen »{options['municipality']}« findes ikke.")
            chain = chain_of(place)
        reports = verify_all(chain)
        broken = [r for r in reports if not r.whole]
        for report in broken:
            where = f" ved post {report.first_broken}" if report.first_broken else ""
            self.stderr.write(f"Kæde {report.chain} er brudt{where}: {report.reason}.")
        if broken:
            first = broken[0]
            where = f" ved post {first.first_broken}" if first.first_broken else ""
            raise CommandError(f"Loggen er brudt{where}: {first.reason}.")
        total = sum(r.entries for r in reports)
        self.stdout.write(f"Loggen er hel: {total} poster i {len(reports)} kæder kontrolleret.")

    def _counsellor(self, slug: str) -> None:
        """Nobody in the municipality sees who opened the counsellor's cases; the council,
        which the counsellor answers to, can have the operator print it (docs)."""
        place = Municipality.objects.filter(slug=slug).first()
        if place is None:
            raise CommandError(f"Kommunen »{slug}« findes ikke.")
        writer = csv.writer(sys.stdout, delimiter=";")
        writer.writerow(["tidspunkt", "person", "handling", "sag"])
        entries = AuditEntry.objects.filter(
            municipality=place, action__startswith="counsellor"
        ).select_related("actor")
        for entry in entries.order_by("at", "pk").iterator():
            writer.writerow(
                [
                    timezone.localtime(entry.at).strftime("%d-%m-%Y %H:%M:%S"),
                    entry.actor.get_full_name() if entry.actor else "borgerpost",
                    entry.action,
                    entry.object_id,
                ]
            )
