"""Backup and restore: encrypted, consistent, restored into an empty database (SQLite or
PostgreSQL, whichever the suite runs on) and compared table by table and file by file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from borgerpost.core.backup import fingerprint, new_key
from borgerpost.inquiries import actions
from borgerpost.inquiries.models import Attachment

from .conftest import database_url

BODY = "Min søn Oliver, cpr.nr. 091213-4290, har ADHD, og vi får kontanthjælp."


def borgerpost(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "borgerpost", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def empty_database(tmp_path):  # type: ignore[no-untyped-def]
    """A database nothing has touched, of the same kind as the suite's."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    db = connection.settings_dict
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    name = f"bp_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_database_exactly(
    world, new_inquiry, tmp_path, empty_database
):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(body=BODY)).inquiry
    attachment = Attachment(
        inquiry=inquiry, filename="journal.pdf", content_type="application/pdf", size=9, sha256="x"
    )
    attachment.file.save("journal", ContentFile(b"%PDF-1.4 " + BODY.encode()), save=True)
    actions.do_register_inquiry(world.anders, new_inquiry(subject="Hvidovre"))
    key = new_key()
    # The audit log verifies on the new server only under the key it was written with.
    common = {"BORGERPOST_BACKUP_KEY": key, "SECRET_KEY": settings.SECRET_KEY}
    here = {
        **common,
        "DATABASE_URL": database_url(),
        "BORGERPOST_DATA_DIR": str(settings.DATA_DIR),
    }
    backup = tmp_path / "borgerpost.backup"

    made = borgerpost("backup", str(backup), env=here)
    assert made.returncode == 0, made.stderr
    raw = backup.read_bytes()
    # Encrypted at rest: neither the citizen's text nor the attachment is readable.
    # (Phrases with spaces or "@", which never occur by chance in the base64 frames.)
    for secret in (b"cpr.nr. 091213", b"har ADHD", b"%PDF-1.4 ", b"camilla@example.dk"):
        assert secret not in raw
    assert oct(backup.stat().st_mode & 0o777) == "0o600"

    there_dir = tmp_path / "restored"
    there = {**common, "DATABASE_URL": empty_database, "BORGERPOST_DATA_DIR": str(there_dir)}
    wrong = borgerpost("restore", str(backup), env={**there, "BORGERPOST_BACKUP_KEY": new_key()})
    assert wrong.returncode != 0 and "kan ikke læses med denne nøgle" in wrong.stderr
    restored = borgerpost("restore", str(backup), env=there)
    assert restored.returncode == 0, restored.stderr
    assert "Revisionsloggen er hel" in restored.stdout

    original = fingerprint()
    copy = json.loads(borgerpost("backup", "--fingerprint", env=there).stdout)
    assert {k for k in copy if copy[k] != original.get(k)} == set()  # every table and file
    again = borgerpost("restore", str(backup), env=there)
    assert again.returncode != 0 and "ikke tom" in again.stderr  # never over live data
    assert Path(there_dir, "files").exists()


def _split(whole: bytes) -> tuple[bytes, list[bytes]]:
    import struct

    from borgerpost.core.backup import MAGIC

    frames, at = [], len(MAGIC)
    while at < len(whole):
        size = struct.unpack(">I", whole[at : at + 4])[0]
        frames.append(whole[at : at + 4 + size])
        at += 4 + size
    return whole[: len(MAGIC)], frames


def test_a_cut_off_spliced_or_foreign_file_is_refused(tmp_path, db, monkeypatch, settings):
    import io
    import tarfile

    from borgerpost.core import backup
    from borgerpost.core.exceptions import RuleError

    settings.MEDIA_ROOT = tmp_path / "files"
    monkeypatch.setattr(backup, "FRAME", 2048)  # many small frames to take apart
    key = new_key().encode()

    def made() -> bytes:
        out = io.BytesIO()
        backup.write_backup(out, key)
        return out.getvalue()

    whole, other = made(), made()
    magic, frames = _split(whole)
    _, foreign = _split(other)
    assert len(frames) > 4
    assert b"".join(backup._frames(io.BytesIO(whole), key))  # the whole file reads

    def read(parts: list[bytes]) -> None:
        list(backup._frames(io.BytesIO(magic + b"".join(parts)), key))

    with pytest.raises(RuleError, match="afbrudt"):
        read(frames[:-1])  # the sealed end removed
    with pytest.raises(RuleError, match="afbrudt"):
        read(frames[:-2])  # the last frame with data and the end removed
    for spliced in (
        frames[:1] + frames[2:],  # a frame dropped
        [frames[1], frames[0], *frames[2:]],  # two swapped
        frames[:2] + foreign[2:3] + frames[3:],  # one from another backup
        frames[:2] + frames[1:],  # one repeated
        frames[:-2] + frames[-1:],  # the last data frame dropped, the end kept
        frames + frames[-1:],  # something after the end
    ):
        with pytest.raises(RuleError, match="ændret eller sat sammen"):
            read(spliced)
    with pytest.raises(RuleError, match="beskadiget"):
        read([*frames[:-1], frames[-1][:-20]])
    with pytest.raises(RuleError, match="ikke en sikkerhedskopi"):
        list(backup._frames(io.BytesIO(b"PK\x03\x04" + whole[len(magic) :]), key))

    # An archive sealed whole but without its manifest restores nothing.
    out = io.BytesIO()
    sealed = backup._SealedWriter(out, key)
    with tarfile.open(fileobj=sealed, mode="w|") as tar:
        backup._add(tar, "files/x/planted.pdf", b"planted")
    sealed.close()
    with pytest.raises(RuleError, match="ingen manifest"):
        backup.restore_backup(io.BytesIO(out.getvalue()), key)
    assert not (tmp_path / "files" / "x" / "planted.pdf").exists()


def test_a_backup_from_before_the_audit_app_restores_its_log_into_the_audit_app(db, world):
    """The audit log moved from core to its own app with the same tables: the rows of a
    backup written before the move name the old app and are read into the new one."""
    from django.core import serializers

    from borgerpost.audit.log import record
    from borgerpost.audit.models import AuditEntry
    from borgerpost.core import backup

    entry = record(world.sara, "inquiry.viewed", world.ishoj)
    old = backup._serialize(entry).replace('"audit.auditentry"', '"core.auditentry"')
    assert '"core.auditentry"' in old
    (restored,) = serializers.deserialize("jsonl", backup._renamed(old))
    assert isinstance(restored.object, AuditEntry) and restored.object.hash == entry.hash
    assert backup._current_label("core.auditchainhead") == "audit.auditchainhead"
