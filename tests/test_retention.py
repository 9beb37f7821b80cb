"""Retention: nothing with personal data outlives its rule (seeds 000-002: 30 days)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from borgerpost.counsellor.models import CounsellorCase
from borgerpost.inquiries import actions
from borgerpost.inquiries.actions import TriageDecision
from borgerpost.inquiries.models import Attachment, Inquiry
from borgerpost.intake.actions import MailboxSettings, do_connect_main_mailbox
from borgerpost.intake.models import QuarantinedMail
from borgerpost.pure.scanner import scan
from borgerpost.retention import rules
from borgerpost.retention.models import DeletionLog
from tests.conftest import sent_mail

BODY = "Min søn Oliver, cpr.nr. 091213-4290, har ADHD, og vi får kontanthjælp."


def closed_inquiry(world, new_inquiry, forward: bool, case_number: str = "", **kw):  # type: ignore[no-untyped-def]
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry(body=BODY, **kw)).inquiry
    attachment = Attachment(
        inquiry=inquiry,
        filename="journal.pdf",
        content_type="application/pdf",
        size=len(BODY),
        sha256=str(inquiry.pk).rjust(64, "0"),
    )
    attachment.file.save(attachment.sha256, ContentFile(BODY.encode()), save=True)
    path = "administration" if forward else "personal"
    kind = "case" if forward else "political"
    actions.do_triage(world.sara, inquiry, TriageDecision(kind, path, None, False, "not_relevant"))
    if forward:
        actions.do_forward_to_administration(world.sara, inquiry)
        actions.do_assign_in_administration(world.pia, inquiry, None, "phone", False, case_number)
        actions.do_administration_answer(world.pia, inquiry, "phone", "Ringet til borgeren.")
    else:
        actions.do_send_reply(world.sara, inquiry, "phone", "Talt i telefon om Olivers ADHD.")
        actions.do_close(world.sara, inquiry)
    inquiry.refresh_from_db()
    return inquiry


@pytest.fixture
def files(settings, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "files"
    return tmp_path / "files"


def test_nothing_with_personal_data_outlives_its_rule(world, new_inquiry, files):
    personal = closed_inquiry(world, new_inquiry, forward=False, subject="A")
    registered = closed_inquiry(
        world, new_inquiry, forward=True, case_number="24/1234", subject="B"
    )
    unregistered = closed_inquiry(world, new_inquiry, forward=True, subject="C")
    still_open = actions.do_register_inquiry(
        world.sara, new_inquiry(body=BODY + " Åben.", subject="D")
    ).inquiry
    case = CounsellorCase.objects.create(
        municipality=world.ishoj,
        reference="BR-1",
        opened=dt.date(2024, 1, 2),
        closed=timezone.localdate(),
        category="anden",
        handling="vejledning",
        other_authority="SKAT",
        citizen_contact="Ole, tlf. 20304050, cpr 0101901234",
    )

    mailbox = do_connect_main_mailbox(
        world.thomas,
        MailboxSettings("imap.ishoj.dk", 993, "ishojkommune", "password", "kode", "INBOX"),
    )
    quarantined = QuarantinedMail.objects.create(
        municipality=world.ishoj, mailbox=mailbox, reason="Krypteret", subject="Cpr 0101901234"
    )
    quarantined.raw.save("q.eml", ContentFile(b"Cpr 0101901234, min mor har demens"))

    early = rules.plan(world.ishoj, timezone.now() + dt.timedelta(days=29))
    assert early.inquiries == [] and early.waiting_for_case_number == []
    assert early.quarantined_mails == []

    later = timezone.now() + dt.timedelta(days=31)
    preview = rules.plan(world.ishoj, later)
    assert sorted(preview.inquiries) == sorted([personal.pk, registered.pk])
    assert preview.waiting_for_case_number == [unregistered.pk]
    assert Inquiry.objects.get(pk=personal.pk).body == BODY  # a preview deletes nothing

    rules.run(world.ishoj, later)
    for deleted in (personal, registered):
        row = Inquiry.objects.get(pk=deleted.pk)
        text = " ".join(
            str(v) for v in Inquiry.objects.filter(pk=deleted.pk).values().get().values()
        )
        text += " ".join(m.body + m.recipient for m in row.messages.all())
        assert scan(text) == [], deleted.reference
        assert row.citizen_name == row.citizen_email == "" and row.content_deleted_at
        assert row.received_at and row.channel and row.path  # statistics stay
        assert not row.attachments.exists()
    assert Inquiry.objects.get(pk=unregistered.pk).body == BODY  # flagged, not deleted
    assert Inquiry.objects.get(pk=still_open.pk).body.startswith(BODY)
    stored = [p.read_bytes().decode() for p in files.rglob("*") if p.is_file()]
    assert stored == [BODY]  # only the flagged inquiry keeps its file
    quarantined.refresh_from_db()
    assert not quarantined.raw and quarantined.subject == "" and quarantined.resolved_at
    assert DeletionLog.objects.filter(record_type="quarantined_mail").count() == 1
    assert {e.record_id for e in DeletionLog.objects.filter(record_type="inquiry")} == {
        str(personal.pk),
        str(registered.pk),
    }
    assert all(BODY not in str(e.__dict__) for e in DeletionLog.objects.all())

    # The counsellor's own period (365 days by default).
    assert CounsellorCase.objects.get(pk=case.pk).citizen_contact
    rules.run(world.ishoj, timezone.now() + dt.timedelta(days=366))
    assert CounsellorCase.objects.get(pk=case.pk).citizen_contact == ""
    assert scan(CounsellorCase.objects.filter(pk=case.pk).values_list("notes", flat=True)[0]) == []


def test_secretariat_sees_what_waits_for_a_case_number(world, new_inquiry, files, client_for):
    unregistered = closed_inquiry(world, new_inquiry, forward=True)
    Inquiry.objects.filter(pk=unregistered.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=40)
    )
    page = client_for("pia").get(reverse("administration-queue", args=["ishoj"])).content.decode()
    assert "Venter på journalnummer før sletning" in page and unregistered.reference in page


def test_command_dry_run_and_run(world, new_inquiry, files, capsys):
    inquiry = closed_inquiry(world, new_inquiry, forward=False)
    Inquiry.objects.filter(pk=inquiry.pk).update(closed_at=timezone.now() - dt.timedelta(days=31))
    call_command("retention", "--dry-run")
    assert "ishoj: ville slette indholdet af 1 henvendelse og" in capsys.readouterr().out
    assert Inquiry.objects.get(pk=inquiry.pk).body == BODY
    call_command("retention")
    assert "ishoj: slettede indholdet af 1 henvendelse og" in capsys.readouterr().out
    assert Inquiry.objects.get(pk=inquiry.pk).body == ""


def test_printed_copies_register_and_reminder(world, client_for, new_inquiry):

    from borgerpost.inquiries.reminders import send_deadline_reminders
    from borgerpost.retention.models import PrintedCopy

    sara = client_for("sara")
    url = reverse("printed-copies", args=["ishoj"])
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    sara.post(
        url,
        {
            "inquiry": inquiry.pk,
            "description": "Brev fra borger, 3 sider",
            "kept_where": "Aflåst skab på kontoret",
        },
    )
    copy = PrintedCopy.objects.get()
    assert copy.printed_by == world.users["sara"]
    assert "Brev fra borger, 3 sider" not in client_for("jens").get(url).content.decode()
    PrintedCopy.objects.filter(pk=copy.pk).update(printed_at=timezone.now() - dt.timedelta(days=40))
    send_deadline_reminders(
        timezone.localdate() + dt.timedelta(days=(7 - timezone.localdate().weekday()) % 7)
    )
    assert any("ikke afleveret til makulering" in m.body for m in sent_mail())
    response = sara.post(reverse("printed-copy-hand-in", args=["ishoj", copy.pk]), follow=True)
    assert "afleveret til makulering" in response.content.decode()
    assert PrintedCopy.objects.get().handed_in_at is not None
    assert (
        client_for("jens")
        .post(reverse("printed-copy-hand-in", args=["ishoj", copy.pk]))
        .status_code
        == 404
    )


def test_retention_decides_and_each_app_erases_its_own_content():
    import ast
    from pathlib import Path

    import borgerpost.retention.rules as rules

    tree = ast.parse(Path(rules.__file__).read_text("utf-8"))
    assigned = [
        ast.unparse(target)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AugAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute)
    ]
    writes = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"save", "update", "delete", "bulk_update"}
    ]
    assert assigned == [] and writes == []
    modules = {name for name in vars(rules) if name.endswith("_erasure")}
    assert modules == {
        "inquiries_erasure",
        "intake_erasure",
        "letters_erasure",
        "counsellor_erasure",
        "outgoing_erasure",
    }
