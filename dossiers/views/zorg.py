"""Beslissingen, schakelingen, afsluiten and heropenen (000 §4.2, §9, §10)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from binc.access import MedewerkerRequest, medewerker_required
from binc.breadcrumbs import crumbs
from binc.forms import add_service_errors, posted_id
from dossiers import hooks, selectors
from dossiers.constants import BESLISSING_WEG
from dossiers.forms import (
    AfsluitenForm,
    BeslissingForm,
    BeslissingWijzigenForm,
    EinddatumForm,
    bestaande_schakeling,
    nieuwe_schakeling,
)
from dossiers.services import afsluiten as afsluit_services
from dossiers.services import beslissingen as beslissing_services
from dossiers.services import schakelingen as schakeling_services
from lib.concurrency import Conflict

METHODS = ["GET", "POST"]


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _trail(dossier, label: str):
    return crumbs((dossier.code, dossier.get_absolute_url()), (label, ""))


def _beslissing_page(request, dossier, form, titel: str, label: str) -> HttpResponse:
    return render(
        request,
        "dossiers/beslissing_form.html",
        {"form": form, "dossier": dossier, "titel": titel, "breadcrumbs": _trail(dossier, label)},
    )


# --- Beslissingen ------------------------------------------------------------------------------


@medewerker_required
@require_http_methods(METHODS)
def beslissing_nieuw(request: MedewerkerRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    form = BeslissingForm(_data(request), voorziening=dossier.voorziening)
    if form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "modules"}
        try:
            beslissing_services.beslissing_create(
                dossier_pk=dossier.pk,
                gebruiker=request.user,
                modules=list(form.cleaned_data["modules"]),
                **values,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "De beslissing werd toegevoegd.")
            if not selectors.heeft_schakeling(dossier):
                # 000 §4.2.1: the first beslissing opens 'Toevoegen Start Hulpaanbod' at once.
                return redirect("dossiers:schakeling_nieuw", pk=dossier.pk)
            return redirect(dossier)
    return _beslissing_page(
        request, dossier, form, "Toevoegen Jeugdhulpbeslissing", "Toevoegen beslissing"
    )


@medewerker_required
@require_http_methods(METHODS)
def beslissing_wijzigen(request: MedewerkerRequest, pk: int, beslissing_pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    beslissing = selectors.beslissing_get(dossier, beslissing_pk)
    if beslissing is None:
        raise Conflict(BESLISSING_WEG)
    form = BeslissingWijzigenForm(
        _data(request),
        instance=beslissing,
        initial={"versie": beslissing.versie},
        voorziening=dossier.voorziening,
    )
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k not in {"modules", "versie"}}
        try:
            beslissing_services.beslissing_update(
                beslissing_pk=beslissing.pk,
                versie=form.cleaned_data["versie"],
                gebruiker=request.user,
                modules=list(form.cleaned_data["modules"]),
                **values,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "De beslissing werd gewijzigd.")
            return redirect(dossier)
    return _beslissing_page(
        request, dossier, form, "Wijzigen Jeugdhulpbeslissing", "Wijzigen beslissing"
    )


@medewerker_required
@require_http_methods(METHODS)
def beslissing_verwijderen(request: MedewerkerRequest, pk: int, beslissing_pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    if request.method == "POST":
        try:
            beslissing_services.beslissing_delete(
                beslissing_pk=beslissing_pk, gebruiker=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "De beslissing werd verwijderd.")
        return redirect(dossier)
    beslissing = selectors.beslissing_get(dossier, beslissing_pk)
    if beslissing is None:
        raise Http404("Deze beslissing bestaat niet (meer).")
    return render(
        request,
        "dossiers/bevestigen.html",
        {
            "dossier": dossier,
            "titel": f"{beslissing} verwijderen?",
            "knop": "Ja, verwijder de beslissing",
            "tekst": "Een beslissing kan enkel verwijderd worden als er geen schakelingen aan "
            "gekoppeld zijn.",
            "breadcrumbs": _trail(dossier, "Beslissing verwijderen"),
        },
    )


# --- Schakelingen ------------------------------------------------------------------------------


def _schakeling_page(
    request, dossier, form, *, beslissing, vorige, titel, warnings=(), schakeling=None
):
    if warnings:
        # Submitting the same form again confirms the warnings.
        form.data = form.data.copy()
        form.data["bevestigd"] = "on"
    voorbeeld = hooks.schakeling_voorbeeld()
    return render(
        request,
        "dossiers/schakeling_form.html",
        {
            "form": form,
            "dossier": dossier,
            "beslissing": beslissing,
            "vorige": vorige,
            "titel": titel,
            "warnings": warnings,
            "voorbeeld_url": reverse(voorbeeld, args=[dossier.pk]) if voorbeeld else None,
            "schakeling": schakeling,
            "breadcrumbs": _trail(dossier, titel),
        },
    )


def _schakeling_submit(request, dossier, form, *, save, gedaan: str, **page) -> HttpResponse:
    """Save through the service. Warnings come back to be confirmed (nothing saved yet), rule
    violations appear at their fields; a lost race gets the manual's page (ConflictMiddleware)."""
    warnings: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.invoer(), form.cleaned_data["bevestigd"])
        except ValidationError as error:
            add_service_errors(form, error, aliases=form.ERROR_ALIASES)
        else:
            if not result.te_bevestigen:
                messages.success(request, f"{result.object} werd {gedaan}.")
                return redirect(dossier)
            warnings = list(result.waarschuwingen)
    return _schakeling_page(request, dossier, form, warnings=warnings, **page)


