"""The audit log is append-only and tamper-evident: each municipality's chain is MACed
under a key kept outside the database, and anchored outside it daily. Someone with write
access to the database changed and deleted entries, recomputed the hashes with the code's
own formula and updated the head, and the old `audit verify` said the log was whole."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from borgerpost.audit.log import anchor_chains, payload, verify_all
from borgerpost.audit.models import AuditChainHead, AuditEntry
from borgerpost.inquiries import actions


@pytest.fixture
def anchors(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.AUDIT_ANCHOR_DIR = tmp_path / "anchors"
    return settings.AUDIT_ANCHOR_DIR


@pytest.fixture
def logged(world, new_inquiry, anchors):  # type: ignore[no-untyped-def]
    for n in range(3):
        actions.do_register_inquiry(world.sara, new_inquiry(body=f"Spørgsmål nummer {n}"))
    return list(AuditEntry.objects.filter(chain=world.ishoj.pk).order_by("pk"))


def _rewrite(entry_id: int, digest) -> None:  # type: ignore[no-untyped-def]
    """What an attacker with database access does: recompute every later entry's hash
    and the head with a formula of their choice, in raw SQL."""
    first = AuditEntry.objects.get(pk=entry_id)
    chain = list(AuditEntry.objects.filter(chain=first.chain, pk__gte=entry_id).order_by("pk"))
    previous = AuditEntry.objects.filter(chain=first.chain, pk__lt=entry_id).order_by("pk").last()
    prev_hash = previous.hash if previous else ""
    with connection.cursor() as cursor:
        for entry in chain:
            entry.refresh_from_db()
            entry.prev_hash = prev_hash
            new = digest(payload(entry))
            cursor.execute(
                "UPDATE core_auditentry SET prev_hash = %s, hash = %s WHERE id = %s",
                [prev_hash, new, entry.pk],
            )
            prev_hash = new
        cursor.execute(
            "UPDATE core_auditchainhead SET last_hash = %s WHERE chain = %s",
            [prev_hash, first.chain],
        )


def test_the_chains_verify(logged, capsys):
    call_command("audit", "verify")
    assert "Loggen er hel" in capsys.readouterr().out
    assert all(e.hash and len(e.hash) == 64 for e in logged)
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(logged))


def test_each_municipality_has_its_own_chain(world, new_inquiry, logged):
    actions.do_register_inquiry(world.anders, new_inquiry(body="I Hvidovre."))
    hvidovre = list(AuditEntry.objects.filter(chain=world.hvidovre.pk).order_by("pk"))
    assert hvidovre and all(e.municipality_id == world.hvidovre.pk for e in hvidovre)
    # Ishøj's last entry is not the link of Hvidovre's first: separate chains, separate heads.
    assert AuditChainHead.objects.filter(chain__in=[world.ishoj.pk, world.hvidovre.pk]).count() == 2
    call_command("audit", "verify", "--municipality", "hvidovre")


def test_the_orm_refuses_changes(logged):
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=logged[0].pk).update(action="x")
    with pytest.raises(PermissionError):
        logged[0].delete()


def test_a_changed_entry_is_found(logged):
    middle = logged[len(logged) // 2]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET action = %s WHERE id = %s", ["inquiry.viewed", middle.pk]
        )
    with pytest.raises(CommandError, match=f"ved post {middle.pk}: posten er ændret"):
        call_command("audit", "verify")


def test_a_deleted_entry_is_found(logged):
    victim = logged[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [victim.pk])
    with pytest.raises(CommandError, match=f"ved post {logged[2].pk}: forkert henvisning"):
        call_command("audit", "verify")


@pytest.mark.parametrize(
    "formula",
    [
        lambda data: hashlib.sha256(data).hexdigest(),  # the old formula, in the code
        lambda data: hmac.new(b"a guessed key", data, hashlib.sha256).hexdigest(),
    ],
)
def test_a_rewritten_chain_without_the_key_is_caught(logged, formula):
    victim = logged[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [victim.pk])
        cursor.execute(
            "UPDATE core_auditentry SET action = %s WHERE id = %s",
            ["nothing.happened", logged[2].pk],
        )
    _rewrite(logged[2].pk, formula)
    with pytest.raises(CommandError, match="posten er ændret"):
        call_command("audit", "verify")


def test_a_rewrite_with_the_key_is_caught_by_the_anchors(logged, anchors):
    from borgerpost.audit.log import audit_key

    assert anchor_chains() >= 1  # the daily anchor, written outside the database
    written = [json.loads(line) for line in (anchors / "anchors.jsonl").read_text().splitlines()]
    assert {"chain", "entry", "mac", "at"} <= set(written[0])
    # Someone who also has the key rewrites history before the anchor.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET action = %s WHERE id = %s",
            ["nothing.happened", logged[0].pk],
        )
    _rewrite(logged[0].pk, lambda data: hmac.new(audit_key(), data, hashlib.sha256).hexdigest())
    assert not all(r.whole for r in verify_all())
    with pytest.raises(CommandError, match="ankrede"):
        call_command("audit", "verify")


def test_the_anchor_is_mailed_to_a_witness(logged, settings):
    from tests.conftest import sent_mail

    settings.AUDIT_ANCHOR_MAIL = "revision@ishoj.dk"
    anchor_chains()
    (mail,) = [m for m in sent_mail() if m.to == ["revision@ishoj.dk"]]
    assert '"mac"' in mail.body


def test_a_new_audit_key(capsys):
    call_command("audit", "new-key")
    key = capsys.readouterr().out.strip()
    assert len(key) >= 43
