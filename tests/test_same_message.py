"""When a mail joins an inquiry someone else registered: only when it is demonstrably the
same mail, and only for a member it was sent to. On every path: upload, bulk import,
IMAP (the main mailbox and a member's folder), and the form.

The attack this closes: a Message-ID is visible to everyone who received a mail. A member
CC'd once could upload a mail of their own with that Message-ID and be added to the other
member's inquiry, with everything in it. And the reverse: a different mail that reuses a
Message-ID used to be dropped as a duplicate.
"""

from __future__ import annotations

import mailbox as mailboxes
from email.message import EmailMessage

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from borgerpost.inquiries import actions
from borgerpost.inquiries.actions.registration import NOT_ADDRESSED, REUSED_MESSAGE_ID
from borgerpost.inquiries.models import Inquiry
from borgerpost.intake.actions import do_connect_main_mailbox, do_connect_member_folder
from borgerpost.intake.models import IntakeRecord
from borgerpost.intake.service import take_new_mail
from borgerpost.pure.mailparse import parse_eml

from .test_intake import settings_for

SARAS_MAIL_ID = "<saras-mail-1@example.dk>"


def mail(
    body: str = "Min søn har ADHD og får ikke den støtte, han skal have i skolen.",
    *,
    to: str = "sah@ishoj.dk",
    message_id: str = SARAS_MAIL_ID,
    date: str = "Mon, 16 Nov 2026 10:00:00 +0100",
    sender: str = "Ole Hansen <ole@example.dk>",
    subject: str = "Støtte i skolen",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes()


def register(actor, raw: bytes):  # type: ignore[no-untyped-def]
    return actions.do_register_inquiry(actor, actions.new_inquiry_from_mail(parse_eml(raw)))


def upload(client, raw: bytes):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("inquiry-upload", args=["ishoj"]),
        {"eml": SimpleUploadedFile("mail.eml", raw, "message/rfc822")},
        follow=True,
    )


def test_a_reused_message_id_never_opens_another_members_inquiry(world, client_for):
    saras = register(world.sara, mail()).inquiry
    # Kasper saw the Message-ID (CC'd on an earlier mail) and uploads a mail of his own.
    forged = mail("Hej, kan vi mødes om cykelstien?", to="kli@ishoj.dk")
    page = upload(client_for("kasper"), forged)

    assert REUSED_MESSAGE_ID in page.content.decode()
    assert list(saras.recipients.values_list("member__username", flat=True)) == ["sara"]
    kaspers = Inquiry.objects.exclude(pk=saras.pk).get()
    assert kaspers.intake_notes == [REUSED_MESSAGE_ID]
    assert kaspers.recipients.get().member == world.users["kasper"]
    # Kasper cannot read Sara's inquiry by any URL.
    response = client_for("kasper").get(reverse("inquiry-detail", args=["ishoj", saras.pk]))
    assert response.status_code == 404


def test_the_same_mail_not_sent_to_the_member_becomes_its_own_inquiry(world):
    saras = register(world.sara, mail()).inquiry
    # The very same mail (a copy Jens got hold of), but it was never sent to Jens.
    second = register(world.jens, mail())
    assert second.outcome == "created" and second.inquiry.pk != saras.pk
    assert second.inquiry.intake_notes == [NOT_ADDRESSED]
    assert saras.recipients.count() == 1


def test_the_same_mail_sent_to_both_is_one_inquiry(world):
    both = "Sara Ahmadi <sah@ishoj.dk>, Kasper Lind <kli@ishoj.dk>"
    first = register(world.sara, mail(to=both))
    second = register(world.kasper, mail(to=both))
    assert second.outcome == "added_recipient" and second.inquiry == first.inquiry
    # The same member again changes nothing.
    assert register(world.kasper, mail(to=both)).outcome == "already_registered"
    # A copy that differs in date, sender or text is another mail.
    later = register(world.kasper, mail(to=both, date="Mon, 16 Nov 2026 10:05:00 +0100"))
    assert later.outcome == "created" and later.inquiry != first.inquiry