@medewerker_required
@require_http_methods(METHODS)
def schakeling_nieuw(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Toevoegen schakeling' under the latest beslissing; the previous one is closed first."""
    dossier = selectors.dossier_get(pk=pk)
    formulier = nieuwe_schakeling(dossier)
    beslissing, vorige = formulier.beslissing, formulier.vorige
    if beslissing is None:
        messages.error(request, "Voeg eerst een beslissing toe.")
        return redirect("dossiers:beslissing_nieuw", pk=dossier.pk)
    if request.method == "GET" and vorige is not None and vorige.einddatum is None:
        return redirect("dossiers:vorige_afsluiten", pk=dossier.pk)
    if request.method == "POST":
        # The form was made for a beslissing: if another became the latest meanwhile, the
        # service answers with the manual's message.
        posted = request.POST.get("beslissing", "")
        beslissing_pk = posted_id(posted) or beslissing.pk
    else:
        beslissing_pk = beslissing.pk
    form = formulier.form(_data(request))
    titel = "Toevoegen Start Hulpaanbod" if vorige is None else "Toevoegen Schakeling"
    return _schakeling_submit(
        request,
        dossier,
        form,
        gedaan="toegevoegd",
        beslissing=beslissing,
        vorige=vorige,
        titel=titel,
        save=lambda invoer, bevestigd: schakeling_services.schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=beslissing_pk,
            invoer=invoer,
            gebruiker=request.user,
            bevestigd=bevestigd,
        ),
    )


