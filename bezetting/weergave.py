"""The engine's result as a person reads it, on the screen and in the export alike: the rows of
the table, the points a CKG's typemodules earned and the benutting per function group. What the
numerators and denominators count is said under each table (templates/bezetting/_uitleg.html)."""

from dataclasses import dataclass, field

from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN, Bezetting
from bezetting.engine.model import Gegevens, Ratio
from binc.constants import Functie

BEGELEIDINGSPUNTEN_NAAM = "Begeleidingspunten (mobiele en ambulante werking)"


@dataclass
class Rij:
    naam: str
    ratio: Ratio
    # A CKG's points typemodule shows the points it earned, not a rate of its own.
    punten: int | None = None
    # The typemodule's code; none for a total.
    code: str = ""


def bezetting_rijen(resultaat: Bezetting, namen: dict[str, str]) -> list[Rij]:
    """The rows of 'Bereken bezettingsgraad': one per typemodule; a CKG's points typemodules
    with their points, and the begeleidingspunten's one rate once."""
    namen = {**namen, BEGELEIDINGSPUNTEN: BEGELEIDINGSPUNTEN_NAAM}
    return [
        Rij(namen.get(code, code), ratio, resultaat.punten.get(code), code)
        for code, ratio in resultaat.typemodules.items()
    ]


def formules(gegevens: Gegevens, codes: list[str]) -> set[str]:
    """The formulas of 000 §14 the listed typemodules use: the screen explains each one."""
    return {gegevens.typemodules[code].bezetting for code in codes}


@dataclass
class Groep:
    functie: str
    naam: str
    totaal: Ratio
    rijen: list[Rij] = field(default_factory=list)


@dataclass
class Benutting:
    groepen: list[Groep]
    # The typemodules the manual gives no benuttingsgraad, with why.
    zonder: list[Rij]


def benutting_groepen(resultaat: Bezetting, gegevens: Gegevens, namen: dict[str, str]) -> Benutting:
    """000 §13: per function group its typemodules and its total; no total across functions."""
    groepen = {
        functie: Groep(functie, Functie(functie).label, totaal)
        for functie, totaal in resultaat.functies.items()
    }
    zonder = []
    for code, ratio in resultaat.typemodules.items():
        functie = gegevens.typemodules[code].functie
        rij = Rij(namen.get(code, code), ratio, code=code)
        if functie in groepen and not ratio.melding:
            groepen[functie].rijen.append(rij)
        else:
            zonder.append(rij)
    return Benutting(list(groepen.values()), zonder)
