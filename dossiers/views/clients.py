"""Identifying clients in the national register, the client page and its context (000 §3)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binc.access import MedewerkerRequest, inzage, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import InzageSoort
from binc.rijksregister import Persoon, RijksregisterUnavailable
from dossiers import selectors
from dossiers.constants import ONGEBOREN_TYPES
from dossiers.forms import (
    ClientExtraForm,
    ClientWijzigenForm,
    ContextPersoonForm,
    KoppelenForm,
    OngeborenForm,
    RijksregisterZoekForm,
)
from dossiers.services import clients as client_services

REGISTER_ONBEREIKBAAR = "Het rijksregister kon niet bevraagd worden. Probeer het later opnieuw."


RESULTS_KEY = "binc_rijksregister_resultaten"
NIEUW_KEY = "binc_nieuwe_client"


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_zoeken(request: MedewerkerRequest) -> HttpResponse:
    """'Toevoegen nieuwe cliënt/dossier' (000 §3.1): look a person up in the register."""
    form = RijksregisterZoekForm(
        request.POST if request.method == "POST" else None, voorziening=request.voorziening
    )
    resultaat = None
    if form.is_valid():
        try:
            resultaat = client_services.rijksregister_zoeken(
                gebruiker=request.user, voorziening=request.voorziening, **form.cleaned_data
            )
        except RijksregisterUnavailable:
            form.add_error(None, REGISTER_ONBEREIKBAAR)
        else:
            request.session[RESULTS_KEY] = [p.as_session() for p in resultaat.personen]
    return render(
        request,
        "dossiers/client_zoeken.html",
        {
            "form": form,
            "resultaat": resultaat,
            "ongeboren_mogelijk": request.voorziening.organisatietype in ONGEBOREN_TYPES,
            "testpersonen": client_services.rijksregister_testpersonen(),
            "breadcrumbs": crumbs(("Toevoegen nieuwe cliënt/dossier", "")),
        },
    )


def _found_person(request: HttpRequest, nummer: str) -> Persoon | None:
    """A person from this session's last register search; nothing else is trusted."""
    for data in request.session.get(RESULTS_KEY, []):
        if data["rijksregisternummer"] == nummer:
            return Persoon.from_session(data)
    return None


