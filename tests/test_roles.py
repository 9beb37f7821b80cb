"""Who may change whose roles: every role × every role-changing action × the person's own
account, an account in the same municipality, one in another municipality, and a person
shared by two municipalities. Only an administrator changing an account wholly inside
their own municipality succeeds; everything else is refused with a Danish reason and
changes nothing. Every change is audited with who, what and whom, and the person is told.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from borgerpost.audit.models import AuditEntry
from borgerpost.core.loading import LoadError, load_municipality
from borgerpost.core.models import Membership, Role
from borgerpost.core.people import KEPT_APART
from borgerpost.login.models import EnrolmentTicket

from .conftest import ISHOJ, authenticator, sent_mail, signed_in_client

PERSONAS = ["sara", "pia", "henrik", "louise", "thomas", "birgit", "dorte"]
ACTIONS = ["add", "remove", "reset", "password", "code"]
NEW_PASSWORD = "Et-helt-nyt-kodeord-2026"


def _state():  # type: ignore[no-untyped-def]
    users = get_user_model().objects.order_by("pk")
    return (
        sorted(Membership.objects.values_list("user__username", "municipality__slug", "role")),
        sorted(TOTPDevice.objects.values_list("user__username", flat=True)),
        sorted(EnrolmentTicket.objects.values_list("user__username", flat=True)),
        [(u.username, u.password) for u in users],
    )


def _targets(world, who: str) -> dict[str, Membership]:  # type: ignore[no-untyped-def]
    return {
        "own": Membership.objects.filter(user__username=who, municipality=world.ishoj).first(),
        "other_municipality": Membership.objects.get(user__username="anders"),
        "shared": Membership.objects.get(user__username="birgit", municipality=world.ishoj),
        "same_municipality": Membership.objects.get(user__username="jens"),
    }


def _try(client, action: str, membership: Membership, slug: str = "ishoj"):  # type: ignore[no-untyped-def]
    if action == "add":
        return client.post(
            reverse("person-new", args=[slug]),
            {
                "full_name": "Ny Rolle",
                "email": "ny@ishoj.dk",
                "username": membership.user.username,
                "role": "director",
                "password": NEW_PASSWORD,
            },
            follow=True,
        )
    name = {
        "remove": "membership-remove",
        "reset": "two-factor-reset",
        "password": "password-set",
        "code": "enrolment-code",
    }
    data = {"password": NEW_PASSWORD} if action == "password" else {}
    return client.post(reverse(name[action], args=[slug, membership.pk]), data, follow=True)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", PERSONAS)
def test_the_role_matrix(world, who, action):
    for user in get_user_model().objects.all():
        authenticator(user)  # everyone has an app, so a reset would show
    client = signed_in_client(world.users[who])
    targets = _targets(world, who)
    for target in ("own", "other_municipality", "shared", "same_municipality"):
        membership = targets[target]
        if membership is None:
            continue  # no role in Ishøj to act on (cannot happen for these personas)
        before = _state()
        response = _try(client, action, membership)
        allowed = who == "thomas" and target == "same_municipality"
        if allowed:
            assert _state() != before, (who, action, target)
            continue
        assert _state() == before, (who, action, target)
        page = response.content.decode()
        if who == "thomas":
            assert response.status_code in (200, 404), (action, target)
            if response.status_code == 200:
                assert any(
                    reason in page
                    for reason in ("egne roller", "anden kommune", "uden for kommunen", "driften")
                ), (action, target)
        else:
            assert response.status_code in (403, 404), (who, action, target)


def test_an_allowed_change_is_audited_and_the_person_is_told(world, client_for):
    admin = client_for("thomas")
    jens = Membership.objects.get(user__username="jens")
    admin.post(reverse("password-set", args=["ishoj", jens.pk]), {"password": NEW_PASSWORD})
    entry = AuditEntry.objects.get(action="login.password_set")
    assert entry.actor == world.users["thomas"] and entry.details["user"] == jens.user_id
    assert NEW_PASSWORD not in str(entry.details)
    mails = [m for m in sent_mail() if m.to == ["jbr@ishoj.dk"]]
    assert len(mails) == 1 and "adgangskode er ændret" in mails[0].subject
    assert NEW_PASSWORD not in mails[0].body
    jens.user.refresh_from_db()
    assert jens.user.check_password(NEW_PASSWORD)


def test_the_counsellor_role_is_never_granted_from_the_pages(world, client_for):
    admin = client_for("thomas")
    before = _state()
    response = admin.post(
        reverse("person-new", args=["ishoj"]),
        {
            "full_name": "Ny Rådgiver",
            "email": "ny@ishoj.dk",
            "username": "ny-raadgiver",
            "role": "counsellor",
            "password": NEW_PASSWORD,
        },
    )
    assert "gyldig valgmulighed" in response.content.decode()  # not even offered
    assert _state() == before


def test_the_administrator_role_is_kept_apart_from_content_roles(world, client_for):
    # Thomas may not be given a role that reads inquiries, nor Jens the administrator role.
    other_admin = Membership.objects.create(
        user=get_user_model().objects.create(username="ida", email="ida@ishoj.dk"),
        municipality=world.ishoj,
        role=Role.ADMIN,
    )
    jens = world.users["jens"]
    admin = client_for("thomas")
    for username, role in (("ida", "secretariat"), ("jens", "admin"), ("ida", "dpo")):
        before = _state()
        page = admin.post(
            reverse("person-new", args=["ishoj"]),
            {
                "full_name": "x",
                "email": "x@ishoj.dk",
                "username": username,
                "role": role,
                "password": NEW_PASSWORD,
            },
        )
        assert KEPT_APART.split(".")[0] in page.content.decode()
        assert _state() == before
    assert other_admin.pk and jens.pk


def test_the_operator_links_a_shared_person_on_the_command_line(world, capsys):
    call_command(
        "person", "grant", "--municipality", "hvidovre", "--username", "jens", "--role", "director"
    )
    assert Membership.objects.filter(user__username="jens", municipality=world.hvidovre).exists()
    entry = AuditEntry.objects.get(action="membership.created", details__by="operator")
    assert entry.details["role"] == "director"
    # Now shared: Ishøj's administrator can no longer change Jens's account.
    assert (
        "anden kommune"
        in signed_in_client(world.users["thomas"])
        .post(
            reverse(
                "two-factor-reset",
                args=[
                    "ishoj",
                    Membership.objects.get(user__username="jens", municipality=world.ishoj).pk,
                ],
            ),
            follow=True,
        )
        .content.decode()
    )
    call_command("person", "grant", "--municipality", "ishoj", "--username", "nyraad", "--role",
                 "counsellor", "--name", "Ny Rådgiver", "--email", "nr@ishoj.dk")  # fmt: skip
    with pytest.raises(CommandError, match="kombineres"):
        call_command(
            "person",
            "grant",
            "--municipality",
            "ishoj",
            "--username",
            "thomas",
            "--role",
            "caseworker",
        )
    call_command(
        "person", "revoke", "--municipality", "hvidovre", "--username", "jens", "--role", "director"
    )
    assert not Membership.objects.filter(
        user__username="jens", municipality=world.hvidovre
    ).exists()


def test_a_municipality_file_cannot_combine_the_administrator_role(world):
    import copy

    data = copy.deepcopy(ISHOJ)
    thomas = next(p for p in data["people"] if p["username"] == "thomas")  # type: ignore[index, union-attr]
    thomas["roles"] = ["admin", "secretariat"]  # type: ignore[index]
    with pytest.raises(LoadError, match="kombineres"):
        load_municipality(data)
