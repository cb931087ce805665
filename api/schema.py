"""How the OpenAPI document describes the authentication: OAuth2 client credentials at
/api/v1/token/ with the scopes 'lezen' and 'schrijven'."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from lib.problemen import SOORTEN


class KoppelingScheme(OpenApiAuthenticationExtension):
    target_class = "api.toegang.KoppelingAuthentication"
    name = "oauth2"

    def get_security_requirement(self, auto_schema):
        lezen = auto_schema.method in ("GET", "HEAD", "OPTIONS")
        return {self.name: ["lezen" if lezen else "schrijven"]}

    def get_security_definition(self, auto_schema):
        return {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": "/api/v1/token/",
                    "scopes": {
                        "lezen": "Dossiers, beslissingen, schakelingen en wijzigingen lezen",
                        "schrijven": "Cliënten, dossiers, beslissingen en schakelingen registreren",
                    },
                }
            },
        }


def met_slash(endpoints):
    """Each operation once in the document, under its path with the trailing slash (the path
    without it answers the same: api.urls)."""
    return [e for e in endpoints if e[0].endswith("/")]


# Response headers by kind of answer: each declared where Binc sends it.
VERZOEK_ID = {
    "description": "Het kenmerk van dit verzoek, ook in `verzoek_id` van een foutmelding en in "
    "de logs; het kenmerk dat je zelf meestuurt (letters, cijfers, `.`, `_`, `:`, `-`; hoogstens "
    "100) blijft behouden.",
    "schema": {"type": "string"},
}
MET_ETAG = ("/Dossier", "/Beslissing", "/Schakeling", "/Kwartaal", "/Registratie")
KOPPEN = {
    "ETag": "De versie van wat je las of bewaarde; geef ze in If-Match bij een wijziging.",
    "Idempotent-Replayed": "`true` wanneer dit het bewaarde antwoord op een eerder verzoek met "
    "dezelfde Idempotency-Key is.",
    "Location": "Het adres van wat werd aangemaakt.",
    "Retry-After": "Na hoeveel seconden de koppeling weer verzoeken mag doen.",
    "WWW-Authenticate": "Hoe aan te melden: een Bearer-token.",
}


def _koppen(methode: str, status: str, antwoord: dict) -> dict:
    namen = []
    schema = antwoord.get("content", {}).get("application/json", {}).get("schema", {})
    if status.startswith("2") and schema.get("$ref", "").endswith(MET_ETAG):
        namen.append("ETag")
    if status == "201":
        namen.append("Location")
    if methode == "post" and status.startswith("2"):
        namen.append("Idempotent-Replayed")
    namen += {"429": ["Retry-After"], "401": ["WWW-Authenticate"]}.get(status, [])
    koppen = {n: {"description": KOPPEN[n], "schema": {"type": "string"}} for n in namen}
    return {**koppen, "X-Request-ID": VERZOEK_ID}


IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "schema": {"type": "string"},
    "description": "De ETag die je al hebt: is dat nog de huidige versie, dan antwoordt Binc 304 "
    "zonder inhoud.",
}
NIET_GEWIJZIGD = {"description": "Niet gewijzigd sinds de ETag in If-None-Match."}


GELUKT = {
    "200": "Gelukt.",
    "201": "Aangemaakt; `Location` is zijn adres.",
    "204": "Gelukt; geen inhoud.",
    "304": "Niet gewijzigd.",
}


def _beschrijving(status: str) -> str:
    """A response's description: what success means, or the problems it may be (their titles
    from the catalogue, each explained on its page)."""
    if status in GELUKT:
        return GELUKT[status]
    titels = [s.titel for s in SOORTEN.values() if str(s.status) == status]
    return " of ".join(dict.fromkeys(titels)) + " (zie `type`)." if titels else "Fout."


def koppen_en_formaten(result, generator, request, public):
    """Every response declares the headers Binc sends with it; an operation with a body may
    answer 415 (not JSON); a read with an ETag takes If-None-Match (304)."""
    for operaties in result.get("paths", {}).values():
        for methode, operatie in operaties.items():
            antwoorden = operatie.get("responses", {})
            if "requestBody" in operatie:
                antwoorden.setdefault("415", antwoorden["406"])
            for status, antwoord in antwoorden.items():
                antwoord["headers"] = _koppen(methode, status, antwoord)
                antwoord["description"] = antwoord.get("description") or _beschrijving(status)
            if methode == "get" and "ETag" in antwoorden.get("200", {}).get("headers", {}):
                operatie.setdefault("parameters", []).append(IF_NONE_MATCH)
                antwoorden["304"] = {**NIET_GEWIJZIGD, "headers": _koppen(methode, "304", {})}
                antwoorden["304"]["headers"]["ETag"] = antwoorden["200"]["headers"]["ETag"]
    return result


OAUTH_FOUT = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "string",
            "enum": [
                "invalid_request",
                "invalid_client",
                "invalid_grant",
                "unauthorized_client",
                "unsupported_grant_type",
                "invalid_scope",
            ],
            "description": "De foutcode van OAuth 2 (RFC 6749, afdeling 5.2).",
        },
        "error_description": {"type": "string"},
    },
}
TOKEN = {
    "post": {
        "operationId": "token",
        "summary": "Een toegangstoken halen (OAuth 2, client credentials)",
        "description": "Met de client-id en het geheim van de koppeling in HTTP Basic. Het "
        "token blijft een uur geldig; vraag daarna een nieuw.",
        "tags": ["token"],
        "security": [{"basic": []}],
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "required": ["grant_type"],
                        "properties": {
                            "grant_type": {"type": "string", "enum": ["client_credentials"]},
                            "scope": {
                                "type": "string",
                                "description": "lezen, schrijven of beide (met een spatie); "
                                "weggelaten: de rechten van de koppeling.",
                            },
                        },
                    },
                    "examples": {
                        "token": {"value": {"grant_type": "client_credentials"}},
                    },
                }
            },
        },
        "responses": {
            "200": {
                "description": "Het token.",
                "headers": {"X-Request-ID": VERZOEK_ID},
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["access_token", "token_type", "expires_in", "scope"],
                            "properties": {
                                "access_token": {"type": "string"},
                                "token_type": {"type": "string", "enum": ["Bearer"]},
                                "expires_in": {"type": "integer"},
                                "scope": {"type": "string"},
                            },
                        }
                    }
                },
            },
            "400": {
                "description": "Een verzoek dat OAuth 2 niet toelaat (een ander grant_type, een "
                "onbekend recht, een NUL-teken).",
                "headers": {"X-Request-ID": VERZOEK_ID},
                "content": {"application/json": {"schema": OAUTH_FOUT}},
            },
            "401": {
                "description": "Onbekende client, fout geheim of een ingetrokken koppeling.",
                "headers": {"X-Request-ID": VERZOEK_ID},
                "content": {"application/json": {"schema": OAUTH_FOUT}},
            },
        },
    }
}


def token_operatie(result, generator, request, public):
    """The token endpoint is OAuth 2's, not a view of the API: described here as it answers."""
    result.setdefault("paths", {})["/api/v1/token/"] = TOKEN
    schemes = result.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes["basic"] = {"type": "http", "scheme": "basic", "description": "Client-id en geheim."}
    return result


