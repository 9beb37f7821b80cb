"""`borgerpost api token create|list|revoke`: tokens for integrations."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from borgerpost.api.actions import do_create_token, do_revoke_token
from borgerpost.api.models import ApiToken
from borgerpost.core.exceptions import RuleError
from borgerpost.core.models import Municipality


class Command(BaseCommand):
    help = "Tokens til integrationer (ESDH, mailgateway, mødesystem) for API'et."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        sub = parser.add_subparsers(dest="what", required=True)
        token = sub.add_parser("token").add_subparsers(dest="action", required=True)
        create = token.add_parser("create", help="Lav et token; det vises kun denne ene gang.")
        create.add_argument("--municipality", required=True)
        create.add_argument("--name", required=True, help="Fx SBSYS")
        create.add_argument("--role", default="secretariat")
        create.add_argument("--per-minute", type=int, default=120)
        create.add_argument(
            "--scope",
            default="api",
            choices=["api", "digital-post"],
            help="api: henvendelser; digital-post: kun Digital Post-gatewayen (et afsendersystem)",
        )
        create.add_argument(
            "--folder",
            default="",
            help="for et afsendersystem, der kun kan skrive filer: dets mappe med MeMo-filer "
            "under BORGERPOST_DIGITAL_POST_FOLDERS",
        )
        token.add_parser("list", help="Vis tokens (aldrig hemmeligheden).")
        revoke = token.add_parser("revoke", help="Spær et token.")
        revoke.add_argument("prefix")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        action = options["action"]
        if action == "create":
            place = Municipality.objects.filter(slug=options["municipality"]).first()
            if place is None:
                raise CommandError("Kommunen findes ikke.")
            try:
                token, secret = do_create_token(
                    None,
                    place,
                    options["name"],
                    options["role"],
                    options["scope"],
                    options["folder"],
                )
            except RuleError as exc:
                raise CommandError(str(exc)) from None
            token.requests_per_minute = options["per_minute"]
            token.save(update_fields=["requests_per_minute"])
            self.stdout.write(secret)
            self.stderr.write("Gem tokenet nu: det vises ikke igen.")
        elif action == "list":
            for token in ApiToken.objects.select_related("municipality").order_by("pk"):
                state = "spærret" if token.revoked_at else "aktivt"
                self.stdout.write(
                    f"{token.prefix}  {token.municipality.slug}  {token.name}  {token.scope}  {state}  "
                    f"{token.requests_per_minute}/min"
                )
        else:
            found = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if found is None:
                raise CommandError("Intet token med det præfiks.")
            do_revoke_token(None, found)
            self.stdout.write(f"Token {found.prefix} er spærret.")