def test_a_private_address_counts_as_the_members_own(world):
    # Kasper's private address is registered on his membership (conftest).
    to = "sah@ishoj.dk, kasper.lind@gmail.com"
    first = register(world.sara, mail(to=to))
    assert register(world.kasper, mail(to=to)).inquiry == first.inquiry


def test_typed_registrations_join_on_sender_day_and_text_only(world, new_inquiry):
    first = actions.do_register_inquiry(world.sara, new_inquiry(message_id=""))
    second = actions.do_register_inquiry(world.jens, new_inquiry(message_id=""))
    assert second.outcome == "added_recipient" and second.inquiry == first.inquiry
    other_text = actions.do_register_inquiry(world.jens, new_inquiry(body="Noget helt andet."))
    assert other_text.outcome == "created"


def test_bulk_import_follows_the_same_rules(world, tmp_path, capsys):
    saras = register(world.sara, mail()).inquiry
    box = mailboxes.mbox(str(tmp_path / "kasper.mbox"))
    box.add(mail("Et helt andet spørgsmål om vejen.", to="kli@ishoj.dk"))  # reused id
    box.add(mail())  # Sara's mail, not sent to Kasper
    box.add(mail(to="kli@ishoj.dk", message_id="<egen@example.dk>", subject="Egen"))
    box.close()
    call_command(
        "mail",
        "import",
        str(tmp_path / "kasper.mbox"),
        "--municipality",
        "ishoj",
        "--member",
        "kasper",
    )
    out = capsys.readouterr().out
    assert "Læst: 3. Importeret: 3 (heraf 2 som selvstændige henvendelser" in out
    assert list(saras.recipients.values_list("member__username", flat=True)) == ["sara"]
    reused, copied, own = Inquiry.objects.exclude(pk=saras.pk).order_by("pk")
    assert reused.intake_notes == [REUSED_MESSAGE_ID]
    assert NOT_ADDRESSED in copied.intake_notes  # (and its Message-ID is reused by the first)
    assert own.intake_notes == []


def test_imap_never_drops_a_different_mail_that_reuses_a_message_id(
    world, dovecot, account, trusted
):
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    dovecot.deliver(
        account,
        mail(to="ishojkommune@ishoj.dk"),
        mail("Et andet spørgsmål, samme Message-ID.", to="ishojkommune@ishoj.dk"),
        mail(to="ishojkommune@ishoj.dk"),  # the first mail again: a true duplicate
    )
    summary = take_new_mail(mailbox)
    # Two mails, two inquiries; the same mail again is a duplicate, never a third.
    assert (summary.created, summary.joined, summary.duplicates) == (2, 0, 1)
    inquiries = list(Inquiry.objects.order_by("pk"))
    assert [i.intake_notes for i in inquiries] == [[], [REUSED_MESSAGE_ID]]
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == 3


def test_imap_member_folder_follows_the_same_rules(world, dovecot, account, trusted):
    saras = register(world.sara, mail()).inquiry
    folder = do_connect_member_folder(
        world.kasper, settings_for(dovecot, account, folder="Borgere"), consent=True
    )
    dovecot.deliver(
        account, mail("Kaspers egen mail med lånt id.", to="kli@ishoj.dk"), folder="Borgere"
    )
    assert take_new_mail(folder).created == 1
    assert saras.recipients.count() == 1
    assert Inquiry.objects.exclude(pk=saras.pk).get().intake_notes == [REUSED_MESSAGE_ID]


@pytest.mark.parametrize("path", ["form", "upload"])
def test_nothing_joins_after_the_content_is_deleted(world, client_for, path, new_inquiry):
    """An inquiry whose content retention deleted has no fingerprint left to match."""
    from borgerpost.retention.rules import _erase_inquiry

    first = (
        actions.do_register_inquiry(world.sara, new_inquiry())
        if path == "form"
        else register(world.sara, mail(to="sah@ishoj.dk, kli@ishoj.dk"))
    ).inquiry
    _erase_inquiry(first)
    again = (
        actions.do_register_inquiry(world.sara, new_inquiry())
        if path == "form"
        else register(world.kasper, mail(to="sah@ishoj.dk, kli@ishoj.dk"))
    )
    assert again.outcome == "created" and again.inquiry != first
