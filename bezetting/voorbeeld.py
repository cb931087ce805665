"""Beyond the real Binc: while a medewerker fills in a schakeling, how it changes the
voorziening's bezetting of the typemodules it touches, on its begin date and over the current
quarter, against capacity; a warning when it pushes a typemodule above 100 %."""

import dataclasses
import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from bezetting.engine.bezetting import bezetting, kwartaal_grenzen
from bezetting.engine.dagen import dossierdagen
from bezetting.engine.model import Module, Schakeling
from bezetting.selectors import gegevens_per_periode, schakelingen_van_dossier
from binc.access import MedewerkerRequest, medewerker_required
from binc.forms import posted_id
from dossiers.selectors import dossier_get, modules_by_pk

if TYPE_CHECKING:
    from binc.models import Voorziening

NIEUW = "nieuw"


def _datum(tekst: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(tekst or "")
    except ValueError:
        return None


def voorbeeld_rijen(
    voorziening: "Voorziening",
    dossier_id: int,
    nieuw: Schakeling,
    vervangt: str | None,
    kwartaal: tuple[datetime.date, datetime.date],
) -> list[dict]:
    """Before and after, on the begin date and over the quarter. PostgreSQL sums everyone's
    dossier-days; only this dossier's own schakelingen are merged again with the new one."""
    eigen_voor = schakelingen_van_dossier(dossier_id)
    eigen = [s for s in eigen_voor if s.id != vervangt]
    codes = sorted({m.typemodule for m in nieuw.modules})
    uitkomst: dict[str, dict] = {}
    perioden = {"dag": (nieuw.begin, nieuw.begin), "kwartaal": kwartaal}
    if kwartaal[0] <= nieuw.begin <= kwartaal[1]:
        per_periode = gegevens_per_periode([voorziening], [*perioden.values()], typemodules=codes)
    else:
        # One walk would read every day between a distant begin date and the quarter.
        per_periode = [
            gegevens_per_periode([voorziening], [periode], typemodules=codes)[0]
            for periode in perioden.values()
        ]
    for (sleutel, (van, tot)), alle in zip(perioden.items(), per_periode, strict=True):
        basis = alle[voorziening.pk]
        dagen = dict(basis.dossierdagen or {})
        for code in codes:
            wie = _met(code)
            dagen[code] = (
                dagen.get(code, 0)
                - dossierdagen(eigen_voor, wie, van, tot)
                + dossierdagen([*eigen, nieuw], wie, van, tot)
            )
        erbij = dataclasses.replace(basis, dossierdagen=dagen, periode=(van, tot))
        met_capaciteit = {c.typemodule for c in basis.capaciteit}
        for code in codes:
            typemodule = basis.typemodules.get(code)
            if code not in met_capaciteit or typemodule is None:
                continue
            if typemodule.bezetting not in ("algemeen", "verblijf"):
                continue
            rij = uitkomst.setdefault(code, {"naam": typemodule.naam, "code": code})
            rij[f"{sleutel}_voor"] = bezetting(basis, van, tot, [code]).typemodules[code].graad
            rij[f"{sleutel}_na"] = bezetting(erbij, van, tot, [code]).typemodules[code].graad
    for rij in uitkomst.values():
        rij["boven"] = rij.get("dag_na") is not None and rij["dag_na"] > 1
    return list(uitkomst.values())


def _met(code: str):
    return lambda module: module.typemodule == code


@medewerker_required
@require_GET
def voorbeeld(request: MedewerkerRequest, pk: int) -> HttpResponse:
    dossier = dossier_get(pk=pk)
    begin = _datum(request.GET.get("begindatum"))
    einde = _datum(request.GET.get("einddatum"))
    pks = [n for p in request.GET.getlist("modules") if (n := posted_id(p)) is not None]
    modules = modules_by_pk(pks)
    if begin is None or not modules or (einde is not None and einde < begin):
        return render(request, "bezetting/_voorbeeld.html", {"rijen": []})
    vandaag = timezone.localdate()
    kwartaal = kwartaal_grenzen(vandaag.year, (vandaag.month - 1) // 3 + 1)
    vervangt = request.GET.get("schakeling") or None
    nieuw = Schakeling(
        id=vervangt or NIEUW,
        dossier=str(dossier.pk),
        begin=begin,
        einde=einde,
        modules=tuple(Module(m.code, m.typemodule.code) for m in modules),
    )
    rijen = voorbeeld_rijen(dossier.voorziening, dossier.pk, nieuw, vervangt, kwartaal)
    # The quarter as the bezetting page computes it: the same figure for the same period.
    for rij in rijen:
        rij["pagina"] = urlencode(
            {
                "van": kwartaal[0].isoformat(),
                "tot": kwartaal[1].isoformat(),
                "typemodules": rij["code"],
            }
        )
    return render(
        request, "bezetting/_voorbeeld.html", {"rijen": rijen, "begin": begin, "kwartaal": kwartaal}
    )
