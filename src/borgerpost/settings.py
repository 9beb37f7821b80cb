"""Django settings for borgerpost.

Everything that differs between installations comes from the environment, parsed
strictly: a malformed value stops start-up with a message instead of silently
falling back. The embedded default is SQLite under BORGERPOST_DATA_DIR; set
DATABASE_URL to use PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} skal være true eller false, ikke »{raw}«.")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} skal være et helt tal, ikke »{raw}«.") from None


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def envhttps(name: str) -> str:
    """An https:// base URL ending in a slash, or "" when unset."""
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return ""
    if not raw.startswith("https://") or any(c.isspace() for c in raw):
        raise ImproperlyConfigured(f"{name} skal være en https://-adresse, ikke »{raw}«.")
    return raw if raw.endswith("/") else raw + "/"


def default_data_dir() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "borgerpost"


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("BORGERPOST_DATA_DIR") or default_data_dir()).expanduser()

# Everything borgerpost writes holds personal data or secrets: the SQLite database and its
# journal, stored files, the outboxes, keys, lock files. Whatever creates them (SQLite,
# Django's storage, the mail backend), this process makes them readable by its own user
# only: directories 0700, files 0600.
os.umask(0o077)

# A command that needs no database or keys (`borgerpost deadline`, `scan`,
# `dispatch-check`; set by borgerpost.cli): no configuration is read or required and
# nothing is written to the data directory.
STANDALONE = envbool("BORGERPOST_STANDALONE", False)

DEBUG = envbool("DEBUG", False)
# Demo mode shows the demo log-ins on the login page. Never on in production.
DEMO_MODE = envbool("BORGERPOST_DEMO", False)


def private_data_dir() -> None:
    """Create the data directory readable by this user only, and close up one an older
    version left open to others."""
    DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    if DATA_DIR.stat().st_uid == os.getuid() and DATA_DIR.stat().st_mode & 0o077:
        DATA_DIR.chmod(0o700)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if STANDALONE:
        return secrets.token_urlsafe(50)  # signs nothing that outlives the command
    if not (DEBUG or DEMO_MODE or os.environ.get("BORGERPOST_TESTING")):
        raise ImproperlyConfigured(
            "SECRET_KEY mangler. Lav en nøgle med »borgerpost new-secret-key«, og sæt den "
            "som SECRET_KEY i serverens miljø (eller BORGERPOST_DEMO=true for at prøve demoen)."
        )
    # Development and demo: one random key per data directory, kept beside the database.
    private_data_dir()
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
    "borgerpost.core",
    "borgerpost.audit",
    "borgerpost.login",
    "borgerpost.inquiries",
    "borgerpost.search",
    "borgerpost.notices",
    "borgerpost.stats",
    "borgerpost.guard",
    "borgerpost.letters",
    "borgerpost.counsellor",
    "borgerpost.retention",
    "borgerpost.intake",
    "borgerpost.api",
    "borgerpost.outgoing",
    "borgerpost.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "borgerpost.core.memo.RequestMemoMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "borgerpost.login.middleware.SessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "borgerpost.login.middleware.TwoFactorMiddleware",
    "borgerpost.core.middleware.SecurityHeadersMiddleware",
    # Last, as django-axes requires: it turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses log-in while locked out
    "django.contrib.auth.backends.ModelBackend",
]

# Widgets from Django's own Jinja2 templates: the same HTML as the default renderer,
# rendered in a fraction of the time (a page such as an inquiry has a dozen fields).
FORM_RENDERER = "django.forms.renderers.Jinja2"

ROOT_URLCONF = "borgerpost.urls"
WSGI_APPLICATION = "borgerpost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "borgerpost.core.context_processors.borgerpost",
            ],
            # {{ n|antal:"sag,sager" }} in every template without a {% load %}.
            "builtins": ["borgerpost.core.templatetags.danish"],
        },
    },
    {
        # Only the long lists' rows (core/jinja.py says why); looked up with `using`.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "borgerpost.core.jinja.environment", "autoescape": True},
    },
]


# WAL, a busy timeout and write transactions that take the lock when they begin let
# several processes (web servers, workers) share the file: a transaction that read first
# and then wrote would fail at once with "database is locked" when another had written.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    # secure_delete: what retention deletes is overwritten in the file, not left in free
    # pages for anyone with a copy of the file to read.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;",
}


