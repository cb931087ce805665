"""What a figure is made of, read from PostgreSQL: the engine's breakdown of one row (or the
weighted average, or a benutting row or function group) with the dossiers it names, in a fixed
number of queries whatever the number of dossiers."""

import datetime

from bezetting import weergave
from bezetting.engine.benutting import benutting
from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN, bezetting, kwartaal_grenzen
from bezetting.engine.uitsplitsing import (
    benutting_uitsplitsing,
    gewogen_uitsplitsing,
    uitsplitsing,
)
from bezetting.selectors import gegevens_overzicht, gegevens_voor
from binc.models import Voorziening
from dossiers.models import Dossier

GEWOGEN = "gewogen"


def dossier_namen(
    voorziening: Voorziening, ids: set[str], *, met_naam: bool
) -> dict[str, tuple[int, str, str]]:
    """Per dossier id its pk, code and, for the voorziening's own staff, the client's name
    (Opgroeien sees the code only: docs/decisions.md)."""
    velden = ["pk", "code", "client__naam", "client__voornaam"] if met_naam else ["pk", "code"]
    rijen = Dossier.objects.filter(voorziening=voorziening, pk__in=[int(i) for i in ids])
    result = {}
    for pk, code, *naam in rijen.values_list(*velden):
        result[str(pk)] = (pk, code, " ".join(naam[::-1]) if naam else "")
    return result


def bezetting_opbouw(
    voorziening: Voorziening,
    van: datetime.date,
    tot: datetime.date,
    codes: list[str],
    rij: str,
    namen: dict[str, str],
    *,
    met_naam: bool,
) -> weergave.Opbouw:
    """One row of 'Bereken bezettingsgraad' (or GEWOGEN, its weighted average) as lines."""
    if rij == GEWOGEN:
        gegevens = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
        resultaat = bezetting(gegevens, van, tot, codes)
        regels = gewogen_uitsplitsing(resultaat, weergave.rijnamen(namen))
        return weergave.gewogen_opbouw(resultaat.gewogen, regels)
    gegevens = gegevens_voor(voorziening, van, tot)
    eigen = rij if rij in gegevens.typemodules else None
    if rij == BEGELEIDINGSPUNTEN:
        eigen = next((c for c in codes if c in gegevens.typemodules), None)
    figuur = bezetting(gegevens, van, tot, [eigen]).typemodules.get(rij) if eigen else None
    if figuur is None or figuur.melding:
        # Nothing to open: no such row, or a row whose rate the manual does not give here.
        raise KeyError(rij)
    resultaat_rij = uitsplitsing(gegevens, van, tot, rij)
    dossiers = dossier_namen(
        voorziening, {r.dossier for r in resultaat_rij.dossiers}, met_naam=met_naam
    )
    return weergave.opbouw(resultaat_rij, weergave.rijnamen(namen), dossiers)


def benutting_opbouw(
    voorziening: Voorziening,
    kwartalen: list[tuple[int, int]],
    codes: list[str],
    rij: str,
    namen: dict[str, str],
) -> weergave.Opbouw:
    """A benutting row (a typemodule) or function group ('functie:<naam>') as lines."""
    van = kwartaal_grenzen(*kwartalen[0])[0]
    tot = kwartaal_grenzen(*kwartalen[-1])[1]
    gegevens = gegevens_voor(voorziening, van, tot)
    functie = rij.removeprefix("functie:") if rij.startswith("functie:") else ""
    resultaat = benutting(gegevens, kwartalen, codes)
    figuur = resultaat.functies.get(functie) if functie else resultaat.typemodules.get(rij)
    if figuur is None or figuur.melding:
        raise KeyError(rij)
    lijnen = benutting_uitsplitsing(gegevens, kwartalen, codes if functie else [rij], functie)
    return weergave.opbouw(lijnen, namen, {})
