"""The breadcrumb trail of every page: it starts at the start page, 'Overzicht Dossiers'."""

from django.urls import reverse


def crumbs(*trail: tuple[str, str]) -> list[tuple[str, str]]:
    return [("Overzicht Dossiers", reverse("dossiers:overzicht")), *trail]
