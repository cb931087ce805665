"""Sessions as ASVS V7 asks: an idle limit (30 minutes by default) and an absolute lifetime
(8 hours), both checked on the server on every request; the browser is warned before the idle
limit (static/js/binc.js) and keeps what was typed."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import resolve_url
from django.views.decorators.http import require_POST

BEGIN = "binc_sessie_begin"
LAATST = "binc_sessie_laatst"
VERLOPEN = "Je sessie is verlopen omdat je een tijd niets deed. Meld je opnieuw aan."
TE_LANG = "Je sessie is verlopen na 8 uur. Meld je opnieuw aan."
# The last activity is written at most this often: not a session write per request.
SCHRIJF_INTERVAL = 60


def _verlopen(request: HttpRequest, nu: float) -> str:
    begin = request.session.get(BEGIN)
    laatst = request.session.get(LAATST)
    if begin is None or laatst is None:
        return ""
    if nu - begin > settings.SESSION_ABSOLUTE_SECONDS:
        return TE_LANG
    if nu - laatst > settings.SESSION_IDLE_SECONDS:
        return VERLOPEN
    return ""


def _is_activiteit(request: HttpRequest) -> bool:
    """What a person does counts; a page polling by itself (HTMX GET) does not."""
    return not (request.method == "GET" and request.headers.get("HX-Request"))


class SessieMiddleware:
    """After AuthenticationMiddleware: ends a session past either limit, before any view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = time.time()
            if reden := _verlopen(request, nu):
                logout(request)
                messages.warning(request, reden)
                if request.headers.get("HX-Request"):
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
                    return response
                return redirect_to_login(request.get_full_path())
            request.session.setdefault(BEGIN, nu)
            laatst = request.session.get(LAATST, 0)
            if _is_activiteit(request) and nu - laatst >= SCHRIJF_INTERVAL:
                request.session[LAATST] = nu
        return self.get_response(request)


def sessie_starten(request: HttpRequest) -> None:
    """At login (binc.beveiligingslog): both clocks start now."""
    nu = time.time()
    request.session[BEGIN] = nu
    request.session[LAATST] = nu


@require_POST
def verlengen(request: HttpRequest) -> HttpResponse:
    """'Aangemeld blijven' in the warning: counts as activity (the middleware wrote it)."""
    if not request.user.is_authenticated:
        return JsonResponse({"aangemeld": False}, status=401)
    request.session[LAATST] = time.time()
    return JsonResponse({"aangemeld": True})
