"""A fresh database for a benchmark: SQLite in a temporary folder, or a PostgreSQL
database that is dropped and created again."""

from __future__ import annotations

import os
import tempfile


def configure(db: str, url: str) -> None:
    os.environ["BORGERPOST_TESTING"] = "true"
    os.environ["BORGERPOST_DATA_DIR"] = tempfile.mkdtemp(prefix="bp-bench-")
    if db == "postgres":
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
