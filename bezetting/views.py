"""'Bereken bezettingsgraad' (000 §14.1, §14.3): the engine over the voorziening's own data."""

import datetime
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bezetting import grafiek
from bezetting.engine.bezetting import bezetting_ob, kwartaal_grenzen
from bezetting.engine.inzet import inzet_modules, open_plaatsen
from bezetting.export import benutting_export, bezetting_export
from bezetting.forms import BezettingForm, InzetForm, KwartaalForm, voorkeuzes
from bezetting.selectors import (
    benutting_van,
    bezetting_van,
    gegevens_voor,
    module_keuzes,
    typemodule_keuzes,
)
from bezetting.selectors.uitsplitsing import GEWOGEN, bezetting_per_maand
from bezetting.templatetags.bezetting_tags import procent
from bezetting.weergave import bezetting_rijen, dekking, formules
from binc.access import MedewerkerRequest, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import Organisatietype


def _zoekvraag(request: HttpRequest, **anders: str) -> str:
    """The page's query without its export flag, for the links to a figure's breakdown."""
    vraag = request.GET.copy()
    vraag.pop("export", None)
    for sleutel, waarde in anders.items():
        vraag[sleutel] = waarde
    return vraag.urlencode()


@medewerker_required
@require_GET
def bezettingsgraad(request: MedewerkerRequest) -> HttpResponse:
    voorziening = request.voorziening
    keuzes = typemodule_keuzes(voorziening)
    form = BezettingForm(request.GET or None, keuzes=keuzes)
    context = {}
    if form.is_valid():
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        codes = form.cleaned_data["typemodules"]
        gegevens, resultaat = bezetting_van(voorziening, van, tot, codes)
        rijen = bezetting_rijen(resultaat, dict(keuzes), gegevens)
        periode = f"{van:%d/%m/%Y} tot en met {tot:%d/%m/%Y}"
        if request.GET.get("export"):
            return bezetting_export(
                voorziening=voorziening,
                gebruiker=request.user,
                periode=periode,
                rijen=rijen,
                gewogen=resultaat.gewogen,
            )
        context = {
            "resultaat": resultaat,
            "rijen": rijen,
            "periode": periode,
            "formules": formules(gegevens, codes),
            "query": _zoekvraag(request),
            "opbouw_url": reverse("bezetting:bezetting_opbouw"),
            "gewogen_rij": GEWOGEN,
            "gewogen_dekking": dekking(resultaat, dict(keuzes)),
            "staaf": staafdiagram(rijen),
            "trend_laden": van.replace(day=1) != tot.replace(day=1),
            # 000 §14.4: a CKG's points count from 1 January; one click to that period.
            "correctie": _zoekvraag(request, van=f"{van.year}-01-01")
            if voorziening.organisatietype == Organisatietype.CKG
            and van != datetime.date(van.year, 1, 1)
            else "",
        }
    return render(
        request,
        "bezetting/bezettingsgraad.html",
        {
            **context,
            "form": form,
            "voorkeuzes": _voorkeuzes(per_kwartaal=False),
            "breadcrumbs": crumbs(("Bereken bezettingsgraad", "")),
        },
    )


def staafdiagram(rijen) -> grafiek.Staafdiagram | None:
    """The bar per typemodule against 100 %, from the rows the page already holds."""
    return grafiek.staafdiagram(
        "Bezettingsgraad per typemodule",
        [(r.naam, r.ratio.graad) for r in rijen if r.ratio.graad is not None and not r.in_punten],
    )


@medewerker_required
@require_GET
def bezetting_trend(request: MedewerkerRequest) -> HttpResponse:
    """The weighted average per month of the page's period beside the table of its figures:
    loaded after the page (htmx), or as a page of its own without JavaScript."""
    voorziening = request.voorziening
    form = BezettingForm(request.GET, keuzes=typemodule_keuzes(voorziening))
    if not form.is_valid():
        raise Http404
    van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    per_maand = bezetting_per_maand(voorziening, van, tot, form.cleaned_data["typemodules"])
    ckg = " (telkens vanaf 1 januari)" if voorziening.organisatietype == Organisatietype.CKG else ""
    context = {
        "trend": grafiek.lijndiagram(
            f"Gewogen gemiddelde per maand{ckg}",
            "%",
            [(maand, float(graad * 100), 100.0) for maand, graad in per_maand],
        ),
        "trend_rijen": [(maand, procent(graad)) for maand, graad in per_maand],
        "periode": f"{van:%d/%m/%Y} tot en met {tot:%d/%m/%Y}",
        "query": _zoekvraag(request),
        "breadcrumbs": crumbs(
            ("Bereken bezettingsgraad", reverse("bezetting:bezettingsgraad")),
            ("Gewogen gemiddelde per maand", ""),
        ),
    }
    if request.htmx:
        return render(request, "bezetting/_trend.html", context)
    return render(request, "bezetting/trend.html", context)


