"""Registering through the web pages: .eml upload and bad input, all with Danish messages."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerpost.audit.models import AuditEntry
from borgerpost.inquiries.models import Attachment, Inquiry
from borgerpost.pure.mailparse import MailParseError, html_to_text, parse_eml


def eml(
    body: str = "Hej Sara. Hvornår åbner den nye cykelsti på Vejlebrovej?",
    *,
    subject: str = "Cykelsti",
    message_id: str = "<m1@example.dk>",
    html: str | None = None,
    attachment: bytes | None = None,
    charset: str = "utf-8",
    to: str = "sah@ishoj.dk",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ole Hansen <ole@example.dk>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = "Mon, 18 Nov 2024 10:15:00 +0100"
    msg["Message-ID"] = message_id
    if html is not None:
        msg.set_content(html, subtype="html")
    else:
        msg.set_content(body, charset=charset)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="bilag.pdf")
    return msg.as_bytes()


def upload(client, raw: bytes, name: str = "mail.eml"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("inquiry-upload", args=["ishoj"]),
        {"eml": SimpleUploadedFile(name, raw, "message/rfc822")},
        follow=True,
    )


@pytest.fixture
def sara(client_for):  # type: ignore[no-untyped-def]
    return client_for("sara")


def test_upload_creates_inquiry_with_sender_subject_and_attachment(world, sara):
    response = upload(sara, eml(attachment=b"%PDF-1.4 demo"))
    assert response.status_code == 200
    assert "Henvendelsen er registreret." in response.content.decode()
    inquiry = Inquiry.objects.get()
    assert (inquiry.citizen_name, inquiry.citizen_email) == ("Ole Hansen", "ole@example.dk")
    assert inquiry.message_id == "<m1@example.dk>"
    assert inquiry.attachments.get().filename == "bilag.pdf"


def test_same_eml_from_three_members_is_one_inquiry(world, client_for):
    raw = eml(to="Sara <sah@ishoj.dk>, kli@ishoj.dk, Merete Holm <mho@ishoj.dk>")
    for who in ("sara", "kasper", "merete"):
        upload(client_for(who), raw)
    assert Inquiry.objects.get().recipients.count() == 3


def test_duplicate_upload_is_reported_and_changes_nothing(world, sara):
    upload(sara, eml())
    response = upload(sara, eml())
    assert "allerede registreret denne henvendelse" in response.content.decode()
    assert Inquiry.objects.count() == 1


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "Vælg en .eml-fil|Filen er tom"),
        (b"\x00\x01\x02 binary junk without headers", "ligner ikke en mail"),
        (b"Just some text\nwithout any header lines at all\n", "ligner ikke en mail"),
        (b"X-Custom: 1\n\nHello", "mangler afsender"),
    ],
)
def test_malformed_eml_gets_danish_message_and_nothing_saved(world, sara, raw, message):
    import re

    response = upload(sara, raw)
    assert re.search(message, response.content.decode())
    assert Inquiry.objects.count() == 0
    assert not AuditEntry.objects.filter(action="inquiry.registered").exists()


def test_empty_mail_text_is_refused(world, sara):
    response = upload(sara, eml(body="   "))
    assert "ingen tekst" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_unknown_charset_is_read_with_a_note(world, sara):
    raw = eml().replace(b'charset="utf-8"', b'charset="x-unknown-42"')
    response = upload(sara, raw)
    assert "Ukendt tegnsæt" in response.content.decode()
    assert "cykelsti" in Inquiry.objects.get().body


def test_html_mail_is_sanitised_and_never_executed(world, sara):
    html = (
        '<html><head><script>alert("x")</script><style>p{}</style></head><body>'
        '<p>Hej Sara</p><img src="https://tracker.example/p.gif" onerror="alert(1)">'
        '<p>Vejen er <b>farlig</b> <a href="javascript:alert(2)">se her</a></p></body></html>'
    )
    response = upload(sara, eml(html=html))
    inquiry = Inquiry.objects.get()
    assert inquiry.body_was_html
    assert "alert" not in inquiry.body and "<" not in inquiry.body
    assert "Vejen er farlig" in inquiry.body
    page = sara.get(reverse("inquiry-detail", args=["ishoj", inquiry.pk])).content.decode()
    assert "<script>alert" not in page and "tracker.example" not in page
    assert "ren tekst" in response.content.decode()


def test_25_mb_attachment_is_stored_whole(world, sara):
    data = b"%PDF" + b"x" * (25 * 1024 * 1024)
    response = upload(sara, eml(attachment=data))
    assert response.status_code == 200
    stored = Attachment.objects.get()
    assert stored.size == len(data)
    with stored.file.open("rb") as f:
        assert f.read() == data


def test_oversized_attachment_is_refused_and_nothing_half_saved(world, sara, settings):
    settings.MAX_UPLOAD_BYTES = 60 * 1024 * 1024
    response = upload(sara, eml(attachment=b"x" * (31 * 1024 * 1024)))
    assert "Grænsen er 30 MB" in response.content.decode()
    assert Inquiry.objects.count() == 0 and Attachment.objects.count() == 0


def test_hand_registration_form(world, sara):
    url = reverse("inquiry-new", args=["ishoj"])
    response = sara.post(
        url,
        {
            "channel": "phone",
            "received_at": "2024-11-18T10:00",
            "citizen_name": "Karen",
            "citizen_phone": "12345678",
            "body": "Karen ringede om bænke ved søen.",
        },
        follow=True,
    )
    assert "Henvendelsen er registreret." in response.content.decode()
    missing = sara.post(url, {"channel": "phone", "received_at": "2024-11-18T10:00", "body": ""})
    text = missing.content.decode()
    assert "Henvendelsen har ingen tekst." in text
    assert "Angiv mindst borgerens navn" in text or "ingen tekst" in text
    assert Inquiry.objects.count() == 1


def test_html_to_text_drops_scripts():
    assert html_to_text("<p>a</p><script>evil()</script><p>b</p>") == "a\nb"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_parser_never_crashes_on_arbitrary_bytes(raw):
    try:
        parsed = parse_eml(raw)
    except MailParseError as exc:
        assert str(exc)  # a Danish message for the user
    else:
        assert isinstance(parsed.body, str)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.text(max_size=80), st.sampled_from(["utf-8", "latin-1", "bogus"]))
def test_parser_handles_mangled_headers_and_charsets(body, subject, charset):
    raw = (
        f"From: x <x@example.dk>\nSubject: {subject}\nContent-Type: text/plain; "
        f"charset={charset}\n\n"
    ).encode("utf-8", "surrogatepass") + body.encode("utf-8", "surrogatepass")
    try:
        parsed = parse_eml(raw)
    except MailParseError:
        return
    assert "\x00" not in parsed.body
