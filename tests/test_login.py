"""Log-in and sessions: two factors for local accounts, new session at log-in, 30 minutes
idle and 12 hours absolute, safe cookies, lock-out with an alert to the administrators."""

from __future__ import annotations

import re
import time

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from borgerpost.audit.models import AuditEntry
from borgerpost.login.middleware import RENEW_EVERY_SECONDS, RENEWED_AT, SIGNED_IN_AT

from .conftest import PASSWORD, authenticator, current_code, sent_mail

INBOX = "/k/ishoj/henvendelser/"


def sign_in(client: Client, username: str = "sara", password: str = PASSWORD, **extra):  # type: ignore[no-untyped-def]
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def _enrol(client: Client, user) -> None:  # type: ignore[no-untyped-def]
    page = client.get(reverse("totp-setup"))
    assert "<svg" in page.content.decode()  # the QR code, no script needed
    assert client.post(reverse("totp-setup"), {"code": "000000"}).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("totp-setup"), {"code": current_code(device)})


def _link_in(mail) -> str:  # type: ignore[no-untyped-def]
    return re.search(r"http\S+/login/totp/link/\S+/", mail.body)[0].split("8000", 1)[-1]


def test_the_password_alone_never_enrols_an_app(world):
    client = Client()
    assert sign_in(client).status_code == 302
    assert client.get(INBOX)["Location"] == reverse("totp-setup")
    page = client.get(reverse("totp-setup")).content.decode()
    assert "Slå to-faktor-log-ind til" in page and "sah@ishoj.dk" in page
    assert "<svg" not in page and "totp-secret" not in page  # no app without leave
    client.post(reverse("totp-setup"), {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=world.users["sara"]).exists()
    assert client.get(INBOX).status_code == 302


def test_a_link_to_the_municipal_address_lets_the_person_enrol_once(world):
    sara = world.users["sara"]
    client = Client()
    sign_in(client)
    client.post(reverse("totp-setup"), {"send_link": "1"})
    again = client.post(reverse("totp-setup"), {"send_link": "1"}, follow=True)
    assert "lige sendt dig et link" in again.content.decode()  # no flood of links
    (mail,) = sent_mail()
    assert mail.to == ["sah@ishoj.dk"]
    link = _link_in(mail)
    # Someone else signed in with their own password cannot use Sara's link.
    other = Client()
    sign_in(other, "jens")
    other.get(link)
    assert "<svg" not in other.get(reverse("totp-setup")).content.decode()
    # Sara, where she gave her password, can; and only once.
    client.get(link)
    _enrol(client, sara)
    assert client.get(INBOX).status_code == 200
    assert AuditEntry.objects.filter(action="login.two_factor_enrolled").count() == 1
    later = Client()
    sign_in(later)
    later.get(link)
    assert not later.session.get("bp_enrolment_granted")


def test_an_expired_link_and_an_address_outside_the_municipality_are_refused(world):
    from borgerpost.login.models import EnrolmentTicket

    client = Client()
    sign_in(client)
    client.post(reverse("totp-setup"), {"send_link": "1"})
    link = _link_in(sent_mail()[0])
    EnrolmentTicket.objects.update(expires_at=timezone.now())
    page = client.get(link, follow=True).content.decode()
    assert "udløbet" in page and "<svg" not in page
    # Kasper's mail on file is his own address at the municipality; a private one is not.
    kasper = world.users["kasper"]
    kasper.email = "kasper.lind@gmail.com"
    kasper.save()
    other = Client()
    sign_in(other, "kasper")
    page = other.post(reverse("totp-setup"), {"send_link": "1"}, follow=True).content.decode()
    assert "Bed kommunens administrator om en kode" in page
    assert not EnrolmentTicket.objects.filter(user=kasper).exists()


def test_a_code_from_the_administrator_lets_the_person_enrol(world, client_for):
    sara = world.users["sara"]
    membership = sara.memberships.get(municipality=world.ishoj)
    url = reverse("enrolment-code", args=["ishoj", membership.pk])
    page = client_for("thomas").post(url).content.decode()
    code = re.search(r'data-testid="enrolment-code"[^>]*>([A-Z0-9-]+)<', page)[1]
    assert code not in " ".join(m.body for m in sent_mail())  # never mailed
    assert client_for("pia").post(url).status_code == 403
    anders = world.users["anders"].memberships.get()
    refused = client_for("thomas").post(reverse("enrolment-code", args=["ishoj", anders.pk]))
    assert refused.status_code == 404  # another municipality's person

    client = Client()
    sign_in(client)
    wrong = client.post(reverse("totp-setup"), {"ticket": "AAAA-BBBB-CCCC"})
    assert "forkert, brugt eller udløbet" in wrong.content.decode()
    client.post(reverse("totp-setup"), {"ticket": code.lower()})
    _enrol(client, sara)
    assert client.get(INBOX).status_code == 200
    from borgerpost.login.enrolment import redeem

    assert not redeem(sara, code, "code")  # used once


def test_an_enrolled_person_must_give_the_current_code(world):
    device = authenticator(world.users["sara"])
    client = Client()
    sign_in(client)
    assert client.get(INBOX)["Location"] == reverse("totp-verify")
    wrong = client.post(reverse("totp-verify"), {"code": "123456"})
    assert "Koden er forkert" in wrong.content.decode()
    assert client.get(INBOX).status_code == 302
    client.post(reverse("totp-verify"), {"code": current_code(device)})
    assert client.get(INBOX).status_code == 200
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"login.succeeded", "login.second_factor_failed", "login.second_factor"} <= actions


