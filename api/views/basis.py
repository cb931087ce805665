"""What every endpoint shares: the koppeling's voorziening as the tenancy context, one
transaction per request, Idempotency-Key, ETag/If-Match and the screens' forms as the one
validation of what comes in."""

import re
from contextlib import ExitStack
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotModified, QueryDict
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response
from rest_framework.views import APIView

from api import services
from api.problemen import Ongeldig, VoorwaardeOntbreekt, probleem
from api.toegang import HeeftScope, KoppelingAuthentication, PerKoppeling
from binc.selectors import module_ids_op_code
from binc.tenancy import voorziening_context
from lib.concurrency import Conflict
from lib.formvelden import JaNeeField

SLEUTEL_MAX = 100
IDEMPOTENTIE = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="Een eigen sleutel (bv. een UUID) van hoogstens 100 tekens: hetzelfde verzoek "
    "met dezelfde sleutel krijgt binnen 24 uur hetzelfde antwoord, zonder iets een tweede keer "
    "te doen.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description='De ETag van wat je wijzigt, zoals je het las (bv. "3"), of * om te wijzigen '
    "wat er nu is. Een zwakke ETag (W/) past nooit bij een wijziging.",
)
ETAG = re.compile(r'^(W/)?"(\d{1,9})"$')


class Herhaling(Exception):
    """The request repeats an Idempotency-Key: the kept answer, or a refusal."""

    def __init__(self, response: Response) -> None:
        self.response = response


class BincAPIView(APIView):
    authentication_classes = [KoppelingAuthentication]
    permission_classes = [HeeftScope]
    throttle_classes = [PerKoppeling]
    # A refused request changes nothing; a view whose audit trail must outlive a refusal (a
    # register lookup is logged whatever follows) says so.
    fout_terugdraaien = True

    def dispatch(self, request, *args, **kwargs):
        # Closed whatever happens: an error that escapes rolls the transaction back.
        with ExitStack() as self._stack:
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Everything the request does, or nothing; the koppeling's voorziening only.
        self._stack.enter_context(transaction.atomic())
        self._in_transactie = True
        # The koppeling's voorziening, as the screens' middleware sets the chosen one.
        request.voorziening = request.koppeling.voorziening
        self._stack.enter_context(voorziening_context(request.voorziening))
        self._sleutel = request.headers.get("Idempotency-Key", "")
        if len(self._sleutel) > SLEUTEL_MAX:
            # Cut short, two long keys would share their start and collide.
            raise Ongeldig(
                {"Idempotency-Key": [f"Een Idempotency-Key is hoogstens {SLEUTEL_MAX} tekens."]}
            )
        if request.method == "POST" and self._sleutel:
            self._idempotent(request)

    def _idempotent(self, request) -> None:
        self._vingerafdruk = services.vingerafdruk(request.method, request.path, request.body)
        kept = services.antwoord_zoeken(request.koppeling, self._sleutel)
        if kept is None:
            try:
                # Claims the key now: a second request with it waits here until this one
                # committed or rolled back.
                with transaction.atomic():
                    services.antwoord_bewaren(
                        koppeling=request.koppeling,
                        sleutel=self._sleutel,
                        vingerafdruk=self._vingerafdruk,
                        status=0,
                        inhoud=None,
                        koppen={},
                    )
                return
            except IntegrityError:
                kept = services.antwoord_zoeken(request.koppeling, self._sleutel)
        if kept is None or kept.vingerafdruk != self._vingerafdruk:
            raise Herhaling(
                probleem(
                    request,
                    "sleutel_hergebruikt",
                    "Deze Idempotency-Key werd al gebruikt voor een ander verzoek.",
                )
            )
        response = Response(kept.inhoud, status=kept.status)
        for kop, waarde in kept.koppen.items():
            response[kop] = waarde
        response["Idempotent-Replayed"] = "true"
        raise Herhaling(response)

    def handle_exception(self, exc):
        if isinstance(exc, Herhaling):
            # The kept answer, or the refusal of a reused key: this request changes nothing,
            # and the key's kept answer stays the first request's.
            transaction.set_rollback(True)
            self._in_transactie = False
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if _niet_gewijzigd(request, response):
            response = HttpResponseNotModified(headers={"ETag": response["ETag"]})
        if not getattr(self, "_in_transactie", False):
            return response  # refused before the request's transaction began, or a repeat
        sleutel = getattr(self, "_sleutel", "")
        if response.status_code >= 500:
            transaction.set_rollback(True)
        elif response.status_code >= 400:
            if self.fout_terugdraaien:
                transaction.set_rollback(True)
            else:
                services.antwoord_afronden(
                    koppeling=request.koppeling, sleutel=sleutel, status=response.status_code
                )
        elif request.method == "POST" and sleutel:
            services.antwoord_afronden(
                koppeling=request.koppeling,
                sleutel=sleutel,
                status=response.status_code,
                inhoud=response.data,
                koppen={k: response[k] for k in ("Location", "ETag") if response.has_header(k)},
            )
        return response


