"""IMAP intake against a real Dovecot over TLS: the main mailbox, a member's folder with
consent, exactly-once under kills, XOAUTH2, and quarantine of mail that cannot be read."""

from __future__ import annotations

import json
import os
import signal
import ssl
import subprocess
import sys
import threading
import time
import uuid
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerpost.core.exceptions import RuleError
from borgerpost.inquiries.models import Inquiry, Status
from borgerpost.intake.actions import (
    MailboxSettings,
    do_connect_main_mailbox,
    do_connect_member_folder,
    do_disconnect_mailbox,
)
from borgerpost.intake.imap import MailboxError
from borgerpost.intake.models import IntakeRecord, Mailbox, QuarantinedMail
from borgerpost.intake.service import take_new_mail

from .conftest import database_url
from .mailservers import PASSWORD, free_port


def mail(n: int = 1, body: str = "", subject: str = "", sender: str = "", **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender or f"Borger {n} <borger{n}@example.dk>"
    msg["To"] = "ishojkommune@ishoj.dk"
    msg["Subject"] = subject or f"Spørgsmål nummer {n} om vejen"
    msg["Date"] = "Mon, 16 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = headers.pop("message_id", f"<{uuid.uuid4().hex}@example.dk>")
    msg.set_content(body or f"Hej. Hvornår bliver hullet i vejen ud for nr. {n} lavet? Mvh.")
    return msg.as_bytes()


def settings_for(dovecot, username: str, folder: str = "INBOX", **extra) -> MailboxSettings:  # type: ignore[no-untyped-def]
    values = {
        "host": "127.0.0.1",
        "port": dovecot.port,
        "username": username,
        "auth_method": "password",
        "secret": PASSWORD,
        "folder": folder,
    }
    values.update(extra)
    return MailboxSettings(**values)


def test_main_mailbox_mail_becomes_the_administrations_inquiry(world, dovecot, account, trusted):
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    dovecot.deliver(
        account,
        mail(1),
        mail(2, body="Min søn Oliver har ADHD, og vi får kontanthjælp. Cpr 091213-4290."),
    )

    summary = take_new_mail(mailbox)

    assert (summary.created, summary.quarantined) == (2, 0)
    inquiries = Inquiry.objects.filter(municipality=world.ishoj).order_by("pk")
    assert [i.received_in_main_mailbox for i in inquiries] == [True, True]
    assert all(i.status == Status.WITH_ADMINISTRATION for i in inquiries)
    assert set(inquiries[1].sensitive_categories) >= {"cpr", "health", "social_economic"}
    # The secretariat sees them; no member does, and nothing crosses municipalities.
    assert Inquiry.objects.for_actor(world.pia).count() == 2
    assert Inquiry.objects.for_actor(world.sara).count() == 0
    assert Inquiry.objects.for_actor(world.hvidovre_sekretariat).count() == 0
    # Marked as taken on the server, and still unread for the people using the mailbox.
    assert set(dovecot.taken_flags(account).values()) == {True}
    client = dovecot.client(account)
    client.select_folder("INBOX", readonly=True)
    assert client.search(["SEEN"]) == []
    client.logout()
    # Reading again takes nothing new.
    assert take_new_mail(mailbox).created == 0
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == 2


def test_a_members_folder_is_read_only_with_consent_and_only_for_the_member(
    world, dovecot, account, trusted, client_for
):
    with pytest.raises(RuleError, match="samtykke"):
        do_connect_member_folder(world.sara, settings_for(dovecot, account), consent=False)
    with pytest.raises(RuleError):
        do_connect_member_folder(world.pia, settings_for(dovecot, account), consent=True)
    mailbox = do_connect_member_folder(
        world.sara, settings_for(dovecot, account, folder="Borgerhenvendelser"), consent=True
    )
    assert mailbox.consent_at is not None and "Administrationen får ikke adgang" in (
        mailbox.consent_statement
    )
    dovecot.deliver(account, mail(1), folder="Borgerhenvendelser")
    dovecot.deliver(account, mail(2, subject="Privat: fødselsdag"))  # INBOX is not read

    assert take_new_mail(mailbox).created == 1
    inquiry = Inquiry.objects.get()
    assert inquiry.recipients.get().member == world.sara.user
    assert not inquiry.received_in_main_mailbox
    assert Inquiry.objects.for_actor(world.pia).count() == 0
    # The administration never sees or reaches a member's mailbox.
    assert not Mailbox.objects.for_actor(world.thomas).exists()
    assert not Mailbox.objects.for_actor(world.pia).exists()
    for who in ("thomas", "pia", "henrik"):
        page = client_for(who).get(reverse("member-folder", args=["ishoj"]))
        assert page.status_code == 403
        page = client_for(who).post(
            reverse("mailbox-read-now", args=["ishoj", mailbox.pk]), follow=False
        )
        assert page.status_code in (403, 404)
    assert client_for("sara").get(reverse("member-folder", args=["ishoj"])).status_code == 200
    # Withdrawing consent stops reading and forgets the password.
    do_disconnect_mailbox(world.sara, mailbox)
    mailbox.refresh_from_db()
    assert not mailbox.active and mailbox.sealed_secret == ""


def test_the_password_is_stored_encrypted(world, dovecot, account):
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    assert PASSWORD not in mailbox.sealed_secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed_secret FROM intake_mailbox WHERE id = %s", [mailbox.pk])
        assert PASSWORD not in cursor.fetchone()[0]


def test_the_same_mail_twice_or_after_renumbering_is_one_inquiry(world, dovecot, account, trusted):
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    same = mail(1, message_id="<samme-mail@example.dk>")
    dovecot.deliver(account, same, same)
    summary = take_new_mail(mailbox)
    assert (summary.created, summary.duplicates) == (1, 1)
    # The folder is recreated: new UIDVALIDITY, same mail with a new UID.
    client = dovecot.client(account)
    client.create_folder("Henvendelser")
    client.logout()
    mailbox.folder = "Henvendelser"
    mailbox.save()
    dovecot.deliver(account, same, folder="Henvendelser")
    assert take_new_mail(mailbox).duplicates == 1
    assert Inquiry.objects.count() == 1


def test_a_member_and_the_main_mailbox_never_share_an_inquiry(world, dovecot, trusted):
    # The citizen wrote to Sara with a copy to the main mailbox: two separate inquiries,
    # so the administration never sees Sara's replies and notes.
    main_account, sara_account = f"main-{uuid.uuid4().hex[:8]}", f"sara-{uuid.uuid4().hex[:8]}"
    main = do_connect_main_mailbox(world.thomas, settings_for(dovecot, main_account))
    folder = do_connect_member_folder(world.sara, settings_for(dovecot, sara_account), True)
    both = mail(7, message_id="<til-begge@example.dk>")
    dovecot.deliver(main_account, both)
    dovecot.deliver(sara_account, both)
    take_new_mail(main)
    take_new_mail(folder)
    assert Inquiry.objects.count() == 2
    assert Inquiry.objects.for_actor(world.pia).get().recipients.count() == 0
    assert Inquiry.objects.for_actor(world.sara).get().received_in_main_mailbox is False


class _TokenServer(BaseHTTPRequestHandler):
    secret = "klienthemmelighed"
    token = "adgangstoken-123"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        ok = f"client_secret={self.secret}" in body and "grant_type=client_credentials" in body
        payload = json.dumps({"access_token": self.token} if ok else {"error": "invalid_client"})
        self.send_response(200 if ok else 401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def token_server(certs):  # type: ignore[no-untyped-def]
    server = HTTPServer(("127.0.0.1", free_port()), _TokenServer)
    server.socket = certs.server_context().wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_port}/token"
    server.shutdown()


def test_xoauth2_login_as_microsoft_365_needs_it(world, dovecot, account, trusted, token_server):
    dovecot.tokens[_TokenServer.token] = account
    oauth = {
        "auth_method": "xoauth2",
        "secret": _TokenServer.secret,
        "oauth_client_id": "borgerpost-app",
        "oauth_token_url": token_server,
    }
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account, **oauth))
    dovecot.deliver(account, mail(1))
    assert take_new_mail(mailbox).created == 1

    wrong = do_connect_main_mailbox(
        world.thomas, settings_for(dovecot, account, **{**oauth, "secret": "forkert"})
    )
    with pytest.raises(MailboxError, match="OAuth2-token"):
        take_new_mail(wrong)


