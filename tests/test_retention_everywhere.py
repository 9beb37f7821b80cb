"""Ten years on, nothing about a citizen is left anywhere: every table and every stored
file is searched for what the citizens wrote and what was written to them (issue 13.5:
letters, the letter register, vulnerability notes and the outboxes were still there)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from borgerpost.counsellor.models import CounsellorCase
from borgerpost.inquiries import actions as inquiry_actions
from borgerpost.intake.actions import MailboxSettings, do_connect_main_mailbox
from borgerpost.intake.models import QuarantinedMail
from borgerpost.letters import actions
from borgerpost.letters.actions import SendRequest
from borgerpost.letters.models import Citizen, Letter
from borgerpost.outgoing.delivery import deliver_due
from borgerpost.retention import rules
from borgerpost.retention.models import DeletionLog

from .test_retention import closed_inquiry

# What identifies the citizens or tells about them, in the forms it is stored in.
MARKERS = ["0101901234", "010190-1234", "091213", "Ole Hansen", "Camilla", "ADHD", "demens"]


def everything_in_the_database() -> list[tuple[str, str]]:
    found = []
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields]
        for row in model.objects.values_list(*fields):
            text = " ".join(
                bytes(v).decode("utf-8", "replace") if isinstance(v, bytes | memoryview) else str(v)
                for v in row
            )
            found += [(model.__name__, m) for m in MARKERS if m in text]
    return found


def everything_on_disk(*folders: Path) -> list[tuple[str, str]]:
    found = []
    for folder in folders:
        for path in (p for p in folder.rglob("*") if p.is_file()):
            text = path.read_bytes().decode("utf-8", "replace")
            found += [(path.name, m) for m in MARKERS if m in text]
    return found


@pytest.mark.django_db(transaction=True)
def test_ten_years_on_nothing_about_a_citizen_is_left(world, new_inquiry, settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "data" / "outbox" / "mail"

    # Inquiries: a member's own, and one the administration answered, with attachments.
    closed_inquiry(world, new_inquiry, forward=False, subject="A")
    closed_inquiry(world, new_inquiry, forward=True, case_number="24/1234", subject="B")
    # The counsellor's register and the quarantine.
    CounsellorCase.objects.create(
        municipality=world.ishoj,
        reference="BR-1",
        opened=dt.date(2026, 1, 2),
        closed=timezone.localdate(),
        category="anden",
        handling="vejledning",
        citizen_contact="Ole Hansen, cpr 0101901234",
        notes="Ole Hansen har demens.",
    )
    mailbox = do_connect_main_mailbox(
        world.thomas,
        MailboxSettings("imap.ishoj.dk", 993, "ishojkommune", "password", "kode", "INBOX"),
    )
    held = QuarantinedMail.objects.create(
        municipality=world.ishoj, mailbox=mailbox, reason="Krypteret", subject="Ole Hansen"
    )
    held.raw.save("q.eml", ContentFile(b"Cpr 0101901234, min mor har demens"))
    # Letters by Digital Post and by mail to a vulnerable citizen, and an unsent draft.
    ole = actions.do_save_citizen(
        world.louise, Citizen(cpr="0101901234", name="Ole Hansen", email="ole@example.dk")
    )
    actions.do_assess_vulnerability(world.louise, ole, True, "Ole Hansen har demens.")
    for channel, title in (("digital_post", "Til Ole Hansen"), ("mail", "Ny tid, Ole Hansen")):
        letter = actions.do_save_letter(
            world.louise,
            Letter(
                citizen=ole, title=title, body="Kære Ole Hansen. Din tid er flyttet.", urgent=True
            ),
        )
        actions.do_send_letter(world.louise, letter, SendRequest(channel, True))
    actions.do_save_letter(
        world.louise, Letter(citizen=ole, title="Kladde", body="Ole Hansen, cpr 0101901234.")
    )
    deliver_due()
    inquiry_actions.do_register_inquiry(world.sara, new_inquiry(subject="C"))  # still open
    assert everything_in_the_database() and everything_on_disk(tmp_path)  # it is all there

    ten_years_on = timezone.now() + dt.timedelta(days=3653)
    rules.run_all(ten_years_on)

    # Only the inquiry still open keeps its text (Camilla's), and nothing else anywhere.
    left = [hit for hit in everything_in_the_database() if hit != ("Inquiry", "Camilla")]
    assert left == []
    assert everything_on_disk(tmp_path) == []
    if connection.vendor == "sqlite":  # deleted rows are overwritten in the file too
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database = Path(connection.settings_dict["NAME"]).read_bytes()
        assert b"0101901234" not in database and b"Ole Hansen" not in database
    logged = set(DeletionLog.objects.values_list("record_type", flat=True))
    assert {"inquiry", "counsellor_case", "quarantined_mail", "letter", "citizen"} <= logged
    assert {"outgoing_message", "outbox_file"} <= logged


def test_a_vulnerability_assessment_lapses_at_its_review_date(world, client_for):
    from borgerpost.inquiries.rules import RuleError

    ole = actions.do_save_citizen(world.louise, Citizen(cpr="0101901234", name="Ole Hansen"))
    today = timezone.localdate()
    with pytest.raises(RuleError, match="højst to år"):
        actions.do_assess_vulnerability(
            world.louise, ole, True, "Angst.", today.replace(year=today.year + 3)
        )
    actions.do_assess_vulnerability(
        world.louise, ole, True, "Angst.", today + dt.timedelta(days=60)
    )
    page = client_for("louise").get(f"/k/ishoj/borgere/{ole.pk}/").content.decode()
    assert "Revurderes senest" in page

    rules.run(world.ishoj, timezone.now() + dt.timedelta(days=60))
    assert Citizen.objects.get(pk=ole.pk).vulnerable  # still due for review on the day
    rules.run(world.ishoj, timezone.now() + dt.timedelta(days=62))
    ole.refresh_from_db()
    assert not ole.vulnerable and ole.vulnerability_note == "" and ole.cpr == "0101901234"
    assert DeletionLog.objects.get(record_type="citizen").rule == rules.RULE_ASSESSMENT
    # The municipality sees and sets the periods.
    settings_page = client_for("thomas").get("/k/ishoj/indstillinger/").content.decode()
    assert "slet brevenes tekst efter" in settings_page.lower()
    assert "slet borgere i brevregistret efter" in settings_page.lower()
