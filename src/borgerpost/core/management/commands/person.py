"""`borgerpost person`: the operator's command for accounts the municipalities' own pages
may not touch: a person who serves several municipalities (the shared citizen
counsellor), and the counsellor's role itself (core.people)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from borgerpost.core.actions import do_operator_grant, do_operator_revoke
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Membership, Municipality, Role


class Command(BaseCommand):
    help = "Giv eller fjern en persons rolle i en kommune (driftens værktøj), eller vis roller."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="action", required=True)
        for name, text in (("grant", "Giv en rolle."), ("revoke", "Fjern en rolle.")):
            command = sub.add_parser(name, help=text)
            command.add_argument("--municipality", required=True)
            command.add_argument("--username", required=True)
            command.add_argument("--role", required=True, choices=Role.values)
            if name == "grant":
                command.add_argument("--name", default="", help="Navn, hvis kontoen er ny")
                command.add_argument("--email", default="", help="Mail, hvis kontoen er ny")
        shown = sub.add_parser("list", help="Vis en persons roller i alle kommuner.")
        shown.add_argument("--username", required=True)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        User = get_user_model()
        if options["action"] == "list":
            user = User.objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError("Ingen konto med det brugernavn.")
            for m in Membership.objects.filter(user=user).select_related("municipality"):
                self.stdout.write(f"{m.municipality.slug}: {m.get_role_display()}")
            return
        place = Municipality.objects.filter(slug=options["municipality"]).first()
        if place is None:
            raise CommandError(f"Kommunen »{options['municipality']}« findes ikke.")
        user = User.objects.filter(username=options["username"]).first()
        try:
            if options["action"] == "grant":
                if user is None:
                    if not options["name"] or not options["email"]:
                        raise CommandError("Kontoen er ny: angiv også --name og --email.")
                    first, _, last = options["name"].partition(" ")
                    user = User(
                        username=options["username"],
                        email=options["email"],
                        first_name=first,
                        last_name=last,
                    )
                    user.set_unusable_password()
                    user.save()
                    self.stdout.write(
                        "Kontoen er ny og har ingen adgangskode: sæt den med »borgerpost "
                        f"changepassword {user.username}«, eller brug kommunens fælles log-in."
                    )
                do_operator_grant(place, user, options["role"])
                self.stdout.write(
                    f"{user.username} har nu rollen »{Role(options['role']).label}« i {place.name}."
                )
            else:
                if user is None:
                    raise CommandError("Ingen konto med det brugernavn.")
                do_operator_revoke(place, user, options["role"])
                self.stdout.write(f"Rollen er fjernet fra {user.username} i {place.name}.")
        except RuleError as exc:
            raise CommandError(str(exc)) from None
