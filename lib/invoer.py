"""Input no screen can use, refused before any view: NUL characters (PostgreSQL cannot store
them, so a query with one fails) answer 400 with a Dutch page instead of a server error."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from lib.errors import probleem

NUL_TEKEN = "Het verzoek bevat een NUL-teken; dat kan Binc niet bewaren."
TOKENPAD = "/api/v1/token"


def _bevat_nul(waarden) -> bool:
    return any("\x00" in sleutel or any("\x00" in w for w in lijst) for sleutel, lijst in waarden)


def oauth_fout(fout: str, uitleg: str) -> JsonResponse:
    """A refusal at the token endpoint, in OAuth 2's own form (RFC 6749 §5.2)."""
    return JsonResponse(
        {"error": fout, "error_description": uitleg},
        status=400,
        headers={"Cache-Control": "no-store"},
    )


class OngeldigeInvoerMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _bevat_nul(request.GET.lists()) or (
            request.method == "POST" and _bevat_nul(request.POST.lists())
        ):
            if request.path.startswith(TOKENPAD):
                # The token endpoint speaks OAuth 2 (RFC 6749 §5.2), also here.
                return oauth_fout("invalid_request", NUL_TEKEN)
            if request.path.startswith("/api/"):
                # The API speaks problem details (RFC 9457), also here.
                return probleem(request, "onleesbaar", NUL_TEKEN)
            return render(request, "errors/400.html", status=400)
        return self.get_response(request)


def geldige_datumfilters(parameters) -> bool:
    """The admin's date drill-down (`…__year`, `__month`, `__day`) within the calendar: Django
    computes the next year, month or day, so 9999-12 would step past the last date."""
    grenzen = {"__year": (1, 9998), "__month": (1, 12), "__day": (1, 31)}
    for sleutel, waarde in parameters.items():
        for staart, (laag, hoog) in grenzen.items():
            if sleutel.endswith(staart) and not (
                waarde.isascii() and waarde.isdigit() and laag <= int(waarde) <= hoog
            ):
                return False
    return True
