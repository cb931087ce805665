"""Read-only: the bezettingsgraad for a period (000 §14.1), computed as 'Bereken
bezettingsgraad' computes it, per typemodule and weighted."""

from django.http import QueryDict
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.views.basis import BincAPIView, geweigerd
from bezetting.engine.bezetting import bezetting
from bezetting.forms import BezettingForm
from bezetting.selectors import gegevens_overzicht, typemodule_keuzes


def _ratio(ratio) -> dict:
    return {"teller": None, "noemer": None, "melding": "", **ratio.als_dict()}


class Bezetting(BincAPIView):
    @extend_schema(
        operation_id="bezetting",
        summary="De bezettingsgraad van je voorziening voor een periode",
        description="Zoals 'Bereken bezettingsgraad' (000 §14.1): per typemodule teller, noemer "
        "en graad (of waarom er geen is), en het gewogen gemiddelde. De periode is hoogstens een "
        "jaar.",
        parameters=[
            OpenApiParameter("van", str, required=True, description="JJJJ-MM-DD"),
            OpenApiParameter("tot", str, required=True, description="JJJJ-MM-DD, inbegrepen"),
            OpenApiParameter(
                "typemodules",
                str,
                many=True,
                required=True,
                explode=True,
                description="Typemodulecodes; herhaal de parameter voor meerdere.",
            ),
        ],
        responses=s.antwoorden({200: s.BezettingSerializer}, 400),
    )
    def get(self, request):
        voorziening = request.koppeling.voorziening
        keuzes = typemodule_keuzes(voorziening)
        data = QueryDict(mutable=True)
        for naam in ("van", "tot", "typemodules"):
            data.setlist(naam, request.query_params.getlist(naam))
        form = BezettingForm(data, keuzes=keuzes)
        if not form.is_valid():
            raise geweigerd(form)
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        gegevens = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
        resultaat = bezetting(gegevens, van, tot, form.cleaned_data["typemodules"])
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
