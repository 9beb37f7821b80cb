"""A fresh database for a benchmark: SQLite in a temporary folder, or a PostgreSQL
database that is dropped and created again."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any


def configure(db: str, url: str, keep: str = "") -> bool:
    """Set up Django on a fresh database; with `keep` (a folder), reuse the database a
    previous run left there, and return whether it was reused."""
    os.environ["BORGERPOST_TESTING"] = "true"
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
    os.environ["BORGERPOST_DATA_DIR"] = keep or tempfile.mkdtemp(prefix="bp-bench-")
    marker = Path(keep, f"filled-{db}") if keep else None
    reused = marker is not None and marker.exists()
    if db == "postgres" and reused:
        os.environ["DATABASE_URL"] = url
    elif db == "postgres":
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "borgerpost.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return reused


def mark_filled(db: str, keep: str) -> None:
    if keep:
        Path(keep, f"filled-{db}").touch()


def serve(port: int, workers: int | None = None, threads: int | None = None) -> Any:
    """`borgerpost serve` (gunicorn, warmed up) on the benchmark's database, over plain
    HTTP on loopback; returns the process once its health check answers."""
    import subprocess
    import sys
    import time
    import urllib.request

    command = [sys.executable, "-m", "borgerpost", "serve", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers)] if workers else []
    command += ["--threads", str(threads)] if threads else []
    plain_http = {"ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false"}
    server = subprocess.Popen(
        command,
        env={**os.environ, **plain_http, "SECURE_COOKIES": "false"},
        stderr=subprocess.DEVNULL,  # Django logs each guarded reply as a 400
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("borgerpost serve did not start")
