"""The pure modules (working days, the dispatch rules, triage, LIX, mail parsing, text
cleaning and the scanner) import neither Django nor any of borgerpost's apps, directly
or through what they import: they run, and are tested, without a database or settings.
Checked in a fresh interpreter, so an import anywhere down the chain is caught."""

from __future__ import annotations

import os
import subprocess
import sys

PURE = ["workdays", "dispatch", "triage", "lix", "mailparse", "text", "scanner"]

CHECK = f"""
import sys
for name in {PURE!r}:
    __import__("borgerpost." + name)
pure = set({PURE!r})
bad = sorted(
    m for m in sys.modules
    if m.split(".")[0] == "django"
    or (m.startswith("borgerpost.") and m.split(".")[1] not in pure)
)
print("\\n".join(bad))
"""


def test_the_pure_modules_import_no_django_and_no_app():
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