def test_wrong_password_and_untrusted_certificate_are_explained(world, dovecot, account, trusted):
    mailbox = do_connect_main_mailbox(
        world.thomas, settings_for(dovecot, account, secret="forkert")
    )
    with pytest.raises(MailboxError, match="Log-in i postkassen blev afvist"):
        take_new_mail(mailbox)
    mailbox.refresh_from_db()
    assert "afvist" in mailbox.last_error
    # Without the municipality's trust in the certificate, borgerpost does not connect.
    untrusted = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies, trusts no one
    with pytest.raises(MailboxError, match="TLS"):
        take_new_mail(mailbox, tls_context=untrusted)


def test_the_mailbox_pages_connect_and_read_now(world, dovecot, account, trusted, client_for):
    admin = client_for("thomas")
    page = admin.post(
        reverse("main-mailbox", args=["ishoj"]),
        {
            "host": "127.0.0.1",
            "port": dovecot.port,
            "username": account,
            "auth_method": "password",
            "secret": PASSWORD,
            "folder": "INBOX",
        },
        follow=True,
    )
    assert "Hovedpostkassen er forbundet" in page.content.decode()
    mailbox = Mailbox.objects.get(username=account)
    dovecot.deliver(account, mail(1))
    page = admin.post(reverse("mailbox-read-now", args=["ishoj", mailbox.pk]), follow=True)
    assert "Nye henvendelser: 1" in page.content.decode()
    assert PASSWORD not in page.content.decode()


