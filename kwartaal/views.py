"""'Beheer modulair kwartaal' (000 §12) and 'Raadplegen capaciteit' (000 §15) for the
voorziening: thin views over the selectors and services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from binc.access import MedewerkerRequest, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import Organisatietype
from binc.forms import add_service_errors
from kwartaal import selectors
from kwartaal.export import kwartaal_export_response
from kwartaal.forms import DetailForm, TotalenForm
from kwartaal.services import invullen

LIJST = ("Beheer modulair kwartaal", "kwartaal:lijst")


def _trail(*items: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs((LIJST[0], reverse(LIJST[1])), *items)


@medewerker_required
@require_GET
def lijst(request: MedewerkerRequest) -> HttpResponse:
    return render(
        request,
        "kwartaal/lijst.html",
        {
            "staten": selectors.kwartalen_met_staat(timezone.localdate()),
            "breadcrumbs": crumbs((LIJST[0], "")),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def staat(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """The typemodules of one quarter with their totals; [Opslaan] and [Verzenden]."""
    kwartaalstaat = selectors.kwartaalstaat_get(pk=pk)
    rijen = selectors.overzicht(kwartaalstaat)
    form = TotalenForm(
        request.POST if request.method == "POST" else None,
        rijen=rijen,
        ckg=kwartaalstaat.voorziening.organisatietype == Organisatietype.CKG,
        initial={"versie": kwartaalstaat.versie},
    )
    if request.method == "POST" and form.is_valid():
        try:
            verzenden = request.POST.get("actie") == "verzenden"
            invullen.totalen_opslaan(
                staat_pk=kwartaalstaat.pk,
                versie=form.cleaned_data["versie"],
                totalen=form.totalen(),
                gebruiker=request.user,
                verzenden=verzenden,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if verzenden:
                messages.success(request, f"{kwartaalstaat} werd verzonden naar Opgroeien.")
                return redirect("kwartaal:lijst")
            messages.success(request, f"{kwartaalstaat} werd opgeslagen.")
            return redirect("kwartaal:staat", pk=kwartaalstaat.pk)
    return render(
        request,
        "kwartaal/staat.html",
        {
            "staat": kwartaalstaat,
            "rijen": rijen,
            "form": form,
            "breadcrumbs": _trail((str(kwartaalstaat), "")),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def typemodule(request: MedewerkerRequest, pk: int, inzet_pk: int) -> HttpResponse:
    """'Wijzigen Overzicht typemodule inzet': the figures per client, [Bereken totaal]."""
    kwartaalstaat = selectors.kwartaalstaat_get(pk=pk)
    inzet = selectors.inzet_get(kwartaalstaat, pk=inzet_pk)
    form = DetailForm(
        request.POST if request.method == "POST" else None,
        inzet=inzet,
        initial={"versie": kwartaalstaat.versie},
    )
    waarschuwingen: tuple[str, ...] = ()
    if request.method == "POST" and form.is_valid():
        try:
            result = invullen.detail_opslaan(
                staat_pk=kwartaalstaat.pk,
                versie=form.cleaned_data["versie"],
                inzet_pk=inzet.pk,
                bereken_totaal=request.POST.get("actie") == "bereken",
                bevestigd=form.cleaned_data["bevestigd"],
                gebruiker=request.user,
                **form.waarden(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not result.te_bevestigen and request.POST.get("actie") == "bereken":
                # 'Bereken totaal' stays on the page with the new total, as its help says.
                messages.success(request, f"Het totaal van {inzet.typemodule} werd berekend.")
                return redirect("kwartaal:typemodule", pk=kwartaalstaat.pk, inzet_pk=inzet.pk)
            if not result.te_bevestigen:
                messages.success(request, f"{inzet.typemodule} werd opgeslagen.")
                return redirect("kwartaal:staat", pk=kwartaalstaat.pk)
            waarschuwingen = result.waarschuwingen
            bevestigen = request.POST.copy()
            bevestigen["bevestigd"] = "on"
            form.data = bevestigen
    return render(
        request,
        "kwartaal/typemodule.html",
        {
            "staat": kwartaalstaat,
            "inzet": inzet,
            "form": form,
            "waarschuwingen": waarschuwingen,
            "breadcrumbs": _trail(
                (str(kwartaalstaat), reverse("kwartaal:staat", args=[kwartaalstaat.pk])),
                (str(inzet.typemodule), ""),
            ),
        },
    )


@medewerker_required
@require_GET
def export(request: MedewerkerRequest, pk: int) -> FileResponse:
    return kwartaal_export_response(selectors.kwartaalstaat_get(pk=pk), gebruiker=request.user)


@medewerker_required
@require_GET
def capaciteit(request: MedewerkerRequest) -> HttpResponse:
    """'Raadplegen capaciteit' (000 §15): read-only, as Opgroeien maintains it."""
    rijen = selectors.capaciteit_op(timezone.localdate())
    return render(
        request,
        "kwartaal/capaciteit.html",
        {
            "rijen": rijen,
            "verblijf": selectors.verblijfscapaciteit(rijen),
            "breadcrumbs": crumbs(("Raadplegen capaciteit", "")),
        },
    )


@medewerker_required
@require_GET
def capaciteit_historiek(request: MedewerkerRequest, typemodule_pk: int) -> HttpResponse:
    historiek = list(selectors.capaciteit_historiek(typemodule_id=typemodule_pk))
    if not historiek:
        raise Http404("Geen capaciteit voor deze typemodule.")
    return render(
        request,
        "kwartaal/capaciteit_historiek.html",
        {
            "historiek": historiek,
            "typemodule": historiek[0].typemodule,
            "breadcrumbs": crumbs(
                ("Raadplegen capaciteit", reverse("kwartaal:capaciteit")),
                (str(historiek[0].typemodule), ""),
            ),
        },
    )
