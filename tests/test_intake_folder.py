"""The intake from a directory of .eml files: the same promises as the IMAP intake
(exactly once, nothing changed or removed, marked only after the commit), set up only
by the operator and only under BORGERPOST_MAIL_FOLDERS."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from borgerpost.core.exceptions import RuleError
from borgerpost.inquiries.models import Inquiry
from borgerpost.intake.actions import do_connect_file_folder, do_connect_main_mailbox
from borgerpost.intake.models import IntakeRecord, Mailbox, MailSource
from borgerpost.intake.service import take_new_mail
from borgerpost.notices.models import Notice

from .test_intake import mail, settings_for


@pytest.fixture
def drop(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MAIL_FOLDERS = tmp_path / "mail-folders"
    folder = settings.MAIL_FOLDERS / "ishoj"
    folder.mkdir(parents=True)
    return folder


def test_mail_dropped_as_files_becomes_the_administrations_inquiries(world, drop):
    (drop / "1.eml").write_bytes(mail(1))
    (drop / "2.eml").write_bytes(mail(2, body="Min søn har ADHD. Cpr 091213-4290."))
    (drop / "noter.txt").write_text("ikke en mail")
    call_command("mail", "folder", str(drop), "--municipality", "ishoj")
    mailbox = Mailbox.objects.get(municipality=world.ishoj, kind="main")
    assert mailbox.source == MailSource.FOLDER

    summary = take_new_mail(mailbox)

    assert (summary.created, summary.quarantined) == (2, 0)
    assert Inquiry.objects.for_actor(world.pia).count() == 2
    assert Inquiry.objects.for_actor(world.sara).count() == 0
    # The secretariat is told under »Nyt til mig«, once a mail.
    told = Notice.objects.for_actor(world.pia).values_list("text", flat=True)
    assert sorted(told) == sorted(
        f"Ny henvendelse fra hovedpostkassen: {i.reference}"
        for i in Inquiry.objects.for_actor(world.pia)
    )
    # Nothing changed or removed; each taken mail marked beside it.
    assert sorted(p.name for p in drop.iterdir()) == [".taken", "1.eml", "2.eml", "noter.txt"]
    assert sorted(p.name for p in (drop / ".taken").iterdir()) == ["1.eml", "2.eml"]
    # Again: nothing new. A new file: only that one.
    assert take_new_mail(mailbox).created == 0
    (drop / "3.eml").write_bytes(mail(3))
    assert take_new_mail(mailbox).created == 1
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == 3


def test_a_lost_mark_never_takes_a_mail_twice(world, drop):
    (drop / "1.eml").write_bytes(mail(1))
    mailbox = do_connect_file_folder(world.ishoj, str(drop))
    take_new_mail(mailbox)
    # The process died after the commit, before the mark: the record still knows it.
    for mark in (drop / ".taken").iterdir():
        mark.unlink()
    summary = take_new_mail(mailbox)
    assert (summary.created, summary.marked_again) == (0, 1)
    assert Inquiry.objects.filter(municipality=world.ishoj).count() == 1


@pytest.mark.parametrize("where", ["/etc", "../../outside", "link-out"])
def test_only_directories_under_the_configured_root(world, drop, where):
    (drop / "link-out").symlink_to("/etc")  # a link inside the root that leads out of it
    with pytest.raises(RuleError, match="skal ligge under"):
        do_connect_file_folder(world.ishoj, where if where.startswith("/") else str(drop / where))
    with pytest.raises(CommandError, match="skal ligge under"):
        call_command("mail", "folder", "/etc", "--municipality", "ishoj")
    assert not Mailbox.objects.filter(source=MailSource.FOLDER).exists()


def test_the_web_form_connects_imap_only(world, drop, dovecot, account):
    mailbox = do_connect_file_folder(world.ishoj, str(drop))
    # The administrator changing the main mailbox in the settings makes it IMAP again.
    changed = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    assert changed.pk == mailbox.pk and changed.source == MailSource.IMAP


def test_the_demo_mailbox_is_read_from_its_page_without_a_mail_server(db, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from borgerpost.core.demo import load_demo

    from .conftest import signed_in_client

    settings.DEMO_MODE = True
    settings.MAIL_FOLDERS = tmp_path / "postmapper"
    place = load_demo()
    mailbox = Mailbox.objects.get(municipality=place, kind="main")
    admin = get_user_model().objects.get(username="admin")
    client = signed_in_client(admin)
    page = client.get(f"/k/{place.slug}/postkasser/hovedpostkassen/")
    assert "mailfiler i mappen" in page.content.decode()

    reply = client.post(f"/k/{place.slug}/postkasser/{mailbox.pk}/hent/", follow=True)

    assert reply.status_code == 200
    taken = Inquiry.objects.filter(municipality=place, received_in_main_mailbox=True)
    assert taken.count() == 2
    assert any("cpr" in i.sensitive_categories for i in taken)
