"""`borgerpost backup` and `borgerpost restore`: the database and the stored files in one
encrypted file.

Consistent: the rows are read in one transaction (REPEATABLE READ on PostgreSQL, a read
transaction on SQLite in WAL mode), so the backup is one moment of the database. Files
are copied after it; a file deleted in between (retention) is noted, never invented.

Encrypted at rest: the archive is a tar stream (a manifest, the rows as JSON lines in
Django's own serialisation, and the files), cut into 4 MB frames that are each sealed
with Fernet under BORGERPOST_BACKUP_KEY. Memory stays bounded whatever the size.
Without the key the file reveals nothing but its length.

Each frame carries, inside its seal, the backup's random id, its number and whether it is
the last: a frame dropped, repeated, reordered or taken from another backup made with the
same key, and a file cut after any frame, are all refused. The manifest (row counts and
file digests) is required and must match what was restored.

Restore goes into an empty database only: it migrates, loads every row with constraint
checks deferred, checks them, resets the id sequences, restores the files and verifies
the audit chain. Written here rather than with dumpdata/loaddata because those hold the
whole database in memory, do not encrypt, and leave out the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import struct
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.dispatch import Signal

from borgerpost.core.exceptions import RuleError

MAGIC = b"BORGERPOST-BACKUP-2\n"
OLD_MAGIC = b"BORGERPOST-BACKUP-1\n"
# Inside each frame's seal: backup id (16 bytes), frame number (8), last frame (1).
FRAME_HEADER = struct.Struct(">16sQ?")
FRAME = 4 * 1024 * 1024
# Rebuilt by `migrate`, or transient: never in a backup.
SKIPPED = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    # Derived from the inquiries: rebuilt after a restore (the `restored` signal).
    "search.searchdocument",
}
# Sent inside the restore's transaction once every row is in, for indexes kept outside
# the models (the search app's) to be rebuilt from them.
restored = Signal()


def backup_key() -> bytes:
    key = os.environ.get("BORGERPOST_BACKUP_KEY", "").strip()
    if not key:
        raise RuleError(
            "Sæt BORGERPOST_BACKUP_KEY (lav en med `borgerpost backup --new-key`) og opbevar "
            "den et andet sted end sikkerhedskopierne."
        )
    try:
        Fernet(key)
    except ValueError:
        raise RuleError("BORGERPOST_BACKUP_KEY er ikke en gyldig nøgle.") from None
    return key.encode()


def new_key() -> str:
    return Fernet.generate_key().decode()


class _SealedWriter(io.RawIOBase):
    """A write-only stream that seals every 4 MB as a Fernet frame."""

    def __init__(self, out: IO[bytes], key: bytes) -> None:
        self._out, self._fernet, self._buffer = out, Fernet(key), bytearray()
        self._id, self._number = os.urandom(16), 0
        out.write(MAGIC)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer += bytes(data)
        while len(self._buffer) >= FRAME:
            self._seal(bytes(self._buffer[:FRAME]))
            del self._buffer[:FRAME]
        return len(data)

    def _seal(self, chunk: bytes, last: bool = False) -> None:
        header = FRAME_HEADER.pack(self._id, self._number, last)
        token = self._fernet.encrypt(header + chunk)
        self._out.write(struct.pack(">I", len(token)) + token)
        self._number += 1

    def close(self) -> None:
        if not self.closed:
            if self._buffer:
                self._seal(bytes(self._buffer))
            self._seal(b"", last=True)  # a sealed end: a cut-off file is noticed
        super().close()


TAMPERED = "Sikkerhedskopien er ændret eller sat sammen af flere (rammerne passer ikke)."


def _frames(source: IO[bytes], key: bytes) -> Iterator[bytes]:
    magic = source.read(len(MAGIC))
    if magic == OLD_MAGIC:
        raise RuleError(
            "Sikkerhedskopien har et ældre format uden nummererede rammer. Lav en ny "
            "sikkerhedskopi med denne version af borgerpost."
        )
    if magic != MAGIC:
        raise RuleError("Filen er ikke en sikkerhedskopi fra borgerpost.")
    fernet, backup_id, expected = Fernet(key), None, 0
    while header := source.read(4):
        if len(header) < 4:
            break
        token = source.read(struct.unpack(">I", header)[0])
        try:
            plain = fernet.decrypt(token)
        except InvalidToken:
            raise RuleError(
                "Sikkerhedskopien kan ikke læses med denne nøgle, eller filen er beskadiget."
            ) from None
        if len(plain) < FRAME_HEADER.size:
            raise RuleError(TAMPERED)
        frame_id, number, last = FRAME_HEADER.unpack_from(plain)
        backup_id = backup_id or frame_id
        if frame_id != backup_id or number != expected:
            raise RuleError(TAMPERED)
        expected += 1
        if last:
            if source.read(1):
                raise RuleError(TAMPERED)  # nothing may follow the sealed end
            return
        yield plain[FRAME_HEADER.size :]
    raise RuleError("Sikkerhedskopien er afbrudt (filen er ikke hel).")


class _Opened(io.RawIOBase):
    def __init__(self, frames: Iterator[bytes]) -> None:
        self._frames, self._pending = frames, b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._pending:
            try:
                self._pending = next(self._frames)
            except StopIteration:
                return 0
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a restore must give back the very same
    rows (the audit chain hashes its timestamps to the microsecond)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def _serialize(obj: Any) -> str:
    return serializers.serialize("jsonl", [obj], cls=_ExactEncoder)


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0
    missing_files: list[str] = field(default_factory=list)


def _models() -> list[Any]:
    chosen = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in SKIPPED or model._meta.proxy or not model._meta.managed:
            continue
        chosen.append(model)
    return chosen


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


ROWS_PER_PART = 8 * 1024 * 1024  # bytes of JSON lines per tar member


def write_backup(out: IO[bytes], key: bytes) -> Summary:
    summary = Summary()
    sealed = _SealedWriter(out, key)
    with tarfile.open(fileobj=sealed, mode="w|") as tar:
        # Isolation can be set only by the transaction's first statement; inside a caller's
        # transaction the rows are already read as one moment.
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            part, parts = io.BytesIO(), 0
            for model in _models():
                count = 0
                for obj in model._default_manager.order_by("pk").iterator(chunk_size=2000):
                    part.write(_serialize(obj).encode())
                    count += 1
                    if part.tell() >= ROWS_PER_PART:
                        parts += 1
                        _add(tar, f"rows/{parts:06d}.jsonl", part.getvalue())
                        part = io.BytesIO()
                summary.rows[model._meta.label_lower] = count
            parts += 1
            _add(tar, f"rows/{parts:06d}.jsonl", part.getvalue())
            applied = _applied_migrations()
        hashes = {}
        media = Path(settings.MEDIA_ROOT)
        for path in _media_files(media):
            relative = path.relative_to(media).as_posix()
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                summary.missing_files.append(relative)
                continue
            hashes[relative] = hashlib.sha256(data).hexdigest()
            _add(tar, f"files/{relative}", data)
            summary.files += 1
        manifest = {
            "format": 1,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "database": connection.vendor,
            "migrations": applied,
            "rows": summary.rows,
            "files": hashes,
        }
        _add(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
    sealed.close()
    return summary


def _media_files(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def _applied_migrations() -> list[str]:
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def restore_backup(source: IO[bytes], key: bytes) -> Summary:
    """Into an empty database and an empty file folder only, in one transaction."""
    call_command("migrate", verbosity=0)
    if any(m._default_manager.exists() for m in _models()):
        raise RuleError("Databasen er ikke tom. Gendan kun i en tom database.")
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(media.rglob("*")):
        raise RuleError(f"Mappen {media} er ikke tom. Gendan kun i en tom mappe.")
    summary = Summary()
    try:
        _restore_into(media, source, key, summary)
    except BaseException:
        _remove_restored(media)  # the rows were rolled back; the files go too
        raise
    return summary


def _restore_into(media: Path, source: IO[bytes], key: bytes, summary: Summary) -> None:
    stream = io.BufferedReader(_Opened(_frames(source, key)))
    manifest = None
    # Foreign keys are checked at commit (Django creates them deferrable), so the rows
    # may come in any order.
    with transaction.atomic(), tarfile.open(fileobj=stream, mode="r|") as tar:
        for member in tar:
            if manifest is not None:
                raise RuleError(TAMPERED)  # the manifest is the archive's last member
            handle = tar.extractfile(member) if member.isfile() else None
            data = handle.read() if handle else b""
            if member.name.startswith("rows/"):
                for label, count in _load_rows(data).items():
                    summary.rows[label] = summary.rows.get(label, 0) + count
            elif member.name.startswith("files/"):
                _restore_file(media, member.name[len("files/") :], data)
                summary.files += 1
            elif member.name == "manifest.json":
                manifest = json.loads(data)
            else:
                raise RuleError(TAMPERED)
        if manifest is None:
            raise RuleError("Sikkerhedskopien har ingen manifest. Intet er gendannet.")
        _check_manifest(media, manifest, summary)
        _reset_sequences()
        restored.send(sender=None)


def _check_manifest(media: Path, manifest: dict[str, Any], summary: Summary) -> None:
    _check_files(media, manifest["files"])
    if summary.files != len(manifest["files"]):
        raise RuleError("Sikkerhedskopien har filer, manifestet ikke nævner. Intet er gendannet.")
    expected = {_current_label(label): n for label, n in manifest["rows"].items() if n}
    if expected != {label: n for label, n in summary.rows.items() if n}:
        raise RuleError("Sikkerhedskopien mangler rækker. Intet er gendannet.")


def _remove_restored(media: Path) -> None:
    import shutil

    if media.exists():
        for child in media.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()


# Models that moved to another app since a backup may have been written: a backup from
# before the move restores into their new app (the tables kept their names).
RENAMED_MODELS = {
    "core.auditentry": "audit.auditentry",
    "core.auditchainhead": "audit.auditchainhead",
    "core.enrolmentticket": "login.enrolmentticket",
}


def _current_label(label: str) -> str:
    return RENAMED_MODELS.get(label, label)


def _renamed(text: str) -> str:
    if not any(f'"{old}"' in text for old in RENAMED_MODELS):
        return text
    lines = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            row["model"] = _current_label(row["model"])
            line = json.dumps(row)
        lines.append(line)
    return "\n".join(lines)


def _load_rows(data: bytes) -> dict[str, int]:
    counts: dict[str, int] = {}
    for obj in serializers.deserialize("jsonl", _renamed(data.decode())):
        obj.save()
        label = obj.object._meta.label_lower
        counts[label] = counts.get(label, 0) + 1
    return counts


def _reset_sequences() -> None:
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), _models()):
            cursor.execute(statement)


def _restore_file(media: Path, relative: str, data: bytes) -> None:
    target = (media / relative).resolve()
    if media.resolve() not in target.parents:
        raise RuleError("Sikkerhedskopien indeholder en fil uden for filmappen.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    target.chmod(0o600)


def _check_files(media: Path, hashes: dict[str, str]) -> None:
    for relative, digest in hashes.items():
        path = media / relative
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise RuleError(f"Filen {relative} blev ikke gendannet korrekt.")


def fingerprint() -> dict[str, str]:
    """A digest of every backed-up table and of the files, to compare two databases."""
    result = {}
    for model in _models():
        digest = hashlib.sha256()
        for obj in model._default_manager.order_by("pk").iterator(chunk_size=2000):
            digest.update(_serialize(obj).encode())
        result[model._meta.label_lower] = digest.hexdigest()
    media = Path(settings.MEDIA_ROOT)
    files = hashlib.sha256()
    for path in _media_files(media):
        files.update(path.relative_to(media).as_posix().encode() + b"\0")
        files.update(hashlib.sha256(path.read_bytes()).digest())
    result["files"] = files.hexdigest()
    return result


__all__ = ["backup_key", "fingerprint", "new_key", "restore_backup", "write_backup"]
