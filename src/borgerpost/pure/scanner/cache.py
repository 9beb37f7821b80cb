"""The scanner's cache on this machine: what takes longer to make than to read (the
compiled Hyperscan database, the Danish country names, the first names). Each file's name holds a key
of what it was made from, so a changed input makes a new file; a cache that cannot be
read or written only makes the scanner slower, never wrong."""

from __future__ import annotations

import os
from pathlib import Path


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
