"""Beslissingen and schakelingen (000 §4.2) under every rule of the screens: the same forms
check what comes in, the same services decide. What the screen asks to confirm answers 409
with the warnings; the same request with `bevestigd: true` saves it."""

from typing import TYPE_CHECKING

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.paginering import PARAMETERS, pagina
from api.problemen import Bevestigen
from api.views.basis import IDEMPOTENTIE, IF_MATCH, BincAPIView, formulier, met_etag, versie
from dossiers import selectors
from dossiers.constants import BESLISSING_WEG
from dossiers.forms import (
    BeslissingForm,
    SchakelingForm,
    bestaande_schakeling,
    nieuwe_schakeling,
)
from dossiers.services import beslissingen as beslissing_services
from dossiers.services import schakelingen as schakeling_services
from lib.concurrency import Conflict
from lib.errors import PublicNotFound

if TYPE_CHECKING:
    from dossiers.models import Beslissing


def _beslissing(dossier, pk: int, *, wijzigen: bool = True) -> "Beslissing":
    """The dossier's beslissing; one that is not there was, for a change, deleted meanwhile
    (the manual's message, 409); to read, it is simply not found (404)."""
    beslissing = selectors.beslissing_get(dossier, pk)
    if beslissing is None:
        raise Conflict(BESLISSING_WEG) if wijzigen else PublicNotFound(BESLISSING_WEG)
    return beslissing


def _waarden(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k not in {"modules", "versie"}}


