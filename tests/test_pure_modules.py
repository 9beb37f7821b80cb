"""The pure modules (working days, the dispatch rules, triage, LIX, mail parsing, text
cleaning and the scanner) import neither Django nor any of borgerpost's apps, directly
or through what they import: they run, and are tested, without a database or settings.
Checked in a fresh interpreter, so an import anywhere down the chain is caught."""

from __future__ import annotations

import os
import subprocess
import sys

# Every module of the package, found by walking it: a new pure module is checked too.
CHECK = """
import pkgutil, sys
import borgerpost.pure as pure
names = [m.name for m in pkgutil.walk_packages(pure.__path__, "borgerpost.pure.")]
assert len(names) >= 15, names
for name in names:
    __import__(name)
bad = sorted(
    m for m in sys.modules
    if m.split(".")[0] == "django"
    or (m.startswith("borgerpost.") and not m.startswith("borgerpost.pure"))
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
