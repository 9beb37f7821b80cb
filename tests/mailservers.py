"""Real mail servers on loopback for the tests: Dovecot (IMAP over TLS, from Debian's
packages) and aiosmtpd (SMTP with STARTTLS required), with a throwaway certificate
authority. Nothing is mocked: borgerpost talks to them as to the municipality's servers.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PASSWORD = "postkasse-hemmelighed"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Certificates:
    ca: Path  # trust this to accept the servers
    cert: Path
    key: Path
    # The municipality's certificate and key in one PEM file, as SF1601 is given it
    # (an OCES certificate; here one the test CA issued to Ishøj's CVR number).
    client: Path

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(self.key))
        return context


def make_certificates(where: Path) -> Certificates:
    """A CA and a server certificate for localhost and 127.0.0.1."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "borgerpost test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.OID_SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    where.mkdir(parents=True, exist_ok=True)
    paths = Certificates(
        where / "ca.pem", where / "cert.pem", where / "key.pem", where / "municipality.pem"
    )
    _write_client_certificate(paths.client, ca_key, ca_name, now)
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    paths.key.chmod(0o600)
    return paths


def _write_client_certificate(path: Path, ca_key, ca_name: x509.Name, now: dt.datetime) -> None:  # type: ignore[no-untyped-def]
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ishøj Kommune"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "CVR:11931316-FID:borgerpost"),
            x509.NameAttribute(NameOID.COMMON_NAME, "borgerpost"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.ExtendedKeyUsage([x509.OID_CLIENT_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    path.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)


class _Introspection(BaseHTTPRequestHandler):
    """Dovecot's OAuth2 passdb asks here whether a token is valid, as it would ask
    Microsoft's or the municipality's identity provider."""

    tokens: dict[str, str] = {}

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = dict(
            pair.split("=", 1)
            for pair in self.rfile.read(length).decode().split("&")
            if "=" in pair
        )
        user = self.tokens.get(form.get("token", ""))
        body = json.dumps({"active": True, "username": user} if user else {"active": False})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Dovecot:
    port: int
    certs: Certificates
    root: Path
    tokens: dict[str, str] = field(default_factory=dict)  # OAuth2 token -> username

    def client(self, username: str):  # type: ignore[no-untyped-def]
        import imapclient

        client = imapclient.IMAPClient(
            "127.0.0.1", port=self.port, ssl=True, ssl_context=self.certs.client_context()
        )
        client.login(username, PASSWORD)
        return client

    def deliver(self, username: str, *mails: bytes, folder: str = "INBOX") -> None:
        """Put mails in a user's folder over IMAP, as the mail server's delivery would."""
        client = self.client(username)
        try:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for raw in mails:
                client.append(folder, raw)
        finally:
            client.logout()

    def taken_flags(self, username: str, folder: str = "INBOX") -> dict[int, bool]:
        client = self.client(username)
        try:
            client.select_folder(folder, readonly=True)
            flags = client.get_flags(client.search(["ALL"]))
            return {uid: b"$BorgerpostTaken" in f for uid, f in flags.items()}
        finally:
            client.logout()


def start_dovecot(root: Path, certs: Certificates) -> tuple[Dovecot, subprocess.Popen[bytes]]:
    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    port, introspection_port = free_port(), free_port()
    for sub in ("run", "state"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    # The mail store must be reachable by Dovecot's mail user, and pytest's own
    # temporary folders are private to the user running the tests.
    store = Path(tempfile.mkdtemp(prefix="borgerpost-dovecot-"))
    store.chmod(0o755)
    (root / "mail").symlink_to(store)
    if os.geteuid() == 0:
        internal, login, mail_user = "dovecot", "dovenull", "dovecot"
        shutil.chown(store, "dovecot", "dovecot")
    else:
        internal = login = mail_user = pwd.getpwuid(os.geteuid()).pw_name
    (root / "oauth2.conf.ext").write_text(
        "introspection_mode = post\n"
        f"introspection_url = http://127.0.0.1:{introspection_port}/introspect\n"
        "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
    )
    # Any user name with PASSWORD logs in: each test uses its own, so its folders are new.
    (root / "dovecot.conf").write_text(
        f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = required
ssl_cert = <{certs.cert}
ssl_key = <{certs.key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login xoauth2 oauthbearer
mail_location = maildir:{store}/%u
default_internal_user = {internal}
default_login_user = {login}
mail_uid = {mail_user}
mail_gid = {mail_user}
first_valid_uid = 0
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
passdb {{
  driver = static
  args = password={PASSWORD}
  mechanisms = plain login
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
userdb {{
  driver = static
  args = uid={mail_user} gid={mail_user} home={store}/%u
}}
"""
    )
    server = Dovecot(port, certs, root)
    handler = type("Introspection", (_Introspection,), {"tokens": server.tokens})
    http = HTTPServer(("127.0.0.1", introspection_port), handler)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    process = subprocess.Popen([binary, "-F", "-c", str(root / "dovecot.conf")])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None:
                log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
                raise RuntimeError(f"Dovecot stopped: {log}") from None
            time.sleep(0.05)
    else:
        raise RuntimeError("Dovecot did not start listening")
    return server, process


def stop(process: subprocess.Popen[bytes], server: Dovecot) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree((server.root / "mail").resolve(), ignore_errors=True)


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls: bool


class SMTPServer:
    """aiosmtpd on loopback that refuses mail before STARTTLS, and keeps what it gets.

    `refuse` maps an address to the SMTP answer it gets at RCPT (e.g. "550 5.1.1 ..." for an
    unknown mailbox, "451 4.3.0 ..." for a temporary problem); `hold_after_data` makes the
    server wait that many seconds after storing a mail before it answers, so a test can
    kill the sender between the server storing the mail and the sender hearing it did.
    """

    def __init__(self, certs: Certificates, port: int | None = None) -> None:
        from aiosmtpd.controller import Controller

        self.received: list[Received] = []
        self.refuse: dict[str, str] = {}
        self.hold_after_data = 0.0
        self.data_started = threading.Event()
        self.port = port or free_port()
        server = self

        class Handler:
            async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
                if address.lower() in server.refuse:
                    return server.refuse[address.lower()]
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, smtp, session, envelope):  # type: ignore[no-untyped-def]
                import asyncio

                server.received.append(
                    Received(
                        envelope.mail_from,
                        list(envelope.rcpt_tos),
                        envelope.original_content or b"",
                        session.ssl is not None,
                    )
                )
                server.data_started.set()
                if server.hold_after_data:
                    await asyncio.sleep(server.hold_after_data)
                return "250 OK"

        self._controller = Controller(
            Handler(),
            hostname="127.0.0.1",
            port=self.port,
            tls_context=certs.server_context(),
            require_starttls=True,
        )

    def start(self) -> None:
        self._controller.start()
        self.running = True

    def stop(self) -> None:
        if getattr(self, "running", False):
            self._controller.stop()
            self.running = False

    def message_ids(self) -> list[str]:
        import email

        return [str(email.message_from_bytes(r.content)["Message-ID"]) for r in self.received]