def test_a_new_session_at_log_in(world):
    client = Client()
    session = client.session
    session["before"] = "log-in"
    session.save()
    before = session.session_key
    sign_in(client)
    assert client.cookies["sessionid"].value != before
    assert not Session.objects.filter(session_key=before).exists()


def test_thirty_minutes_idle_ends_the_session(world, client_for, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client = client_for("sara")
    assert client.get(INBOX).status_code == 200
    key = client.cookies["sessionid"].value
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry - timezone.now() > timezone.timedelta(minutes=29)  # renewed by the request
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timezone.timedelta(seconds=1)
    )
    assert client.get(INBOX)["Location"].startswith(reverse("login"))


def test_the_idle_expiry_moves_with_the_requests_at_most_once_a_minute(world, client_for):
    client = client_for("sara")
    client.get(INBOX)
    key = client.cookies["sessionid"].value
    renewed = Session.objects.get(session_key=key).expire_date
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INBOX).status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    assert Session.objects.get(session_key=key).expire_date == renewed
    session = client.session
    session[RENEWED_AT] = time.time() - RENEW_EVERY_SECONDS - 1  # a minute has passed
    session.save()
    Session.objects.filter(session_key=key).update(expire_date=renewed)
    response = client.get(INBOX)
    assert Session.objects.get(session_key=key).expire_date > renewed
    assert response.cookies["sessionid"]["max-age"] == 30 * 60  # the browser's copy too


def test_twelve_hours_absolute_however_active(world, client_for):
    client = client_for("sara")
    session = client.session
    session[SIGNED_IN_AT] = time.time() - 12 * 60 * 60 - 1
    session.save()
    response = client.get(INBOX)
    assert response["Location"] == f"{reverse('login')}?udloebet=1"
    assert client.get(INBOX)["Location"].startswith(reverse("login"))
    page = client.get(response["Location"])
    assert "12 timer" in page.content.decode()


def test_session_cookie_is_secure_http_only_and_same_site(world, settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    client = Client()
    response = sign_in(client, secure=True)
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_repeated_failures_lock_the_account_and_tell_the_administrator(world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    attacker = {"REMOTE_ADDR": "203.0.113.9"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), password="forkert", **attacker)
    locked = sign_in(Client(), **attacker)  # even the right password
    assert locked.status_code == 429
    assert "Kontoen er låst midlertidigt" in locked.content.decode()
    assert [m.to for m in sent_mail()] == [["tva@ishoj.dk"]]  # Thomas, the administrator
    assert "sara" in sent_mail()[0].body and PASSWORD not in sent_mail()[0].body
    assert AuditEntry.objects.filter(action="login.locked_out").exists()
    assert AuditEntry.objects.filter(action="login.failed").count() >= 5
    # Per name and address: Sara at her own desk is not locked out by a stranger.
    assert sign_in(Client(), REMOTE_ADDR="10.0.0.7").status_code == 302


def test_behind_a_trusted_proxy_the_client_address_counts(world, settings):
    """Behind the proxy every request has the proxy's address: a stranger's five wrong
    passwords would lock the mayor out for everyone."""
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    stranger = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "merete", "forkert", **stranger)
    assert sign_in(Client(), "merete", **stranger).status_code == 429
    # Merete from her own address, through the same proxy, is not locked out ...
    mayor = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    assert sign_in(Client(), "merete", **mayor).status_code == 302
    # ... and the stranger cannot pose as her by writing the header themselves: the
    # proxy appends the real address, which is the one believed.
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.20, 203.0.113.9"}
    assert sign_in(Client(), "merete", **forged).status_code == 429
    # Without a trusted proxy the header is never believed.
    settings.TRUSTED_PROXIES = []
    direct = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    assert sign_in(Client(), "merete", **direct).status_code == 429


def test_lock_out_mails_are_limited_per_hour(world, settings):
    settings.LOCKOUT_MAILS_PER_HOUR = 2
    attacker = {"REMOTE_ADDR": "203.0.113.9"}
    for name in ("sara", "jens", "kasper", "pia"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(Client(), name, "forkert", **attacker)
    alerts = [m for m in sent_mail() if "låst" in m.subject]
    assert len(alerts) == 2 and "sidste mail" in alerts[-1].body
    assert AuditEntry.objects.filter(action="login.locked_out").count() == 4  # all logged


def test_demo_mode_may_waive_the_second_factor_and_says_so(world, settings):
    settings.REQUIRE_TWO_FACTOR = False
    client = Client()
    sign_in(client)
    page = client.get(INBOX)
    assert page.status_code == 200
    assert "to-faktor-log-ind er slået fra" in page.content.decode()


def test_the_administrator_resets_a_lost_app(world, client_for):
    from borgerpost.core.models import Membership

    authenticator(world.users["sara"])
    membership = Membership.objects.get(user=world.users["sara"], municipality=world.ishoj)
    url = reverse("two-factor-reset", args=["ishoj", membership.pk])
    assert client_for("pia").post(url).status_code == 403
    page = client_for("thomas").post(url, follow=True)
    assert "To-faktor-log-ind er nulstillet" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=world.users["sara"]).exists()
    assert AuditEntry.objects.filter(action="login.two_factor_reset").exists()
    # Hvidovre's administrator cannot reach Ishøj's people.
    hvidovre = reverse("two-factor-reset", args=["hvidovre", membership.pk])
    assert client_for("thomas").post(hvidovre).status_code == 404
