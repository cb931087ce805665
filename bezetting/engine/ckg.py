"""CKG begeleidingspunten (000 §14.4): per dossier and typemodule, the days of all its
schakelingen with the module, in started months of 30 days, times the typemodule's points."""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from bezetting.engine.dagen import capaciteit_per_dag, dagen_in_jaar, per_dossier
from bezetting.engine.model import Gegevens, Module, Ratio

D = datetime.date
MAAND = 30
VANAF_1_JANUARI = "De bezetting van een CKG kan enkel berekend worden vanaf 1 januari."


@dataclass(frozen=True)
class Punten:
    dagen: int
    maanden: int
    punten: int


def _dagen(intervallen: list[tuple[D, D]], van: D, tot: D) -> list[D]:
    dagen = []
    for begin, einde in intervallen:
        dag, laatste = max(begin, van), min(einde, tot)
        while dag <= laatste:
            dagen.append(dag)
            dag += datetime.timedelta(days=1)
    return dagen


def telling_vanaf(intervallen: list[tuple[D, D]], jaar: int) -> D:
    """The first day counted in `jaar`. A started month that begins on day d covers d through
    d + 29, also across the new year: counting restarts the day after the last month that began
    in December ends, also when it began on 31 December (000 §14.4, the prose example)."""
    if not intervallen:
        return D(jaar, 1, 1)
    vanaf = D(min(b for b, _ in intervallen).year, 1, 1)
    for vorig in range(vanaf.year, jaar):
        dagen = _dagen(intervallen, vanaf, D(vorig, 12, 31))
        starts = dagen[::MAAND]  # the first day of each started month
        december = [d for d in starts if d.month == 12]
        volgende = december[-1] + datetime.timedelta(days=MAAND) if december else None
        vanaf = max(volgende, D(vorig + 1, 1, 1)) if volgende else D(vorig + 1, 1, 1)
    return vanaf


def _met(code: str) -> Callable[[Module], bool]:
    """The modules that earn points: a module used as verzekerd aanbod earns none, its points
    are in the capacity's verzekerd aanbod, counted full; crisisbegeleiding ticked in a
    crisisverblijf schakeling has zeros there and earns nothing (000 §14.4, §15)."""
    return lambda module: module.typemodule == code and not module.verzekerd_aanbod


def ckg_punten(
    gegevens: Gegevens, jaar: int, tot: D, codes: list[str]
) -> tuple[dict[str, dict[str, Punten]], Ratio | None]:
    """Per dossier and typemodule the days, started months and points in `jaar` up to `tot`;
    and the rate where there is capacity: (Σ points + (innovatief + verzekerd) * x/365) /
    (erkend * x/365), a capacity change splitting x (366 in a leap year)."""
    begin_jaar = D(jaar, 1, 1)
    per: dict[str, dict[str, Punten]] = {}
    totaal = 0
    for code in codes:
        typemodule = gegevens.typemodules[code]
        alle = per_dossier(gegevens.schakelingen, _met(code), D(1900, 1, 1), tot)
        for dossier, intervallen in alle.items():
            vanaf = telling_vanaf(intervallen, jaar)
            dagen = len(_dagen(intervallen, max(vanaf, begin_jaar), min(tot, D(jaar, 12, 31))))
            if not dagen:
                continue
            maanden = math.ceil(dagen / MAAND)
            punten = maanden * typemodule.ckg_punten
            per.setdefault(dossier, {})[code] = Punten(dagen, maanden, punten)
            totaal += punten
    heeft_capaciteit = any(c.typemodule in codes for c in gegevens.capaciteit)
    if not heeft_capaciteit:
        return per, None
    ratio = Ratio(Fraction(totaal))
    for code in codes:
        for erkend, innovatief, verzekerd in capaciteit_per_dag(gegevens, code, begin_jaar, tot):
            deel = Fraction(1, dagen_in_jaar(jaar))
            ratio.teller += (Fraction(innovatief) + Fraction(verzekerd)) * deel
            ratio.noemer += Fraction(erkend) * deel
    return per, ratio
