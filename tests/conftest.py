"""Named test personas in two municipalities, built with the real loader.

Ishøj: Merete (mayor, chairs Økonomiudvalget), Kasper (chairs Børne- og Skoleudvalget),
Sara and Jens (members), Pia (secretariat), Henrik (director), Louise (caseworker),
Thomas (municipal administrator), Dorte (data protection officer). Hvidovre: Anders
(member), to prove isolation.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

import playwright.sync_api as playwright_api
import pytest
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from borgerpost.core.access import actor_for
from borgerpost.core.loading import load_municipality

from .mailservers import SMTPServer, make_certificates, start_dovecot, stop

PASSWORD = "test-password-123"

ISHOJ = {
    "slug": "ishoj",
    "name": "Ishøj Kommune",
    "mail_domains": ["ishoj.dk"],
    "main_mailbox": "ishojkommune@ishoj.dk",
    "mayor": "merete",
    "people": [
        {
            "username": "merete",
            "name": "Merete Holm",
            "email": "mho@ishoj.dk",
            "roles": ["council_member"],
            "password": PASSWORD,
        },
        {
            "username": "kasper",
            "name": "Kasper Lind",
            "email": "kli@ishoj.dk",
            "roles": ["council_member"],
            "password": PASSWORD,
            "private_email": "kasper.lind@gmail.com",
        },
        {
            "username": "sara",
            "name": "Sara Ahmadi",
            "email": "sah@ishoj.dk",
            "roles": ["council_member"],
            "password": PASSWORD,
        },
        {
            "username": "jens",
            "name": "Jens Bruun",
            "email": "jbr@ishoj.dk",
            "roles": ["council_member"],
            "password": PASSWORD,
        },
        {
            "username": "pia",
            "name": "Pia Mortensen",
            "email": "pmo@ishoj.dk",
            "roles": ["secretariat"],
            "password": PASSWORD,
        },
        {
            "username": "henrik",
            "name": "Henrik Dahl",
            "email": "hda@ishoj.dk",
            "roles": ["director"],
            "password": PASSWORD,
        },
        {
            "username": "louise",
            "name": "Louise Krogh",
            "email": "lkr@ishoj.dk",
            "roles": ["caseworker"],
            "password": PASSWORD,
        },
        {
            "username": "thomas",
            "name": "Thomas Vang",
            "email": "tva@ishoj.dk",
            "roles": ["admin"],
            "password": PASSWORD,
        },
        {
            "username": "dorte",
            "name": "Dorte Riis",
            "email": "dri@ishoj.dk",
            "roles": ["dpo"],
            "password": PASSWORD,
        },
    ],
    "centres": [
        {"name": "Center for Børn og Familier", "director": "henrik"},
        {"name": "Center for Teknik og Miljø", "director": "henrik"},
    ],
    "committees": [
        {
            "name": "Økonomiudvalget",
            "area": "Økonomi",
            "chair": "merete",
            "members": ["merete", "jens"],
        },
        {
            "name": "Børne- og Skoleudvalget",
            "area": "Skoler og dagtilbud",
            "chair": "kasper",
            "members": ["kasper", "sara"],
            "centres": ["Center for Børn og Familier"],
        },
        {
            "name": "Teknik- og Miljøudvalget",
            "area": "Veje og affald",
            "chair": "jens",
            "members": ["jens"],
            "centres": ["Center for Teknik og Miljø"],
        },
    ],
}

HVIDOVRE = {
    "slug": "hvidovre",
    "name": "Hvidovre Kommune",
    "mail_domains": ["hvidovre.dk"],
    "main_mailbox": "hvidovre@hvidovre.dk",
    "mayor": "anders",
    "people": [
        {
            "username": "anders",
            "name": "Anders Friis",
            "email": "afr@hvidovre.dk",
            "roles": ["council_member"],
            "password": PASSWORD,
        },
        {
            "username": "hvidovre-sekretariat",
            "name": "Bente Lund",
            "email": "ble@hvidovre.dk",
            "roles": ["secretariat"],
            "password": PASSWORD,
        },
    ],
}


# Birgit is the citizen counsellor, shared by both municipalities (seed 003 § 1.1.2).
COUNSELLOR = {
    "username": "birgit",
    "name": "Birgit Nørgaard",
    "email": "bno@ishoj.dk",
    "roles": ["counsellor"],
    "password": PASSWORD,
}
ISHOJ["people"].append(COUNSELLOR)  # type: ignore[attr-defined]
HVIDOVRE["people"].append(COUNSELLOR)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    # Real hashing costs ~0.3 s per password; the personas are rebuilt for every test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _counters_agree(request):  # type: ignore[no-untyped-def]
    """After every test that used the database, the navigation's counters (inquiries/
    counts.py) agree with counting the rows: a write path that forgets them fails here."""
    uses_db = {"db", "transactional_db"} & set(request.fixturenames)
    if not (uses_db or request.node.get_closest_marker("django_db")):
        yield
        return
    # Depend on the database fixture, so this runs before its rollback.
    request.getfixturevalue("transactional_db" if "transactional_db" in uses_db else "db")
    yield
    from borgerpost.inquiries import counts

    assert counts.verify() == []


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    ishoj = load_municipality(ISHOJ, demo_passwords=True)
    hvidovre = load_municipality(HVIDOVRE, demo_passwords=True)
    from django.contrib.auth import get_user_model

    users = {u.username: u for u in get_user_model().objects.all()}
    w = SimpleNamespace(ishoj=ishoj, hvidovre=hvidovre, users=users)
    for name, user in users.items():
        place = hvidovre if name.startswith(("anders", "hvidovre")) else ishoj
        setattr(w, name.replace("-", "_"), actor_for(user, place))
    w.committee = {c.name: c for c in ishoj.committees.all()}
    w.centre = {c.name: c for c in ishoj.centres.all()}
    return w


@pytest.fixture
def client_for(world):  # type: ignore[no-untyped-def]
    """A signed-in client past both factors (password and the TOTP app)."""

    def make(username: str) -> Client:
        return signed_in_client(world.users[username])

    return make


def signed_in_client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()
    return client


def authenticator(user):  # type: ignore[no-untyped-def]
    """The person's authenticator app: a confirmed TOTP device."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Godkendelsesapp"}
    )
    return device


