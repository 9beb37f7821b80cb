"""The JSON API: inquiries for the administration's integrations (records systems).

Every answer is JSON, errors too, with a Danish message under "fejl". Authentication is a
bearer token scoped to one municipality and one administration role; the row-level
rules are the same queryset methods the pages use.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from borgerpost.audit.log import record_list
from borgerpost.core.access import Actor, actor_for, public
from borgerpost.core.exceptions import RuleError
from borgerpost.inquiries.actions import do_record_case_number, do_view_inquiry
from borgerpost.inquiries.models import Inquiry, Status
from borgerpost.letters import gateway
from borgerpost.letters.models import SendingSystem
from borgerpost.pure.text import clean_line
from borgerpost.search import finder

from .models import Scope
from .openapi import PAGE_SIZE, spec
from .tokens import over_limit, token_from_header

logger = logging.getLogger("borgerpost.api")
MAX_JSON_DEPTH = 20


def error(status: int, message: str, **headers: str) -> JsonResponse:
    response = JsonResponse({"fejl": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def api_view(
    *methods: str, query: frozenset[str] = frozenset(), scope: str = Scope.API
) -> Callable[[Callable[..., JsonResponse]], Callable[..., JsonResponse]]:
    """Token, municipality, scope, rate limit, method and query parameters, in that
    order; the view gets the Actor. Unknown query parameters are refused, not silently
    ignored. A token works only for the part of the API its scope names: a sending
    system's gateway token reads no inquiry, and an inquiries token sends no letter."""

    def decorator(view: Callable[..., JsonResponse]) -> Callable[..., JsonResponse]:
        @login_not_required  # a bearer token, checked below, instead of a session
        @csrf_exempt  # no cookies are used; a token is not sent by a browser on its own
        @wraps(view)
        def wrapper(
            request: HttpRequest, municipality: str, *args: Any, **kwargs: Any
        ) -> JsonResponse:
            token = token_from_header(request.headers.get("Authorization", ""))
            if token is None:
                return error(401, "Mangler eller ugyldigt token.", WWW_Authenticate="Bearer")
            if token.municipality.slug != municipality:
                return error(404, "Findes ikke.")
            if token.scope != scope:
                return error(403, "Tokenet må ikke bruges her: det er til en anden del af API'et.")
            if wait := over_limit(token):
                return error(429, "For mange forespørgsler. Vent lidt.", Retry_After=str(wait))
            if request.method not in methods:
                return error(405, "Metoden er ikke tilladt her.", Allow=", ".join(methods))
            if unknown := sorted(set(request.GET) - query):
                return error(400, f"Ukendt parameter: {', '.join(unknown)[:200]}.")
            actor = actor_for(token.account, token.municipality)
            if actor is None:
                return error(401, "Tokenet har ingen rolle længere.", WWW_Authenticate="Bearer")
            try:
                return view(request, actor, *args, **kwargs)
            except RequestDataTooBig:
                return error(413, "Body er for stor.")
            except Exception as exc:  # a bug of ours: still JSON, never an HTML page
                incident = uuid.uuid4().hex[:12]
                logger.error("incident %s: api %s: %s", incident, view.__name__, type(exc).__name__)
                return error(500, f"Intern fejl. Oplys fejlnummer {incident} til IT.")

        wrapper.access_rule = ["api token: one municipality, one administration role"]  # type: ignore[attr-defined]
        return wrapper

    return decorator


def _summary(inquiry: Inquiry) -> dict[str, Any]:
    return {
        "id": inquiry.pk,
        "reference": inquiry.reference,
        "modtaget": inquiry.received_at.isoformat(),
        "svarfrist": inquiry.deadline.isoformat(),
        "status": inquiry.status,
        "kanal": inquiry.channel,
        "besvarelse": inquiry.path,
        "journalnummer": inquiry.records_case_number,
    }


@public("the API's OpenAPI description: no data, only the shape of the API")
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(spec())


