"""The change feed: what changed in the voorziening's dossiers, by anyone (a colleague on the
screens, Opgroeien deciding a reopen or processing a year), in the order it happened, from the
activity log (000 §7), so a voorziening's own system stays in step without polling."""

import datetime

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.paginering import PARAMETERS, limiet
from api.problemen import Ongeldig
from api.views.basis import BincAPIView
from binc.selectors import activiteiten_na

# Ids are handed out before commit: a change still being saved could get a lower id than one
# already shown. Rows younger than this wait for the next question, so none is skipped.
RIJPING = datetime.timedelta(seconds=10)


class Wijzigingen(BincAPIView):
    @extend_schema(
        operation_id="wijzigingen",
        summary="Wat er veranderde na een cursor",
        parameters=[
            OpenApiParameter(
                "cursor",
                int,
                description="`volgende` van de vorige vraag; 0 of weggelaten: van het begin.",
            ),
            PARAMETERS[0],
        ],
        responses=s.antwoorden({200: s.WijzigingenSerializer}, 400),
    )
    def get(self, request):
        na = request.query_params.get("cursor", "0")
        if not (na.isascii() and na.isdigit()) or len(na) > 18:
            raise Ongeldig({"cursor": ["Geef `volgende` van de vorige vraag (een getal)."]})
        aantal = limiet(request)
        # One row more than asked says whether more is waiting.
        rijen = activiteiten_na(int(na), voor=timezone.now() - RIJPING, aantal=aantal + 1)
        getoond = rijen[:aantal]
        volgende = getoond[-1].pk if getoond else int(na)
        inhoud = {"resultaten": getoond, "volgende": volgende, "meer": len(rijen) > aantal}
        return Response(s.WijzigingenSerializer(inhoud).data)
