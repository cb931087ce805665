"""Error pages in Dutch, in the site's own layout."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from lib.concurrency import Conflict


class PublicNotFound(Http404):
    """A 404 whose message the user may read (e.g. the manual's 'Het dossier bestaat niet
    meer'). It must never tell whether the object exists elsewhere."""


API = "/api/"


def probleem(status: int, titel: str, detail: str) -> JsonResponse:
    """The registration API's errors outside its views (no route, a crash), in its own form:
    RFC 9457 problem details, as api.problemen writes them inside."""
    return JsonResponse(
        {"type": "about:blank", "title": titel, "status": status, "detail": detail},
        status=status,
        content_type="application/problem+json",
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = str(exception) if isinstance(exception, PublicNotFound) else ""
    if request.path.startswith(API):
        return probleem(404, "Niet gevonden", message or "Niet gevonden.")
    return render(request, "errors/404.html", {"message": message}, status=404)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API):
        return probleem(500, "Fout in Binc", "Er liep iets mis in Binc; er werd niets bewaard.")
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
