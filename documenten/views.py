"""Documenten delen (000 ch. 18, 001 ch. 11): send, receive, withdraw, and who may see
personal documents. Every document reached here went through `selectors.delingen_zichtbaar`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binc.access import IngelogdRequest, MedewerkerRequest, inzage, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import InzageSoort
from binc.forms import add_service_errors, posted_id
from documenten import selectors, services
from documenten.access import documenten_lezer, lezer_required
from documenten.forms import (
    DocumentForm,
    OntvangersFormSet,
    ZoekPersoonForm,
    dienst_label,
    diensten_op_label,
)
from dossiers.selectors import dossier_get
from lib.uploads import te_groot


def _pad(lezer: selectors.Lezer, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    if lezer.voorziening is not None:
        return crumbs(*trail)
    return [("Ontvangen documenten", reverse("documenten:ontvangen")), *trail]


@lezer_required
@require_GET
def ontvangen(request: IngelogdRequest, lezer: selectors.Lezer) -> HttpResponse:
    """'Ontvangen documenten' (000 §18.3)."""
    return render(
        request,
        "documenten/ontvangen.html",
        {
            "delingen": selectors.ontvangen(lezer=lezer),
            "breadcrumbs": _pad(lezer, ("Ontvangen documenten", "")),
        },
    )


@lezer_required
@require_GET
def verzonden(request: IngelogdRequest, lezer: selectors.Lezer) -> HttpResponse:
    """'Beheer documenten' (000 §18.1): what was sent, to whom, its e-mail and its receipts."""
    return render(
        request,
        "documenten/verzonden.html",
        {
            "documenten": selectors.verzonden(lezer=lezer),
            "vandaag": timezone.localdate(),
            "breadcrumbs": _pad(lezer, ("Delen documenten", "")),
        },
    )


@lezer_required
@require_http_methods(["GET", "POST"])
def toevoegen(request: IngelogdRequest, lezer: selectors.Lezer) -> HttpResponse:
    """'Toevoegen document' from the start page: not client-bound, may be vertrouwelijk."""
    return _toevoegen(request, lezer, dossier=None)


@medewerker_required
@require_http_methods(["GET", "POST"])
def dossier_toevoegen(request: MedewerkerRequest, pk: int) -> HttpResponse:
    """'Delen documenten' in a dossier (000 §18.1): client-bound."""
    dossier = dossier_get(pk=pk)
    return _toevoegen(request, documenten_lezer(request), dossier=dossier)


def _toevoegen(request: IngelogdRequest, lezer: selectors.Lezer, dossier) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    mag_persoonlijk = services.mag_persoonlijk(lezer)
    form = DocumentForm(
        data,
        request.FILES or None,
        client_gebonden=dossier is not None,
        persoonlijk=mag_persoonlijk,
        te_groot=te_groot(request),
    )
    diensten = diensten_op_label()
    # A personal document's rows name their addressee: the rows are read with that rule.
    persoonlijk = mag_persoonlijk and data is not None and bool(data.get("persoonlijk"))
    ontvangers = OntvangersFormSet(
        data, prefix="ontvanger", diensten=diensten, persoonlijk=persoonlijk
    )
    if data is not None and "rij_toevoegen" in data:
        # Without JavaScript the blue plus posts the form back with one more empty row.
        ontvangers = _met_lege_rij(data, diensten, persoonlijk)
    elif data is not None and all([form.is_valid(), ontvangers.is_valid()]):  # both checked
        bestand = form.cleaned_data["bestand"]
        try:
            document = services.document_delen(
                lezer=lezer,
                bestand=bestand,
                bestandsnaam=bestand.name,
                grootte=bestand.size,
                ontvangers=[f.ontvanger() for f in ontvangers if f.cleaned_data],
                beschrijving=form.cleaned_data["beschrijving"],
                dossier_id=dossier.pk if dossier else None,
                vertrouwelijk=form.cleaned_data.get("vertrouwelijk", False),
                persoonlijk=form.cleaned_data.get("persoonlijk", False),
            )
        except ValidationError as error:
            add_service_errors(form, error, aliases={"delen_tot": None})
        else:
            messages.success(
                request,
                f"Het document {document.bestandsnaam} is gedeeld. De ontvangers krijgen een "
                "e-mail.",
            )
            return redirect("documenten:verzonden")
    pad = [("Delen documenten", reverse("documenten:verzonden")), ("Toevoegen document", "")]
    if dossier is not None:
        pad.insert(0, (dossier.code, dossier.get_absolute_url()))
    return render(
        request,
        "documenten/toevoegen.html",
        {
            "form": form,
            "ontvangers": ontvangers,
            "dossier": dossier,
            "dienst_labels": sorted({dienst_label(o) for o in diensten.values()}, key=str.casefold),
            "personen": selectors.personen_gekend(),
            # Voorzieningenbeleid addresses a personal document to a person a voorziening listed.
            "persoonlijke_ontvangers": (
                selectors.ontvangers_persoonlijk() if mag_persoonlijk else []
            ),
            # A browser never refills a file input: after an error the file is chosen again.
            "opnieuw_kiezen": data is not None,
            "breadcrumbs": _pad(lezer, *pad),
        },
    )


def _met_lege_rij(data, diensten, persoonlijk):
    data = data.copy()
    data["ontvanger-TOTAL_FORMS"] = str(int(data.get("ontvanger-TOTAL_FORMS") or 1) + 1)
    return OntvangersFormSet(data, prefix="ontvanger", diensten=diensten, persoonlijk=persoonlijk)


@never_cache
@lezer_required
@require_GET
def downloaden(request: IngelogdRequest, lezer: selectors.Lezer, pk: int) -> FileResponse:
    """Open a document: only for whom may see it, while it is available; every opening is a
    receipt (000 §18.1.1)."""
    document = selectors.document_beschikbaar(lezer=lezer, pk=pk)
    bestand = services.opslag().open(document.opslagnaam, "rb")
    services.document_geopend(lezer=lezer, document=document, namens=_namens(lezer))
    inzage(request, InzageSoort.DOCUMENT, object_id=document.pk, dossier_id=document.dossier_id)
    response = FileResponse(bestand, as_attachment=True, filename=document.bestandsnaam)
    response["Content-Type"] = "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _namens(lezer: selectors.Lezer) -> str:
    if lezer.voorziening is not None:
        return lezer.voorziening.naam
    return ", ".join(str(d) for d in selectors.diensten_van(lezer=lezer))


@lezer_required
@require_POST
def intrekken(request: IngelogdRequest, lezer: selectors.Lezer, pk: int) -> HttpResponse:
    document = selectors.document_als_afzender(lezer=lezer, pk=pk)
    services.document_intrekken(lezer=lezer, document=document)
    messages.success(request, f"Het document {document.bestandsnaam} is niet langer gedeeld.")
    return redirect("documenten:verzonden")


@medewerker_required
@require_http_methods(["GET", "POST"])
def gebruikersbeheer(request: MedewerkerRequest) -> HttpResponse:
    """'Gebruikersbeheer documenten' (000 §18.3.1): every medewerker may consult and manage who
    sees the voorziening's personal documents."""
    voorziening = request.voorziening
    zoek = ZoekPersoonForm(request.POST if "rijksregisternummer" in request.POST else None)
    gevonden = None
    if zoek.is_valid():
        gevonden = zoek.persoon
        if "toevoegen" in request.POST:
            services.beheerder_toevoegen(voorziening=voorziening, gebruiker=gevonden)
            messages.success(request, f"{gevonden} is toegevoegd aan de lijst.")
            return redirect("documenten:gebruikersbeheer")
    if "verwijderen" in request.POST:
        services.beheerder_verwijderen(
            voorziening=voorziening, pk=posted_id(request.POST["verwijderen"]) or 0
        )
        messages.success(request, "De persoon is van de lijst verwijderd.")
        return redirect("documenten:gebruikersbeheer")
    return render(
        request,
        "documenten/gebruikersbeheer.html",
        {
            "zoek": zoek,
            "gevonden": gevonden,
            "beheerders": selectors.beheerders(voorziening=voorziening),
            "breadcrumbs": crumbs(("Gebruikersbeheer documenten", "")),
        },
    )
