"""The API's OpenAPI 3.1 description, written out by hand: the API is small, and a
description kept beside the views is checked against them by schemathesis in CI."""

from __future__ import annotations

from typing import Any

from borgerpost.inquiries.models import AnswerPath, Channel, Status

PAGE_SIZE = 100


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}},
    }


def _json(ref: str, description: str = "OK") -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


COMMON_ERRORS = {
    "400": _error("Ugyldig parameter eller body"),
    "401": _error("Mangler eller ugyldigt token"),
    "404": _error("Findes ikke, eller tokenet har ikke adgang"),
    "405": _error("Metoden er ikke tilladt"),
    "429": _error("For mange forespørgsler; se Retry-After"),
}
MUNICIPALITY = {
    "name": "kommune",
    "in": "path",
    "required": True,
    "description": "Kommunens kortnavn, fx ishoj",
    "schema": {"type": "string", "pattern": "^[a-z0-9_-]+$"},
}
INQUIRY_ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": 2**53},
}


SYSTEM_LETTER: dict[str, Any] = {
    "type": "object",
    "required": ["recipient", "title", "body"],
    "additionalProperties": False,
    "properties": {
        "recipient": {"type": "string", "description": "CPR-nummer (10 cifre) eller CVR-nummer"},
        "recipient_name": {"type": "string", "maxLength": 200},
        "title": {"type": "string", "minLength": 1, "maxLength": 150},
        "lead_text": {"type": "string", "maxLength": 5000},
        "body": {"type": "string", "minLength": 1, "maxLength": 100000},
        "contact": {"type": "string", "maxLength": 2000},
        "has_deadline": {
            "type": ["boolean", "null"],
            "description": "Har brevet en lovbestemt frist? Udeladt: kommunens regel for "
            "brevets slags afgør; findes ingen, sendes brevet (holdes aldrig).",
        },
        "urgent": {"type": "boolean"},
        "kind": {"type": "string", "maxLength": 100, "description": "Fx MeMo-label"},
        "message_uuid": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,40}$"},
        "case_number": {"type": "string", "maxLength": 100},
    },
}


