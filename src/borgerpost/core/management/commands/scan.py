"""`borgerpost scan`: find CPR numbers and sensitive personal data in text.

Runs the pure scanner only; it never touches the database. Files are read in
blocks that end at a line break, so any file is scanned in bounded memory.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.core.management.base import BaseCommand, CommandError

from borgerpost.scanner import CATEGORY_LABELS, ScanError, scan

BLOCK_CHARS = 1_000_000


def blocks(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """Blocks of about BLOCK_CHARS characters ending at a line break, with their offsets."""
    offset, carry = 0, ""
    while chunk := stream.read(BLOCK_CHARS):
        text = carry + chunk
        cut = text.rfind("\n")
        if cut < 0 or len(text) < BLOCK_CHARS // 2:
            carry = text
            continue
        yield offset, text[: cut + 1]
        offset += cut + 1
        carry = text[cut + 1 :]
    if carry:
        yield offset, carry


class Command(BaseCommand):
    help = (
        "Find CPR-numre og følsomme personoplysninger i tekst. Med --jsonl læses JSON-linjer "
        '{"id": ..., "text": ...} og der skrives én linje pr. input.'
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("paths", nargs="*", type=Path)
        parser.add_argument("--jsonl", action="store_true")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        streams: list[IO[str]]
        try:
            streams = [open(p, encoding="utf-8", errors="replace") for p in options["paths"]]  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Filen kan ikke læses: {exc}") from None
        if not streams:
            streams = [sys.stdin]
        for path, stream in zip(options["paths"] or ["-"], streams, strict=True):
            with stream:
                if options["jsonl"]:
                    self._jsonl(stream)
                else:
                    self._human(str(path), stream)

    def _jsonl(self, stream: IO[str]) -> None:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                findings = scan(text)
            except (json.JSONDecodeError, KeyError, TypeError, ScanError) as exc:
                raise CommandError(f"Linje {number} kan ikke læses: {exc}") from None
            out = {
                "id": record.get("id"),
                "categories": sorted({f.category for f in findings}),
                "findings": [f.as_dict() for f in findings],
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False))

    def _human(self, name: str, stream: IO[str]) -> None:
        count = 0
        for offset, block in blocks(stream):
            for f in scan(block):
                count += 1
                self.stdout.write(
                    f"{name}:{offset + f.start}-{offset + f.end}: {CATEGORY_LABELS[f.category]} "
                    f"({f.rule}, sikkerhed {f.confidence:.2f}): {f.excerpt} – {f.explanation}"
                )
        self.stdout.write(f"{name}: {count} fund." if count else f"{name}: ingen fund.")
