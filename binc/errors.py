"""Error pages in Dutch, in the site's own layout."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader


class PublicNotFound(Http404):
    """A 404 whose message the user may read (e.g. the manual's 'Het dossier bestaat niet
    meer'). It must never tell whether the object exists elsewhere."""


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    message = str(exception) if isinstance(exception, PublicNotFound) else ""
    return render(request, "errors/404.html", {"message": message}, status=404)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may lie in a context processor.
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)
