"""'Wie zag dit dossier?' for a family's request (GDPR art. 15): Opgroeien for every
voorziening, a voorziening's privacy contact for its own dossiers. The national number is posted,
never put in a URL; the answer can be exported."""

import csv
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from binc.access import (
    IngelogdRequest,
    MedewerkerRequest,
    is_privacycontact,
    medewerker_required,
    opgroeien_required,
)
from binc.admin import opgroeien_site
from binc.breadcrumbs import crumbs
from binc.tenancy import all_voorzieningen
from dossiers.forms.common import rijksregisternummer_clean
from dossiers.selectors.inzage import client_op_nummer, inzages, opzoekingen
from lib.xlsx import csv_tekst

if TYPE_CHECKING:
    from binc.models import Voorziening

ONBEKEND = "Geen cliënt met dit rijksregisternummer gekend."


class InzageForm(forms.Form):
    rijksregisternummer = forms.CharField(
        label="Rijksregisternummer of BIS-nummer van de cliënt",
        max_length=20,
        error_messages={"required": "Vul het rijksregisternummer van de cliënt in."},
    )

    def clean_rijksregisternummer(self) -> str:
        return rijksregisternummer_clean(self.cleaned_data["rijksregisternummer"])


def _antwoord(request: HttpRequest, voorziening: "Voorziening | None") -> dict | HttpResponse:
    form = InzageForm(request.POST if request.method == "POST" else None)
    context: dict = {"form": form}
    if not form.is_valid():
        return context
    client = client_op_nummer(
        rijksregisternummer=form.cleaned_data["rijksregisternummer"], voorziening=voorziening
    )
    if client is None:
        form.add_error("rijksregisternummer", ONBEKEND)
        return context
    rijen = list(inzages(client=client, voorziening=voorziening))
    zoekingen = list(opzoekingen(client=client, voorziening=voorziening))
    if "exporteren" in request.POST:
        return _csv(client, rijen, zoekingen)
    return {**context, "client": client, "inzages": rijen, "opzoekingen": zoekingen}


class _Veilig:
    """A CSV writer whose every value is text in the reader's spreadsheet (lib.xlsx)."""

    def __init__(self, schrijver) -> None:
        self.schrijver = schrijver

    def writerow(self, rij) -> None:
        self.schrijver.writerow([csv_tekst(w) for w in rij])


def _csv(client, rijen, zoekingen) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    naam = f"inzage-{client.pk}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response.write("\ufeff")  # Excel reads the accents as UTF-8
    schrijver = _Veilig(csv.writer(response, delimiter=";"))
    schrijver.writerow(["Tijdstip (UTC)", "Wat", "Wie", "Voorziening", "Object"])
    for r in rijen:
        schrijver.writerow(
            [
                r.tijdstip.isoformat(),
                r.get_soort_display(),
                _wie(r.gebruiker),
                r.voorziening or "",
                r.object_id,
            ]
        )
    for z in zoekingen:
        schrijver.writerow(
            [
                z.tijdstip.isoformat(),
                f"Opzoeking rijksregister ({z.get_zoekwijze_display()})",
                _wie(z.gebruiker),
                z.voorziening,
                "",
            ]
        )
    return response


def _wie(gebruiker) -> str:
    # Text cells only: a name starting with = must not become a formula in Excel.
    tekst = gebruiker.get_full_name() or gebruiker.username
    return f"'{tekst}" if tekst[:1] in "=+-@" else tekst


@opgroeien_required
@require_http_methods(["GET", "POST"])
def opgroeien(request: IngelogdRequest) -> HttpResponse:
    if not request.user.has_perm("binc.view_inzage"):
        raise PermissionDenied
    with all_voorzieningen():
        antwoord = _antwoord(request, voorziening=None)
    if isinstance(antwoord, HttpResponse):
        return antwoord
    return TemplateResponse(
        request,
        "dossiers/inzage_opgroeien.html",
        {**opgroeien_site.each_context(request), **antwoord, "title": "Wie zag een dossier?"},
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def privacy(request: MedewerkerRequest) -> HttpResponse:
    if not is_privacycontact(request):
        raise PermissionDenied
    antwoord = _antwoord(request, voorziening=request.voorziening)
    if isinstance(antwoord, HttpResponse):
        return antwoord
    antwoord["breadcrumbs"] = crumbs(("Wie zag een dossier?", ""))
    return render(request, "dossiers/inzage.html", antwoord)
