"""`borgerpost search rebuild`: write every inquiry's search document again (after a
change to how documents are built, or to repair an index)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from borgerpost.core.templatetags.danish import antal
from borgerpost.search.index import rebuild


class Command(BaseCommand):
    help = "Søgeindekset: byg det forfra ud fra henvendelserne."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help="Byg søgeindekset forfra for alle henvendelser.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        with transaction.atomic():  # searches see the old index until the new one is whole
            count = rebuild()
        self.stdout.write(
            f"Søgeindekset er bygget forfra: {antal(count, 'henvendelse,henvendelser')}."
        )
