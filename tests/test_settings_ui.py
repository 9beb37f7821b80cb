"""The municipal administrator edits the municipality in the UI; every change is audited."""

from __future__ import annotations

from django.urls import reverse

from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Centre, Committee, Membership, Municipality


def test_administrator_edits_the_municipality(world, client_for):
    admin = client_for("thomas")
    url = reverse("settings", args=["ishoj"])
    form = {
        "name": "Ishøj Kommune",
        "mail_domains": "ishoj.dk\nishoj.net",
        "main_mailbox": "post@ishoj.dk",
        "answer_deadline_days": "8",
        "reopen_working_days": "5",
        "closing_days": "06-05\n12-24\n12-31\n2026-05-15",
        "dispatch_cutoff": "13:00",
        "dispatch_release": "08:30",
        "cvr": "11931316",
        "retention_days": "20",
        "counsellor_retention_days": "400",
        "letter_retention_days": "60",
        "citizen_retention_days": "200",
        "lix_target": "38",
        "digital_post_transport": "outbox",
        "social_media_answer": "Skriv til {main_mailbox}.",
        "mayor": world.users["merete"].pk,
    }
    response = admin.post(url, form, follow=True)
    assert "Kommunens indstillinger er gemt." in response.content.decode()
    ishoj = Municipality.objects.get(slug="ishoj")
    assert ishoj.mail_domains == ["ishoj.dk", "ishoj.net"]
    assert ishoj.answer_deadline_days == 8 and "2026-05-15" in ishoj.closing_days
    assert ishoj.reopen_working_days == 5
    assert str(ishoj.dispatch_cutoff) == "13:00:00" and str(ishoj.dispatch_release) == "08:30:00"
    assert ishoj.retention_days == 20 and ishoj.lix_target == 38
    assert (ishoj.letter_retention_days, ishoj.citizen_retention_days) == (60, 200)
    entry = AuditEntry.objects.get(action="municipality.changed")
    assert "answer_deadline_days" in entry.details["fields"]


def test_bad_settings_get_danish_messages_and_change_nothing(world, client_for):
    admin = client_for("thomas")
    url = reverse("settings", args=["ishoj"])
    response = admin.post(
        url,
        {
            "name": "Ishøj Kommune",
            "mail_domains": "ikke et domæne",
            "main_mailbox": "nope",
            "answer_deadline_days": "0",
            "closing_days": "31-31",
            "dispatch_cutoff": "12:00",
            "dispatch_release": "08:00",
            "social_media_answer": "x",
            "retention_days": "45",
            "counsellor_retention_days": "365",
            "lix_target": "40",
            "digital_post_transport": "sf1601",
        },
    )
    page = response.content.decode()
    assert "er ikke et maildomæne" in page
    assert "gyldig dato" in page or "MM-DD" in page
    assert "mellem 1 og 60" in page
    assert "inden for 30 dage" in page and "SF1601 kræver kommunens certifikat" in page
    assert Municipality.objects.get(slug="ishoj").answer_deadline_days == 10


def test_administrator_adds_centre_committee_and_person(world, client_for):
    admin = client_for("thomas")
    slug = "ishoj"
    admin.post(
        reverse("centre-new", args=[slug]),
        {"name": "Center for Kultur", "director": world.users["henrik"].pk},
    )
    centre = Centre.objects.get(name="Center for Kultur")
    assert centre.municipality == world.ishoj and centre.director == world.users["henrik"]
    response = admin.post(
        reverse("committee-new", args=[slug]),
        {
            "name": "Kulturudvalget",
            "area": "Kultur og fritid",
            "keywords": "bibliotek, hal",
            "chair": world.users["sara"].pk,
            "members": [world.users["jens"].pk],
            "centres": [centre.pk],
        },
    )
    assert "Formanden skal også være medlem" in response.content.decode()
    admin.post(
        reverse("committee-new", args=[slug]),
        {
            "name": "Kulturudvalget",
            "area": "Kultur og fritid",
            "keywords": "bibliotek, hal",
            "chair": world.users["sara"].pk,
            "members": [world.users["sara"].pk],
            "centres": [centre.pk],
        },
    )
    committee = Committee.objects.get(name="Kulturudvalget")
    assert committee.keywords == ["bibliotek", "hal"] and committee.chair == world.users["sara"]
    response = admin.post(
        reverse("person-new", args=[slug]),
        {
            "full_name": "Ny Person",
            "email": "npe@gmail.com",
            "username": "ny",
            "role": "caseworker",
            "password": "en-lang-adgangskode",
        },
    )
    assert "kommunale mailadresse" in response.content.decode()
    admin.post(
        reverse("person-new", args=[slug]),
        {
            "full_name": "Ny Person",
            "email": "npe@ishoj.dk",
            "username": "ny",
            "role": "caseworker",
            "password": "en-lang-adgangskode",
        },
    )
    assert Membership.objects.filter(user__username="ny", role="caseworker").exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"centre.created", "committee.created", "membership.created"} <= actions


def test_other_municipalities_objects_cannot_be_edited(world, client_for):
    other = Centre.objects.create(municipality=world.hvidovre, name="Hvidovre Center")
    admin = client_for("thomas")
    assert admin.get(reverse("centre-edit", args=["ishoj", other.pk])).status_code == 404
    assert admin.get(reverse("centre-edit", args=["hvidovre", other.pk])).status_code == 404


def test_smtp_without_tls_is_refused(settings):
    from borgerpost.core.checks import SMTP_BACKEND, smtp_requires_tls

    settings.EMAIL_BACKEND = SMTP_BACKEND
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    errors = smtp_requires_tls()
    assert errors and errors[0].id == "borgerpost.E001" and "TLS" in errors[0].msg
    settings.EMAIL_USE_TLS = True
    assert smtp_requires_tls() == []