# --- exactly-once under kills ---------------------------------------------------------


def _fetch_process(mailbox: Mailbox, certs) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "BORGERPOST_DATA_DIR": str(django_settings.DATA_DIR),
        "SSL_CERT_FILE": str(certs.ca),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "borgerpost", "mail", "fetch", "--mailbox", str(mailbox.pk)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_loses_nothing_and_doubles_nothing(
    world, dovecot, account, certs
):
    total = 120
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    dovecot.deliver(account, *[mail(n) for n in range(total)])
    kills = 0
    for threshold in (5, 40, 80):
        process = _fetch_process(mailbox, certs)
        while IntakeRecord.objects.filter(mailbox=mailbox).count() < threshold:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.wait()
        taken = IntakeRecord.objects.filter(mailbox=mailbox).count()
        assert taken < total, "the kill came too late to be mid-batch"
        kills += 1
    finished = _fetch_process(mailbox, certs)
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err.decode()
    # The last kill came mid-batch: mails committed but not yet marked on the server
    # were recognised by their record and only marked, not taken again.
    marked_again = int(out.decode().rsplit("markeret nu ", 1)[1].split(".")[0])
    assert marked_again > 0

    assert kills == 3
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == total
    assert Inquiry.objects.filter(municipality=world.ishoj).count() == total
    subjects = list(Inquiry.objects.values_list("subject", flat=True))
    assert len(set(subjects)) == total  # each mail exactly once
    assert set(dovecot.taken_flags(account).values()) == {True}
    assert len(dovecot.taken_flags(account)) == total


# --- broken mail -----------------------------------------------------------------------


