"""Webhook subscriptions of the calling koppeling: the change feed pushed to its endpoint."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api import serializers as s
from api import webhooks
from api.forms import AbonnementForm
from api.paginering import PARAMETERS, pagina
from api.selectors import abonnement_get, abonnementen_van
from api.views.basis import IDEMPOTENTIE, BincAPIView, formulier


class Abonnementen(BincAPIView):
    @extend_schema(
        operation_id="abonnementen_lijst",
        summary="De webhook-abonnementen van deze koppeling",
        parameters=PARAMETERS,
        responses=s.antwoorden({200: s.AbonnementPaginaSerializer}, 400),
    )
    def get(self, request):
        abonnementen = abonnementen_van(request.koppeling)
        return pagina(request, self, abonnementen, s.AbonnementSerializer, ordering=("pk",))

    @extend_schema(
        operation_id="abonnement_maken",
        summary="De wijzigingen laten afleveren aan een eigen adres (webhook)",
        description="Vanaf nu komt elke wijziging van je voorziening, zoals `GET /wijzigingen/` "
        "ze geeft, als POST op het adres, ondertekend met het geheim (Standard Webhooks: "
        "`webhook-id`, `webhook-timestamp`, `webhook-signature`). Antwoord met een 2xx; anders "
        "volgt een nieuwe poging, een dag lang, daarna wordt het abonnement gepauzeerd.",
        parameters=[IDEMPOTENTIE],
        request=s.AbonnementNieuwSerializer,
        responses=s.antwoorden({201: s.AbonnementGemaaktSerializer}, 400, 422),
    )
    def post(self, request):
        form = formulier(AbonnementForm, request.data)
        abonnement, geheim = webhooks.abonnement_maken(
            koppeling=request.koppeling, url=form.cleaned_data["url"]
        )
        inhoud = {**s.AbonnementSerializer(abonnement).data, "geheim": geheim}
        return Response(s.AbonnementGemaaktSerializer(inhoud).data, status=201)


class AbonnementDetail(BincAPIView):
    @extend_schema(
        operation_id="abonnement_verwijderen",
        summary="Een abonnement stoppen",
        responses=s.antwoorden({204: None}, 400, 404),
    )
    def delete(self, request, pk: int):
        webhooks.abonnement_verwijderen(abonnement_get(request.koppeling, pk))
        return Response(status=204)


class Hervatten(BincAPIView):
    @extend_schema(
        operation_id="abonnement_hervatten",
        summary="Een gepauzeerd abonnement hervatten, vanaf het event waar het stopte",
        request=None,
        responses=s.antwoorden({200: s.AbonnementSerializer}, 400, 404),
    )
    def post(self, request, pk: int):
        abonnement = abonnement_get(request.koppeling, pk)
        webhooks.abonnement_hervatten(abonnement)
        return Response(s.AbonnementSerializer(abonnement_get(request.koppeling, pk)).data)
