"""The modulair kwartaal: the voorziening's quarters, the typemodules to fill with
their unit and rounding rule, saving totals and sending, through the screen's form and
service."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.paginering import PARAMETERS, pagina
from api.problemen import Ongeldig
from api.views.basis import IF_MATCH, BincAPIView, formulier, met_etag, versie
from binc.constants import Organisatietype
from kwartaal import selectors
from kwartaal.forms import TotalenForm
from kwartaal.services import invullen


def _inhoud(staat) -> dict:
    rijen = selectors.overzicht(staat)
    return {
        "id": staat.pk,
        "jaar": staat.jaar,
        "kwartaal": staat.kwartaal,
        "status": staat.status,
        "verzonden_op": staat.verzonden_op,
        "versie": staat.versie,
        "typemodules": [
            {
                "code": rij.inzet.typemodule.code,
                "naam": rij.inzet.typemodule.naam,
                "eenheid": rij.inzet.typemodule.eenheid,
                "afronding": rij.inzet.typemodule.afronding,
                "clienten": rij.clienten,
                "in_te_vullen": not rij.inzet.typemodule.benutting_is_inzet,
                "totaal": rij.totaal,
            }
            for rij in rijen
        ],
    }


class Kwartalen(BincAPIView):
    @extend_schema(
        operation_id="kwartalen_lijst",
        summary="De kwartaalstaten van je voorziening, de recentste eerst",
        parameters=PARAMETERS,
        responses=s.antwoorden({200: s.KwartaalPaginaSerializer}, 400),
    )
    def get(self, request):
        staten = selectors.kwartaalstaten()
        return pagina(
            request, self, staten, s.KwartaalKortSerializer, ordering=("-jaar", "-kwartaal", "-id")
        )


class KwartaalDetail(BincAPIView):
    @extend_schema(
        operation_id="kwartaal_lezen",
        summary="Een kwartaal: de typemodules met eenheid, afrondingsregel en totaal",
        responses=s.antwoorden({200: s.KwartaalSerializer}, 400, 404),
    )
    def get(self, request, pk: int):
        staat = selectors.kwartaalstaat_get(pk=pk)
        return met_etag(Response(s.KwartaalSerializer(_inhoud(staat)).data), staat)

    @extend_schema(
        operation_id="kwartaal_opslaan",
        summary="Totalen per typemodule opslaan, en eventueel verzenden",
        description="Zoals [Opslaan] en [Verzenden]: elk totaal volgens de "
        "afrondingsregel; verzenden vraagt een totaal voor elke typemodule (0 mag).",
        parameters=[IF_MATCH],
        request=s.KwartaalInvoerSerializer,
        responses=s.antwoorden({200: s.KwartaalSerializer}, 400, 404, 412, 428),
    )
    def put(self, request, pk: int):
        # Locked: it cannot go (its last schakeling removed) while this request fills it in.
        staat = selectors.kwartaalstaat_get(pk=pk, for_update=True)
        gezien = versie(request, staat.versie)
        data = request.data if isinstance(request.data, dict) else {}
        totalen = data.get("totalen", {})
        if not isinstance(totalen, dict):
            raise Ongeldig({"totalen": ["Geef per typemodulecode een totaal."]})
        rijen = selectors.overzicht(staat)
        velden = {rij.inzet.typemodule.code: f"totaal_{rij.inzet.pk}" for rij in rijen}
        onbekend = sorted(set(totalen) - set(velden))
        if onbekend:
            raise Ongeldig(
                {"totalen": [f"Geen typemodule van dit kwartaal: {', '.join(onbekend)}."]}
            )
        form = formulier(
            TotalenForm,
            {"versie": gezien, **{velden[code]: waarde for code, waarde in totalen.items()}},
            rijen=rijen,
            ckg=staat.voorziening.organisatietype == Organisatietype.CKG,
            initial={"versie": staat.versie},
        )
        invullen.totalen_opslaan(
            staat_pk=staat.pk,
            versie=gezien,
            totalen=form.totalen(),
            gebruiker=request.user,
            verzenden=data.get("verzenden") is True,
        )
        staat = selectors.kwartaalstaat_get(pk=pk)
        return met_etag(Response(s.KwartaalSerializer(_inhoud(staat)).data), staat)
