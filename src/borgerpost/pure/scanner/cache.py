"""The scanner's cache on this machine: what takes longer to make than to read (the
compiled Hyperscan database, the terms' spelled expressions, the parsed model, the Danish
country names, the first names). Each file's name holds a key
of what it was made from, so a changed input makes a new file; a cache that cannot be
read or written only makes the scanner slower, never wrong."""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """BORGERPOST_CACHE_DIR, else the XDG cache directory (~/.cache/borgerpost)."""
    if configured := os.environ.get("BORGERPOST_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "borgerpost"


def store(path: Path, blob: bytes) -> None:
    """Written beside and renamed, so a process never reads half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(blob)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home: made again each time


def kept(name: str, key: bytes, make: Callable[[], Any], valid: Callable[[object], bool]) -> Any:
    """What make() gives, read back where it was made before from the same key. What is
    read back is used only if `valid` holds of it: a cache file is the user's own, but
    may be cut short or from another version's bug; it is then made and kept afresh.
    (`make` gives what marshal can keep.)"""
    path = cache_dir() / f"{name}-{hashlib.sha256(key).hexdigest()[:32]}.marshal"
    try:
        # The user's own cache, written below: whoever can write there has the user's
        # rights already.
        found = marshal.loads(path.read_bytes())  # noqa: S302
        if valid(found):
            return found
    except (OSError, ValueError, EOFError, TypeError):
        pass
    made = make()
    store(path, marshal.dumps(made))
    return made


def for_package_files(
    name: str, package: str, parts: tuple[str, ...], extra: bytes = b""
) -> Path | None:
    """The cache file for what was read from an installed package's files: keyed by the
    files' paths, sizes and times (found without importing the package, which is what
    the cache saves) and by `extra`; None if the package or a file is not found there."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    key = hashlib.sha256(extra)
    for part in parts:
        try:
            found = (root / part).stat()
        except OSError:
            return None  # another layout: read the package itself
        key.update(f"{root / part}\0{found.st_size}\0{found.st_mtime_ns}".encode())
    return cache_dir() / f"{name}-{key.hexdigest()[:32]}.json"
