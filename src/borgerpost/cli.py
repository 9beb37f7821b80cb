"""The `borgerpost` command: Django's management commands plus borgerpost's own."""

from __future__ import annotations

import os
import sys

# Commands spelled with a hyphen on the command line, as Python modules with an underscore.
HYPHENATED = {"dispatch-check": "dispatch_check"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borgerpost.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HYPHENATED:
        args[0] = HYPHENATED[args[0]]
    execute_from_command_line(["borgerpost", *args])


if __name__ == "__main__":
    main()
