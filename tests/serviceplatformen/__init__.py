"""A fake KOMBIT Serviceplatformen on loopback, for the tests of sending Digital Post.

It speaks what borgerpost's SF1601 transport speaks to KOMBIT, over TLS that demands the
municipality's client certificate (issued by the tests' CA):

- the security token service (`runtime/api/rest/wstrust/v1/issue`): a SAML assertion
  for the certificate that was presented, only if `UseKey` is that certificate;
- AccessTokenService_1: an access token for an assertion it issued;
- PostForespoerg_1: whether a CPR or CVR number has Digital Post (`not_registered`);
- KombiPostAfsend_1 (SF1601): a `kombi_request` with KombiValgKode "Digital Post" and
  one MeMo message, which must be valid against `memo-1.xsd`, with an access token for
  SF1601. Anything else is refused with 400 and the reason; what is accepted is kept in
  `received`, in order.

`hold_after_receipt` makes SF1601 wait that many seconds after keeping a message before it
answers, so a test can kill the sender between the letter arriving and the sender
hearing it did (`arrived` is set when a message is kept).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import ssl
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import xmlschema
from defusedxml import ElementTree as SafeElementTree

from tests.mailservers import Certificates, free_port

SCHEMA = Path(__file__).with_name("memo-1.xsd")
MEMO = "https://DigitalPost.dk/MeMo-1"
SF1601_ENTITY = "http://entityid.kombit.dk/service/kombipostafsend/1"
LOOKUP_ENTITY = "http://entityid.kombit.dk/service/postforespoerg/1"


@dataclass(frozen=True)
class Arrival:
    message_uuid: str
    recipient: str
    label: str
    do_not_deliver_until: str
    legal_notification: str
    transaction_id: str
    xml: bytes


class FakeServiceplatformen:
    def __init__(self, certs: Certificates) -> None:
        self.schema = xmlschema.XMLSchema(str(SCHEMA))
        self.received: list[Arrival] = []
        self.refused: list[str] = []
        self.not_registered: set[str] = set()
        self.token_requests = 0
        self.hold_after_receipt = 0.0
        self.arrived = threading.Event()
        self._saml: dict[str, str] = {}  # assertion -> entity id
        self._access: dict[str, str] = {}  # access token -> entity id
        self._lock = threading.Lock()
        self.port = free_port()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(certs.cert), str(certs.key))
        context.load_verify_locations(str(certs.ca))
        context.verify_mode = ssl.CERT_REQUIRED  # KOMBIT answers only certificate holders
        handler = type("Handler", (_Handler,), {"peer": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}/"

    def start(self) -> None:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def uuids(self) -> list[str]:
        return [arrival.message_uuid for arrival in self.received]

    # The four services. Each returns (status, JSON-able answer).

    def issue_saml(self, request: dict[str, Any], presented: bytes) -> tuple[int, Any]:
        self.token_requests += 1
        entity = request.get("AppliesTo", {}).get("EndpointReference", {}).get("Address")
        cvr = str(request.get("AnvenderKontekst", {}).get("Cvr", ""))
        if entity not in (SF1601_ENTITY, LOOKUP_ENTITY) or not (cvr.isdigit() and len(cvr) == 8):
            return 400, {"error": "unknown service or CVR"}
        if request.get("UseKey") != base64.b64encode(presented).decode("ascii"):
            return 400, {"error": "UseKey is not the presented certificate"}
        assertion = f"<saml:Assertion ID='{uuid.uuid4()}'/>"
        with self._lock:
            self._saml[assertion] = entity
        lifetime = dt.datetime.now() + dt.timedelta(hours=8)
        return 200, {
            "RequestedSecurityToken": {"Assertion": assertion},
            "Lifetime": lifetime.strftime("%m/%d/%Y %H:%M:%S"),
        }

    def issue_access_token(self, form: dict[str, list[str]]) -> tuple[int, Any]:
        with self._lock:
            entity = self._saml.get((form.get("saml-token") or [""])[0])
            if entity is None:
                return 401, {"error": "unknown SAML token"}
            token = uuid.uuid4().hex
            self._access[token] = entity
        return 200, {"token_type": "Holder-of-key", "access_token": token, "expires_in": 28800}

    def entity_of(self, authorization: str) -> str | None:
        scheme, _, token = authorization.partition(" ")
        with self._lock:
            return self._access.get(token) if scheme == "Holder-of-key" else None

    def look_up(self, query: dict[str, list[str]]) -> tuple[int, Any]:
        number = (query.get("cprNumber") or query.get("cvrNumber") or [""])[0]
        if not number.isdigit():
            return 400, {"error": "cprNumber or cvrNumber"}
        return 200, {"result": number not in self.not_registered}

    def receive_memos(self, body: bytes, transaction_id: str) -> tuple[int, Any]:
        try:
            root = SafeElementTree.fromstring(body)
        except Exception:  # anything unparsable is refused
            return self._refuse("not well-formed XML")
        if root.tag != "kombi_request" or root.findtext("KombiValgKode") != "Digital Post":
            return self._refuse("not a kombi_request for Digital Post")
        messages = root.findall(f"{{{MEMO}}}Message")
        if len(messages) != 1 or len(root) != 2:
            return self._refuse("a kombi_request carries exactly one MeMo message")
        memo = ElementTree.tostring(messages[0], encoding="unicode")
        errors = [error.reason or str(error) for error in self.schema.iter_errors(memo)]
        if errors:
            return self._refuse("MeMo: " + "; ".join(errors))
        header = messages[0].find(f"{{{MEMO}}}MessageHeader")
        assert header is not None

        def text(path: str) -> str:
            return header.findtext(path, default="", namespaces={"memo": MEMO})

        arrival = Arrival(
            message_uuid=text("memo:messageUUID"),
            recipient=text("memo:Recipient/memo:recipientID"),
            label=text("memo:label"),
            do_not_deliver_until=text("memo:doNotDeliverUntilDate"),
            legal_notification=text("memo:legalNotification"),
            transaction_id=transaction_id,
            xml=memo.encode("utf-8"),
        )
        with self._lock:
            self.received.append(arrival)
        self.arrived.set()
        if self.hold_after_receipt:
            time.sleep(self.hold_after_receipt)
        return 200, {"transaktionsId": transaction_id}

    def _refuse(self, reason: str) -> tuple[int, Any]:
        self.refused.append(reason)
        return 400, {"error": reason}


class _Handler(BaseHTTPRequestHandler):
    peer: FakeServiceplatformen

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the tests' output stays readable

    def do_POST(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if path == "/runtime/api/rest/wstrust/v1/issue":
            presented = self.connection.getpeercert(binary_form=True) or b""  # type: ignore[attr-defined]
            self._answer(*self.peer.issue_saml(json.loads(body or b"{}"), presented))
        elif path == "/service/AccessTokenService_1/token":
            self._answer(*self.peer.issue_access_token(urllib.parse.parse_qs(body.decode())))
        elif path == "/service/KombiPostAfsend_1/memos":
            refusal = self._check_call(SF1601_ENTITY)
            if refusal:
                self._answer(*refusal)
            elif self.headers.get("Content-Type") != "application/xml":
                self._answer(415, {"error": "application/xml"})
            else:
                transaction_id = self.headers["X-TransaktionsId"]
                self._answer(*self.peer.receive_memos(body, transaction_id))
        else:
            self._answer(404, {"error": "no such service"})

    def do_GET(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        if parts.path == "/service/PostForespoerg_1/digitalpost":
            refusal = self._check_call(LOOKUP_ENTITY)
            self._answer(*(refusal or self.peer.look_up(urllib.parse.parse_qs(parts.query))))
        else:
            self._answer(404, {"error": "no such service"})

    def _check_call(self, entity: str) -> tuple[int, Any] | None:
        """Every call to a service: an access token for that service and the
        transaction headers Serviceplatformen requires."""
        if self.peer.entity_of(self.headers.get("authorization", "")) != entity:
            return 401, {"error": "no access token for this service"}
        try:
            uuid.UUID(self.headers.get("X-TransaktionsId", ""))
        except ValueError:
            return 400, {"error": "X-TransaktionsId must be a UUID"}
        if not self.headers.get("X-TransaktionsTid"):
            return 400, {"error": "X-TransaktionsTid is required"}
        return None

    def _answer(self, status: int, answer: Any) -> None:
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
