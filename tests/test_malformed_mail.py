"""One bad mail never stops, delays or undoes the others, on every path that takes mail:
upload, bulk import and IMAP. Over 100 malformed mails (tests/malformed.py) and
hypothesis mutations of good ones: no exception escapes, and every mail ends as an
inquiry, a true duplicate, or rejected or quarantined with a Danish reason, the counts
adding up."""

from __future__ import annotations

import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borgerpost.inquiries.bulk import import_messages
from borgerpost.inquiries.models import Inquiry
from borgerpost.intake.actions import MailboxSettings, do_connect_main_mailbox
from borgerpost.intake.imap import FetchedMail
from borgerpost.intake.models import IntakeRecord, QuarantinedMail
from borgerpost.intake.service import _take_one, take_new_mail

from .malformed import corpus, good_mail
from .test_intake import settings_for

CORPUS = corpus()
DANISH = ("mail", "Mail", "Fil", "tekst", "Henvendelsen", "dele", "lag")


def test_the_corpus_is_large_and_varied():
    assert len(CORPUS) >= 100


def test_upload_of_every_malformed_mail(world, client_for):
    sara = client_for("sara")
    outcomes: dict[str, str] = {}
    for name, raw in CORPUS.items():
        response = sara.post(
            reverse("inquiry-upload", args=["ishoj"]),
            {"eml": SimpleUploadedFile(f"{name}.eml", raw, "message/rfc822")},
            follow=True,
        )
        assert response.status_code == 200, name
        page = response.content.decode()
        if response.redirect_chain:
            assert "/henvendelser/" in response.redirect_chain[-1][0], name
            outcomes[name] = "registered"
        else:
            assert 'class="errorlist' in page, name  # a reason on the form
            assert any(word in page for word in DANISH), name
            outcomes[name] = "rejected"
    registered = sum(1 for o in outcomes.values() if o == "registered")
    assert registered == Inquiry.objects.count()
    assert registered + list(outcomes.values()).count("rejected") == len(CORPUS)
    # What must be read is read, with its text or attachments.
    assert outcomes["boundary_quote_not_closed"] == outcomes["scanned_letter_pdf"] == "registered"
    assert outcomes["parts_5000"] == outcomes["smime_encrypted"] == "rejected"
    assert Inquiry.objects.get(subject="Sag b4").body.startswith("Hullet i vejen")
    letter = Inquiry.objects.get(subject="Sag a1")
    assert letter.attachments.count() == 1 and "kun vedhæftede filer" in letter.intake_notes[0]
    assert "\x00" not in "".join(Inquiry.objects.values_list("subject", flat=True))
    crlf = Inquiry.objects.get(subject__startswith="Sag n6")
    assert "\n" not in crlf.subject and "\r" not in crlf.subject
    undated = Inquiry.objects.get(subject="Sag d2")  # "i morgen tidlig"
    assert any("dato" in note for note in undated.intake_notes)


def test_bulk_import_of_every_malformed_mail(world):
    summary = import_messages(world.sara, list(CORPUS.items()))
    assert summary.read == len(CORPUS) == summary.accounted
    assert summary.imported == Inquiry.objects.count()
    assert all(reason for _, reason in summary.rejected)
    assert {where for where, _ in summary.rejected} >= {"parts_5000", "binary_junk"}


def test_imap_intake_of_every_malformed_mail(world, dovecot, account, trusted):
    mailbox = do_connect_main_mailbox(world.thomas, settings_for(dovecot, account))
    dovecot.deliver(account, *[raw for raw in CORPUS.values() if raw])
    client = dovecot.client(account)
    client.select_folder("INBOX", readonly=True)
    stored = len(client.search(["ALL"]))  # a real server may refuse some, as this one may
    client.logout()
    assert stored >= 95

    summary = take_new_mail(mailbox)

    assert summary.created + summary.joined + summary.duplicates + summary.quarantined == stored
    assert IntakeRecord.objects.filter(mailbox=mailbox).count() == stored
    assert set(dovecot.taken_flags(account).values()) == {True}
    for item in QuarantinedMail.objects.filter(mailbox=mailbox):
        assert item.reason and item.raw.size > 0  # the reason, and the original kept whole
    # Later mail still arrives: nothing is stuck.
    dovecot.deliver(account, good_mail(1))
    mailbox.refresh_from_db()
    assert take_new_mail(mailbox).created == 1


# --- mutations of good mail ------------------------------------------------------------


def _mutate(raw: bytes, operations: list[tuple[str, int, int]]) -> bytes:
    data = bytearray(raw)
    for op, a, b in operations:
        if not data:
            break
        i = a % len(data)
        if op == "delete":
            del data[i : i + 1 + b % 40]
        elif op == "insert":
            data[i:i] = random.Random(b).randbytes(1 + b % 20)
        elif op == "duplicate_line":
            end = data.find(b"\n", i)
            start = data.rfind(b"\n", 0, i) + 1
            if end > start:
                data[end + 1 : end + 1] = data[start : end + 1] * (1 + b % 5)
        elif op == "truncate":
            del data[i:]
        elif op == "crlf_to_lf":
            data = bytearray(bytes(data).replace(b"\r\n", b"\n"))
        elif op == "nul":
            data[i:i] = b"\x00"
    return bytes(data)


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "duplicate_line", "truncate", "crlf_to_lf", "nul"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=6,
)


@given(n=st.integers(0, 50), operations=_OPERATIONS)
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_mutated_mail_never_escapes_on_any_path(world, n, operations):
    raw = _mutate(good_mail(n), operations)
    # IMAP: an inquiry, a duplicate, or quarantine with the original kept.
    mailbox = _main_mailbox(world)
    uid = IntakeRecord.objects.count() + 1
    outcome, reason = _take_one(mailbox, 1, FetchedMail(uid, raw, len(raw)))
    record = IntakeRecord.objects.get(mailbox=mailbox, uidvalidity=1, uid=uid)
    assert record.outcome == outcome
    if outcome == IntakeRecord.Outcome.QUARANTINED:
        assert (
            reason
            and QuarantinedMail.objects.filter(mailbox=mailbox).latest("pk").raw.read() == raw
        )
    # Bulk import: read, and accounted for.
    summary = import_messages(world.sara, [("mutated", raw)])
    assert summary.read == summary.accounted == 1


def _main_mailbox(world):  # type: ignore[no-untyped-def]
    from borgerpost.intake.models import Mailbox

    existing = Mailbox.objects.filter(kind="main", municipality=world.ishoj).first()
    return existing or do_connect_main_mailbox(
        world.thomas,
        MailboxSettings("imap.ishoj.dk", 993, "ishojkommune", "password", "kode", "INBOX"),
    )


@pytest.mark.parametrize("name", ["date_minus_zero", "date_no_zone", "date_zone_name"])
def test_a_date_without_a_zone_is_read_as_utc_not_a_crash(world, name):
    """`-0000` gave a naive date and a TypeError in validation, which stopped the mailbox."""
    summary = import_messages(world.sara, [(name, CORPUS[name])])
    assert summary.imported == 1
    inquiry = Inquiry.objects.get()
    assert inquiry.received_at.utcoffset() is not None