class Beslissingen(BincAPIView):
    @extend_schema(
        operation_id="beslissingen_lijst",
        summary="De beslissingen van een dossier, de recentste eerst",
        parameters=PARAMETERS,
        responses=s.antwoorden({200: s.BeslissingPaginaSerializer}, 400, 404),
    )
    def get(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        beslissingen = selectors.beslissingen_van(dossier)
        return pagina(
            request,
            self,
            beslissingen,
            s.BeslissingSerializer,
            ordering=selectors.BESLISSING_VOLGORDE,
        )

    @extend_schema(
        operation_id="beslissing_toevoegen",
        summary="Een jeugdhulpbeslissing toevoegen",
        parameters=[IDEMPOTENTIE],
        request=s.BeslissingInvoerSerializer,
        responses=s.antwoorden({201: s.BeslissingSerializer}, 400, 404, 422),
    )
    def post(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        form = formulier(BeslissingForm, request.data, voorziening=dossier.voorziening)
        beslissing = beslissing_services.beslissing_create(
            dossier_pk=dossier.pk,
            gebruiker=request.user,
            modules=list(form.cleaned_data["modules"]),
            **_waarden(form),
        )
        response = Response(s.BeslissingSerializer(beslissing).data, status=201)
        response["Location"] = reverse("api:beslissing", args=[dossier.pk, beslissing.pk])
        return met_etag(response, beslissing)


class BeslissingDetail(BincAPIView):
    @extend_schema(
        operation_id="beslissing_lezen",
        responses=s.antwoorden({200: s.BeslissingSerializer}, 400, 404),
    )
    def get(self, request, pk: int, beslissing_pk: int):
        beslissing = _beslissing(selectors.dossier_get(pk=pk), beslissing_pk, wijzigen=False)
        return met_etag(Response(s.BeslissingSerializer(beslissing).data), beslissing)

    @extend_schema(
        operation_id="beslissing_wijzigen",
        summary="Een beslissing wijzigen (alle velden)",
        parameters=[IF_MATCH],
        request=s.BeslissingInvoerSerializer,
        responses=s.antwoorden({200: s.BeslissingSerializer}, 400, 404, 409, 412, 428),
    )
    def put(self, request, pk: int, beslissing_pk: int):
        dossier = selectors.dossier_get(pk=pk)
        beslissing = _beslissing(dossier, beslissing_pk)
        gezien = versie(request, beslissing.versie)
        form = formulier(
            BeslissingForm, request.data, instance=beslissing, voorziening=dossier.voorziening
        )
        beslissing_services.beslissing_update(
            beslissing_pk=beslissing.pk,
            versie=gezien,
            gebruiker=request.user,
            modules=list(form.cleaned_data["modules"]),
            **_waarden(form),
        )
        beslissing = _beslissing(dossier, beslissing_pk)
        return met_etag(Response(s.BeslissingSerializer(beslissing).data), beslissing)

    @extend_schema(
        operation_id="beslissing_verwijderen",
        summary="Een beslissing zonder schakelingen verwijderen",
        parameters=[IF_MATCH],
        responses=s.antwoorden({204: None}, 400, 404, 409, 412, 428),
    )
    def delete(self, request, pk: int, beslissing_pk: int):
        dossier = selectors.dossier_get(pk=pk)
        beslissing = _beslissing(dossier, beslissing_pk)
        beslissing_services.beslissing_delete(
            beslissing_pk=beslissing_pk,
            gebruiker=request.user,
            versie=versie(request, beslissing.versie),
        )
        return Response(status=204)


def _opgeslagen(dossier, resultaat, *, status: int) -> Response:
    if resultaat.te_bevestigen:
        raise Bevestigen(resultaat.waarschuwingen)
    assert resultaat.object is not None  # no warnings: saved
    schakeling = selectors.schakeling_get(dossier, resultaat.object.pk)
    response = Response(s.SchakelingSerializer(schakeling).data, status=status)
    if status == 201:
        response["Location"] = reverse("api:schakeling", args=[dossier.pk, schakeling.pk])
    return met_etag(response, schakeling)


class Schakelingen(BincAPIView):
    @extend_schema(
        operation_id="schakelingen_lijst",
        summary="De schakelingen van een dossier, de recentste eerst",
        parameters=PARAMETERS,
        responses=s.antwoorden({200: s.SchakelingPaginaSerializer}, 400, 404),
    )
    def get(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        schakelingen = selectors.schakelingen_van(dossier)
        return pagina(
            request,
            self,
            schakelingen,
            s.SchakelingSerializer,
            ordering=selectors.SCHAKELING_VOLGORDE,
        )

    @extend_schema(
        operation_id="schakeling_toevoegen",
        summary="Een schakeling toevoegen onder de recentste beslissing",
        description="De vorige schakeling moet eerst een einddatum hebben (wijzig ze). Wat het "
        "scherm laat bevestigen, geeft 409 met de waarschuwingen (elk met een vaste code).",
        parameters=[IDEMPOTENTIE],
        request=s.SchakelingInvoerSerializer,
        responses=s.antwoorden({201: s.SchakelingSerializer}, 400, 404, 409, 422),
    )
    def post(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        nieuw = nieuwe_schakeling(dossier)
        if nieuw.beslissing is None:
            raise Conflict("Voeg eerst een beslissing toe.")
        form = formulier(SchakelingForm, request.data, **nieuw.kwargs())
        resultaat = schakeling_services.schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=nieuw.beslissing.pk,
            invoer=form.invoer(),
            gebruiker=request.user,
            bevestigd=form.cleaned_data["bevestigd"],
        )
        return _opgeslagen(dossier, resultaat, status=201)


class SchakelingDetail(BincAPIView):
    @extend_schema(
        operation_id="schakeling_lezen",
        responses=s.antwoorden({200: s.SchakelingSerializer}, 400, 404),
    )
    def get(self, request, pk: int, schakeling_pk: int):
        schakeling = selectors.schakeling_get(selectors.dossier_get(pk=pk), schakeling_pk)
        return met_etag(Response(s.SchakelingSerializer(schakeling).data), schakeling)

    @extend_schema(
        operation_id="schakeling_wijzigen",
        summary="De recentste schakeling wijzigen (alle velden), ook haar einddatum",
        parameters=[IF_MATCH],
        request=s.SchakelingInvoerSerializer,
        responses=s.antwoorden({200: s.SchakelingSerializer}, 400, 404, 409, 412, 428),
    )
    def put(self, request, pk: int, schakeling_pk: int):
        dossier = selectors.dossier_get(pk=pk)
        bestaand = bestaande_schakeling(dossier, schakeling_pk)
        assert bestaand.schakeling is not None
        gezien = versie(request, bestaand.schakeling.versie)
        data = {**request.data, "versie": gezien} if isinstance(request.data, dict) else None
        form = formulier(SchakelingForm, data, **bestaand.kwargs())
        resultaat = schakeling_services.schakeling_update(
            schakeling_pk=schakeling_pk,
            dossier_pk=dossier.pk,
            versie=gezien,
            invoer=form.invoer(),
            gebruiker=request.user,
            bevestigd=form.cleaned_data["bevestigd"],
        )
        return _opgeslagen(dossier, resultaat, status=200)

    @extend_schema(
        operation_id="schakeling_verwijderen",
        summary="De recentste schakeling verwijderen",
        parameters=[IF_MATCH],
        responses=s.antwoorden({204: None}, 400, 404, 412, 428),
    )
    def delete(self, request, pk: int, schakeling_pk: int):
        dossier = selectors.dossier_get(pk=pk)
        schakeling = selectors.schakeling_get(dossier, schakeling_pk)
        schakeling_services.schakeling_delete(
            schakeling_pk=schakeling_pk,
            dossier_pk=dossier.pk,
            gebruiker=request.user,
            versie=versie(request, schakeling.versie),
        )
        return Response(status=204)
