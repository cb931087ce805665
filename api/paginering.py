"""One way to page every list of the API, the change feed included: `limit` (1 to 200, 50 when
left out) and `cursor` (from the previous answer); every list answers `resultaten`,
`volgende` and `meer`. A list's cursor is opaque and `volgende` the address of the next page
(null at the end); the feed's cursor is a position in the log, so `volgende` is always the
next question to ask and `meer` says whether it already holds more."""

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from api.problemen import Ongeldig

STANDAARD = 50
HOOGSTENS = 200

PARAMETERS = [
    OpenApiParameter(
        "limit", int, description=f"Hoeveel per pagina: 1 tot {HOOGSTENS} ({STANDAARD} zonder)."
    ),
    OpenApiParameter("cursor", str, description="Uit `volgende` van de vorige pagina."),
]


def limiet(request) -> int:
    """`limit` as asked, refused when it is not a number from 1 to HOOGSTENS."""
    waarde = request.query_params.get("limit")
    if waarde is None:
        return STANDAARD
    if not (waarde.isascii() and waarde.isdigit() and 1 <= int(waarde) <= HOOGSTENS):
        raise Ongeldig({"limit": [f"Geef een aantal van 1 tot {HOOGSTENS}."]})
    return int(waarde)


class _Cursor(CursorPagination):
    cursor_query_param = "cursor"

    def __init__(self, ordering: tuple[str, ...], limit: int) -> None:
        self.ordering = ordering
        self.page_size = limit


def pagina(request, view, queryset: QuerySet, serializer_class, *, ordering) -> Response:
    """A page of `queryset` in `ordering` (unique in its last field), serialised."""
    cursor = _Cursor(ordering, limiet(request))
    try:
        rijen = cursor.paginate_queryset(queryset, request, view=view)
    except NotFound:
        raise Ongeldig(
            {"cursor": ["Geef de cursor uit 'volgende' van de vorige pagina."]}
        ) from None
    volgende = cursor.get_next_link()
    return Response(
        {
            "resultaten": serializer_class(rijen, many=True).data,
            "volgende": volgende,
            "meer": volgende is not None,
        }
    )


def pagina_serializer(naam: str, serializer_class) -> type[serializers.Serializer]:
    """The document's shape of a page of `serializer_class`."""
    return type(
        naam,
        (serializers.Serializer,),
        {
            "resultaten": serializer_class(many=True),
            "volgende": serializers.URLField(
                allow_null=True, help_text="De volgende pagina, of null: dit was de laatste."
            ),
            "meer": serializers.BooleanField(help_text="Of er een volgende pagina is."),
        },
    )
