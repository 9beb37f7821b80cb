"""Bulk import of .eml folders and .mbox files, with a summary and reasons."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage

from django.core.management import call_command

from borgerpost.inquiries.models import Inquiry


def mail(n: int, body: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Borger {n} <borger{n}@example.dk>"
    msg["To"] = "sah@ishoj.dk, kli@ishoj.dk"
    msg["Subject"] = f"Spørgsmål {n}"
    msg["Message-ID"] = f"<m{n}@example.dk>"
    msg["Date"] = "Mon, 18 Nov 2024 10:15:00 +0100"
    msg.set_content(body if body is not None else f"Hej Sara. Hvornår kommer cykelsti nr. {n}?")
    return msg


def test_folder_and_mbox_import_with_summary(world, tmp_path, capsys):
    folder = tmp_path / "eksport"
    (folder / "indbakke").mkdir(parents=True)
    for n in range(3):
        (folder / "indbakke" / f"{n}.eml").write_bytes(mail(n).as_bytes())
    (folder / "indbakke" / "tom.eml").write_bytes(mail(9, body=" ").as_bytes())
    (folder / "indbakke" / "skrald.eml").write_bytes(b"\x00\x01 not a mail")
    box = mailbox.mbox(str(tmp_path / "arkiv.mbox"))
    box.add(mail(1))  # the same mail as in the folder
    box.add(mail(4))
    box.close()
    call_command(
        "mail",
        "import",
        str(folder),
        str(tmp_path / "arkiv.mbox"),
        "--municipality",
        "ishoj",
        "--member",
        "sara",
    )
    captured = capsys.readouterr()
    assert "Læst: 7. Importeret: 4" in captured.out and "dubletter: 1" in captured.out
    assert "afvist: 2" in captured.out
    assert "ingen tekst" in captured.out and "ligner ikke en mail" in captured.out
    assert "7/7" in captured.err  # the progress bar reached the end
    assert Inquiry.objects.count() == 4
    call_command("mail", "import", str(folder), "--municipality", "ishoj", "--member", "kasper")
    assert "samme henvendelse som et andet medlems: 3" in capsys.readouterr().out
    assert Inquiry.objects.count() == 4