def _niet_gewijzigd(request, response) -> bool:
    """If-None-Match as RFC 9110 §13.1.2: a read of what the client holds (weak comparison:
    `W/"3"` is `"3"`; `*` is anything) answers 304 without a body."""
    waarde = request.headers.get("If-None-Match", "")
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or not waarde:
        return False
    if not response.has_header("ETag"):
        return False
    gehouden = {t.strip().removeprefix("W/") for t in waarde.split(",")}
    return "*" in gehouden or response["ETag"].removeprefix("W/") in gehouden


def etag(obj) -> str:
    """The version the screens use (000 §11): first save wins."""
    return f'"{obj.versie}"'


def met_etag(response: Response, obj) -> Response:
    response["ETag"] = etag(obj)
    return response


def versie(request, huidig: int, *, de_dienst_beslist: bool = False) -> int:
    """If-Match as RFC 9110 §13.1.1, required for a change (428 without): `*` matches the
    current version; otherwise one of the listed strong tags must be it (a weak tag never
    matches a change), else someone saved first (412); a value that does not parse is refused
    (400). Answers the version the change is made against; the service checks it again under
    its lock. `de_dienst_beslist`: a tag that is not the current one goes to the service,
    which has its own answer (a registration form made meanwhile: the manual's 409)."""
    waarde = request.headers.get("If-Match", "").strip()
    if not waarde:
        raise VoorwaardeOntbreekt()
    if waarde == "*":
        return huidig
    sterk = set()
    for tag in (t.strip() for t in waarde.split(",")):
        gevonden = ETAG.match(tag)
        if gevonden is None:
            raise Ongeldig({"If-Match": ['Geef de ETag zoals Binc hem gaf (bv. "3"), of *.']})
        if not gevonden.group(1):
            sterk.add(int(gevonden.group(2)))
    if huidig in sterk:
        return huidig
    if de_dienst_beslist and len(sterk) == 1:
        return sterk.pop()
    raise Conflict()


F = TypeVar("F", bound=forms.BaseForm)


def formulier(form_class: type[F], data: Any, **kwargs: Any) -> F:
    """The screen's form fed with the JSON body, as a browser would post it: a field left out
    keeps what the screen shows (its default, or the stored value when changing); refused
    with the form's own messages."""
    if not isinstance(data, dict):
        raise Ongeldig({"": ["Verwacht een JSON-object."]})
    getoond = form_class(**kwargs)
    post = QueryDict(mutable=True)
    for naam, veld in getoond.fields.items():
        if naam not in data:
            waarde = getoond[naam].value()
        elif isinstance(veld, forms.ModelMultipleChoiceField) and _modules(veld):
            waarde = _module_ids(data[naam])
        else:
            waarde = data[naam]
        if waarde is None:
            continue  # left empty, as a browser leaves out an empty list
        waarden = waarde if isinstance(waarde, list) else [waarde]
        post.setlist(naam, [_als_tekst(veld, w) for w in waarden])
    form = form_class(post, **kwargs)
    if not form.is_valid():
        raise geweigerd(form)
    return form


def geweigerd(form: forms.BaseForm) -> Ongeldig:
    """The form's own messages, per field, as the API's refusal."""
    fouten = form.errors.get_json_data()
    return Ongeldig(
        {naam: [(f["message"], f["code"]) for f in lijst] for naam, lijst in fouten.items()}
    )


def _modules(veld: forms.ModelMultipleChoiceField) -> bool:
    return veld.queryset is not None and veld.queryset.model._meta.label == "binc.Module"


def _module_ids(codes) -> list[str]:
    """Modules by their moduledatabank code; an unknown code stays, so the form refuses it."""
    codes = codes if isinstance(codes, list) else [codes]
    ids = module_ids_op_code([str(c) for c in codes])
    return [str(ids.get(str(c), f"onbekend:{c}")) for c in codes]


def _als_tekst(veld, waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(veld, JaNeeField) and isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(veld, forms.BooleanField):
        return "on" if waarde is True else ""
    return str(waarde)
