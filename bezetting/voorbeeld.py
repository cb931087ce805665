"""Beyond the real Binc: while a medewerker fills in a schakeling, how it changes the
voorziening's bezetting of the typemodules it touches, on its begin date and over the current
quarter, against capacity; a warning when it pushes a typemodule above 100 %."""

import dataclasses
import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from bezetting.engine.bezetting import bezetting, kwartaal_grenzen
from bezetting.engine.model import Gegevens, Module, Schakeling
from bezetting.selectors import gegevens_voor
from binc.access import medewerker_required
from binc.models import Module as ModuleModel
from dossiers.selectors import dossier_get

NIEUW = "nieuw"


def _datum(tekst: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(tekst or "")
    except ValueError:
        return None


def _met_schakeling(gegevens: Gegevens, schakeling: Schakeling, vervangt: str | None) -> Gegevens:
    andere = [s for s in gegevens.schakelingen if s.id != vervangt]
    return dataclasses.replace(gegevens, schakelingen=[*andere, schakeling])


@medewerker_required
@require_GET
def voorbeeld(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = dossier_get(pk=pk)
    begin = _datum(request.GET.get("begindatum"))
    einde = _datum(request.GET.get("einddatum"))
    pks = [p for p in request.GET.getlist("modules") if p.isascii() and p.isdigit()]
    modules = list(ModuleModel.objects.filter(pk__in=pks).select_related("typemodule"))
    if begin is None or not modules or (einde is not None and einde < begin):
        return render(request, "bezetting/_voorbeeld.html", {"rijen": []})
    vandaag = timezone.localdate()
    kwartaal = kwartaal_grenzen(vandaag.year, (vandaag.month - 1) // 3 + 1)
    van, tot = min(begin, kwartaal[0]), max(begin, kwartaal[1])
    gegevens = gegevens_voor(dossier.voorziening, van, tot)
    nieuw = Schakeling(
        id=request.GET.get("schakeling") or NIEUW,
        dossier=str(dossier.pk),
        begin=begin,
        einde=einde,
        modules=tuple(Module(m.code, m.typemodule.code) for m in modules),
    )
    erbij = _met_schakeling(gegevens, nieuw, request.GET.get("schakeling"))
    met_capaciteit = {c.typemodule for c in gegevens.capaciteit}
    codes = sorted({m.typemodule.code for m in modules} & met_capaciteit)
    rijen = []
    for code in codes:
        if gegevens.typemodules[code].bezetting not in ("algemeen", "verblijf"):
            continue
        dag_voor = bezetting(gegevens, begin, begin, [code]).typemodules[code].graad
        dag_na = bezetting(erbij, begin, begin, [code]).typemodules[code].graad
        kw_voor = bezetting(gegevens, *kwartaal, [code]).typemodules[code].graad
        kw_na = bezetting(erbij, *kwartaal, [code]).typemodules[code].graad
        rijen.append(
            {
                "naam": gegevens.typemodules[code].naam,
                "dag_voor": dag_voor,
                "dag_na": dag_na,
                "kwartaal_voor": kw_voor,
                "kwartaal_na": kw_na,
                "boven": dag_na is not None and dag_na > 1,
            }
        )
    return render(
        request, "bezetting/_voorbeeld.html", {"rijen": rijen, "begin": begin, "kwartaal": kwartaal}
    )
