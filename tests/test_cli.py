"""The `borgerpost` command: deadline, municipality load, demo, worker."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from borgerpost.core.models import Centre, Committee, Municipality, ScheduledRun
from borgerpost.core.scheduler import due_jobs
from borgerpost.inquiries.models import Inquiry, ReminderSent
from borgerpost.inquiries.reminders import send_deadline_reminders
from tests.conftest import sent_mail

EXAMPLE = Path(__file__).parents[1] / "examples" / "municipality.yaml"


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "borgerpost", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2024-03-27", "2024-04-15"),
        ("2024-03-27T16:30", "2024-04-15"),
        ("2024-12-20", "2025-01-10"),
    ],
)
def test_deadline_command_needs_no_database(received, expected, tmp_path):
    # An unreachable database proves the command never touches one.
    result = run_cli(
        "deadline",
        received,
        DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing",
        BORGERPOST_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_deadline_command_days_and_bad_input(tmp_path):
    ok = run_cli("deadline", "2024-09-02", "--days", "5", BORGERPOST_DATA_DIR=str(tmp_path))
    assert ok.stdout.strip().splitlines()[-1] == "2024-09-09"
    bad = run_cli("deadline", "2. marts", BORGERPOST_DATA_DIR=str(tmp_path))
    assert bad.returncode != 0 and "ISO-dato" in bad.stderr


@pytest.mark.django_db
def test_deadline_command_uses_the_municipality_calendar(world, capsys):
    world.ishoj.closing_days = ["2024-09-13"]
    world.ishoj.save()
    call_command("deadline", "2024-09-02", "--municipality", "ishoj")
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2024-09-17"
    with pytest.raises(CommandError, match="findes ikke"):
        call_command("deadline", "2024-09-02", "--municipality", "ukendt")


@pytest.mark.django_db
def test_load_example_municipality_twice_is_idempotent():
    call_command("municipality", "load", str(EXAMPLE))
    counts = (Municipality.objects.count(), Centre.objects.count(), Committee.objects.count())
    call_command("municipality", "load", str(EXAMPLE))
    assert counts == (
        Municipality.objects.count(),
        Centre.objects.count(),
        Committee.objects.count(),
    )
    ishoj = Municipality.objects.get(slug="ishoj")
    assert ishoj.mayor.username == "borgmester"
    assert ishoj.is_internal_address("someone@ishoj.dk")
    assert not ishoj.is_internal_address("someone@gmail.com")
    chair = Committee.objects.get(name="Børne- og Skoleudvalget").chair
    assert chair.username == "formand"
    assert not chair.has_usable_password()  # no passwords from files outside demo


@pytest.mark.django_db
def test_load_json(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "slug": "faxe",
                "name": "Faxe Kommune",
                "mail_domains": ["faxekommune.dk"],
                "main_mailbox": "faxe@faxekommune.dk",
            }
        )
    )
    call_command("municipality", "load", str(path))
    faxe = Municipality.objects.get(slug="faxe")
    assert faxe.closing_days == ["06-05", "12-24", "12-31"]
    assert faxe.answer_deadline_days == 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("slug: x\nname: X\n", "mail_domains"),
        ("[1, 2]", "én kommune"),
        ("slug: x\nname: X\nmail_domains: [x.dk]\nmain_mailbox: nope\n", "gyldig mailadresse"),
        (
            "slug: x\nname: X\nmail_domains: [x.dk]\nmain_mailbox: a@x.dk\nclosing_days: ['13-45']\n",
            "gyldig dato",
        ),
        (
            "slug: x\nname: X\nmail_domains: [x.dk]\nmain_mailbox: a@x.dk\nmayor: ghost\n",
            "står ikke under people",
        ),
        (
            "slug: x\nname: X\nmail_domains: [x.dk]\nmain_mailbox: a@x.dk\ncommittees:\n"
            "  - {name: U, centres: [Nope]}\n",
            "står ikke under centres",
        ),
        ("slug: x\n  bad: [yaml", "ikke gyldig"),
    ],
)
def test_bad_municipality_file_changes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("municipality", "load", str(path))
    assert not Municipality.objects.exists()


@pytest.mark.django_db
def test_demo_command_refuses_outside_demo_mode(settings):
    from django.contrib.auth import get_user_model

    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="kun i demotilstand"):
        call_command("demo")
    assert not get_user_model().objects.exists()  # no account with the published password


@pytest.mark.django_db
def test_demo_command_loads_demo_data_once(settings, capsys):
    settings.DEMO_MODE = True
    call_command("demo")
    assert "Hvidovre Kommune og Ishøj Kommune" in capsys.readouterr().out
    count = Inquiry.objects.count()
    call_command("demo")
    assert Inquiry.objects.count() == count >= 4
    shared = max(Inquiry.objects.all(), key=lambda i: i.recipients.count())
    assert shared.recipients.count() == 3


def test_the_demo_script_sets_the_site_url_from_its_address():
    script = (Path(__file__).parents[1] / "scripts" / "demo").read_text()
    assert 'export SITE_URL="${SITE_URL:-http://$ADDR}"' in script
    assert script.index("SITE_URL=") < script.index("borgerpost demo")


@pytest.mark.django_db
def test_daily_reminder_is_sent_once_per_person_per_day(world, new_inquiry):
    from borgerpost.inquiries.actions import do_register_inquiry

    old = dt.datetime(2024, 9, 2, 10, tzinfo=dt.UTC)
    do_register_inquiry(world.sara, new_inquiry(received_at=old))
    today = dt.date(2024, 9, 17)  # one working day after the deadline 16 September
    assert send_deadline_reminders(today) == 1
    assert send_deadline_reminders(today) == 0
    assert ReminderSent.objects.count() == 1
    assert sent_mail()[0].to == ["sah@ishoj.dk"]
    assert "Overskredet" in sent_mail()[0].body
    assert "Bilerne" not in sent_mail()[0].body  # never the content
    assert send_deadline_reminders(dt.date(2024, 9, 21)) == 0  # a Saturday: no reminders


@pytest.mark.django_db(transaction=True)
def test_scheduler_claims_each_daily_job_once():
    night = dt.datetime(2024, 9, 17, 0, 0, tzinfo=dt.UTC)  # 02:00 in Copenhagen
    morning = dt.datetime(2024, 9, 17, 5, 0, tzinfo=dt.UTC)  # 07:00 in Copenhagen
    assert due_jobs(night - dt.timedelta(hours=1, minutes=1)) == []
    assert due_jobs(night - dt.timedelta(hours=1)) == ["audit-anchor"]
    assert due_jobs(night - dt.timedelta(minutes=1)) == []
    assert due_jobs(night) == ["retention"]
    assert due_jobs(morning - dt.timedelta(minutes=1)) == []
    assert due_jobs(morning) == ["deadline-reminders"]
    assert due_jobs(morning + dt.timedelta(hours=3)) == []
    assert ScheduledRun.objects.count() == 3
    call_command("worker", "--once")
    from django_tasks_db.models import DBTaskResult

    # The worker also claimed today's real run; every enqueued run has completed.
    assert {r.status for r in DBTaskResult.objects.all()} == {"SUCCESSFUL"}


@pytest.mark.django_db
def test_sso_groups_must_name_roles(tmp_path):
    path = tmp_path / "sso.yaml"
    base = "slug: x\nname: X\nmail_domains: [x.dk]\nmain_mailbox: a@x.dk\n"
    path.write_text(base + "sso_groups: {grp-1: borgmester}\n")
    with pytest.raises(CommandError, match="ikke en rolle"):
        call_command("municipality", "load", str(path))
    assert not Municipality.objects.exists()
    path.write_text(base + "sso_groups: {grp-1: council_member, grp-2: dpo}\n")
    call_command("municipality", "load", str(path))
    assert Municipality.objects.get(slug="x").sso_groups == {
        "grp-1": "council_member",
        "grp-2": "dpo",
    }


def bare(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A fresh shell: only PATH and HOME, nothing of borgerpost's configuration."""
    return subprocess.run(
        [sys.executable, "-m", "borgerpost", *args],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(home), **env},
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["deadline", "2026-12-01"], "2026-12-15"),
        (["dispatch-check", "--at", "2026-12-04T15:00", "--vulnerable"], "hold"),
        (["scan", "TEXT"], "CPR-nummer"),
        (["new-secret-key"], ""),
        ([], "deadline"),
    ],
)
def test_commands_that_need_nothing_run_with_nothing_set(tmp_path, args, expected):
    home = tmp_path / "home"
    home.mkdir()
    text = tmp_path / "mail.txt"
    text.write_text("Mit cpr-nummer er 010190-1234.", encoding="utf-8")
    args = [str(text) if a == "TEXT" else a for a in args]

    result = bare(*args, home=home)

    assert result.returncode == 0, result.stderr
    assert expected in result.stdout and "Traceback" not in result.stderr
    # Nothing written: no data directory, no static/; only the scanner's cache of its
    # compiled rules, where the XDG convention puts caches.
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    assert all(p.parts[:2] == (".cache", "borgerpost") for p in written), written


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["counsellor", "report", "--year", "2025"], {}, "SECRET_KEY mangler"),
        (["migrate"], {}, "borgerpost new-secret-key"),
        (["serve"], {"DEBUG": "måske"}, "DEBUG skal være true eller false"),
        (
            ["migrate"],
            {
                "SECRET_KEY": "x" * 50,
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",
            },
            "Databasen kan ikke nås",
        ),
        (["worker"], {"SECRET_KEY": "x" * 50, "DATABASE_URL": "ikke en adresse"}, "DATABASE_URL"),
        (
            ["worker"],
            {"SECRET_KEY": "x" * 50, "BORGERPOST_SF1601_URL": "http://kombit.example/"},
            "BORGERPOST_SF1601_URL skal være en https://-adresse",
        ),
    ],
)
def test_a_missing_setting_is_one_danish_line(tmp_path, args, env, message):
    result = bare(*args, home=tmp_path, **env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("borgerpost: ") and message in lines[0]