def broken_mails() -> dict[str, bytes]:
    """Mail as it really arrives: broken structure, wrong charsets, odd formats."""
    nested = EmailMessage()
    nested["From"] = "Borger <b@example.dk>"
    nested["Subject"] = "Videresendt"
    nested.set_content("Se den vedhæftede mail.")
    inner = EmailMessage()
    inner["Subject"] = "Original"
    inner.set_content("Min mor har fået afslag på hjemmehjælp.")
    nested.add_attachment(inner)
    html = EmailMessage()
    html["From"] = "b@example.dk"
    html["Subject"] = "HTML"
    html.set_content("x")
    html.add_alternative(
        '<p>Hej<script>alert(1)</script><img src="https://tracker.example/p.gif"></p>',
        subtype="html",
    )
    return {
        "bad_mime": (
            b"From: a@example.dk\r\nSubject: Brudt\r\nContent-Type: multipart/mixed; "
            b'boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nHej med hul i vejen'
            b"\r\n--y--\r\n"
        ),
        "wrong_charset": (
            b"From: a@example.dk\r\nSubject: Tegn\r\nContent-Type: text/plain; charset=utf-8\r\n"
            b"\r\nVejen ved s\xf8en er \xf8delagt.\r\n"
        ),
        "unknown_charset": (
            b"From: a@example.dk\r\nSubject: Tegn\r\nContent-Type: text/plain; charset=x-ukendt"
            b"\r\n\r\nHej fra Ish\xf8j.\r\n"
        ),
        "no_charset_8bit": b"From: a@example.dk\r\nSubject: 8bit\r\n\r\nK\xe6re byr\xe5d.\r\n",
        "huge_header": b"From: a@example.dk\r\nX-Long: "
        + b"a" * 300_000
        + b"\r\nSubject: Lang\r\n\r\nHej.\r\n",
        "nested_rfc822": nested.as_bytes(),
        "zero_byte_attachment": _with_attachment(b"", "tom.pdf", "application/pdf"),
        "tnef": _with_attachment(
            b"\x78\x9f\x3e\x22" + b"\x00" * 64, "winmail.dat", "application/ms-tnef"
        ),
        "smime_encrypted": (
            b"From: a@example.dk\r\nSubject: Krypteret\r\nContent-Type: application/pkcs7-mime;"
            b" smime-type=enveloped-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64"
            b"\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggE=\r\n"
        ),
        "html_with_script": html.as_bytes(),
        "not_a_mail": b"\x00\x01\x02 binary junk \xff\xfe",
        "empty_body": b"From: a@example.dk\r\nSubject: Tom\r\n\r\n",
        "zero_bytes": b"",
    }