def spec() -> dict[str, Any]:
    summary = {
        "type": "object",
        "required": [
            "id",
            "reference",
            "modtaget",
            "svarfrist",
            "status",
            "kanal",
            "besvarelse",
            "journalnummer",
        ],
        "properties": {
            "id": {"type": "integer"},
            "reference": {"type": "string"},
            "modtaget": {"type": "string", "format": "date-time"},
            "svarfrist": {"type": "string", "format": "date"},
            "status": {"type": "string", "enum": list(Status.values)},
            "kanal": {"type": "string", "enum": list(Channel.values)},
            "besvarelse": {"type": "string", "enum": ["", *AnswerPath.values]},
            "journalnummer": {"type": "string"},
        },
    }
    detail = {
        "allOf": [
            {"$ref": "#/components/schemas/Henvendelse"},
            {
                "type": "object",
                "required": ["emne", "tekst", "borger", "følsomme_oplysninger", "indhold_slettet"],
                "properties": {
                    "emne": {"type": "string"},
                    "tekst": {"type": "string"},
                    "borger": {
                        "type": "object",
                        "properties": {
                            "navn": {"type": "string"},
                            "mail": {"type": "string"},
                            "telefon": {"type": "string"},
                            "adresse": {"type": "string"},
                        },
                    },
                    "følsomme_oplysninger": {"type": "array", "items": {"type": "string"}},
                    "indhold_slettet": {"type": ["string", "null"], "format": "date-time"},
                },
            },
        ]
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "borgerpost API",
            "version": "1",
            "description": "Borgerhenvendelser for kommunens integrationer (fx ESDH). "
            "Godkendelse: Authorization: Bearer <token>. Et token gælder én kommune og én "
            "af administrationens roller og ser det samme som en person med rollen. "
            "Digital Post-gatewayen bruger tokens med scope digital-post (ét pr. "
            "afsendersystem), som kun kan aflevere breve.",
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Fejl": {
                    "type": "object",
                    "required": ["fejl"],
                    "properties": {"fejl": {"type": "string"}},
                },
                "Henvendelse": summary,
                "HenvendelseMedIndhold": detail,
                "Brevmodtagelse": {
                    "type": "object",
                    "required": ["letter", "action", "release_at", "reason", "status", "checks"],
                    "properties": {
                        "letter": {"type": "integer"},
                        "action": {"type": "string", "enum": ["send", "hold"]},
                        "release_at": {"type": ["string", "null"], "format": "date-time"},
                        "reason": {"type": "string"},
                        "status": {"type": "string"},
                        "deadline_from": {"type": ["string", "null"]},
                        "new": {"type": "boolean"},
                        "checks": {
                            "type": "object",
                            "properties": {
                                "generic_title": {"type": "boolean"},
                                "missing_contact": {"type": "boolean"},
                                "lix": {"type": ["integer", "null"]},
                                "lix_target": {"type": "integer"},
                                "over_lix_target": {"type": "boolean"},
                                "warnings": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    },
                },
                "Side": {
                    "type": "object",
                    "required": ["henvendelser", "side", "flere"],
                    "properties": {
                        "henvendelser": {
                            "type": "array",
                            "maxItems": PAGE_SIZE,
                            "items": {"$ref": "#/components/schemas/Henvendelse"},
                        },
                        "side": {"type": "integer"},
                        "flere": {"type": "boolean"},
                    },
                },
            },
        },
        "security": [{"token": []}],
        "paths": {
            "/api/v1/{kommune}/digital-post": {
                "post": {
                    "summary": "Digital Post-gatewayen: et afsendersystem afleverer et brev, "
                    "som sendes eller holdes tilbage efter forsendelsesreglerne (kun tokens "
                    "med scope digital-post)",
                    "parameters": [MUNICIPALITY],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": SYSTEM_LETTER}},
                    },
                    "responses": {
                        "200": _json("Brevmodtagelse", "Samme messageUUID som før: samme brev"),
                        "201": _json("Brevmodtagelse", "Brevet er modtaget"),
                        "403": _error("Tokenet er ikke et afsendersystems"),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/{kommune}/digital-post/memo": {
                "post": {
                    "summary": "Digital Post-gatewayen: et afsendersystem afleverer den "
                    "MeMo-besked, det ville have sendt til SF1601 (hoveddokument som PDF; "
                    "legalNotification true holdes aldrig tilbage)",
                    "parameters": [MUNICIPALITY],
                    "requestBody": {
                        "required": True,
                        "content": {"application/xml": {"schema": {"type": "string"}}},
                    },
                    "responses": {
                        "200": _json("Brevmodtagelse", "Samme messageUUID som før: samme brev"),
                        "201": _json("Brevmodtagelse", "Brevet er modtaget"),
                        "403": _error("Tokenet er ikke et afsendersystems"),
                        "413": _error("Beskeden er for stor"),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/{kommune}/henvendelser": {
                "get": {
                    "summary": "Henvendelser, administrationen har (100 pr. side)",
                    "parameters": [
                        MUNICIPALITY,
                        {
                            "name": "status",
                            "in": "query",
                            "schema": {"type": "string", "enum": list(Status.values)},
                        },
                        {
                            "name": "side",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 100000},
                        },
                        {
                            "name": "q",
                            "in": "query",
                            "description": "Fritekstsøgning som i listerne: emne, tekst, "
                            "borgerens navn, mail og telefon, H-nummer, journalnummer og "
                            "vedhæftningers navne; bøjede former findes; bedste match først.",
                            "schema": {"type": "string", "maxLength": 200},
                        },
                    ],
                    "responses": {
                        "200": _json("Side"),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/{kommune}/henvendelser/{id}": {
                "get": {
                    "summary": "Én henvendelse med indhold (læsningen logges)",
                    "parameters": [MUNICIPALITY, INQUIRY_ID],
                    "responses": {"200": _json("HenvendelseMedIndhold"), **COMMON_ERRORS},
                }
            },
            "/api/v1/{kommune}/henvendelser/{id}/journalnummer": {
                "put": {
                    "summary": "Registrér journalnummeret fra ESDH",
                    "parameters": [MUNICIPALITY, INQUIRY_ID],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["journalnummer"],
                                    "properties": {
                                        "journalnummer": {
                                            "type": "string",
                                            "minLength": 1,
                                            "maxLength": 100,
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json("Henvendelse"),
                        **COMMON_ERRORS,
                    },
                }
            },
        },
    }
