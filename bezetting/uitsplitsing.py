"""Every figure opens to what it is made of: the breakdown pages of 'Bereken
bezettingsgraad', 'Bereken benuttingsgraad' and Opgroeien's overview, and their exports. The
lines add up to the figure on the page exactly (bezetting.engine.uitsplitsing)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN
from bezetting.export import opbouw_export
from bezetting.forms import BezettingForm, KwartaalForm, PeriodeForm
from bezetting.opgroeien import overzicht_codes
from bezetting.selectors import gegevens_overzicht, typemodule_keuzes
from bezetting.selectors.uitsplitsing import GEWOGEN, benutting_opbouw, bezetting_opbouw
from bezetting.weergave import Opbouw, rijnamen
from binc.access import IngelogdRequest, MedewerkerRequest, medewerker_required, opgroeien_required
from binc.admin import opgroeien_site
from binc.breadcrumbs import crumbs
from binc.constants import Organisatietype
from binc.selectors import voorziening_met_capaciteit_get
from binc.tenancy import all_voorzieningen


def _titel(rij: str, namen: dict[str, str]) -> str:
    if rij == GEWOGEN:
        return "Gewogen gemiddelde"
    if rij.startswith("functie:"):
        return f"Totaal {namen.get(rij, rij.removeprefix('functie:'))}"
    return rijnamen(namen).get(rij, rij)


def _tonen(request, opbouw: Opbouw, *, context: dict, template: str = "bezetting/opbouw.html"):
    if request.GET.get("export"):
        return opbouw_export(
            voorziening=context["voorziening"],
            gebruiker=request.user,
            titel=context["titel"],
            periode=context["periode"],
            opbouw=opbouw,
            met_naam=context["met_naam"],
        )
    terug = request.GET.copy()
    terug.pop("rij", None)
    terug.pop("export", None)
    return render(request, template, {**context, "opbouw": opbouw, "terug": terug.urlencode()})


def _eigen(voorziening, titel: str, periode: str, scherm: str) -> dict:
    """The context of a breakdown on the voorziening's own screens ('bezetting' or
    'benutting'): with client names, back to the page it came from."""
    pagina = reverse(f"bezetting:{scherm}sgraad")
    return {
        "voorziening": voorziening,
        "titel": titel,
        "periode": periode,
        "met_naam": True,
        "pagina": pagina,
        "basis": reverse(f"bezetting:{scherm}_opbouw"),
        "breadcrumbs": crumbs((f"Bereken {scherm}sgraad", pagina), (titel, "")),
    }


@medewerker_required
@require_GET
def bezetting_opbouw_scherm(request: MedewerkerRequest) -> HttpResponse:
    """One row of 'Bereken bezettingsgraad', or its weighted average, as its lines."""
    voorziening = request.voorziening
    keuzes = typemodule_keuzes(voorziening)
    form = BezettingForm(request.GET, keuzes=keuzes)
    rij = request.GET.get("rij", "")
    if not form.is_valid():
        raise Http404
    van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    codes = form.cleaned_data["typemodules"]
    if rij == BEGELEIDINGSPUNTEN and voorziening.organisatietype != Organisatietype.CKG:
        raise Http404
    if rij not in {*codes, GEWOGEN, BEGELEIDINGSPUNTEN}:
        raise Http404
    namen = dict(keuzes)
    try:
        opbouw = bezetting_opbouw(voorziening, van, tot, codes, rij, namen, met_naam=True)
    except KeyError as fout:
        raise Http404 from fout
    periode = f"{van:%d/%m/%Y} tot en met {tot:%d/%m/%Y}"
    return _tonen(
        request, opbouw, context=_eigen(voorziening, _titel(rij, namen), periode, "bezetting")
    )


@medewerker_required
@require_GET
def benutting_opbouw_scherm(request: MedewerkerRequest) -> HttpResponse:
    """A benutting row or function group (and the OB bezetting, whose rate it is) as lines."""
    voorziening = request.voorziening
    keuzes = typemodule_keuzes(voorziening, ob=None)
    form = KwartaalForm(request.GET, keuzes=keuzes, jaar=timezone.localdate().year)
    rij = request.GET.get("rij", "")
    if not form.is_valid():
        raise Http404
    namen = dict(keuzes)
    try:
        opbouw = benutting_opbouw(
            voorziening, form.kwartalen(), form.cleaned_data["typemodules"], rij, namen
        )
    except KeyError as fout:
        raise Http404 from fout
    periode = f"{form.cleaned_data['van']} tot en met {form.cleaned_data['tot']}"
    return _tonen(
        request, opbouw, context=_eigen(voorziening, _titel(rij, namen), periode, "benutting")
    )


@opgroeien_required
@require_GET
def opgroeien_opbouw(request: IngelogdRequest, pk: int) -> HttpResponse:
    """Opgroeien's overview: one voorziening's weighted average and its rows as lines, with
    dossier codes only (docs/decisions.md)."""
    if not request.user.has_perm("kwartaal.view_capaciteit"):
        raise PermissionDenied
    form = PeriodeForm(request.GET)
    rij = request.GET.get("rij", GEWOGEN)
    if not form.is_valid():
        raise Http404
    van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    with all_voorzieningen():
        voorziening = voorziening_met_capaciteit_get(pk)
        gegevens = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
        codes = overzicht_codes(gegevens)
        namen = {c: t.naam for c, t in gegevens.typemodules.items()}
        if rij not in {*codes, GEWOGEN, BEGELEIDINGSPUNTEN}:
            raise Http404
        try:
            opbouw = bezetting_opbouw(voorziening, van, tot, codes, rij, namen, met_naam=False)
        except KeyError as fout:
            raise Http404 from fout
    titel = f"{_titel(rij, namen)} - {voorziening.naam}"
    return _tonen(
        request,
        opbouw,
        template="bezetting/opgroeien_opbouw.html",
        context={
            **opgroeien_site.each_context(request),
            "voorziening": voorziening,
            "titel": titel,
            "title": titel,
            "periode": f"{van:%d/%m/%Y} tot en met {tot:%d/%m/%Y}",
            "met_naam": False,
            "pagina": reverse("bezetting_opgroeien:overzicht"),
            "basis": reverse("bezetting_opgroeien:opbouw", args=[voorziening.pk]),
        },
    )
