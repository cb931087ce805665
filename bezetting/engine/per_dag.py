"""Occupancy per day (000 §14.2) for a row of the general or verblijf formula: the numerator
and denominator of each day, adding up to the row's figure; the chart of occupied places
against capacity draws it."""

import datetime
from fractions import Fraction

from bezetting.engine.bezetting import overtal_naar
from bezetting.engine.dagen import (
    aantal_dagen,
    capaciteit_per_dag,
    capaciteit_segmenten,
    dossiers_per_dag,
)
from bezetting.engine.model import Gegevens

D = datetime.date


def dagreeks(gegevens: Gegevens, van: D, tot: D, code: str) -> list[tuple[D, Fraction, Fraction]]:
    """000 §14.2 per day for a row of the general or verblijf formula: (day, numerator that
    day, denominator that day), the days adding up to the row's figure; for the chart of
    occupancy against capacity."""
    dagen = aantal_dagen(van, tot)
    teller = [Fraction(0)] * dagen
    for eigen in (code, *overtal_naar(gegevens, code)):
        reeks = dossiers_per_dag(gegevens.met_typemodule(eigen), _module(eigen), van, tot)
        teller = [t + n for t, n in zip(teller, reeks, strict=True)]
    for begin, einde, rij in capaciteit_segmenten(gegevens, code, van, tot):
        if rij is None:
            continue
        eerste = (begin - van).days
        reserve = Fraction(rij.verzekerd)
        gebruikt = dossiers_per_dag(
            gegevens.met_typemodule(code),
            lambda m: m.typemodule == code and m.verzekerd_aanbod,
            begin,
            einde,
        )
        for i, g in enumerate(gebruikt):
            teller[eerste + i] += Fraction(rij.innovatief) + reserve - min(Fraction(g), reserve)
    typemodule = gegevens.typemodules[code]
    if typemodule.bezetting == "verblijf" and typemodule.in_verblijfscapaciteit:
        codes = [c for c, t in gegevens.typemodules.items() if t.in_verblijfscapaciteit]
    else:
        codes = [code]
    noemer = [Fraction(0)] * dagen
    for c in codes:
        for i, (erkend, _, _) in enumerate(capaciteit_per_dag(gegevens, c, van, tot)):
            noemer[i] += Fraction(erkend)
    return [(van + datetime.timedelta(days=i), teller[i], noemer[i]) for i in range(dagen)]


def _module(code: str):
    return lambda module: module.typemodule == code