def _with_attachment(data: bytes, filename: str, ctype: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Borger <b@example.dk>"
    msg["Subject"] = f"Med {filename}"
    msg.set_content("Se vedhæftede.")
    main, sub = ctype.split("/")
    msg.add_attachment(data, maintype=main, subtype=sub, filename=filename)
    return msg.as_bytes()


def test_broken_mail_never_stops_intake_and_is_never_lost(
    world, dovecot, account, trusted, client_for
):
    corpus = broken_mails()
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    # Dovecot refuses to store a zero-byte message, as a real server would: the rest go in.
    dovecot.deliver(account, *[raw for raw in corpus.values() if raw])
    stored = len([raw for raw in corpus.values() if raw])

    summary = take_new_mail(mailbox)

    assert summary.created + summary.quarantined == stored
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == stored
    quarantined = QuarantinedMail.objects.filter(mailbox=mailbox)
    assert quarantined.count() == summary.quarantined >= 3  # not a mail, empty, S/MIME
    for item in quarantined:
        assert item.reason and item.raw  # a reason a person can act on, and the original
    reasons = " ".join(quarantined.values_list("reason", flat=True))
    assert "krypteret" in reasons.lower()
    # Readable mails became inquiries; scripts and remote images are gone from the text.
    html_inquiry = Inquiry.objects.get(subject="HTML")
    assert "alert" not in html_inquiry.body and "tracker" not in html_inquiry.body
    assert Inquiry.objects.filter(subject="Tegn").count() == 2
    # The secretariat downloads the original as a file, never rendered in the browser.
    pia = client_for("pia")
    page = pia.get(reverse("quarantine", args=["ishoj"]))
    assert page.status_code == 200 and "krypteret" in page.content.decode().lower()
    item = quarantined.first()
    assert item is not None
    download = pia.get(reverse("quarantine-original", args=["ishoj", item.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/octet-stream"
    assert (
        client_for("sara").get(reverse("quarantine-original", args=["ishoj", item.pk])).status_code
        == 404
    )
    pia.post(reverse("quarantine-resolve", args=["ishoj", item.pk]), {"resolution": "registered"})
    item.refresh_from_db()
    assert item.resolved_at and not item.raw and item.subject == ""


# --- fuzzing: whatever arrives, intake never crashes and never loses the mail ----------

_MIME_PIECES = st.sampled_from(
    [
        b"From: Borger <a@example.dk>",
        b"Subject: =?utf-8?q?Hj=C3=A6lp?=",
        b"Subject: =?x-unknown?b?////?=",
        b"Message-ID: <fuzz@example.dk>",
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/mixed; boundary="b"',
        b"Content-Type: multipart/alternative; boundary=",
        b"Content-Type: text/plain; charset=x-ukendt",
        b"Content-Type: text/html",
        b"Content-Type: message/rfc822",
        b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data",
        b"Content-Type: application/ms-tnef",
        b"Content-Transfer-Encoding: base64",
        b"Content-Transfer-Encoding: quoted-printable",
        b"Content-Disposition: attachment; filename*=utf-8''%FF%FE.pdf",
        b"--b",
        b"--b--",
        b"",
        b"<script>alert(1)</script><img src=http://x/y.gif>",
        b"=C3=A6=\r\n=ZZ",
        b"Min s\xf8n har ADHD, cpr 0101901234.",
    ]
)
_MAIL_LIKE = st.lists(st.one_of(_MIME_PIECES, st.binary(max_size=80)), max_size=25).map(
    b"\r\n".join
)


@given(raw=st.one_of(_MAIL_LIKE, st.binary(max_size=400)))
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_intake_never_crashes_and_never_loses_a_mail(world, raw):
    from borgerpost.intake.imap import FetchedMail
    from borgerpost.intake.service import _take_one

    mailbox = Mailbox.objects.filter(kind="main", municipality=world.ishoj).first()
    if mailbox is None:
        mailbox = do_connect_main_mailbox(
            world.thomas,
            MailboxSettings("imap.ishoj.dk", 993, "ishojkommune", "password", "kode", "INBOX"),
        )
    uid = IntakeRecord.objects.count() + 1
    outcome, reason = _take_one(mailbox, 1, FetchedMail(uid, raw))
    taken = IntakeRecord.objects.get(mailbox=mailbox, uidvalidity=1, uid=uid)
    assert taken.outcome == outcome
    if outcome == IntakeRecord.Outcome.QUARANTINED:
        item = QuarantinedMail.objects.filter(mailbox=mailbox).latest("pk")
        assert reason and item.reason == reason[:500]
        assert item.raw.read() == raw  # the original is kept whole
    else:
        assert taken.inquiry is not None or outcome == IntakeRecord.Outcome.DUPLICATE


@given(raw=st.one_of(_MAIL_LIKE, st.binary(max_size=400)))
@settings(max_examples=300, deadline=None)
def test_the_mail_parser_reads_or_explains_in_danish(raw):
    from borgerpost.pure.mailparse import MailParseError, parse_eml

    try:
        parsed = parse_eml(raw)
    except MailParseError as exc:
        assert any(word in str(exc) for word in ("mail", "Mail", "Filen"))
    else:
        assert "<script" not in parsed.body.lower() or not parsed.body_was_html


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens connections
def test_the_worker_reads_every_connected_mailbox(world, dovecot, account, trusted):
    from django.core.management import call_command

    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    dovecot.deliver(account, mail(1), mail(2))
    call_command("worker", "--once")
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == 2
    mailbox.refresh_from_db()
    assert mailbox.last_polled_at is not None and mailbox.last_error == ""
    # Within the interval the worker leaves the mailbox alone.
    dovecot.deliver(account, mail(3))
    call_command("worker", "--once")
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == 2


def test_a_changed_server_never_gets_the_stored_password(world, dovecot, account, trusted):
    """An administrator pointed the main mailbox at another host with the password field
    left blank; the next read would have logged in there with the municipality's password."""
    import socket

    from borgerpost.intake.actions import RETYPE_NOTICE

    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    elsewhere = listener.getsockname()[1]
    for change in ({"port": elsewhere}, {"host": "localhost"}, {"username_": "other"},
                   {"auth_method": "xoauth2", "oauth_client_id": "x", "oauth_tenant": "t"},
                   {"oauth_token_url": "https://evil.example/token"}):  # fmt: skip
        user = str(change.pop("username_", account))
        with pytest.raises(RuleError, match="igen"):
            do_connect_main_mailbox(world.thomas, settings_for(dovecot, user, secret="", **change))
    mailbox.refresh_from_db()
    assert (mailbox.host, mailbox.port, mailbox.username) == ("127.0.0.1", dovecot.port, account)
    dovecot.deliver(account, mail(1))
    assert take_new_mail(mailbox).created == 1  # still the real server
    with pytest.raises(TimeoutError):
        listener.accept()  # nothing ever connected to the other port
    listener.close()
    # With the password given again, the change is made.
    moved = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account, folder="Arkiv"))
    assert moved.folder == "Arkiv"
    assert RETYPE_NOTICE
