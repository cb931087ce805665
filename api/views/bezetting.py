"""Read-only: the bezettingsgraad for a period and the benuttingsgraad for whole
quarters, computed as the screens 'Bereken bezettingsgraad' and 'Bereken
benuttingsgraad' compute them."""

from django.http import QueryDict
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.views.basis import BincAPIView, geweigerd
from bezetting.forms import BezettingForm, KwartaalForm
from bezetting.selectors import benutting_van, bezetting_van, typemodule_keuzes

TYPEMODULES = OpenApiParameter(
    "typemodules",
    str,
    many=True,
    required=True,
    explode=True,
    description="Typemodulecodes; herhaal de parameter voor meerdere.",
)


def _ratio(ratio) -> dict:
    return {"teller": None, "noemer": None, "melding": "", **ratio.als_dict()}


def _formulier(request, form_class, **kwargs):
    """The screen's form fed with the query string, refused with its own messages."""
    data = QueryDict(mutable=True)
    for naam in ("van", "tot", "typemodules"):
        data.setlist(naam, request.query_params.getlist(naam))
    form = form_class(data, **kwargs)
    if not form.is_valid():
        raise geweigerd(form)
    return form


class Bezetting(BincAPIView):
    @extend_schema(
        operation_id="bezetting",
        summary="De bezettingsgraad van je voorziening voor een periode",
        description="Zoals 'Bereken bezettingsgraad': per typemodule teller, noemer "
        "en graad (of waarom er geen is), en het gewogen gemiddelde. De periode is hoogstens een "
        "jaar.",
        parameters=[
            OpenApiParameter("van", str, required=True, description="JJJJ-MM-DD"),
            OpenApiParameter("tot", str, required=True, description="JJJJ-MM-DD, inbegrepen"),
            TYPEMODULES,
        ],
        responses=s.antwoorden({200: s.BezettingSerializer}, 400),
    )
    def get(self, request):
        voorziening = request.koppeling.voorziening
        keuzes = typemodule_keuzes(voorziening)
        form = _formulier(request, BezettingForm, keuzes=keuzes)
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        _, resultaat = bezetting_van(voorziening, van, tot, form.cleaned_data["typemodules"])
        namen = dict(keuzes)
        inhoud = {
            "van": van,
            "tot": tot,
            "typemodules": [
                {
                    "code": code,
                    "naam": namen.get(code, code),
                    "punten": resultaat.punten.get(code),
                    **_ratio(ratio),
                }
                for code, ratio in resultaat.typemodules.items()
            ],
            "gewogen": _ratio(resultaat.gewogen),
        }
        return Response(s.BezettingSerializer(inhoud).data)


def _rij(rij) -> dict:
    return {"code": rij.code, "naam": rij.naam, **_ratio(rij.ratio)}


class Benutting(BincAPIView):
    @extend_schema(
        operation_id="benutting",
        summary="De benuttingsgraad van je voorziening per kwartaal",
        description="Zoals 'Bereken benuttingsgraad': van één tot vier kwartalen, per "
        "functie de graad en die van elke typemodule; geen graad over functies heen. "
        "Voorzieningen pleegzorg krijgen geen graad, met de reden.",
        parameters=[
            OpenApiParameter("van", str, required=True, description="Het eerste kwartaal: JJJJ-Qn"),
            OpenApiParameter(
                "tot", str, required=True, description="Het laatste kwartaal, inbegrepen: JJJJ-Qn"
            ),
            TYPEMODULES,
        ],
        responses=s.antwoorden({200: s.BenuttingSerializer}, 400),
    )
    def get(self, request):
        voorziening = request.koppeling.voorziening
        keuzes = typemodule_keuzes(voorziening, ob=None)
        form = _formulier(request, KwartaalForm, keuzes=keuzes, jaar=timezone.localdate().year)
        resultaat = benutting_van(
            voorziening, form.kwartalen(), form.cleaned_data["typemodules"], dict(keuzes)
        )
        inhoud = {
            "van": form.cleaned_data["van"],
            "tot": form.cleaned_data["tot"],
            "functies": [
                {
                    "functie": groep.functie,
                    "naam": groep.naam,
                    "totaal": _ratio(groep.totaal),
                    "typemodules": [_rij(rij) for rij in groep.rijen],
                }
                for groep in resultaat.groepen
            ],
            "zonder_graad": [_rij(rij) for rij in resultaat.zonder],
        }
        return Response(s.BenuttingSerializer(inhoud).data)