def _database() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        try:
            config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"DATABASE_URL kan ikke læses ({exc}). Skriv den som "
                "postgres://bruger@vært:5432/database."
            ) from None
        if config["ENGINE"] == "django.db.backends.sqlite3":
            # A SQLite file named by URL is shared the same way as the default one.
            config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        return dict(config)
    if STANDALONE:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    private_data_dir()
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "borgerpost.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
        # The test database is a file, so tests can run a real `borgerpost` process (a
        # worker killed mid-batch) against it.
        "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Single sign-on over OpenID Connect (login/oidc.py): all of these, or none.
_OIDC = {
    "OIDC_RP_CLIENT_ID": os.environ.get("OIDC_RP_CLIENT_ID", ""),
    "OIDC_RP_CLIENT_SECRET": os.environ.get("OIDC_RP_CLIENT_SECRET", ""),
    "OIDC_OP_AUTHORIZATION_ENDPOINT": os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", ""),
    "OIDC_OP_TOKEN_ENDPOINT": os.environ.get("OIDC_OP_TOKEN_ENDPOINT", ""),
    "OIDC_OP_USER_ENDPOINT": os.environ.get("OIDC_OP_USER_ENDPOINT", ""),
    "OIDC_OP_JWKS_ENDPOINT": os.environ.get("OIDC_OP_JWKS_ENDPOINT", ""),
}
if any(_OIDC.values()) and not all(_OIDC.values()):
    missing = ", ".join(name for name, value in _OIDC.items() if not value)
    raise ImproperlyConfigured(f"Single sign-on er kun delvist sat op; sæt også {missing}.")
