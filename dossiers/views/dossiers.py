"""The start page, search, dossiers and their aanmelding, activities and transfer
(000 §2, §4, §6–§8)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from binc.access import MedewerkerRequest, inzage, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import InzageSoort
from binc.forms import add_service_errors
from dossiers import selectors
from dossiers.forms import (
    AanmeldingForm,
    AanmeldingWijzigenForm,
    DossierZoekForm,
    OverdragenForm,
)
from dossiers.selectors import LETTERS, Overzicht
from dossiers.services import dossiers as dossier_services
from dossiers.services.afsluiten import heropenen_mogelijk

SEARCH_KEY = "binc_dossier_zoekopdracht"


PAGE_SIZE = 50


@medewerker_required
@require_GET
def overzicht(request: MedewerkerRequest) -> HttpResponse:
    """'Overzicht Dossiers' (000 §2): the voorziening's open dossiers, alphabetical."""
    tab = request.GET.get("tab", "alle")
    letter = request.GET.get("letter", "").upper()
    sort = request.GET.get("sort", "naam").removeprefix("-")
    current = Overzicht(
        tab=tab if tab in selectors.TABS else "alle",
        letter=letter if letter in LETTERS else "",
        sort=sort if sort in selectors.SORTS else "naam",
        desc=request.GET.get("sort", "").startswith("-"),
    )
    queryset = selectors.dossier_overview(gebruiker=request.user, overzicht=current)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))
    used = selectors.letters_in_use(gebruiker=request.user, overzicht=current)
    return render(
        request,
        "dossiers/overzicht.html",
        {
            "page": page,
            "overzicht": current,
            "letters": [(letter, letter in used) for letter in LETTERS],
            "breadcrumbs": [("Overzicht Dossiers", "")],
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def dossier_zoeken(request: MedewerkerRequest) -> HttpResponse:
    """'Opzoeken dossier' (000 §2.1). The terms (a minor's name, birth date) are posted and
    kept in the session for 'Resultaten dossiers', never put in a URL."""
    if request.method == "POST":
        data = request.POST
    elif "terug" in request.GET and SEARCH_KEY in request.session:
        data = QueryDict(request.session[SEARCH_KEY])
    else:
        data = None
    form = DossierZoekForm(data)
    resultaten = None
    if form.is_valid():
        resultaten = selectors.dossier_search(**form.cleaned_data)[:200]
        request.session[SEARCH_KEY] = urlencode(
            {k: v for k, v in form.data.items() if k in form.fields}
        )
    return render(
        request,
        "dossiers/zoeken.html",
        {"form": form, "resultaten": resultaten, "breadcrumbs": crumbs(("Opzoeken dossier", ""))},
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def dossier_nieuw(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Maak nieuw dossier aan' (000 §4): the aanmelding of a new dossier."""
    client = selectors.client_get(pk=pk)
    form = AanmeldingForm(
        request.POST if request.method == "POST" else None, voorziening=request.voorziening
    )
    if form.is_valid():
        try:
            dossier = dossier_services.dossier_create(
                voorziening=request.voorziening,
                gebruiker=request.user,
                client=client,
                aanmelding=form.aanmelding_values,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Dossier {dossier.code} werd aangemaakt.")
            return redirect(dossier)
    return render(
        request,
        "dossiers/aanmelding_form.html",
        {
            "form": form,
            "client": client,
            "titel": "Aanmelding",
            "breadcrumbs": crumbs((str(client), client.get_absolute_url()), ("Nieuw dossier", "")),
        },
    )


@medewerker_required
@require_GET
def dossier_detail(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Raadplegen Dossier'."""
    dossier = selectors.dossier_get(pk=pk)
    inzage(
        request,
        InzageSoort.DOSSIER,
        object_id=dossier.pk,
        client_id=dossier.client_id,
        dossier_id=dossier.pk,
    )
    return render(
        request,
        "dossiers/dossier_detail.html",
        {
            "dossier": dossier,
            "aanmelding": dossier.aanmelding,
            "aanmelding_form": AanmeldingForm(
                instance=dossier.aanmelding, voorziening=dossier.voorziening
            ),
            "zoekopdracht": request.session.get(SEARCH_KEY),
            "zorg": selectors.dossier_zorg(dossier=dossier),
            "aanvraag": (aanvraag := selectors.heropenaanvraag_ingediend(dossier)),
            # A request already waiting: not a second one (000 §10).
            "heropenen_mogelijk": aanvraag is None and heropenen_mogelijk(dossier),
            "breadcrumbs": crumbs((dossier.code, "")),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def aanmelding_wijzigen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    aanmelding = dossier.aanmelding
    form = AanmeldingWijzigenForm(
        request.POST if request.method == "POST" else None,
        instance=aanmelding,
        initial={"versie": aanmelding.versie},
        voorziening=dossier.voorziening,
    )
    if request.method == "POST" and form.is_valid():
        try:
            dossier_services.aanmelding_update(
                dossier_pk=dossier.pk,
                versie=form.cleaned_data["versie"],
                data=form.aanmelding_values,
                gebruiker=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "De aanmelding werd gewijzigd.")
            return redirect(dossier)
    return render(
        request,
        "dossiers/aanmelding_form.html",
        {
            "form": form,
            "client": dossier.client,
            "dossier": dossier,
            "titel": "Aanmelding wijzigen",
            "breadcrumbs": crumbs(
                (dossier.code, dossier.get_absolute_url()), ("Aanmelding wijzigen", "")
            ),
        },
    )


@medewerker_required
@require_GET
def dossier_activiteiten(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Activiteiten dossier' (000 §7): every change, newest first."""
    dossier = selectors.dossier_get(pk=pk)
    activiteiten = selectors.dossier_activiteiten(dossier=dossier)
    return render(
        request,
        "dossiers/activiteiten.html",
        {
            "dossier": dossier,
            "activiteiten": activiteiten,
            "breadcrumbs": crumbs(
                (dossier.code, dossier.get_absolute_url()), ("Activiteiten dossier", "")
            ),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def dossier_verwijderen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """000 §8: delete after confirmation; definitive."""
    if request.method == "POST":
        try:
            code = dossier_services.dossier_delete(pk=pk, gebruiker=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("dossiers:dossier_detail", pk=pk)
        messages.success(request, f"Dossier {code} werd definitief verwijderd.")
        return redirect("dossiers:overzicht")
    dossier = selectors.dossier_get(pk=pk)
    return render(
        request,
        "dossiers/dossier_verwijderen.html",
        {
            "dossier": dossier,
            "breadcrumbs": crumbs((dossier.code, dossier.get_absolute_url()), ("Verwijderen", "")),
        },
    )


@medewerker_required
@require_GET
def overdragen(request: MedewerkerRequest) -> HttpResponse:
    """'Overdragen dossier naar mezelf' (000 §6): colleagues with open dossiers."""
    return render(
        request,
        "dossiers/overdragen.html",
        {
            "collegas": selectors.colleagues_with_open_dossiers(gebruiker=request.user),
            "breadcrumbs": crumbs(("Overdragen dossier naar mezelf", "")),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def overdragen_collega(request: MedewerkerRequest, pk: int) -> HttpResponse:
    collega = selectors.colleague_get(pk=pk)
    dossiers = selectors.dossier_overview(gebruiker=collega, overzicht=Overzicht(tab="mijn"))
    form = OverdragenForm(request.POST if request.method == "POST" else None, dossiers=dossiers)
    if form.is_valid():
        aantal = dossier_services.dossiers_transfer(
            gebruiker=request.user,
            van=collega,
            voorziening=request.voorziening,
            dossier_ids=[int(pk) for pk in form.cleaned_data["dossiers"]],
        )
        messages.success(request, f"{aantal} dossier(s) overgedragen naar 'Mijn dossiers'.")
        return redirect(f"{reverse('dossiers:overzicht')}?tab=mijn")
    return render(
        request,
        "dossiers/overdragen_collega.html",
        {
            "form": form,
            "collega": collega,
            "breadcrumbs": crumbs(
                ("Overdragen dossier naar mezelf", reverse("dossiers:overdragen")),
                (str(collega), ""),
            ),
        },
    )
