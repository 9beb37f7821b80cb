"""`borgerpost scan`: find CPR numbers and sensitive personal data in text.

Runs the pure scanner only, without Django: it needs no configuration, no database
and no keys, and a one-mail call starts in about a tenth of a second. Files are read
in blocks that end at a line break, so any file is scanned in bounded memory. JSON
lines are scanned by one process per core when there are many of them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterator
from itertools import chain, islice, pairwise
from typing import IO, Any

from .core import CATEGORY_LABELS, Finding, ScanError, scan

BLOCK_CHARS = 1_000_000
# Lines handed to a worker process at a time: large enough that passing them costs
# little beside scanning them, small enough that the output keeps flowing.
BATCH_LINES = 2_000

HELP = (
    "Find CPR-numre og følsomme personoplysninger i tekst. Med --jsonl læses JSON-linjer "
    '{"id": ..., "text": ...} og der skrives én linje pr. input.'
)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="borgerpost scan", description=HELP)
    p.add_argument("paths", nargs="*", metavar="FIL", help="filer (uden filer: standard-input)")
    p.add_argument("--jsonl", action="store_true", help="JSON-linjer ind og ud")
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="antal processer til JSON-linjer (standard: én pr. kerne)",
    )
    p.add_argument(
        "--build-native",
        action="store_true",
        help="oversæt scannerens moduler til C med mypyc (gøres ved installationen)",
    )
    return p


def main(argv: list[str]) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader has gone (»borgerpost scan --jsonl big.jsonl | head«): stop quietly,
        # as other command-line tools do. Standard output is pointed at /dev/null first,
        # or Python reports the same broken pipe again when it flushes at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(argv: list[str]) -> int:
    options = parser().parse_args(argv)
    if options.build_native:
        from . import native

        return native.main(["build", "--quiet"])
    streams: list[IO[str]]
    try:
        streams = [open(p, encoding="utf-8", errors="replace") for p in options.paths]  # noqa: SIM115
    except OSError as exc:
        return _fail(f"Filen kan ikke læses: {exc.filename}: {exc.strerror}")
    if not streams:
        streams = [sys.stdin]
    bad = 0
    out = sys.stdout
    jobs = options.jobs or os.cpu_count() or 1
    for name, stream in zip(options.paths or ["-"], streams, strict=True):
        with stream:
            if options.jsonl and name != "-" and _splittable(name, jobs):
                bad += scan_jsonl_file(name, out, jobs)
            elif options.jsonl:
                bad += scan_jsonl(stream, out, jobs=jobs)
            else:
                scan_human(name, stream, out)
    return 1 if bad else 0


def _fail(message: str) -> int:
    print(f"borgerpost: {message}", file=sys.stderr)
    return 2


# --- JSON lines ----------------------------------------------------------------------


def scan_jsonl(stream: IO[str], out: IO[str], jobs: int = 1) -> int:
    """Scan each line; write one line per input, in input order. Returns how many lines
    could not be read (each is named on standard error, the others are scanned)."""
    bad = 0
    for number, line, error in _results(stream, jobs):
        if error:
            bad += 1
            _say_unreadable(number, error)
        else:
            out.write(line)
    return bad


def _say_unreadable(number: int, reason: str) -> None:
    print(f"borgerpost: Linje {number} kan ikke læses: {reason}", file=sys.stderr)


def _results(stream: IO[str], jobs: int) -> Iterator[tuple[int, str, str]]:
    batches = _batches(stream)
    first = next(batches, None)
    if first is None:
        return
    if jobs <= 1 or len(first[1]) < BATCH_LINES:
        # One process; a short input would only wait for workers to start.
        yield from _scan_batch(first)
        for batch in batches:
            yield from _scan_batch(batch)
        return
    import multiprocessing

    # fork: the workers inherit the compiled rules instead of loading them again. At most
    # two batches per worker are in flight, so memory stays bounded on any input.
    pending: deque[Any] = deque()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for batch in chain([first], batches):
            pending.append(pool.apply_async(_scan_batch, (batch,)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# A file of JSON lines at least this large is split between the worker processes.
SPLIT_BYTES = 1_000_000


def _splittable(path: str, jobs: int) -> bool:
    try:
        return jobs > 1 and os.path.isfile(path) and os.path.getsize(path) >= SPLIT_BYTES
    except OSError:
        return False


def scan_jsonl_file(path: str, out: IO[str], jobs: int) -> int:
    """A file of JSON lines, cut into one stretch of whole lines per worker.

    Each worker reads its own stretch of the file and writes its lines to a file of its
    own, so the parent passes nothing between processes but the file names; the parent
    then copies the outputs in order. Handing lines to the workers through a pipe cost
    the parent as much time as a worker spent scanning them.
    """
    import multiprocessing
    import shutil
    import tempfile

    stretches = _stretches(path, jobs)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="borgerpost-scan-") as work:
        outputs = [os.path.join(work, f"{i}.jsonl") for i in range(len(stretches))]
        # fork: the workers inherit the compiled rules instead of loading them again.
        with multiprocessing.get_context("fork").Pool(len(stretches)) as pool:
            pending = [
                pool.apply_async(_scan_stretch, (path, start, end, output))
                for (start, end), output in zip(stretches, outputs, strict=True)
            ]
            first_line = 1
            for result, output in zip(pending, outputs, strict=True):
                lines, errors = result.get()
                out.flush()
                with open(output, encoding="utf-8") as scanned:
                    shutil.copyfileobj(scanned, out)
                for number, reason in errors:
                    bad += 1
                    _say_unreadable(first_line + number, reason)
                first_line += lines
    return bad


def _stretches(path: str, parts: int) -> list[tuple[int, int]]:
    """Byte ranges of whole lines, about equal in size."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as raw:
        for k in range(1, parts):
            raw.seek(max(size * k // parts, cuts[-1]))
            raw.readline()  # to the end of the line the cut fell in
            cuts.append(min(raw.tell(), size))
    cuts.append(size)
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _scan_stretch(
    path: str, start: int, end: int, output: str
) -> tuple[int, list[tuple[int, str]]]:
    """Scan the lines in [start, end) of the file; (lines read, unreadable lines as
    (line number within the stretch, reason))."""
    errors = []
    number = 0
    with open(path, "rb") as raw, open(output, "w", encoding="utf-8") as out:
        raw.seek(start)
        position = start
        while position < end:
            line = raw.readline()
            if not line:
                break
            position += len(line)
            number += 1
            scanned, error = _scan_line(line.decode("utf-8", "replace"))
            if error:
                errors.append((number - 1, error))
            elif scanned:
                out.write(scanned)
    return number, errors


def _batches(stream: IO[str]) -> Iterator[tuple[int, list[str]]]:
    number = 1
    while lines := list(islice(stream, BATCH_LINES)):
        yield number, lines
        number += len(lines)


def _scan_batch(batch: tuple[int, list[str]]) -> list[tuple[int, str, str]]:
    first, lines = batch
    results = []
    for number, line in enumerate(lines, start=first):
        scanned, error = _scan_line(line)
        if scanned or error:
            results.append((number, scanned, error))
    return results


def _scan_line(line: str) -> tuple[str, str]:
    """(the output line, "") or ("", why the line cannot be read); a blank line gives
    neither."""
    if not line.strip():
        return "", ""
    try:
        record = json.loads(line)
        return _line(record.get("id"), scan(record["text"])), ""
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError, ScanError) as exc:
        return "", _reason(exc)


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"ikke gyldig JSON ({exc.msg}, kolonne {exc.colno})"
    if isinstance(exc, KeyError):
        return 'feltet "text" mangler'
    if isinstance(exc, ScanError):
        return str(exc)
    return 'linjen skal være et JSON-objekt med en tekst i "text"'


def _line(record_id: object, findings: list[Finding]) -> str:
    # Category and rule names are fixed identifiers, so the findings are written
    # directly; json.dumps would cost a quarter of the scan on dense text.
    parts = [
        f'{{"category": "{f.category}", "start": {f.start}, "end": {f.end}, '
        f'"rule": "{f.rule}", "confidence": {round(f.confidence, 2)}}}'
        for f in findings
    ]
    categories = ", ".join(f'"{c}"' for c in sorted({f.category for f in findings}))
    return (
        f'{{"id": {_json_id(record_id)}, "categories": [{categories}], '
        f'"findings": [{", ".join(parts)}]}}\n'
    )


def _json_id(record_id: object) -> str:
    if isinstance(record_id, str):
        return _quoted(record_id)  # json's own C string encoder, without dumps' set-up
    if type(record_id) is int:
        return str(record_id)
    return json.dumps(record_id, ensure_ascii=False)


_quoted = json.encoder.encode_basestring  # type: ignore[attr-defined]


# --- plain text ----------------------------------------------------------------------


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


def scan_human(name: str, stream: IO[str], out: IO[str]) -> None:
    count = 0
    for offset, block in blocks(stream):
        for f in scan(block):
            count += 1
            out.write(
                f"{name}:{offset + f.start}-{offset + f.end}: {CATEGORY_LABELS[f.category]} "
                f"({f.rule}, sikkerhed {f.confidence:.2f}): {f.excerpt} – {f.explanation}\n"
            )
    out.write(f"{name}: {count} fund.\n" if count else f"{name}: ingen fund.\n")
