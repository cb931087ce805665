from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from binc.concurrency import Conflict


def conflict_response(request: HttpRequest, conflict: Conflict) -> HttpResponse:
    """000 §11: the error page with the manual's message; nothing was saved."""
    return render(request, "dossiers/conflict.html", {"conflict": conflict}, status=409)


def crumbs(*trail: tuple[str, str]) -> list[tuple[str, str]]:
    return [("Overzicht Dossiers", reverse("dossiers:overzicht")), *trail]
