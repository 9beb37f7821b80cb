"""Scanner speed on dense text: the labelled citizens' texts repeated to 40 MB, whole
processes timed, beside the JSON floor and Presidio measured in the same run.

Usage: python benchmarks/scanner_dense.py [--mb 40] [--runs 3] [--presidio-python PATH]
Targets (issue 15): `borgerpost scan --jsonl` at least 0.25 of the JSON floor (merely
reading and writing the same JSON lines in Python) and at least 15x Presidio with only a
CPR recognizer; a dense 5 KB mail under 0.5 ms at p99; a one-mail call in about 0.1 s.
Presidio is not a borgerpost dependency: give a Python that has presidio-analyzer
(see benchmarks/_presidio_cpr.py), or its column says "not measured".
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from borgerpost.pure.scanner import Scanner, native

HERE = Path(__file__).resolve().parent
SETS = [
    HERE.parents[1] / "shared" / "corpus" / "sensitive-dev.jsonl",
    HERE.parents[1] / "shared" / "corpus" / "sensitive-dev2.jsonl",
]
BORGERPOST = Path(sys.executable).with_name("borgerpost")
# Merely reading each line as JSON and writing a line of JSON back: the floor any
# Python tool reading and writing JSON lines stands on.
FLOOR = (
    "import json, sys\n"
    "out = sys.stdout\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    r = json.loads(line)\n"
    "    out.write(json.dumps({'id': r['id'], 'categories': [], 'findings': []}) + '\\n')\n"
)


def texts() -> list[dict[str, object]]:
    found = []
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found.append({"id": record["id"], "text": record["text"]})
    return found


def dense_file(directory: Path, mb: float) -> Path:
    lines = [json.dumps(t, ensure_ascii=False) + "\n" for t in texts()]
    path = directory / "dense.jsonl"
    size = 0
    with path.open("w", encoding="utf-8") as out:
        while size < mb * 1e6:
            for line in lines:
                out.write(line)
                size += len(line.encode())
    return path


def timed(command: list[str], runs: int, **env: str) -> float:
    """Median wall time of the whole process, output discarded."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**_bare_env(), **env})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bare_env() -> dict[str, str]:
    # No configuration at all, as the targets ask.
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}


def p99_dense_5kb(runs: int = 3000) -> float:
    mails, current = [], ""
    for record in texts() * 2:
        current += str(record["text"]) + "\n\n"
        if len(current.encode()) >= 5000:
            mails.append(current)
            current = ""
    scanner = Scanner()
    for mail in mails:
        scanner.scan(mail)
    times = []
    for i in range(runs):
        mail = mails[i % len(mails)]
        start = time.perf_counter()
        scanner.scan(mail)
        times.append(time.perf_counter() - start)
    return statistics.quantiles(times, n=100)[98] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presidio-python", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = dense_file(Path(tmp), args.mb)
        mb = path.stat().st_size / 1e6
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(texts()[0], ensure_ascii=False) + "\n", encoding="utf-8")
        scan = [str(BORGERPOST), "scan", "--jsonl"]
        floor = mb / timed([sys.executable, "-c", FLOOR, str(path)], args.runs)
        single = mb / timed([*scan, "--jobs", "1", str(path)], args.runs)
        # The same code as Python, not compiled by mypyc: what the build is worth.
        pure = mb / timed(
            [*scan, "--jobs", "1", str(path)], args.runs, BORGERPOST_SCANNER_PURE="true"
        )
        cores = os.cpu_count() or 1
        parallel = mb / timed([*scan, str(path)], args.runs)
        presidio = presidio_only = None
        if args.presidio_python:
            helper = [args.presidio_python, str(HERE / "_presidio_cpr.py"), str(path)]
            presidio = mb / timed(helper, 1)
            presidio_only = mb / timed([*helper, "--recognizer-only"], 1)
        start_up = timed([*scan, str(one)], 10)
    print(
        f"scanner compiled by mypyc: {'yes' if native.active() else 'NO (run: borgerpost scan --build-native)'}"
    )
    print(f"dense text: {mb:.1f} MB of JSON lines (the labelled sets repeated)")
    print(f"JSON floor (read and write the lines):      {floor:7.1f} MB/s")
    print(
        f"borgerpost scan --jsonl, 1 process:         {single:7.1f} MB/s  {single / floor:.3f} of the floor"
    )
    print(
        f"  the same as Python, not compiled:         {pure:7.1f} MB/s  {pure / floor:.3f} of the floor"
    )
    print(
        f"borgerpost scan --jsonl, {cores} processes:       {parallel:7.1f} MB/s  {parallel / floor:.3f} of the floor (target 0.25)"
    )
    if presidio and presidio_only:
        print(
            f"Presidio, analyzer with a CPR recognizer:   {presidio:7.2f} MB/s  borgerpost {parallel / presidio:.1f}x, 1 process {single / presidio:.1f}x (target 15x)"
        )
        print(
            f"Presidio, the CPR recognizer alone:         {presidio_only:7.2f} MB/s  borgerpost {parallel / presidio_only:.1f}x, 1 process {single / presidio_only:.1f}x"
        )
    else:
        print("Presidio: not measured (give --presidio-python)")
    print(f"dense 5 KB mail, p99:                       {p99_dense_5kb():7.3f} ms (target 0.5)")
    print(f"one-mail call, whole process (median of 10): {start_up:6.3f} s (target about 0.1)")


if __name__ == "__main__":
    main()
