"""`borgerpost mail`: import exported mail, and read connected mailboxes now."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.access import actor_for
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality
from borgerpost.inquiries.bulk import count_messages, import_mail
from borgerpost.intake.actions import do_connect_file_folder
from borgerpost.intake.interfaces import MailboxError
from borgerpost.intake.models import Mailbox
from borgerpost.intake.service import take_new_mail


class Command(BaseCommand):
    help = "Mail ind i borgerpost: importér eksporteret mail, eller hent fra forbundne postkasser."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Importér mail (.eml-mapper, .mbox) som henvendelser.")
        imp.add_argument("paths", nargs="+", type=Path)
        imp.add_argument("--municipality", required=True)
        imp.add_argument("--member", required=True, help="Brugernavn på byrådsmedlemmet")
        folder = sub.add_parser(
            "folder",
            help="Forbind en mappe med .eml-filer som kommunens hovedpostkasse "
            "(under BORGERPOST_MAIL_FOLDERS).",
        )
        folder.add_argument("path")
        folder.add_argument("--municipality", required=True)
        fetch = sub.add_parser("fetch", help="Hent nye mails fra forbundne postkasser nu.")
        fetch.add_argument("--mailbox", type=int, help="Kun denne postkasse (id)")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["action"] == "fetch":
            self._fetch(options["mailbox"])
        elif options["action"] == "folder":
            self._folder(options["path"], options["municipality"])
        else:
            self._import(options)

    def _folder(self, path: str, slug: str) -> None:
        place = Municipality.objects.filter(slug=slug).first()
        if place is None:
            raise CommandError(f"Ingen kommune med kortnavnet »{slug}«.")
        try:
            mailbox = do_connect_file_folder(place, path)
        except RuleError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Postkasse {mailbox.pk}: mappen {mailbox.folder} læses nu som {place}s "
            "hovedpostkasse (borgerpost mail fetch, eller arbejderen)."
        )

    def _fetch(self, only: int | None) -> None:
        boxes = Mailbox.objects.filter(active=True).select_related("municipality", "member")
        if only is not None:
            boxes = boxes.filter(pk=only)
            if not boxes.exists():
                raise CommandError(f"Ingen aktiv postkasse med id {only}.")
        failed = False
        for mailbox in boxes:
            try:
                s = take_new_mail(mailbox)
            except MailboxError as exc:
                self.stderr.write(f"Postkasse {mailbox.pk}: {exc}")
                failed = True
                continue
            state = " (læses allerede af en anden proces)" if s.busy else ""
            self.stdout.write(
                f"Postkasse {mailbox.pk}{state}: nye {s.created}, samme som registrerede "
                f"{s.joined}, dubletter {s.duplicates}, karantæne {s.quarantined}, "
                f"hentet før en afbrydelse og markeret nu {s.marked_again}."
            )
        if failed:
            raise CommandError("Nogle postkasser kunne ikke læses.")

    def _import(self, options) -> None:  # type: ignore[no-untyped-def]
        place = Municipality.objects.filter(slug=options["municipality"]).first()
        user = get_user_model().objects.filter(username=options["member"]).first()
        actor = actor_for(user, place) if place and user else None
        if actor is None or not actor.is_council_member:
            raise CommandError("Angiv en kommune og et byrådsmedlem i den kommune.")
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"Findes ikke: {', '.join(missing)}")
        total = count_messages(options["paths"])

        def progress(done: int) -> None:
            width = 30
            filled = width * done // max(1, total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                sys.stderr.write("\n")

        summary = import_mail(actor, options["paths"], progress)
        separate = (
            f" (heraf {summary.separate} som selvstændige henvendelser, se bemærkningerne)"
            if summary.separate
            else ""
        )
        self.stdout.write(
            f"Læst: {summary.read}. Importeret: {summary.imported}{separate}, samme henvendelse "
            f"som et andet medlems: {summary.added_recipient}, sprunget over som dubletter: "
            f"{summary.duplicates}, afvist: {len(summary.rejected)}."
        )
        for where, why in summary.rejected:
            self.stdout.write(f"Afvist {where}: {why}")
