"""Single sign-on over OpenID Connect against a small identity provider on loopback that
signs real RS256 ID tokens, as Entra ID does: groups map to roles, the provider's MFA
replaces the TOTP step, and forged or foreign tokens are refused."""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from django.contrib.auth import get_user_model
from django.test import Client

from borgerpost.audit.models import AuditEntry
from borgerpost.core.models import Membership

from .mailservers import free_port

ISSUER = "https://login.example.dk/kommune/v2.0"
CLIENT_ID = "borgerpost-app"
MEMBERS_GROUP, SECRETARIAT_GROUP = "grp-byraad", "grp-sekretariat"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Provider:
    """Authorization codes, an RS256 key with its JWKS, and the people's claims."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.codes: dict[str, dict] = {}  # code -> {"nonce": ..., "claims": ..., ...}

    def jwks(self) -> dict:
        numbers = self.key.public_key().public_numbers()
        n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
        e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "kid": "k1",
                    "use": "sig",
                    "alg": "RS256",
                    "n": _b64(n),
                    "e": _b64(e),
                }
            ]
        }

    def id_token(self, claims: dict, signer=None) -> str:  # type: ignore[no-untyped-def]
        header = _b64(json.dumps({"alg": "RS256", "kid": "k1", "typ": "JWT"}).encode())
        body = _b64(json.dumps(claims).encode())
        signature = (signer or self.key).sign(
            f"{header}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256()
        )
        return f"{header}.{body}.{_b64(signature)}"


@pytest.fixture
def provider(settings):  # type: ignore[no-untyped-def]
    idp = Provider()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, payload: dict, status: int = 200) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/jwks":
                return self._send(idp.jwks())
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            grant = next((g for g in idp.codes.values() if g["access_token"] == token), None)
            return self._send(
                grant["userinfo"] if grant else {"error": "invalid"}, 200 if grant else 401
            )

        def do_POST(self) -> None:
            form = dict(
                urllib.parse.parse_qsl(
                    self.rfile.read(int(self.headers["Content-Length"])).decode()
                )
            )
            grant = idp.codes.get(form.get("code", ""))
            if grant is None or form.get("client_id") != CLIENT_ID:
                return self._send({"error": "invalid_grant"}, 400)
            self._send(
                {
                    "access_token": grant["access_token"],
                    "id_token": grant["id_token"],
                    "token_type": "Bearer",
                }
            )

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "klienthemmelighed"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{base}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{base}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{base}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{base}/jwks"
    settings.OIDC_OP_ISSUER = ISSUER
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "borgerpost.login.oidc.MunicipalityOIDCBackend",
    ]
    yield idp
    server.shutdown()


@pytest.fixture
def mapped(world):  # type: ignore[no-untyped-def]
    world.ishoj.sso_groups = {MEMBERS_GROUP: "council_member", SECRETARIAT_GROUP: "secretariat"}
    world.ishoj.save()
    return world


def sign_in(provider, upn: str, groups: list[str], amr=("pwd", "mfa"), **token_overrides):  # type: ignore[no-untyped-def]
    """The browser's round trip: borgerpost -> provider -> borgerpost's callback."""
    client = Client()
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302 and start["Location"].startswith(provider_url(start))
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(start["Location"]).query))
    assert query["code_challenge_method"] == "S256" and query["client_id"] == CLIENT_ID
    code = f"code-{len(provider.codes)}"
    claims = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": upn,
        "iat": int(time.time()),
        "exp": int(time.time()) + 300,
        "nonce": query["nonce"],
        "amr": list(amr),
    }
    claims.update(token_overrides.pop("claims", {}))
    provider.codes[code] = {
        "access_token": f"at-{code}",
        "id_token": provider.id_token(claims, **token_overrides),
        "userinfo": {
            "sub": upn,
            "preferred_username": upn,
            "email": upn,
            "given_name": "Sofie",
            "family_name": "Holm",
            "groups": groups,
        },
    }
    back = client.get("/oidc/callback/", {"code": code, "state": query["state"]})
    return client, back


def provider_url(response) -> str:  # type: ignore[no-untyped-def]
    return response["Location"].split("?", 1)[0]


def test_groups_give_roles_and_the_providers_mfa_replaces_totp(mapped, provider):
    client, back = sign_in(provider, "sho@ishoj.dk", [MEMBERS_GROUP, "grp-andet"])
    assert back.status_code == 302 and "sso=afvist" not in back["Location"]
    user = get_user_model().objects.get(username="sho@ishoj.dk")
    assert not user.has_usable_password()
    assert list(Membership.objects.filter(user=user).values_list("role", flat=True)) == [
        "council_member"
    ]
    assert client.get("/k/ishoj/henvendelser/").status_code == 200  # no TOTP step
    assert AuditEntry.objects.filter(action="membership.added_by_sso").count() == 1
    # Moved to the secretariat in the provider: the roles follow at the next log-in.
    client, _ = sign_in(provider, "sho@ishoj.dk", [SECRETARIAT_GROUP])
    assert list(Membership.objects.filter(user=user).values_list("role", flat=True)) == [
        "secretariat"
    ]
    assert client.get("/k/ishoj/henvendelser/").status_code != 200  # no longer a member
    assert client.get("/k/ishoj/administration/").status_code == 200
    # Municipalities without a mapping keep their local roles.
    assert Membership.objects.filter(user=mapped.users["anders"]).exists()


def test_without_the_providers_mfa_the_totp_step_remains(mapped, provider):
    client, back = sign_in(provider, "sho@ishoj.dk", [MEMBERS_GROUP], amr=("pwd",))
    assert back.status_code == 302
    assert client.get("/k/ishoj/henvendelser/")["Location"] == "/login/totp/opret/"


def test_no_mapped_group_no_entry(mapped, provider):
    client, back = sign_in(provider, "gaest@ishoj.dk", ["grp-andet"])
    assert back["Location"] == "/login/?sso=afvist"
    assert client.get("/k/ishoj/henvendelser/")["Location"].startswith("/login/")
    page = Client().get(back["Location"]).content.decode()
    assert "Log-in med kommunens konto lykkedes ikke" in page


@pytest.mark.parametrize(
    "forgery",
    [
        {"claims": {"aud": "en-anden-app"}},
        {"claims": {"iss": "https://evil.example/v2.0"}},
        {"claims": {"exp": int(time.time()) - 10}},
        {"claims": {"nonce": "genbrugt"}},
        {"signer": rsa.generate_private_key(public_exponent=65537, key_size=2048)},
    ],
    ids=["audience", "issuer", "expired", "nonce", "signature"],
)
def test_forged_or_foreign_tokens_are_refused(mapped, provider, forgery):
    client, back = sign_in(provider, "sho@ishoj.dk", [MEMBERS_GROUP], **forgery)
    assert back.status_code == 302 and back["Location"] == "/login/?sso=afvist"
    assert not get_user_model().objects.filter(username="sho@ishoj.dk").exists()
    assert client.get("/k/ishoj/henvendelser/")["Location"].startswith("/login/")


def test_single_sign_on_is_off_unless_configured(world):
    assert Client().get("/oidc/authenticate/").status_code == 404
    assert "Log ind med kommunens konto" not in Client().get("/login/").content.decode()