def current_code(device) -> str:  # type: ignore[no-untyped-def]
    """What the app shows now. A code is accepted once, so each log-in in a test sees a
    fresh one, as a person waiting for the next code would."""
    device.refresh_from_db()
    from django_otp.oath import TOTP

    device.last_t = -1
    # After a wrong code django-otp makes the next attempt wait a moment; a person typing
    # the next code has waited that long.
    device.throttling_failure_timestamp = None
    device.save(update_fields=["last_t", "throttling_failure_timestamp"])
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def database_url() -> str:
    """The test database as DATABASE_URL, for a real `borgerpost` process beside the test."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def received(days_ago: int = 1) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days_ago)


@pytest.fixture
def new_inquiry():  # type: ignore[no-untyped-def]
    from borgerpost.inquiries.actions import NewInquiry

    def make(**overrides):  # type: ignore[no-untyped-def]
        data = {
            "channel": "mail",
            "received_at": received(),
            "subject": "Skolevej",
            "body": "Kære byråd. Bilerne kører for stærkt ved skolen. Jeg synes, byrådet bør "
            "prioritere en sikker skolevej i budgettet. Hvad er jeres holdning?",
            "citizen_name": "Camilla Jørgensen",
            "citizen_email": "camilla@example.dk",
        }
        data.update(overrides)
        return NewInquiry(**data)

    return make


# Real mail servers on loopback (tests/mailservers.py), shared by the mail tests.


def process_environment(smtp, certs) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """For a real `borgerpost` process (a worker, a server) on the suite's database,
    sending to the test SMTP server over TLS under the test CA."""
    from django.conf import settings as django_settings

    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "BORGERPOST_DATA_DIR": str(django_settings.DATA_DIR),
        "SSL_CERT_FILE": str(certs.ca),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "true",
    }


def start_worker(env: dict[str, str]):  # type: ignore[no-untyped-def]
    """One round of a real `borgerpost worker` process beside the test."""
    return subprocess.Popen(
        [sys.executable, "-m", "borgerpost", "worker", "--once"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_when_reached(worker, reached, where: str) -> None:  # type: ignore[no-untyped-def]
    """Kill the worker outright (no clean-up can run) once a peer says it has arrived."""
    try:
        assert reached.wait(timeout=60), f"the worker never reached {where}"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()


@pytest.fixture(scope="session")
def certs(tmp_path_factory):  # type: ignore[no-untyped-def]
    return make_certificates(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory, certs):  # type: ignore[no-untyped-def]
    server, process = start_dovecot(tmp_path_factory.mktemp("dovecot"), certs)
    yield server
    stop(process, server)


@pytest.fixture
def smtp(settings, monkeypatch, certs):  # type: ignore[no-untyped-def]
    """A real SMTP server on loopback (STARTTLS, our test CA), and Django sending to it."""
    server = SMTPServer(certs)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = True
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca))
    yield server
    server.stop()


# A citizen the caseworker has assessed as vulnerable, in the Digital Post gateway's tests.
VULNERABLE_CPR = "0101901234"


@pytest.fixture
def system(world):  # type: ignore[no-untyped-def]
    """The job centre's system, registered with a gateway token, and a citizen whom the
    caseworker has assessed as vulnerable in borgerpost."""
    from borgerpost.api.actions import do_create_token
    from borgerpost.letters import actions
    from borgerpost.letters.models import Citizen, SendingSystem

    token, secret = do_create_token(
        world.thomas, world.ishoj, "Jobcentrets system", "", "digital-post"
    )
    citizen = actions.do_save_citizen(world.louise, Citizen(cpr=VULNERABLE_CPR, name="Ole Hansen"))
    actions.do_assess_vulnerability(world.louise, citizen, True, "Reagerer stærkt på breve.")
    return SendingSystem.objects.get(token=token), secret


@pytest.fixture(scope="session")
def pdf() -> bytes:
    from weasyprint import HTML

    return HTML(
        string="<h1>Indkaldelse til samtale</h1><p>Du er indkaldt til en samtale i "
        "jobcentret tirsdag kl. 10.</p><p>Ring til jobcentret på 43 57 70 00.</p>"
    ).write_pdf()


@pytest.fixture
def serviceplatformen(settings, monkeypatch, certs, world):  # type: ignore[no-untyped-def]
    """A fake KOMBIT Serviceplatformen on loopback (tests/serviceplatformen), and Ishøj
    sending its Digital Post there through SF1601 with its certificate."""
    from borgerpost.digitalpost import kombit
    from tests.serviceplatformen import FakeServiceplatformen

    peer = FakeServiceplatformen(certs)
    peer.start()
    settings.SF1601_URL = settings.SF1601_STS_URL = peer.url
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(certs.ca))
    kombit.forget_tokens()  # the tokens of another test's peer mean nothing here
    from borgerpost.core.models import Municipality

    Municipality.objects.filter(pk=world.ishoj.pk).update(
        cvr="11931316", digital_post_transport="sf1601", sf1601_certificate=str(certs.client)
    )
    world.ishoj.refresh_from_db()
    yield peer
    peer.stop()
    kombit.forget_tokens()


@pytest.fixture
def trusted(monkeypatch, certs):  # type: ignore[no-untyped-def]
    # The municipality's servers have certificates its machines trust: here the test CA.
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca))


@pytest.fixture
def account() -> str:
    return f"postkasse-{uuid.uuid4().hex[:10]}"


def every_route() -> list[tuple[str, object]]:
    """Every URL pattern in the resolver, as (route, pattern), for the access tests."""
    from django.urls import get_resolver

    found: list[tuple[str, object]] = []

    def walk(patterns, prefix=""):  # type: ignore[no-untyped-def]
        for p in patterns:
            if hasattr(p, "url_patterns"):
                walk(p.url_patterns, prefix + str(p.pattern))
            else:
                found.append((prefix + str(p.pattern), p))

    walk(get_resolver().url_patterns)
    return found


def sent_mail():  # type: ignore[no-untyped-def]
    """What has left borgerpost by mail: the worker's outbox round, then what it sent.

    Actions only put mail in the outbox; like the worker, this sends what is due."""
    from django.core import mail

    from borgerpost.outgoing.delivery import deliver_due

    deliver_due()
    return mail.outbox


# A real browser (Debian's chromium driven by Playwright), one for the whole run.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test installs Debian's chromium")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs in this thread
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def outbox(settings, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """Where the outbox transport writes Digital Post in a test."""
    settings.DATA_DIR = tmp_path
    return tmp_path / "outbox" / "digitalpost"


@pytest.fixture
def site(transactional_db, live_server, world):  # type: ignore[no-untyped-def]
    return live_server.url


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="da-DK")
    yield context
    context.close()


def login(context, site: str, username: str):  # type: ignore[no-untyped-def]
    """Both factors, as a person does: the password, then the code from the app."""
    from django.contrib.auth import get_user_model

    device = authenticator(get_user_model().objects.get(username=username))
    context.clear_cookies()
    page = context.new_page()
    page.goto(f"{site}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/login/totp/" in page.url:
        page.fill("#id_code", current_code(device))
        page.click("button:has-text('Log ind')")
        page.wait_for_load_state()
    return page
