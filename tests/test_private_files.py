"""Files anyone on the server could read: the SQLite database and the mail outbox were
created 0644. The data directory is 0700 and everything in it 0600; and an installation
without SMTP settings does not start, instead of writing its mail to files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from borgerpost.core.checks import production_sends_mail


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_directory_and_the_database_are_private(tmp_path):
    data = tmp_path / "data"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "BORGERPOST_DEMO": "true",
        "BORGERPOST_DATA_DIR": str(data),
    }
    subprocess.run(
        [sys.executable, "-m", "borgerpost", "migrate", "--noinput"],
        env=env,
        check=True,
        capture_output=True,
    )
    assert _mode(data) == 0o700
    written = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name == "borgerpost.sqlite3" for p in written)
    assert {p.name: _mode(p) for p in written} == {p.name: 0o600 for p in written}


def test_an_older_open_data_directory_is_closed(tmp_path):
    data = tmp_path / "open"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "BORGERPOST_DEMO": "true",
           "BORGERPOST_DATA_DIR": str(data)}  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "borgerpost", "check"], env=env, check=True, capture_output=True
    )
    assert _mode(data) == 0o700


def test_mail_written_to_the_outbox_folder_is_private(world, new_inquiry, settings, tmp_path):
    from borgerpost.inquiries import actions
    from borgerpost.outgoing.delivery import deliver_due

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    actions.do_acknowledge(world.sara, inquiry, "mail", "Tak for din henvendelse.")
    assert deliver_due().sent == 1
    (written,) = list((tmp_path / "mail").iterdir())
    assert _mode(written) == 0o600 and _mode(tmp_path / "mail") == 0o700


def test_production_without_smtp_does_not_start(settings):
    settings.PRODUCTION = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    (error,) = production_sends_mail()
    assert error.id == "borgerpost.E002" and "EMAIL_BACKEND" in error.msg
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert production_sends_mail() == []
    settings.PRODUCTION = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    assert production_sends_mail() == []  # demo and development write files on purpose