@medewerker_required
@require_POST
def client_toevoegen(request: MedewerkerRequest) -> HttpResponse:
    nummer = request.POST.get("nummer", "")
    if _found_person(request, nummer) is None:
        messages.error(request, "Zoek de cliënt eerst op in het rijksregister.")
        return redirect("dossiers:client_zoeken")
    client = client_services.client_known_get(
        rijksregisternummer=nummer, voorziening=request.voorziening
    )
    if client is not None:
        messages.info(
            request, "Deze cliënt is al gekend in DoMinO: zijn identificatie wordt overgenomen."
        )
        return redirect(client)
    # The number stays on the server: never in a URL, an access log, the history or a Referer.
    request.session[NIEUW_KEY] = nummer
    return redirect("dossiers:client_nieuw")


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_nieuw(request: MedewerkerRequest) -> HttpResponse:
    """000 §3.3.1: complete the register's identification with Binc's mandatory fields."""
    nummer = request.session.get(NIEUW_KEY, "")
    persoon = _found_person(request, nummer)
    if persoon is None:
        messages.error(request, "Zoek de cliënt eerst op in het rijksregister.")
        return redirect("dossiers:client_zoeken")
    form = ClientExtraForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        client = client_services.client_create(
            voorziening=request.voorziening,
            gebruiker=request.user,
            persoon=persoon,
            **form.cleaned_data,
        )
        request.session.pop(RESULTS_KEY, None)
        request.session.pop(NIEUW_KEY, None)
        messages.success(request, "De cliënt werd toegevoegd.")
        return redirect(client)
    return render(
        request,
        "dossiers/client_form.html",
        {
            "form": form,
            "persoon": persoon,
            "titel": "Cliëntgegevens",
            "breadcrumbs": crumbs(
                ("Toevoegen nieuwe cliënt/dossier", reverse("dossiers:client_zoeken")),
                ("Cliëntgegevens", ""),
            ),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_ongeboren(request: MedewerkerRequest) -> HttpResponse:
    """000 §3.2: 'Toevoegen ongeboren kind' for CIG, CKG and 1G1P."""
    if request.voorziening.organisatietype not in ONGEBOREN_TYPES:
        return render(request, "errors/403.html", status=403)
    form = OngeborenForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        client = client_services.client_ongeboren_create(
            voorziening=request.voorziening, gebruiker=request.user, **form.cleaned_data
        )
        messages.success(request, "Het ongeboren kind werd toegevoegd.")
        return redirect(client)
    return render(
        request,
        "dossiers/client_form.html",
        {
            "form": form,
            "titel": "Toevoegen ongeboren kind",
            "breadcrumbs": crumbs(("Toevoegen ongeboren kind", "")),
        },
    )


def _client_page(request: HttpRequest, client, context_form: ContextPersoonForm) -> HttpResponse:
    dossiers = list(selectors.client_dossiers(client=client))
    return render(
        request,
        "dossiers/client_detail.html",
        {
            "client": client,
            "context_personen": selectors.client_context(client=client),
            "dossiers": dossiers,
            "kan_dossier_maken": not any(d.is_open for d in dossiers),
            "context_form": context_form,
            "breadcrumbs": crumbs((str(client), "")),
        },
    )


@medewerker_required
@require_GET
def client_detail(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Cliëntcontext' (000 §3.3.2): identification, context and this voorziening's dossiers."""
    client = selectors.client_get(pk=pk)
    inzage(request, InzageSoort.CLIENT, object_id=client.pk, client_id=client.pk)
    return _client_page(request, client, ContextPersoonForm())


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_wijzigen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    client = selectors.client_get(pk=pk)
    form = ClientWijzigenForm(
        request.POST if request.method == "POST" else None,
        instance=client,
        initial={"versie": client.versie},
    )
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        client_services.client_update(
            client=client,
            versie=form.cleaned_data["versie"],
            voorziening=request.voorziening,
            gebruiker=request.user,
            **values,
        )
        messages.success(request, "De cliëntgegevens werden gewijzigd.")
        return redirect(client)
    return render(
        request,
        "dossiers/client_form.html",
        {
            "form": form,
            "client": client,
            "titel": "Wijzig details",
            "breadcrumbs": crumbs((str(client), client.get_absolute_url()), ("Wijzig details", "")),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_koppelen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Wijzigen via rijksregisternummer': link an unborn child to its number (000 §3.2)."""
    client = selectors.client_get(pk=pk)
    if not client.ongeboren:
        return redirect(client)
    form = KoppelenForm(
        request.POST if request.method == "POST" else None, initial={"versie": client.versie}
    )
    if request.method == "POST" and form.is_valid():
        try:
            client = client_services.client_koppelen(
                client=client,
                versie=form.cleaned_data["versie"],
                nummer=form.cleaned_data["nummer"],
                voorziening=request.voorziening,
                gebruiker=request.user,
            )
        except RijksregisterUnavailable:
            form.add_error(None, REGISTER_ONBEREIKBAAR)
        except ValidationError as error:
            form.add_error("nummer", error.messages)
        else:
            messages.success(request, "Het kind werd gekoppeld aan zijn rijksregisternummer.")
            return redirect(client)
    return render(
        request,
        "dossiers/client_koppelen.html",
        {
            "form": form,
            "client": client,
            "breadcrumbs": crumbs(
                (str(client), client.get_absolute_url()), ("Wijzigen via rijksregisternummer", "")
            ),
        },
    )


@medewerker_required
@require_POST
def context_toevoegen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    client = selectors.client_get(pk=pk)
    form = ContextPersoonForm(request.POST)
    if form.is_valid():
        client_services.context_persoon_add(
            client=client,
            voorziening=request.voorziening,
            gebruiker=request.user,
            **form.cleaned_data,
        )
        messages.success(request, "De persoon werd toegevoegd aan de cliëntcontext.")
        return redirect(client)
    return _client_page(request, client, form)


@medewerker_required
@require_http_methods(["GET", "POST"])
def context_verwijderen(request: MedewerkerRequest, pk: int, persoon_pk: int) -> HttpResponse:
    client = selectors.client_get(pk=pk)
    persoon = selectors.context_persoon_get(client=client, pk=persoon_pk)
    error = None
    if request.method == "POST":
        try:
            client_services.context_persoon_remove(
                persoon=persoon,
                voorziening=request.voorziening,
                gebruiker=request.user,
                bevestigd=request.POST.get("bevestigd") == "ja",
            )
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(request, f"{persoon} werd verwijderd uit de cliëntcontext.")
            return redirect(client)
    return render(
        request,
        "dossiers/context_verwijderen.html",
        {
            "client": client,
            "persoon": persoon,
            "door_ander": persoon.toegevoegd_door_id != request.user.pk,
            "error": error,
            "breadcrumbs": crumbs(
                (str(client), client.get_absolute_url()), ("Persoon verwijderen", "")
            ),
        },
    )
