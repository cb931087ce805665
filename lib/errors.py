"""Error pages in Dutch, in the site's own layout."""

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from lib import problemen
from lib.concurrency import Conflict


class PublicNotFound(Http404):
    """A 404 whose message the user may read (e.g. the manual's 'Het dossier bestaat niet
    meer'). It must never tell whether the object exists elsewhere."""


API = "/api/"


def probleem(request: HttpRequest, code: str, detail: str) -> JsonResponse:
    """The registration API's errors outside its views (no route, a crash), in its own form:
    RFC 9457 problem details, as api.problemen writes them inside."""
    inhoud = problemen.inhoud(request, code, detail)
    return JsonResponse(inhoud, status=inhoud["status"], content_type=problemen.MEDIATYPE)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's refusal of a request it cannot take (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a
    suspicious header): the API's problem detail, or the Dutch page."""
    te_groot = isinstance(exception, RequestDataTooBig)
    if request.path.startswith(API):
        if te_groot:
            return probleem(request, "te_groot", problemen.SOORTEN["te_groot"].uitleg)
        return probleem(request, "onleesbaar", "Binc kan dit verzoek niet lezen.")
    return render(
        request, "errors/400.html", {"te_groot": te_groot}, status=413 if te_groot else 400
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = str(exception) if isinstance(exception, PublicNotFound) else ""
    if request.path.startswith(API):
        return probleem(request, "niet_gevonden", message or "Niet gevonden.")
    return render(request, "errors/404.html", {"message": message}, status=404)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API):
        return probleem(request, "fout_in_binc", "Er liep iets mis in Binc; er werd niets bewaard.")
    # No request context: the failure may lie in a context processor.
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


class ConflictMiddleware:
    """A save that lost against an earlier one (000 §11) answers with the manual's error page
    and message; nothing was saved. Views that keep the user on the form with a message
    catch `Conflict` themselves."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Conflict):
            return conflict_response(request, exception)
        return None


def conflict_response(request: HttpRequest, conflict: Conflict) -> HttpResponse:
    return render(request, "errors/conflict.html", {"conflict": conflict}, status=409)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF refusal, in Dutch and in the site's layout (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "errors/403_csrf.html", status=403)
