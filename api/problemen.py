"""Errors as RFC 9457 problem details, in Dutch, with the fields that are wrong: DRF's own
errors, the services' ValidationError, a lost race (000 §11) and the manual's 404s."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from lib.concurrency import STALE_MESSAGE, Conflict
from lib.errors import PublicNotFound

PROBLEEM = "application/problem+json"
TYPE = "https://binc.opgroeien.be/api/v1/problemen/"


class Bevestigen(exceptions.APIException):
    """What the screen asks to confirm (a D227 is sent, a module combination): nothing is
    saved; the same request with `bevestigd: true` saves it."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "bevestigen"

    def __init__(self, waarschuwingen) -> None:
        super().__init__("Bevestig de waarschuwingen: herhaal het verzoek met bevestigd: true.")
        self.waarschuwingen = [
            {"code": getattr(w, "code", "waarschuwing"), "melding": str(w)} for w in waarschuwingen
        ]


class Ongeldig(exceptions.APIException):
    """A form of the screens refused the request: its messages, per field."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "ongeldig"

    def __init__(self, fouten: dict[str, list[str]]) -> None:
        super().__init__("De gegevens zijn niet geldig.")
        self.fouten = fouten


class VoorwaardeOntbreekt(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "if_match_ontbreekt"
    default_detail = (
        "Geef in If-Match de ETag van wat je wijzigt: zo overschrijf je nooit wat een ander "
        "intussen bewaarde."
    )


TITELS = {
    400: "Ongeldig verzoek",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegelaten",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    412: "Intussen gewijzigd",
    415: "Formaat niet ondersteund",
    422: "Verzoek past niet bij de sleutel",
    428: "If-Match ontbreekt",
    429: "Te veel verzoeken",
}


def _fouten(detail, veld: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        return [
            f for k, v in detail.items() for f in _fouten(v, k if k != NON_FIELD_ERRORS else "")
        ]
    if isinstance(detail, list):
        return [f for item in detail for f in _fouten(item, veld)]
    return [{"veld": veld, "melding": str(detail)}]


def probleem(status_code: int, detail: str, *, code: str, **extra) -> Response:
    inhoud = {
        "type": TYPE + code,
        "title": TITELS.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
        **extra,
    }
    return Response(inhoud, status=status_code, content_type=PROBLEEM)


def afhandelen(exc, context):
    """DRF's exception handler: every refusal a problem detail."""
    if isinstance(exc, DjangoValidationError):
        exc = Ongeldig(
            exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
        )
    if isinstance(exc, Ongeldig):
        return probleem(400, str(exc.detail), code="ongeldig", fouten=_fouten(exc.fouten))
    if isinstance(exc, Bevestigen):
        return probleem(409, str(exc.detail), code="bevestigen", waarschuwingen=exc.waarschuwingen)
    if isinstance(exc, Conflict):
        # Someone saved first (If-Match no longer holds), or what it is about went meanwhile.
        if exc.message == STALE_MESSAGE:
            return probleem(412, exc.message, code="intussen_gewijzigd")
        return probleem(409, exc.message, code="conflict")
    if isinstance(exc, Http404):
        detail = str(exc) if isinstance(exc, PublicNotFound) else "Niet gevonden."
        return probleem(404, detail, code="niet_gevonden")
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = getattr(exc, "default_code", "fout")
    if isinstance(exc, exceptions.ValidationError):
        antwoord = probleem(400, "De gegevens zijn niet geldig.", code="ongeldig")
        antwoord.data["fouten"] = _fouten(response.data)
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        antwoord = probleem(response.status_code, str(detail), code=str(code))
    for kop in ("WWW-Authenticate", "Retry-After", "Allow"):
        if kop in response:
            antwoord[kop] = response[kop]
    return antwoord