# The registration flow as links between operations (OpenAPI 3.1 §4.8.20): what a client does
# next with what an answer gave it; schemathesis's stateful phase walks them.
DOSSIER = {"id": "$response.body#/id"}
IN_DOSSIER = {"id": "$request.path.id"}
LINKS: dict[tuple[str, str], dict[str, dict]] = {
    ("client_identificeren", "200"): {
        "DossierAanmaken": {
            "operationId": "dossier_aanmaken",
            "requestBody": {"client": "$response.body#/id"},
        }
    },
    ("dossier_aanmaken", "201"): {
        "DossierLezen": {"operationId": "dossier_lezen", "parameters": DOSSIER},
        "BeslissingToevoegen": {"operationId": "beslissing_toevoegen", "parameters": DOSSIER},
        "RegistratieLezen": {
            "operationId": "registratie_lezen",
            "parameters": {**DOSSIER, "soort": "begin"},
        },
    },
    ("dossiers_lijst", "200"): {
        "DossierLezen": {
            "operationId": "dossier_lezen",
            "parameters": {"id": "$response.body#/resultaten/0/id"},
        }
    },
    ("dossier_lezen", "200"): {
        "Beslissingen": {"operationId": "beslissingen_lijst", "parameters": DOSSIER},
        "Schakelingen": {"operationId": "schakelingen_lijst", "parameters": DOSSIER},
    },
    ("beslissing_toevoegen", "201"): {
        "BeslissingLezen": {
            "operationId": "beslissing_lezen",
            "parameters": {**IN_DOSSIER, "beslissing_pk": "$response.body#/id"},
        },
        "SchakelingToevoegen": {"operationId": "schakeling_toevoegen", "parameters": IN_DOSSIER},
    },
    ("schakeling_toevoegen", "201"): {
        "SchakelingLezen": {
            "operationId": "schakeling_lezen",
            "parameters": {**IN_DOSSIER, "schakeling_pk": "$response.body#/id"},
        },
    },
    ("registratie_lezen", "200"): {
        "RegistratieOpslaan": {
            "operationId": "registratie_opslaan",
            "parameters": {**IN_DOSSIER, "soort": "$request.path.soort"},
        }
    },
    ("wijzigingen", "200"): {
        "Verder": {
            "operationId": "wijzigingen",
            "parameters": {"cursor": "$response.body#/volgende"},
        }
    },
}
LINKS[("client_identificeren", "201")] = LINKS[("client_identificeren", "200")]


