"""Clients and dossiers (000 §3, §4): identification through the rijksregister, as on the
screen and logged the same way; dossiers created with their aanmelding, read, listed and
searched."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from api import serializers as s
from api.paginering import PARAMETERS, pagina
from api.problemen import Ongeldig
from api.views.basis import IDEMPOTENTIE, IF_MATCH, BincAPIView, formulier, met_etag, versie
from api.waardesoorten import formulier_vragen
from binc.access import inzage
from binc.constants import InzageSoort
from dossiers import selectors
from dossiers.forms import AanmeldingForm, ClientExtraForm
from dossiers.forms.common import rijksregisternummer_clean
from dossiers.services import clients as client_services
from dossiers.services import dossiers as dossier_services


def _nummer(data) -> str:
    """Checked as the screen checks it (python-stdnum), before anything is asked."""
    waarde = data.get("rijksregisternummer") if isinstance(data, dict) else None
    try:
        return rijksregisternummer_clean(str(waarde or ""))
    except ValidationError as fout:
        raise Ongeldig({"rijksregisternummer": fout.messages}) from None


class Clienten(BincAPIView):
    # The lookup is logged as on the screen (001 §1), also when what follows is refused; the
    # client itself is made last, once everything is valid.
    fout_terugdraaien = False

    @extend_schema(
        operation_id="client_identificeren",
        summary="Een cliënt identificeren via het rijksregister",
        description="Zoekt het rijksregisternummer op in het rijksregister (gelogd zoals op het "
        "scherm). Een cliënt die Binc al kent, krijg je terug (200); een nieuwe wordt "
        "aangemaakt met de verplichte aanvullingen (201).",
        parameters=[IDEMPOTENTIE],
        request=s.ClientIdentificatieSerializer,
        responses=s.antwoorden({200: s.ClientSerializer, 201: s.ClientSerializer}, 400, 422),
    )
    def post(self, request):
        nummer = _nummer(request.data)
        voorziening = request.koppeling.voorziening
        gevonden = client_services.rijksregister_zoeken(
            gebruiker=request.user, voorziening=voorziening, nummer=nummer
        )
        if not gevonden.personen:
            raise Ongeldig({"rijksregisternummer": ["Niet gevonden in het rijksregister."]})
        client = client_services.client_known_get(
            rijksregisternummer=nummer, voorziening=voorziening
        )
        status = 200
        if client is None:
            form = formulier(ClientExtraForm, request.data)
            client = client_services.client_create(
                voorziening=voorziening,
                gebruiker=request.user,
                persoon=gevonden.personen[0],
                **form.cleaned_data,
            )
            status = 201
        return Response(s.ClientSerializer(client).data, status=status)


class Dossiers(BincAPIView):
    @extend_schema(
        operation_id="dossiers_lijst",
        summary="Dossiers van je voorziening, laatst gewijzigd eerst",
        parameters=[
            OpenApiParameter("code", str, description="Een (deel van de) dossiercode."),
            OpenApiParameter("referentie", str, description="'Uw referentie' (een deel)."),
            OpenApiParameter("gewijzigd_na", OpenApiTypes.DATETIME),
            *PARAMETERS,
        ],
        responses=s.antwoorden({200: s.DossierPaginaSerializer}, 400),
    )
    def get(self, request):
        gewijzigd_na = None
        if "gewijzigd_na" in request.query_params:  # empty is refused like any bad value
            try:
                na = request.query_params["gewijzigd_na"]
                gewijzigd_na = serializers.DateTimeField().to_internal_value(na)
            except serializers.ValidationError as fout:
                raise Ongeldig({"gewijzigd_na": fout.detail}) from None
        queryset = selectors.dossiers_gefilterd(
            code=request.query_params.get("code", ""),
            referentie=request.query_params.get("referentie", ""),
            gewijzigd_na=gewijzigd_na,
        )
        return pagina(
            request, self, queryset, s.DossierSerializer, ordering=("-gewijzigd_op", "-id")
        )

    @extend_schema(
        operation_id="dossier_aanmaken",
        summary="Een dossier aanmaken met zijn aanmelding",
        description="Zoals 'Maak nieuw dossier aan': één open dossier per cliënt.",
        parameters=[IDEMPOTENTIE],
        request=s.DossierNieuwSerializer,
        responses=s.antwoorden({201: s.DossierSerializer}, 400, 404, 422),
    )
    def post(self, request):
        data = request.data if isinstance(request.data, dict) else {}
        client_id = data.get("client")
        if not isinstance(client_id, int) or isinstance(client_id, bool):
            raise Ongeldig({"client": ["Geef de id van een cliënt."]})
        client = selectors.client_get(pk=client_id)
        voorziening = request.koppeling.voorziening
        form = formulier(AanmeldingForm, data.get("aanmelding", {}), voorziening=voorziening)
        dossier = dossier_services.dossier_create(
            voorziening=voorziening,
            gebruiker=request.user,
            client=client,
            aanmelding=form.aanmelding_values,
        )
        dossier = selectors.dossier_get(pk=dossier.pk)
        response = Response(s.DossierSerializer(dossier).data, status=201)
        response["Location"] = reverse("api:dossier", args=[dossier.pk])
        return met_etag(response, dossier)


class DossierDetail(BincAPIView):
    @extend_schema(
        operation_id="dossier_lezen",
        summary="Eén dossier, met zijn ETag",
        responses=s.antwoorden({200: s.DossierSerializer}, 400, 404),
    )
    def get(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        inzage(
            request,
            InzageSoort.DOSSIER,
            object_id=dossier.pk,
            client_id=dossier.client_id,
            dossier_id=dossier.pk,
        )
        return met_etag(Response(s.DossierSerializer(dossier).data), dossier)

    @extend_schema(
        operation_id="dossier_verwijderen",
        summary="Een dossier verwijderen dat per vergissing werd aangemaakt",
        description="Zoals 'Verwijder dossier': enkel een open dossier zonder beslissingen en "
        "schakelingen; definitief (het activiteitenlog houdt het spoor).",
        parameters=[IF_MATCH],
        responses=s.antwoorden({204: None}, 400, 404, 412, 428),
    )
    def delete(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        dossier_services.dossier_delete(
            pk=dossier.pk, gebruiker=request.user, versie=versie(request, dossier.versie)
        )
        return Response(status=204)


class Aanmelding(BincAPIView):
    @extend_schema(
        operation_id="aanmelding_vragen",
        summary="De vragen van de aanmelding voor je organisatietype",
        description="Wat `aanmelding` bij een nieuw dossier bevat: per vraag haar soort, of ze "
        "verplicht is, wanneer ze gesteld wordt en haar keuzes.",
        responses=s.antwoorden({200: s.VraagSerializer(many=True)}, 400),
    )
    def get(self, request):
        form = AanmeldingForm(voorziening=request.voorziening)
        return Response(s.VraagSerializer(formulier_vragen(form), many=True).data)


class Testpersonen(BincAPIView):
    @extend_schema(
        operation_id="testpersonen",
        summary="Wie het testregister kent (enkel in een testomgeving)",
        description="Een testomgeving van Binc zoekt in een eigen testregister in plaats van "
        "het rijksregister: deze personen kan je identificeren. Met het echte rijksregister: 404.",
        responses=s.antwoorden({200: s.TestpersoonSerializer(many=True)}, 400, 404),
    )
    def get(self, request):
        personen = client_services.rijksregister_testpersonen()
        if not personen:
            raise Http404
        return Response(s.TestpersoonSerializer(personen, many=True).data)
