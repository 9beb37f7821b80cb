"""The data protection officer: one citizen's access log, and unusual bulk access."""

from __future__ import annotations

from django.urls import reverse

from borgerpost.audit.log import record
from borgerpost.audit.models import AuditEntry
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


def _counsellor_cases(world, n: int) -> list:  # type: ignore[no-untyped-def]
    import datetime as dt

    from borgerpost.counsellor.models import CounsellorCase

    return [
        CounsellorCase.objects.create(
            municipality=world.ishoj,
            reference=f"BR-{k}",
            opened=dt.date(2026, 11, 2),
            category="anden",
            handling="vejledning",
        )
        for k in range(n)
    ]


def test_the_administrator_sees_set_up_changes_and_nothing_of_anyones_reading(
    world, new_inquiry, client_for
):
    inquiry = actions.do_register_inquiry(world.sara, new_inquiry()).inquiry
    client_for("sara").get(reverse("inquiry-detail", args=["ishoj", inquiry.pk]))
    client_for("louise").get(reverse("citizens", args=["ishoj"]))
    birgit = client_for("birgit")
    for case in _counsellor_cases(world, 3):
        assert birgit.get(reverse("counsellor-case", args=["ishoj", case.pk])).status_code == 200
    record(world.thomas, "centre.changed", next(iter(world.centre.values())))

    page = client_for("thomas").get(reverse("settings", args=["ishoj"])).content.decode()

    log = page.split('data-testid="setup-log"')[1].split("</table>")[0]
    assert "ændrede et center" in log
    for hidden in ("borgerrådgiver", "Birgit", "BR-", "åbnede", "Sara Ahmadi", "liste"):
        assert hidden not in log, hidden


def test_the_counsellors_work_never_reaches_the_data_protection_officer(
    world, client_for, settings
):
    settings.DPO_BULK_ACCESS_THRESHOLD = 2
    birgit = client_for("birgit")
    for case in _counsellor_cases(world, 5):
        birgit.get(reverse("counsellor-case", args=["ishoj", case.pk]))
    birgit.get(reverse("counsellor-cases", args=["ishoj"]))

    page = client_for("dorte").get(DPO).content.decode()

    flagged = page.split('data-testid="bulk-access"')[1].split("</ul>")[0]
    assert "Birgit" not in flagged and "poster" not in flagged


def test_lists_of_personal_data_count_as_the_records_they_show(world, client_for, settings):
    from borgerpost.letters.actions import do_save_citizen
    from borgerpost.letters.models import Citizen

    settings.DPO_BULK_ACCESS_THRESHOLD = 5
    for n in range(7):
        do_save_citizen(world.louise, Citizen(cpr=f"01019{n:03d}1", name=f"Borger {n}"))
    louise = client_for("louise")
    assert louise.get(reverse("citizens", args=["ishoj"])).status_code == 200
    assert louise.get(reverse("letters", args=["ishoj"])).status_code == 200  # empty: no entry

    (listed,) = AuditEntry.objects.filter(action="list.viewed")
    assert listed.details == {"list": "citizens", "shown": 7}
    assert "0101" not in str(listed.details)
    page = client_for("dorte").get(DPO).content.decode()
    flagged = page.split('data-testid="bulk-access"')[1].split("</ul>")[0]
    assert "Louise Krogh" in flagged and "7 poster" in flagged
