"""The `borgerpost` command: Django's management commands plus borgerpost's own."""

from __future__ import annotations

import os
import sys

# Commands spelled with a hyphen on the command line, as Python modules with an underscore.
HYPHENATED = {"dispatch-check": "dispatch_check", "new-secret-key": "new_secret_key"}
# Commands that need no database, no keys and no data directory: they run in a fresh
# shell with nothing set (a municipality's own calendar, `--municipality`, needs the
# database, so those runs are ordinary ones).
STANDALONE = {"deadline", "scan", "dispatch_check", "new_secret_key"}


def _standalone(args: list[str]) -> bool:
    if not args:
        return True  # the list of commands
    if args[0] in {"help", "--help", "-h", "--version", "version"}:
        return True
    return args[0] in STANDALONE and not any(a.startswith("--municipality") for a in args)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HYPHENATED:
        args[0] = HYPHENATED[args[0]]
    if args and args[0] == "scan":
        # The scanner needs no Django at all: start-up is a tenth of a second, not one.
        from borgerpost.pure.scanner.command import main as scan_main

        sys.exit(scan_main(args[1:]))
    if _standalone(args):
        os.environ["BORGERPOST_STANDALONE"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borgerpost.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(["borgerpost", *args])
    except ImproperlyConfigured as exc:
        # A setting that is missing or wrong: one Danish line saying what to set.
        _fail(str(exc))
    except OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _fail(f"Databasen kan ikke nås. Tjek DATABASE_URL, og at databasen kører ({first[:200]}).")


def _fail(message: str) -> None:
    print(f"borgerpost: {message}", file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    main()
