"""The catalogue as the voorziening sees it: the typemodules (their codes name them in
bezetting, benutting and kwartalen) and the modules it may use, with their periods."""

from drf_spectacular.utils import extend_schema

from api import serializers as s
from api.paginering import PARAMETERS, pagina
from api.views.basis import BincAPIView
from binc.selectors import modules_met_perioden, typemodules


class Typemodules(BincAPIView):
    @extend_schema(
        operation_id="typemodules_lijst",
        summary="Alle typemodules, met hun code",
        parameters=PARAMETERS,
        responses=s.antwoorden({200: s.TypemodulePaginaSerializer}, 400),
    )
    def get(self, request):
        return pagina(request, self, typemodules(), s.TypemoduleSerializer, ordering=("code",))


class Modules(BincAPIView):
    @extend_schema(
        operation_id="modules_lijst",
        summary="De modules die je voorziening mag gebruiken, met hun typemodule en perioden",
        parameters=PARAMETERS,
        responses=s.antwoorden({200: s.ModulePaginaSerializer}, 400),
    )
    def get(self, request):
        modules = modules_met_perioden(request.voorziening)
        return pagina(request, self, modules, s.ModuleSerializer, ordering=("code",))
