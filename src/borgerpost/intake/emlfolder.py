"""A directory of `.eml` files as a mail folder (see interfaces.py).

For systems that can only write files, for the demo, and for tests without a mail
server. Only the operator creates such a mailbox (`borgerpost mailbox folder`), and
only for a directory under `BORGERPOST_MAIL_FOLDERS`, so nobody in the web interface
can point the intake at the server's own files.

A mail's uid comes from its file name (the first 60 bits of its SHA-256), so it is the
same on every poll and in every process; `uidvalidity` from the directory's real path.
Files are never changed or removed: a taken mail gets an empty marker file in
`.taken/`, as an IMAP mail gets a keyword.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .interfaces import FetchedMail, MailboxError

MARKS = ".taken"


class EmlFolderError(MailboxError):
    pass


def _number(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:15], 16)


def allowed(path: str, root: str) -> Path:
    """The directory, if it lies under the configured root; else a Danish refusal."""
    if not root:
        raise EmlFolderError("Der er ikke sat en mappe til mailfiler (BORGERPOST_MAIL_FOLDERS).")
    real, base = Path(path).resolve(), Path(root).resolve()
    if real != base and base not in real.parents:
        raise EmlFolderError(f"Mappen skal ligge under {base}.")
    return real


class EmlFolder:
    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self.uidvalidity = _number(str(directory))
        self._names: dict[int, str] = {}

    def _files(self) -> list[os.DirEntry[str]]:
        with os.scandir(self._directory) as entries:
            return sorted(
                (e for e in entries if e.name.endswith(".eml") and e.is_file()),
                key=lambda e: (e.stat().st_mtime, e.name),
            )

    def untaken_uids(self) -> list[int]:
        marks = self._directory / MARKS
        uids = []
        for entry in self._files():
            uid = _number(entry.name)
            self._names[uid] = entry.name
            if not (marks / entry.name).exists():
                uids.append(uid)
        return uids

    def fetch(self, uids: list[int], max_bytes: int) -> Iterator[FetchedMail]:
        for uid in uids:
            path = self._directory / self._names[uid]
            try:
                size = path.stat().st_size
                if size > max_bytes:
                    yield FetchedMail(uid, b"", size, too_large=True)
                    continue
                raw = path.read_bytes()
            except OSError:
                continue  # gone since it was listed: nothing to take
            yield FetchedMail(uid, raw, size)

    def mark_taken(self, uids: list[int]) -> None:
        marks = self._directory / MARKS
        marks.mkdir(exist_ok=True)
        for uid in uids:
            (marks / self._names[uid]).touch()


@contextmanager
def open_eml_folder(directory: str, root: str) -> Iterator[EmlFolder]:
    path = allowed(directory, root)
    if not path.is_dir():
        raise EmlFolderError(f"Mappen {path} findes ikke.")
    yield EmlFolder(path)
