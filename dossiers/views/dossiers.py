from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binc.concurrency import Conflict
from binc.models import Activiteit
from binc.rijksregister import Persoon, RijksregisterUnavailable
from binc.tenancy import medewerker_required
from dossiers import selectors
from dossiers.constants import DossierStatus
from dossiers.forms import (
    AanmeldingForm,
    AanmeldingWijzigenForm,
    ClientExtraForm,
    ClientWijzigenForm,
    ContextPersoonForm,
    DossierZoekForm,
    KoppelenForm,
    OngeborenForm,
    OverdragenForm,
    RijksregisterZoekForm,
)
from dossiers.models import ContextPersoon
from dossiers.selectors import LETTERS, Overzicht
from dossiers.services import clients as client_services
from dossiers.services import dossiers as dossier_services
from dossiers.services.afsluiten import heropenen_mogelijk
from dossiers.services.clients import ONGEBOREN_TYPES
from dossiers.views.common import conflict_response, crumbs

REGISTER_ONBEREIKBAAR = "Het rijksregister kon niet bevraagd worden. Probeer het later opnieuw."
RESULTS_KEY = "binc_rijksregister_resultaten"
SEARCH_KEY = "binc_dossier_zoekopdracht"
PAGE_SIZE = 50


# --- Start page and search ----------------------------------------------------------------------


@medewerker_required
@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
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
@require_GET
def dossier_zoeken(request: HttpRequest) -> HttpResponse:
    """'Opzoeken dossier' (000 §2.1)."""
    form = DossierZoekForm(request.GET or None)
    resultaten = None
    if form.is_valid():
        resultaten = selectors.dossier_search(**form.cleaned_data)[:200]
        request.session[SEARCH_KEY] = request.GET.urlencode()
    return render(
        request,
        "dossiers/zoeken.html",
        {"form": form, "resultaten": resultaten, "breadcrumbs": crumbs(("Opzoeken dossier", ""))},
    )


# --- Identification -------------------------------------------------------------------------


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_zoeken(request: HttpRequest) -> HttpResponse:
    """'Toevoegen nieuwe cliënt/dossier' (000 §3.1): look a person up in the register."""
    form = RijksregisterZoekForm(request.POST if request.method == "POST" else None)
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
def client_toevoegen(request: HttpRequest) -> HttpResponse:
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
    return redirect(f"{reverse('dossiers:client_nieuw')}?nummer={nummer}")


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_nieuw(request: HttpRequest) -> HttpResponse:
    """000 §3.3.1: complete the register's identification with Binc's mandatory fields."""
    nummer = request.GET.get("nummer", "")
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
def client_ongeboren(request: HttpRequest) -> HttpResponse:
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
            "kan_dossier_maken": not any(d.status == DossierStatus.OPEN for d in dossiers),
            "context_form": context_form,
            "breadcrumbs": crumbs((str(client), "")),
        },
    )


@medewerker_required
@require_GET
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """'Cliëntcontext' (000 §3.3.2): identification, context and this voorziening's dossiers."""
    return _client_page(request, selectors.client_get(pk=pk), ContextPersoonForm())


@medewerker_required
@require_http_methods(["GET", "POST"])
def client_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    client = selectors.client_get(pk=pk)
    form = ClientWijzigenForm(
        request.POST if request.method == "POST" else None,
        instance=client,
        initial={"versie": client.versie},
    )
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        try:
            client_services.client_update(
                client=client,
                versie=form.cleaned_data["versie"],
                voorziening=request.voorziening,
                gebruiker=request.user,
                **values,
            )
        except Conflict as conflict:
            return conflict_response(request, conflict)
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
def client_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
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
        except Conflict as conflict:
            return conflict_response(request, conflict)
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
def context_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
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
def context_verwijderen(request: HttpRequest, pk: int, persoon_pk: int) -> HttpResponse:
    client = selectors.client_get(pk=pk)
    persoon = get_object_or_404(ContextPersoon, pk=persoon_pk, client=client)
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


# --- Dossiers -------------------------------------------------------------------------------


@medewerker_required
@require_http_methods(["GET", "POST"])
def dossier_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
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
            form.add_error(None, error.messages)
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
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """'Raadplegen Dossier'."""
    dossier = selectors.dossier_get(pk=pk)
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
            "heropenen_mogelijk": heropenen_mogelijk(dossier),
            "breadcrumbs": crumbs((dossier.code, "")),
        },
    )


@medewerker_required
@require_http_methods(["GET", "POST"])
def aanmelding_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
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
                aanmelding=aanmelding,
                versie=form.cleaned_data["versie"],
                data=form.aanmelding_values,
                gebruiker=request.user,
            )
        except Conflict as conflict:
            return conflict_response(request, conflict)
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
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
def dossier_activiteiten(request: HttpRequest, pk: int) -> HttpResponse:
    """'Activiteiten dossier' (000 §7): every change, newest first."""
    dossier = selectors.dossier_get(pk=pk)
    activiteiten = Activiteit.objects.filter(dossier_id=dossier.pk).select_related("gebruiker")
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
def dossier_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    """000 §8: delete after confirmation; definitive."""
    if request.method == "POST":
        try:
            code = dossier_services.dossier_delete(pk=pk, gebruiker=request.user)
        except Conflict as conflict:
            return conflict_response(request, conflict)
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
def overdragen(request: HttpRequest) -> HttpResponse:
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
def overdragen_collega(request: HttpRequest, pk: int) -> HttpResponse:
    collega = selectors.colleague_get(pk=pk)
    dossiers = selectors.dossier_overview(gebruiker=collega, overzicht=Overzicht(tab="mijn"))
    form = OverdragenForm(request.POST if request.method == "POST" else None, dossiers=dossiers)
    if form.is_valid():
        aantal = dossier_services.dossiers_overdragen(
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