@api_view("GET", query=frozenset({"status", "side", "q"}))
def inquiries(request: HttpRequest, actor: Actor) -> JsonResponse:
    queryset: QuerySet[Inquiry] = Inquiry.objects.for_actor(actor).order_by("pk")
    if "q" in request.GET:
        # The same search as the lists (search/finder.py), best match first.
        if len(request.GET["q"]) > 200:
            return error(400, "q må højst være 200 tegn.")
        wanted = finder.read({"q": request.GET["q"]}, actor)
        queryset = finder.ordered(finder.apply(queryset, wanted, actor), wanted)
    if "status" in request.GET:
        status = request.GET["status"]
        if status not in Status.values:
            return error(400, f"Ukendt status. Brug en af: {', '.join(Status.values)}.")
        queryset = queryset.filter(status=status)
    try:
        page = int(request.GET.get("side", "1"))
    except ValueError:
        return error(400, "side skal være et helt tal.")
    if not 1 <= page <= 100_000:
        return error(400, "side skal være mellem 1 og 100000.")
    rows = list(queryset[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    record_list(actor, "api-inquiries", len(rows[:PAGE_SIZE]))
    return JsonResponse(
        {
            "henvendelser": [_summary(i) for i in rows[:PAGE_SIZE]],
            "side": page,
            "flere": len(rows) > PAGE_SIZE,
        }
    )


def _depth(raw: bytes) -> int:
    """How deeply the JSON nests, counted on the bytes before parsing (a document nested
    100,000 deep would exhaust the parser's recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                return deepest
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def json_body(request: HttpRequest) -> dict[str, Any] | JsonResponse:
    """The body as a JSON object, or the JSON error to answer with."""
    raw = request.body or b"{}"
    if _depth(raw) > MAX_JSON_DEPTH:
        return error(400, f"JSON må højst være indlejret {MAX_JSON_DEPTH} niveauer.")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return error(400, "Body skal være JSON.")
    if not isinstance(body, dict):
        return error(400, "Body skal være et JSON-objekt.")
    return body


def _find(actor: Actor, pk: str) -> Inquiry | None:
    if not pk.isascii() or not pk.isdigit() or len(pk) > 15:
        return None
    return Inquiry.objects.for_actor(actor).filter(pk=int(pk)).first()


@api_view("GET")
def inquiry(request: HttpRequest, actor: Actor, pk: str) -> JsonResponse:
    found = _find(actor, pk)
    if found is None:
        return error(404, "Findes ikke.")
    do_view_inquiry(actor, found)  # reading content is logged, as on the page
    return JsonResponse(
        {
            **_summary(found),
            "emne": found.subject,
            "tekst": found.body,
            "borger": {
                "navn": found.citizen_name,
                "mail": found.citizen_email,
                "telefon": found.citizen_phone,
                "adresse": found.citizen_address,
            },
            "følsomme_oplysninger": found.sensitive_categories,
            "indhold_slettet": found.content_deleted_at.isoformat()
            if found.content_deleted_at
            else None,
        }
    )


@api_view("PUT")
def case_number(request: HttpRequest, actor: Actor, pk: str) -> JsonResponse:
    found = _find(actor, pk)
    if found is None:
        return error(404, "Findes ikke.")
    body = json_body(request)
    if isinstance(body, JsonResponse):
        return body
    number = body.get("journalnummer")
    if not isinstance(number, str):
        return error(400, 'Angiv {"journalnummer": "..."}.')
    number = clean_line(number)
    try:
        do_record_case_number(actor, found, number)
    except RuleError as exc:
        return error(400, str(exc))
    found.refresh_from_db()
    return JsonResponse(_summary(found))


@public("the API's answer for a path it does not have: JSON, never an HTML page")
@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    return error(404, "Findes ikke.")


@api_view("POST", scope=Scope.DIGITAL_POST)
def digital_post(request: HttpRequest, actor: Actor) -> JsonResponse:
    """A sending system hands over a letter as JSON; the dispatch guard decides."""
    body = json_body(request)
    if isinstance(body, JsonResponse):
        return body
    return _receive_letter(actor, lambda: gateway.parse(body))


@api_view("POST", scope=Scope.DIGITAL_POST)
def digital_post_memo(request: HttpRequest, actor: Actor) -> JsonResponse:
    """A sending system hands over the MeMo message it would have sent to SF1601."""
    return _receive_letter(actor, lambda: gateway.parse_memo(request.body))


def _receive_letter(actor: Actor, parse: Callable[[], gateway.Submission]) -> JsonResponse:
    system = SendingSystem.objects.for_actor(actor).filter(token__account=actor.user).first()
    if system is None:
        return error(403, "Tokenet hører ikke til et registreret afsendersystem.")
    try:
        received = gateway.do_receive_system_letter(actor, system, parse())
    except RuleError as exc:
        return error(400, str(exc))
    letter = received.letter
    return JsonResponse(
        {
            "letter": letter.pk,
            "action": received.action,
            "release_at": received.release_at.isoformat() if received.release_at else None,
            "reason": received.reason,
            "status": letter.status,
            "deadline_from": received.deadline_from or None,
            "new": received.created,
            "checks": {
                "generic_title": letter.generic_title,
                "missing_contact": letter.missing_contact,
                "lix": letter.lix_score,
                "lix_target": actor.municipality.lix_target,
                "over_lix_target": letter.over_lix_target,
                "warnings": list(received.warnings),
            },
        },
        status=201 if received.created else 200,
    )
