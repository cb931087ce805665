"""Begin- and eindregistratie and the 1G1P forms (000 §5, 001 §5.2–5.3): the questions the
voorziening's form asks, with the answers it offers, the answers given and what is still
missing; saving through the screen's form and service."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.views.basis import IF_MATCH, BincAPIView, met_etag, versie
from api.views.basis import formulier as api_formulier
from api.waardesoorten import als_json, formulier_vragen
from binc.access import inzage
from binc.constants import InzageSoort
from dossiers import selectors
from registratie import services as registratie_services
from registratie.forms import registratie_formulier
from registratie.schema import ontbrekend
from registratie.selectors import waarden


def _formulier(dossier, soort: str, data=None):
    formulier = registratie_formulier(dossier, soort)
    if data is None:
        return formulier.form(), formulier
    return api_formulier(formulier.form_class, data, **formulier.kwargs), formulier


def _antwoord(dossier, soort: str) -> Response:
    form, formulier = _formulier(dossier, soort)
    velden = {n: v for n, v in form.fields.items() if n != "versie"}
    organisatietype = dossier.voorziening.organisatietype
    inhoud = {
        "soort": soort,
        "vragen": formulier_vragen(form),
        "antwoorden": {n: als_json(v, form[n].value()) for n, v in velden.items()},
        "ontbrekend": ontbrekend(soort, organisatietype, waarden(formulier.instance)),
        "versie": formulier.versie,
    }
    return met_etag(Response(s.RegistratieSerializer(inhoud).data), formulier)


class Registratie(BincAPIView):
    @extend_schema(
        operation_id="registratie_lezen",
        summary="Een registratieformulier: vragen, antwoordmogelijkheden, antwoorden",
        description="`soort`: begin, einde (organisaties) of gezinssituatie, traject (1G1P). "
        "Wat verplicht is en nog niet ingevuld staat in `ontbrekend`.",
        responses=s.antwoorden({200: s.RegistratieSerializer}, 400, 404),
    )
    def get(self, request, pk: int, soort: str):
        dossier = selectors.dossier_get(pk=pk)
        antwoord = _antwoord(dossier, soort)
        registratie_services.registratie_geopend(dossier=dossier, soort=soort)
        inzage(
            request,
            InzageSoort.REGISTRATIE,
            object_id=dossier.pk,
            client_id=dossier.client_id,
            dossier_id=dossier.pk,
        )
        return antwoord

    @extend_schema(
        operation_id="registratie_opslaan",
        summary="Antwoorden opslaan (een veld dat je weglaat, blijft zoals het was)",
        description="Zoals [Opslaan] op het scherm: bewaart wat ingevuld is, ook als nog niet "
        'alles verplichte ingevuld is (zie `ontbrekend`). If-Match: de ETag ("0" voor een '
        "formulier dat nog niet bestaat).",
        parameters=[IF_MATCH],
        request=OpenApiTypes.OBJECT,
        responses=s.antwoorden({200: s.RegistratieSerializer}, 400, 404, 409, 412, 428),
    )
    def put(self, request, pk: int, soort: str):
        dossier = selectors.dossier_get(pk=pk)
        huidig = registratie_formulier(dossier, soort).versie
        gezien = versie(request, huidig, de_dienst_beslist=True)
        data = {**request.data, "versie": gezien} if isinstance(request.data, dict) else None
        form, _ = _formulier(dossier, soort, data)
        registratie_services.registratie_opslaan(
            dossier_pk=dossier.pk,
            soort=soort,
            versie=gezien,
            values=form.values(),
            gebruiker=request.user,
        )
        return _antwoord(dossier, soort)
