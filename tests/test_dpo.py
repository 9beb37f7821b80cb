"""The data protection officer: one citizen's access log, and unusual bulk access."""

from __future__ import annotations

from django.urls import reverse

from borgerpost.core.audit import record
from borgerpost.core.models import AuditEntry
from borgerpost.inquiries import actions

DPO = "/k/ishoj/databeskyttelse/"


def test_a_citizens_access_log_for_an_access_request(world, new_inquiry, client_for):
    camilla = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    other = actions.do_register_inquiry(
        world.sara, new_inquiry(citizen_email="ole@example.dk", body="Et andet emne helt.")
    ).inquiry
    client_for("sara").get(reverse("inquiry-detail", args=["ishoj", camilla.pk]))
    client_for("sara").get(reverse("inquiry-detail", args=["ishoj", other.pk]))

    dorte = client_for("dorte")
    page = dorte.post(DPO, {"email": "CAMILLA@example.dk", "vis": "1"})
    log = page.content.decode().split('data-testid="access-log"')[1].split("</table>")[0]
    assert "Sara Ahmadi" in log and f"inquiry {camilla.pk}" in log
    assert "åbnede henvendelsen" in log  # in Danish, not the log's own action names
    assert f"inquiry {other.pk}" not in log  # another citizen's record
    csv = dorte.post(DPO, {"email": "camilla@example.dk", "csv": "1"})
    assert csv["Content-Disposition"] == 'attachment; filename="adgangslog.csv"'
    rows = csv.content.decode().splitlines()
    assert rows[0] == "tidspunkt;person;brugernavn;handling;post;id"
    assert any("åbnede henvendelsen" in row and "sara" in row for row in rows)
    # The officer's own searches are audited, without the citizen's details.
    searched = AuditEntry.objects.filter(action="dpo.access_log_searched")
    assert searched.count() == 2 and "camilla" not in str(list(searched.values("details")))
    # Nothing in the URL, and nobody else reaches the page.
    assert dorte.get(DPO).status_code == 200
    for who in ("sara", "pia", "thomas", "birgit"):
        assert client_for(who).get(DPO).status_code == 403
    assert client_for("anders").get("/k/hvidovre/databeskyttelse/").status_code == 403
    assert client_for("dorte").get("/k/hvidovre/databeskyttelse/").status_code == 404


def test_an_empty_search_is_explained(world, client_for):
    page = client_for("dorte").post(DPO, {"vis": "1"})
    assert "Angiv mailadresse, telefonnummer eller CPR-nummer" in page.content.decode()
    page = client_for("dorte").post(DPO, {"cpr": "12345", "vis": "1"})
    assert "10 cifre" in page.content.decode()


def test_unusual_bulk_access_is_flagged(world, new_inquiry, client_for, settings):
    settings.DPO_BULK_ACCESS_THRESHOLD = 5
    inquiries = [
        actions.do_register_inquiry(
            world.sara, new_inquiry(subject=f"Emne {n}", body=f"Tekst nummer {n} om vejen.")
        ).inquiry
        for n in range(8)
    ]
    for inquiry in inquiries:
        record(world.sara, "inquiry.viewed", inquiry)
    record(world.jens, "inquiry.viewed", inquiries[0])
    page = client_for("dorte").get(DPO).content.decode()
    flagged = page.split('data-testid="bulk-access"')[1].split("</ul>")[0]
    assert "Sara Ahmadi" in flagged and "8 poster" in flagged
    assert "Jens" not in flagged
