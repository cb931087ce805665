"""What happens to a dossier as a whole (000 §6, §9, §10): assigning it to a medewerker,
closing it (with what still keeps it open) and reopening it (at once, or asked of Opgroeien)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from api import serializers as s
from api.problemen import Bevestigen, Ongeldig, probleem
from api.views.basis import IDEMPOTENTIE, BincAPIView, met_etag
from dossiers import selectors
from dossiers.services import afsluiten as afsluit_services
from dossiers.services import dossiers as dossier_services


def _dossier_antwoord(pk: int) -> Response:
    dossier = selectors.dossier_get(pk=pk)
    return met_etag(Response(s.DossierSerializer(dossier).data), dossier)


class Toewijzen(BincAPIView):
    @extend_schema(
        operation_id="dossier_toewijzen",
        summary="Een open dossier toewijzen aan een medewerker ('Mijn dossiers')",
        parameters=[IDEMPOTENTIE],
        request=s.ToewijzenSerializer,
        responses=s.antwoorden({200: s.DossierSerializer}, 400, 404, 422),
    )
    def post(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        data = request.data if isinstance(request.data, dict) else {}
        veld = serializers.IntegerField(min_value=1, max_value=2**62)
        try:
            behandelaar = selectors.colleague_get(pk=veld.run_validation(data.get("behandelaar")))
        except (serializers.ValidationError, Http404):
            raise Ongeldig(
                {"behandelaar": ["Geef de id van een medewerker van je voorziening."]}
            ) from None
        verplaatst = dossier_services.dossiers_transfer(
            gebruiker=behandelaar,
            van=dossier.behandelaar,
            dossier_ids=[dossier.pk],
            voorziening=request.koppeling.voorziening,
        )
        if not verplaatst and dossier.behandelaar_id != behandelaar.pk:
            raise Ongeldig({"": ["Enkel een open dossier kan toegewezen worden."]})
        return _dossier_antwoord(dossier.pk)


class Afsluiten(BincAPIView):
    @extend_schema(
        operation_id="dossier_afsluiten",
        summary="Een dossier afsluiten",
        description="Zoals 'Afsluiten dossier'. Ontbreekt er nog iets, dan 409 met "
        "`ontbrekend`; een beslissing zonder schakeling vraagt bevestiging (409 met "
        "`waarschuwingen`, herhaal met bevestigd: true).",
        parameters=[IDEMPOTENTIE],
        request=s.BevestigdSerializer,
        responses=s.antwoorden({200: s.DossierSerializer}, 400, 404, 409, 422),
    )
    def post(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        data = request.data if isinstance(request.data, dict) else {}
        resultaat = afsluit_services.dossier_afsluiten(
            dossier_pk=dossier.pk, gebruiker=request.user, bevestigd=data.get("bevestigd") is True
        )
        if resultaat.ontbrekend:
            return probleem(
                request,
                "afsluiten_onvolledig",
                "Het dossier kan nog niet afgesloten worden.",
                ontbrekend=[{"melding": o.tekst} for o in resultaat.ontbrekend],
            )
        if resultaat.waarschuwingen:
            raise Bevestigen(resultaat.waarschuwingen)
        return _dossier_antwoord(dossier.pk)


class Heropenen(BincAPIView):
    @extend_schema(
        operation_id="dossier_heropenen",
        summary="Een afgesloten dossier heropenen",
        description="Eindigde de laatste schakeling hoogstens een jaar geleden, dan is het "
        "dossier meteen weer open; anders gaat een aanvraag naar de dossierbehandelaar van "
        "Opgroeien: `uitkomst` zegt welke. Is het intussen weer open, dan 412.",
        parameters=[IDEMPOTENTIE],
        request=None,
        responses=s.antwoorden({200: s.HeropenenSerializer}, 400, 404, 412, 422),
    )
    def post(self, request, pk: int):
        dossier = selectors.dossier_get(pk=pk)
        uitkomst = afsluit_services.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=request.user)
        dossier = selectors.dossier_get(pk=pk)
        return Response({"uitkomst": str(uitkomst), "dossier": s.DossierSerializer(dossier).data})
