"""Access to KOMBIT's Serviceplatformen: a SAML token from the security token service,
exchanged for an access token, both over TLS with the municipality's certificate.

python-serviceplatformen's KombitAccess does the same two calls, but with KOMBIT's test
and production hosts written into its functions: nothing else can be reached, neither a
municipality's own proxy nor a test peer. This is those two calls (the request shapes of
KOMBIT's REST STS and AccessTokenService_1) with the hosts as settings; the package's
`digital_post.is_registered` takes this object as it takes its own.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

import requests
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings

SAML_TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0"  # noqa: S105 - a URI
ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue"
PUBLIC_KEY = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey"
STS_PATH = "runtime/api/rest/wstrust/v1/issue"
TOKEN_PATH = "service/AccessTokenService_1/token"  # noqa: S105 - a path, not a secret
# A token is renewed this long before it runs out, so none expires on its way.
MARGIN = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Hosts:
    service: str  # Serviceplatformen: SF1601, PostForespoerg and the access tokens
    sts: str  # KOMBIT's security token service (adgangsstyring)


KOMBIT_PRODUCTION = Hosts(
    "https://prod.serviceplatformen.dk/", "https://n2adgangsstyring.stoettesystemerne.dk/"
)
KOMBIT_TEST = Hosts(
    "https://exttest.serviceplatformen.dk/",
    "https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/",
)


def hosts(test: bool) -> Hosts:
    """KOMBIT's test or production hosts, unless the operator has set others."""
    kombit = KOMBIT_TEST if test else KOMBIT_PRODUCTION
    return Hosts(settings.SF1601_URL or kombit.service, settings.SF1601_STS_URL or kombit.sts)


class KombitAccess:
    """Tokens for one municipality's certificate, kept until shortly before they expire.

    `environment` and `cert_path` are the names python-serviceplatformen's functions use.
    Raises requests.HTTPError (or another RequestException) when KOMBIT refuses."""

    def __init__(self, cvr: str, cert_path: str, test: bool = False) -> None:
        self.cvr = cvr
        self.cert_path = cert_path
        self.hosts = hosts(test)
        self.environment = self.hosts.service
        self._tokens: dict[str, tuple[str, dt.datetime]] = {}
        self._lock = threading.Lock()

    def get_access_token(self, entity_id: str) -> str:
        with self._lock:
            kept = self._tokens.get(entity_id)
            if kept and dt.datetime.now(dt.UTC) < kept[1]:
                return kept[0]
            token = self._access_token(self._saml_token(entity_id))
            self._tokens[entity_id] = token
            return token[0]

    def _saml_token(self, entity_id: str) -> str:
        response = requests.post(
            self.hosts.sts + STS_PATH,
            json={
                "TokenType": SAML_TOKEN_TYPE,
                "RequestType": ISSUE,
                "KeyType": PUBLIC_KEY,
                "AnvenderKontekst": {"Cvr": self.cvr},
                "UseKey": certificate_base64(self.cert_path),
                "AppliesTo": {"EndpointReference": {"Address": entity_id}},
                "OnBehalfOf": None,
            },
            cert=self.cert_path,
            timeout=10,
        )
        response.raise_for_status()
        return str(response.json()["RequestedSecurityToken"]["Assertion"])

    def _access_token(self, saml_token: str) -> tuple[str, dt.datetime]:
        response = requests.post(
            self.hosts.service + TOKEN_PATH,
            data={"saml-token": saml_token},
            cert=self.cert_path,
            timeout=10,
        )
        response.raise_for_status()
        answer = response.json()
        expires = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=int(answer["expires_in"]))
        return f"{answer['token_type']} {answer['access_token']}", expires - MARGIN


def certificate_base64(pem_path: str) -> str:
    """The first certificate of the PEM file, as the STS's UseKey wants it: base64 DER."""
    with open(pem_path, "rb") as handle:
        certificate = x509.load_pem_x509_certificate(handle.read())
    pem = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return "".join(pem.strip().splitlines()[1:-1])


_ACCESS: dict[tuple[str, str, bool, str, str], KombitAccess] = {}
_ACCESS_LOCK = threading.Lock()


def access_for(cvr: str, cert_path: str, test: bool) -> KombitAccess:
    """One access object per certificate and hosts in a process, so a worker sending a
    hundred letters asks the STS once, not a hundred times."""
    key = (cvr, cert_path, test, settings.SF1601_URL, settings.SF1601_STS_URL)
    with _ACCESS_LOCK:
        if key not in _ACCESS:
            _ACCESS[key] = KombitAccess(cvr, cert_path, test)
        return _ACCESS[key]


def forget_tokens() -> None:
    """Drop every kept token (the next letter asks the STS again)."""
    with _ACCESS_LOCK:
        _ACCESS.clear()