def _voorkeuzes(*, per_kwartaal: bool) -> list[tuple[str, str]]:
    return [
        (naam, urlencode(waarden))
        for naam, waarden in voorkeuzes(timezone.localdate(), per_kwartaal=per_kwartaal)
    ]


def _kwartaal_scherm(request: MedewerkerRequest, *, titel: str, ob: bool) -> HttpResponse:
    voorziening = request.voorziening
    keuzes = typemodule_keuzes(voorziening, ob=True if ob else None)
    form = KwartaalForm(request.GET or None, keuzes=keuzes, jaar=timezone.localdate().year)
    context: dict = {}
    if form.is_valid():
        kwartalen = form.kwartalen()
        codes = form.cleaned_data["typemodules"]
        periode = f"{form.cleaned_data['van']} tot en met {form.cleaned_data['tot']}"
        if ob:
            van = kwartaal_grenzen(*kwartalen[0])[0]
            tot = kwartaal_grenzen(*kwartalen[-1])[1]
            gegevens = gegevens_voor(voorziening, van, tot)
            resultaat = bezetting_ob(gegevens, kwartalen[0], kwartalen[-1], codes)
            rijen = bezetting_rijen(resultaat, dict(keuzes), gegevens)
            if request.GET.get("export"):
                return bezetting_export(
                    voorziening=voorziening,
                    gebruiker=request.user,
                    periode=periode,
                    rijen=rijen,
                    gewogen=resultaat.gewogen,
                    titel=titel,
                )
            context = {
                "resultaat": resultaat,
                "rijen": rijen,
                "periode": periode,
                "formules": {"ob"},
                "query": _zoekvraag(request),
                "opbouw_url": reverse("bezetting:benutting_opbouw"),
                "gewogen_rij": "functie:ondersteunende_begeleiding",
            }
        else:
            groepen = benutting_van(voorziening, kwartalen, codes, dict(keuzes))
            if request.GET.get("export"):
                return benutting_export(
                    voorziening=voorziening,
                    gebruiker=request.user,
                    periode=periode,
                    benutting=groepen,
                )
            context = {
                "benutting": groepen,
                "query": _zoekvraag(request),
                "opbouw_url": reverse("bezetting:benutting_opbouw"),
            }
    return render(
        request,
        "bezetting/kwartalen.html",
        {
            **context,
            "form": form,
            "titel": titel,
            "ob": ob,
            "voorkeuzes": _voorkeuzes(per_kwartaal=True),
            "breadcrumbs": crumbs((f"Bereken {titel[0].lower()}{titel[1:]}", "")),
        },
    )


@medewerker_required
@require_GET
def benuttingsgraad(request: MedewerkerRequest) -> HttpResponse:
    """'Bereken benuttingsgraad' (000 §13): one or more quarters."""
    return _kwartaal_scherm(request, titel="Benuttingsgraad", ob=False)


@medewerker_required
@require_GET
def bezetting_ob_scherm(request: MedewerkerRequest) -> HttpResponse:
    """Bezetting of ondersteunende begeleiding, per quarter (000 §14.1)."""
    return _kwartaal_scherm(request, titel="Bezettingsgraad ondersteunende begeleiding", ob=True)


@medewerker_required
@require_GET
def inzet(request: MedewerkerRequest) -> HttpResponse:
    """'Inzet modules' (000 §16): per module the schakelingen active and started in the period;
    with several modules those holding all of them; for one day the open places."""
    voorziening = request.voorziening
    keuzes = module_keuzes(voorziening)
    form = InzetForm(request.GET or None, keuzes=keuzes)
    resultaat = vrij = None
    if form.is_valid():
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        gegevens = gegevens_voor(voorziening, van, tot)
        resultaat = inzet_modules(gegevens, van, tot, form.cleaned_data["modules"])
        if van == tot:
            vrij = {
                gegevens.typemodules[code].naam: aantal
                for code, aantal in open_plaatsen(gegevens, van).items()
            }
    return render(
        request,
        "bezetting/inzet.html",
        {
            "form": form,
            "resultaat": resultaat,
            "vrij": vrij,
            "namen": dict(keuzes),
            "voorkeuzes": _voorkeuzes(per_kwartaal=False),
            "voorkeuze_naam": "Alle modules over",
            "breadcrumbs": crumbs(("Inzet modules", "")),
        },
    )
