"""Errors as RFC 9457 problem details, in Dutch, with the fields that are wrong: DRF's own
errors, the services' ValidationError, a lost race (000 §11) and the manual's 404s."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from lib import problemen
from lib.concurrency import STALE_MESSAGE, Conflict
from lib.errors import PublicNotFound
from lib.problemen import veldcode


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

    def __init__(self, fouten: Mapping[str, Sequence[str | tuple[str, str]]]) -> None:
        super().__init__("De gegevens zijn niet geldig.")
        self.fouten = fouten


class VoorwaardeOntbreekt(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "if_match_ontbreekt"
    default_detail = (
        "Geef in If-Match de ETag van wat je wijzigt: zo overschrijf je nooit wat een ander "
        "intussen bewaarde."
    )


def _fouten(detail, veld: str = "") -> list[dict[str, str]]:
    """A DRF or form refusal, flattened: per field its message and its stable code."""
    if isinstance(detail, dict):
        return [
            f for k, v in detail.items() for f in _fouten(v, k if k != NON_FIELD_ERRORS else "")
        ]
    if isinstance(detail, list):
        return [f for item in detail for f in _fouten(item, veld)]
    if isinstance(detail, tuple):  # (message, code) from a form
        melding, code = detail
        return [{"veld": veld, "melding": str(melding), "code": veldcode(code)}]
    return [{"veld": veld, "melding": str(detail), "code": veldcode(getattr(detail, "code", None))}]


def probleem(request, code: str, detail: str, **extra) -> Response:
    inhoud = problemen.inhoud(request, code, detail, **extra)
    return Response(inhoud, status=inhoud["status"], content_type=problemen.MEDIATYPE)


def afhandelen(exc, context):
    """DRF's exception handler: every refusal a problem detail."""
    request = context["request"]
    if isinstance(exc, DjangoValidationError):
        exc = Ongeldig(
            exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
        )
    if isinstance(exc, Ongeldig):
        return probleem(request, "ongeldig", str(exc.detail), fouten=_fouten(exc.fouten))
    if isinstance(exc, Bevestigen):
        return probleem(request, "bevestigen", str(exc.detail), waarschuwingen=exc.waarschuwingen)
    if isinstance(exc, Conflict):
        # Someone saved first (If-Match no longer holds), or what it is about went meanwhile.
        if exc.message == STALE_MESSAGE:
            return probleem(request, "intussen_gewijzigd", exc.message)
        return probleem(request, "conflict", exc.message)
    if isinstance(exc, Http404):
        detail = str(exc) if isinstance(exc, PublicNotFound) else "Niet gevonden."
        return probleem(request, "niet_gevonden", detail)
    if isinstance(exc, RequestDataTooBig):
        return probleem(request, "te_groot", problemen.SOORTEN["te_groot"].uitleg)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        antwoord = probleem(
            request, "ongeldig", "De gegevens zijn niet geldig.", fouten=_fouten(response.data)
        )
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        code = getattr(exc, "default_code", "")
        antwoord = probleem(request, problemen.DRF_CODES.get(code, code), str(detail))
    for kop in ("WWW-Authenticate", "Retry-After", "Allow"):
        if kop in response:
            antwoord[kop] = response[kop]
    return antwoord