OIDC_RP_CLIENT_ID = _OIDC["OIDC_RP_CLIENT_ID"]
OIDC_RP_CLIENT_SECRET = _OIDC["OIDC_RP_CLIENT_SECRET"]
OIDC_OP_AUTHORIZATION_ENDPOINT = _OIDC["OIDC_OP_AUTHORIZATION_ENDPOINT"]
OIDC_OP_TOKEN_ENDPOINT = _OIDC["OIDC_OP_TOKEN_ENDPOINT"]
OIDC_OP_USER_ENDPOINT = _OIDC["OIDC_OP_USER_ENDPOINT"]
OIDC_OP_JWKS_ENDPOINT = _OIDC["OIDC_OP_JWKS_ENDPOINT"]
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("borgerpost.login.oidc.MunicipalityOIDCBackend")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = True
OIDC_USE_PKCE = True
LOGIN_REDIRECT_URL_FAILURE = "/login/?sso=afvist"
# Local accounts need a TOTP code as well as the password. Demo mode waives it, and the
# page header says so.
REQUIRE_TWO_FACTOR = envbool("BORGERPOST_REQUIRE_2FA", not DEMO_MODE)
OTP_TOTP_ISSUER = "borgerpost"
# Lock-out after repeated failed log-ins (django-axes), per user name and address, so a
# stranger cannot lock a colleague out from elsewhere. The administrators are told.
AXES_FAILURE_LIMIT = envint("BORGERPOST_LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=envint("BORGERPOST_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True  # successful log-ins are in the audit log instead
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "borgerpost.login.clientip.client_ip"
# The proxies (addresses or networks) whose X-Forwarded-For is believed about the client.
TRUSTED_PROXIES = envlist("BORGERPOST_TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"BORGERPOST_TRUSTED_PROXIES: »{_proxy}« er ikke en IP-adresse eller et netværk "
            "(fx 127.0.0.1 eller 10.0.0.0/24)."
        ) from None
# Lock-out mails to a municipality's administrators, at most this many an hour: someone
# guessing at many accounts must not bury the administrators in mail.
LOCKOUT_MAILS_PER_HOUR = envint("BORGERPOST_LOCKOUT_MAILS_PER_HOUR", 5)
# The audit log's chains are MACed with this key, kept outside the database like the
# backup key (make one with `borgerpost audit new-key`); without it the key is derived
# from SECRET_KEY. Keep it with the backups: a restored log verifies only with it.
AUDIT_KEY = os.environ.get("BORGERPOST_AUDIT_KEY", "")
# Where the daily anchors of the audit chains are appended: ideally storage the database's
# operator cannot rewrite (another machine's mount, write-once storage). And an address
# that gets them by mail as well, as a witness outside the installation.
AUDIT_ANCHOR_DIR = Path(os.environ.get("BORGERPOST_AUDIT_ANCHOR_DIR") or DATA_DIR / "audit-anchors")
AUDIT_ANCHOR_MAIL = os.environ.get("BORGERPOST_AUDIT_ANCHOR_MAIL", "")
# The data protection officer sees a person flagged who opened more distinct records about
# citizens in one day than this.
DPO_BULK_ACCESS_THRESHOLD = envint("BORGERPOST_BULK_ACCESS_THRESHOLD", 40)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the package when `collectstatic` has not been run (demo, tests).
WHITENOISE_USE_FINDERS = True
if not STANDALONE:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = DATA_DIR / "files"
# Attachments are never served from MEDIA_URL: a view checks access and sends them as downloads.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# The largest mail we read, uploaded, imported or over IMAP: a 25 MB attachment in a
# .eml, with MIME overhead. Larger mail is refused (upload, import) or quarantined
# unread (IMAP) with the reason.
# Directories of .eml files the operator may connect as a mailbox (borgerpost mail folder).
MAIL_FOLDERS = Path(os.environ.get("BORGERPOST_MAIL_FOLDERS") or DATA_DIR / "postmapper")
# Directories where sending systems drop MeMo files for the Digital Post gateway, one
# sub-directory per system (borgerpost api token create --scope digital-post --folder).
DIGITAL_POST_FOLDERS = Path(
    os.environ.get("BORGERPOST_DIGITAL_POST_FOLDERS") or DATA_DIR / "digitalpostmapper"
)
# KOMBIT's hosts for SF1601 and its security token service, when not KOMBIT's own
# (borgerpost.digitalpost.kombit): a proxy of the municipality's, or the tests' peer.
# Set by the operator only: IT in the app chooses KOMBIT's test or production, never a
# host, so nobody with a role can send letters bearing CPR numbers somewhere else.
SF1601_URL = envhttps("BORGERPOST_SF1601_URL")
SF1601_STS_URL = envhttps("BORGERPOST_SF1601_STS_URL")
MAX_UPLOAD_BYTES = envint("BORGERPOST_MAX_UPLOAD_BYTES", 40 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Production is everything that is not development, demo or the test suite.
PRODUCTION = not (DEBUG or DEMO_MODE or envbool("BORGERPOST_TESTING", False))
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", PRODUCTION)
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# 30 minutes idle: the session's expiry moves with the requests, at most once a minute.
# 12 hours absolute: whatever the activity. Both in login.middleware.SessionLimitsMiddleware.
SESSION_COOKIE_AGE = envint("BORGERPOST_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_ABSOLUTE_SECONDS = envint("BORGERPOST_SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not (DEBUG or DEMO_MODE))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "borgerpost.core.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Outgoing mail. The default writes each message to a folder, so nothing leaves the
# machine until a municipality configures its SMTP server.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "outbox" / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
# A mail server that stops answering must not hold the worker forever.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "borgerpost@localhost")
# How often the worker reads each connected mailbox (IMAP intake), in seconds.
INTAKE_INTERVAL_SECONDS = envint("BORGERPOST_INTAKE_INTERVAL", 120)

# `borgerpost serve`: the production web server (gunicorn). Threads let one process serve
# a page while another waits for the database; processes use every core.
WEB_BIND = os.environ.get("BORGERPOST_BIND", "127.0.0.1:8000")
WEB_WORKERS = envint("BORGERPOST_WEB_WORKERS", 2 * (os.cpu_count() or 1))
WEB_THREADS = envint("BORGERPOST_WEB_THREADS", 4)
if WEB_WORKERS < 1 or WEB_THREADS < 1:
    raise ImproperlyConfigured(
        "BORGERPOST_WEB_WORKERS og BORGERPOST_WEB_THREADS skal være 1 eller mere."
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"no_refusals": {"()": "borgerpost.core.errors.DropRefusals"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_refusals"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # The worker polls every few seconds; only problems are worth a line.
        "django_tasks_db": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # django-axes writes a line for every successful log-in; the audit log has them.
        "axes": {"level": "WARNING"},
    },
}
