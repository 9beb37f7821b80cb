"""The audit log is append-only and tamper-evident."""

from __future__ import annotations

import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from borgerpost.core.models import AuditEntry
from borgerpost.inquiries import actions


@pytest.fixture
def logged(world, new_inquiry):  # type: ignore[no-untyped-def]
    for n in range(3):
        actions.do_register_inquiry(world.sara, new_inquiry(body=f"Spørgsmål nummer {n}"))
    return list(AuditEntry.objects.order_by("pk"))


def test_the_chain_verifies(logged, capsys):
    call_command("audit", "verify")
    assert "Loggen er hel" in capsys.readouterr().out
    assert all(e.hash and len(e.hash) == 64 for e in logged)
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(logged))


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