@medewerker_required
@require_http_methods(METHODS)
def vorige_afsluiten(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Afsluiten vorig hulpaanbod' (000 §4.2.2)."""
    dossier = selectors.dossier_get(pk=pk)
    vorige = selectors.laatste_schakeling(dossier)
    if vorige is None or vorige.einddatum is not None:
        return redirect("dossiers:schakeling_nieuw", pk=dossier.pk)
    form = EinddatumForm(_data(request), initial={"versie": vorige.versie})
    if form.is_valid():
        try:
            schakeling_services.schakeling_einddatum_set(
                schakeling_pk=vorige.pk,
                dossier_pk=dossier.pk,
                versie=form.cleaned_data["versie"],
                einddatum=form.cleaned_data["einddatum"],
                gebruiker=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("dossiers:schakeling_nieuw", pk=dossier.pk)
    return render(
        request,
        "dossiers/vorige_afsluiten.html",
        {
            "form": form,
            "dossier": dossier,
            "vorige": vorige,
            "breadcrumbs": _trail(dossier, "Afsluiten vorig hulpaanbod"),
        },
    )


@medewerker_required
@require_http_methods(METHODS)
def schakeling_wijzigen(request: MedewerkerRequest, pk: int, schakeling_pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    formulier = bestaande_schakeling(dossier, schakeling_pk)
    schakeling = formulier.schakeling
    assert schakeling is not None
    form = formulier.form(_data(request))
    return _schakeling_submit(
        request,
        dossier,
        form,
        gedaan="gewijzigd",
        beslissing=schakeling.beslissing,
        vorige=None,
        schakeling=schakeling,
        titel=f"Wijzigen {schakeling.get_soort_display()}",
        save=lambda invoer, bevestigd: schakeling_services.schakeling_update(
            schakeling_pk=schakeling.pk,
            dossier_pk=dossier.pk,
            versie=form.cleaned_data["versie"],
            invoer=invoer,
            gebruiker=request.user,
            bevestigd=bevestigd,
        ),
    )


@medewerker_required
@require_http_methods(METHODS)
def schakeling_verwijderen(request: MedewerkerRequest, pk: int, schakeling_pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    if request.method == "POST":
        try:
            schakeling_services.schakeling_delete(
                schakeling_pk=schakeling_pk, dossier_pk=dossier.pk, gebruiker=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "De schakeling werd verwijderd.")
        return redirect(dossier)
    schakeling = selectors.schakeling_get(dossier, schakeling_pk)
    return render(
        request,
        "dossiers/bevestigen.html",
        {
            "dossier": dossier,
            "titel": f"{schakeling} verwijderen?",
            "knop": "Ja, verwijder de schakeling",
            "tekst": "Enkel de meest recente schakeling kan verwijderd worden.",
            "breadcrumbs": _trail(dossier, "Schakeling verwijderen"),
        },
    )


# --- Afsluiten en heropenen --------------------------------------------------------------------


@medewerker_required
@require_http_methods(METHODS)
def dossier_afsluiten(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """000 §9: what is missing, each linked to where to fix it; then confirm."""
    dossier = selectors.dossier_get(pk=pk)
    if not dossier.is_open and request.method == "GET":
        messages.info(request, "Dit dossier is al afgesloten.")
        return redirect(dossier)
    form = AfsluitenForm(_data(request))
    ontbrekend = afsluit_services.afsluiten_ontbrekend(dossier)
    warnings = afsluit_services.afsluiten_waarschuwingen(dossier)
    if form.is_valid():
        result = afsluit_services.dossier_afsluiten(
            dossier_pk=dossier.pk, gebruiker=request.user, bevestigd=True
        )
        if result.afgesloten:
            messages.success(request, f"Dossier {dossier.code} werd afgesloten.")
            return redirect(dossier)
        ontbrekend = result.ontbrekend
    return render(
        request,
        "dossiers/afsluiten.html",
        {
            "form": form,
            "dossier": dossier,
            "ontbrekend": ontbrekend,
            "warnings": warnings,
            "breadcrumbs": _trail(dossier, "Afsluiten dossier"),
        },
    )


@medewerker_required
@require_POST
def dossier_heropenen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_get(pk=pk)
    try:
        outcome = afsluit_services.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if outcome == afsluit_services.Heropenuitkomst.HEROPEND:
            messages.success(request, "Het dossier werd heropend.")
        else:
            messages.info(
                request,
                "De laatste schakeling eindigde meer dan een jaar geleden: de aanvraag tot "
                "heropenen werd verzonden naar de dossierbehandelaar van Opgroeien.",
            )
    return redirect(dossier)