def links(result, generator, request, public):
    for operaties in result.get("paths", {}).values():
        for operatie in operaties.values():
            for status, antwoord in operatie.get("responses", {}).items():
                gevonden = LINKS.get((operatie.get("operationId", ""), status))
                if gevonden:
                    antwoord["links"] = gevonden
    return result


# One example body per operation that takes one: what an integrator copies, and what the tests
# send (schemathesis's examples phase and the stateful walk).
VOORBEELDEN: dict[str, dict] = {
    "client_identificeren": {
        "rijksregisternummer": "14030120017",
        "niet_begeleide_minderjarige": "nee",
        "land_van_origine": "België",
        "omgangstaal": "nl",
    },
    "dossier_aanmaken": {
        "client": 1,
        "aanmelding": {"via_toegangspoort": True, "uitstroom_gi": False},
    },
    "dossier_toewijzen": {"behandelaar": 1},
    "dossier_afsluiten": {"bevestigd": True},
    "beslissing_toevoegen": {
        "begindatum": "2026-01-05",
        "modules": ["BEGBJB02"],
        "verwijzingsgrond": "vrijwillig",
    },
    "beslissing_wijzigen": {"begindatum": "2026-01-06"},
    "schakeling_toevoegen": {"begindatum": "2026-01-05", "modules": ["BEGBJB02"]},
    "schakeling_wijzigen": {"einddatum": "2026-02-01"},
    "registratie_opslaan": {},
    "kwartaal_opslaan": {"totalen": {"cb-laagintensief": "10.00"}, "verzenden": False},
    "abonnement_maken": {"url": "https://dms.voorbeeld.be/binc/webhook"},
}


def voorbeelden(result, generator, request, public):
    for operaties in result.get("paths", {}).values():
        for operatie in operaties.values():
            voorbeeld = VOORBEELDEN.get(operatie.get("operationId", ""))
            inhoud = operatie.get("requestBody", {}).get("content", {}).get("application/json")
            if voorbeeld is not None and inhoud is not None:
                inhoud["examples"] = {"voorbeeld": {"value": voorbeeld}}
    return result
