"""The scanner's modules compiled to C by mypyc, used where they have been built.

Citizens' mails are dense: thousands of candidate words per MB, each confirmed in
Python against its sentence (docs/performance.md). mypyc, mypy's own compiler, turns
these type-annotated modules into C extensions that run the same code about a third
faster, with no second implementation to keep in step. The pure Python modules stay
the reference and the fallback: the compiled ones are used only when they were built
from exactly these sources, for this Python on this machine, so a changed source is
never shadowed by a stale build.

Built by `borgerpost scan --build-native` (scripts/demo and scripts/test do it after
installing); `BORGERPOST_SCANNER_PURE=true` forces the pure
modules. Nothing here imports Django.
"""

from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from pathlib import Path

# The modules that are compiled, in the order mypy is given them. The lexicon and the
# command stay Python: they hold data and I/O, not the per-candidate work.
MODULES = (
    "latin1",
    "spelling",
    "normalise",
    "cpr",
    "partners",
    "lexicon",
    "person",
    "engine",
    "sentence",
    "model",
    "core",
)
# What the compiled modules import from the package and is not compiled (pycountry's
# names, the cache): a change there may change what they were compiled against.
IMPORTED = ("countries", "cache")
# Written in C by hand, built beside them (model.py says why), with its interface.
KERNEL = "_kernel"
PACKAGE = "borgerpost.pure.scanner"
HERE = Path(__file__).resolve().parent


def build_key() -> str:
    """What a build must match: the compiled sources and the one they import, this
    Python, this machine."""
    digest = hashlib.sha256()
    for name in (*MODULES, *IMPORTED):
        digest.update(name.encode() + b"\0" + (HERE / f"{name}.py").read_bytes() + b"\0")
    for source in (f"{KERNEL}.c", f"{KERNEL}.pyi"):
        digest.update(source.encode() + b"\0" + (HERE / source).read_bytes() + b"\0")
    digest.update(f"{sys.version}\0{os.uname().machine}\0{sysconfig.get_platform()}".encode())
    return digest.hexdigest()[:24]


def _places() -> list[Path]:
    """Where builds are kept: BORGERPOST_NATIVE_DIR, else beside the installed
    environment, else the user's cache (when the environment is read-only)."""
    if configured := os.environ.get("BORGERPOST_NATIVE_DIR"):
        return [Path(configured)]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [Path(sys.prefix) / "share" / "borgerpost", Path(base) / "borgerpost"]


def _suffix() -> str:
    return str(sysconfig.get_config_var("EXT_SUFFIX") or ".so")


def _complete(directory: Path) -> bool:
    package = directory.joinpath(*PACKAGE.split("."))
    names = [*MODULES, KERNEL, "_native__mypyc"]
    return all((package / f"{name}{_suffix()}").is_file() for name in names)


def built_dir() -> Path | None:
    """The package directory of a build of these very sources, if there is one."""
    if os.environ.get("BORGERPOST_SCANNER_PURE", "").lower() in {"1", "true", "yes"}:
        return None
    key = build_key()
    for place in _places():
        candidate = place / f"scanner-{key}"
        if _complete(candidate):
            return candidate.joinpath(*PACKAGE.split("."))
    return None


def activate(package_path: list[str]) -> bool:
    """Put a matching build first on the package's path, so its modules are imported
    instead of the Python sources. Called by the package before any module loads."""
    found = built_dir()
    if found is None:
        return False
    package_path.insert(0, str(found))
    return True


def active() -> bool:
    """Is the scanner running compiled code in this process?"""
    from . import core

    return not str(getattr(core, "__file__", "")).endswith(".py")


def build(quiet: bool = False) -> Path:
    """Compile the modules with mypyc into the first writable place; a no-op when a
    build of these sources exists. Older builds are removed."""
    import shutil  # (the build's imports are made here: every scan imports this module)

    existing = built_dir()
    if existing is not None:
        return existing
    key = build_key()
    errors = []
    for place in _places():
        try:
            place.mkdir(parents=True, exist_ok=True)
            target = place / f"scanner-{key}"
            _compile(target, quiet)
            for old in place.glob("scanner-*"):
                if old != target:
                    shutil.rmtree(old, ignore_errors=True)
            return target
        except OSError as exc:
            errors.append(f"{place}: {exc}")
    raise RuntimeError("; ".join(errors))


_SETUP = """
import sys
from setuptools import Extension, setup
from mypyc.build import mypycify
paths, kernel, group, out = sys.argv[1:-3], sys.argv[-3], sys.argv[-2], sys.argv[-1]
package = group.rpartition(".")[0]
setup(
    name="borgerpost-scanner-native",
    ext_modules=[
        *mypycify(paths, group_name=group, opt_level="3"),
        Extension(f"{package}._kernel", [kernel], extra_compile_args=["-O2"]),
    ],
    script_args=["build_ext", "--build-lib", out],
)
"""


def _compile(target: Path, quiet: bool) -> None:
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="borgerpost-mypyc-") as work:
        source_root = Path(work) / "src"
        package = source_root.joinpath(*PACKAGE.split("."))
        package.mkdir(parents=True)
        # The package's parents as empty namespaces: mypy needs the dotted names, and
        # nothing outside the scanner is compiled or imported.
        for parent in package.parents:
            if parent == source_root:
                break
            (parent / "__init__.py").touch()
        for source in (*HERE.glob("*.py"), *HERE.glob(f"{KERNEL}.*")):
            shutil.copy2(source, package / source.name)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        paths = [str(package / f"{name}.py") for name in MODULES]
        kernel = str(package / f"{KERNEL}.c")
        compiled = subprocess.run(  # noqa: S603 (our interpreter, our own sources)
            [sys.executable, "-c", _SETUP, *paths, kernel, f"{PACKAGE}._native", str(partial)],
            cwd=source_root,
            stdout=subprocess.PIPE if quiet else None,
            stderr=subprocess.STDOUT if quiet else None,
            text=True,
            env={**os.environ, "MYPY_CACHE_DIR": str(Path(work) / "mypy-cache")},
        )
        if compiled.returncode:
            # What mypyc or the C compiler said, without the paths of the build folder.
            said = (compiled.stdout or "").replace(str(package), "").strip().splitlines()
            raise RuntimeError("mypyc: " + " | ".join(said[-3:]))
        # Only the compiled modules: the package's Python files stay the installed ones.
        for stray in partial.rglob("*.py"):
            stray.unlink()
        shutil.rmtree(target, ignore_errors=True)
        os.replace(partial, target)


def main(argv: list[str]) -> int:
    try:
        place = build(quiet="--quiet" in argv)
    except (RuntimeError, ImportError) as exc:
        # Not fatal: the scanner runs as Python, about a third slower on dense text.
        print(f"Scanneren kunne ikke oversættes til C og kører som Python: {exc}", file=sys.stderr)
        return 1
    print(f"Scanneren er oversat til C: {place}")
    return 0
