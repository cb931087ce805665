"""What a figure is made of, read from PostgreSQL: the engine's breakdown of one row (or the
weighted average, or a benutting row or function group) with the dossiers it names, in a fixed
number of queries whatever the number of dossiers."""

import datetime
from decimal import Decimal

from bezetting import weergave
from bezetting.engine.benutting import benutting
from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN, bezetting, kwartaal_grenzen
from bezetting.engine.per_dag import dagreeks
from bezetting.engine.uitsplitsing import (
    benutting_uitsplitsing,
    gewogen_uitsplitsing,
    uitsplitsing,
)
from bezetting.selectors import gegevens_overzicht, gegevens_per_periode, gegevens_voor
from binc.constants import Organisatietype
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
    # A row needs its own schakelingen only; a CKG's points all its points typemodules'.
    alleen = None if voorziening.organisatietype == Organisatietype.CKG else [rij]
    gegevens = gegevens_voor(voorziening, van, tot, typemodules=alleen)
    eigen = rij if rij in gegevens.typemodules else None
    if rij == BEGELEIDINGSPUNTEN:
        punten = gegevens.typemodules.items()
        eigen = next((c for c, t in punten if c in codes and t.bezetting == "ckg_punten"), None)
    figuur = bezetting(gegevens, van, tot, [eigen]).typemodules.get(rij) if eigen else None
    if figuur is None or figuur.melding:
        # Nothing to open: no such row, or a row whose rate the manual does not give here.
        raise KeyError(rij)
    resultaat_rij = uitsplitsing(gegevens, van, tot, rij)
    dossiers = dossier_namen(
        voorziening, {r.dossier for r in resultaat_rij.dossiers}, met_naam=met_naam
    )
    result = weergave.opbouw(resultaat_rij, weergave.rijnamen(namen), dossiers)
    if resultaat_rij.formule in ("algemeen", "verblijf"):
        result.per_dag = dagreeks(gegevens, van, tot, rij)
    return result


def bezetting_per_maand(
    voorziening: Voorziening, van: datetime.date, tot: datetime.date, codes: list[str]
) -> list[tuple[str, Decimal]]:
    """The weighted average per calendar month of the period (for a CKG from 1 January to each
    month's end: its points count per year, 000 §14.4), in one walk over the schakelingen."""
    perioden = []
    begin = van
    while begin <= tot:
        volgende = (begin.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        einde = min(tot, volgende - datetime.timedelta(days=1))
        perioden.append(
            (van if voorziening.organisatietype == Organisatietype.CKG else begin, einde)
        )
        begin = volgende
    if len(perioden) < 2:
        return []
    alle = gegevens_per_periode([voorziening], perioden, typemodules=codes)
    result = []
    for (begin, einde), gegevens in zip(perioden, alle, strict=True):
        graad = bezetting(gegevens[voorziening.pk], begin, einde, codes).gewogen.graad
        result.append((f"{einde:%m/%Y}", graad if graad is not None else Decimal(0)))
    return result


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
