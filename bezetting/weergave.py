"""The engine's result as a person reads it, on the screen and in the export alike: the rows of
the table, the points a CKG's typemodules earned and the benutting per function group. What the
numerators and denominators count is said under each table (templates/bezetting/_uitleg.html)."""

import datetime
from dataclasses import dataclass, field
from fractions import Fraction

from bezetting import grafiek
from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN, VERBLIJFSCAPACITEIT, Bezetting
from bezetting.engine.model import Gegevens, Ratio
from bezetting.engine.uitsplitsing import EENHEDEN, DossierRegel, Regel, Uitsplitsing
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
    # The numerator's part from the schakelingen; the rest is innovatief and verzekerd aanbod.
    uit_schakelingen: Fraction | None = None
    eenheid: str = ""
    # A CKG's points typemodule: its rate is the begeleidingspunten' one.
    in_punten: bool = False
    # Benutting: no total in the modulair kwartaal for any of the quarters yet.
    niet_ingevuld: bool = False

    @property
    def gereserveerd(self) -> Fraction | None:
        if self.uit_schakelingen is None:
            return None
        return self.ratio.teller - self.uit_schakelingen


def rijnamen(namen: dict[str, str]) -> dict[str, str]:
    return {**namen, BEGELEIDINGSPUNTEN: BEGELEIDINGSPUNTEN_NAAM}


def bezetting_rijen(
    resultaat: Bezetting, namen: dict[str, str], gegevens: Gegevens | None = None
) -> list[Rij]:
    """The rows of 'Bereken bezettingsgraad': one per typemodule; a CKG's points typemodules
    with their points, and the begeleidingspunten's one rate once; each with its unit and the
    part of its numerator from the schakelingen."""
    namen = rijnamen(namen)
    typemodules = gegevens.typemodules if gegevens else {}
    punten = resultaat.typemodules.get(BEGELEIDINGSPUNTEN)
    rijen = []
    for code, ratio in resultaat.typemodules.items():
        formule = typemodules[code].bezetting if code in typemodules else "ckg_punten"
        rij = Rij(
            namen.get(code, code),
            ratio,
            resultaat.punten.get(code),
            code,
            resultaat.uit_schakelingen.get(code),
            EENHEDEN.get(formule, ""),
        )
        # A points typemodule shares the begeleidingspunten's rate: its message shows once.
        rij.in_punten = code != BEGELEIDINGSPUNTEN and ratio is punten
        rijen.append(rij)
    return rijen


def dekking(resultaat: Bezetting, namen: dict[str, str]) -> str:
    """What the weighted average covers, and what it leaves out with why, in a sentence."""
    namen = rijnamen(namen)
    punten = resultaat.typemodules.get(BEGELEIDINGSPUNTEN)
    mee: list[str] = []
    buiten: list[str] = []
    for code, ratio in resultaat.typemodules.items():
        if code != BEGELEIDINGSPUNTEN and ratio is punten:
            continue  # a points typemodule counts within the begeleidingspunten
        (buiten if ratio.melding else mee).append(namen.get(code, code))
    tekst = ", ".join(mee) if mee else "geen enkele typemodule"
    if punten is not None and VERBLIJFSCAPACITEIT in dict(resultaat.delen):
        tekst += "; verblijf telt mee aan 84 begeleidingspunten per plaats"
    if buiten:
        tekst += ". Niet mee: " + ", ".join(buiten) + " (zie de melding bij die rij)"
    return tekst


def formules(gegevens: Gegevens, codes: list[str]) -> set[str]:
    """The formulas of 000 §14 the listed typemodules use: the screen explains each one."""
    return {gegevens.typemodules[code].bezetting for code in codes}


@dataclass
class Groep:
    functie: str
    naam: str
    totaal: Ratio
    rijen: list[Rij] = field(default_factory=list)

    @property
    def eenheid(self) -> str:
        return EENHEDEN.get(self.functie, "")

    @property
    def niet_ingevuld(self) -> bool:
        return bool(self.rijen) and all(r.niet_ingevuld for r in self.rijen)


@dataclass
class Benutting:
    groepen: list[Groep]
    # The typemodules the manual gives no benuttingsgraad, with why.
    zonder: list[Rij]
    # Why a quarter's figures are not final yet (not filled in, not sent).
    staten: list[str] = field(default_factory=list)

    def niet_ingevuld(self, codes: set[str]) -> None:
        """Marks the rows with no total in any of the quarters: no rate to show yet."""
        for groep in self.groepen:
            for rij in groep.rijen:
                rij.niet_ingevuld = rij.code in codes


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


@dataclass(frozen=True)
class DossierLijn:
    regel: DossierRegel
    pk: int | None
    code: str
    naam: str
    typemodule: str

    @property
    def perioden(self) -> list[str]:
        return [f"{b:%d/%m/%Y} – {e:%d/%m/%Y}" for b, e in self.regel.perioden]


@dataclass
class Opbouw:
    """A figure and the lines it is made of, as the breakdown page and its export show them."""

    eenheid: str
    figuur: Ratio
    dossiers: list[DossierLijn] = field(default_factory=list)
    teller: list[Regel] = field(default_factory=list)
    noemer: list[Regel] = field(default_factory=list)
    # The weighted average: each line a row's numerator (waarde) and denominator (aantal).
    delen: list[Regel] = field(default_factory=list)
    # The general and verblijf formulas per day: (day, numerator, denominator).
    per_dag: list[tuple[datetime.date, Fraction, Fraction]] = field(default_factory=list)

    @property
    def stukken(self) -> list[tuple[str, str, Fraction, Fraction]]:
        """The days as stretches with the same occupancy and capacity: the chart's table."""
        result: list[tuple[str, str, Fraction, Fraction]] = []
        vorige = None
        for dag, teller, noemer in self.per_dag:
            if vorige and vorige[2:] == (teller, noemer):
                result[-1] = (result[-1][0], f"{dag:%d/%m/%Y}", teller, noemer)
            else:
                result.append((f"{dag:%d/%m/%Y}", f"{dag:%d/%m/%Y}", teller, noemer))
            vorige = (dag, dag, teller, noemer)
        return result

    @property
    def grafiek(self) -> grafiek.Lijndiagram | None:
        return grafiek.lijndiagram(
            "Bezette plaatsen per dag tegenover de erkende capaciteit",
            "plaatsen",
            [(f"{d:%d/%m}", float(t), float(n)) for d, t, n in self.per_dag],
        )

    @property
    def uit_schakelingen(self) -> Fraction:
        return sum((d.regel.waarde for d in self.dossiers), Fraction(0))

    @property
    def teller_titel(self) -> str:
        if any(r.omschrijving.startswith("Kwartaal") for r in self.teller):
            return "Teller: per kwartaal uit het modulair kwartaal"
        return "Teller: innovatief project en verzekerd aanbod"

    @property
    def gereserveerd(self) -> Fraction:
        return self.figuur.teller - self.uit_schakelingen


def opbouw(
    lijnen: Uitsplitsing, namen: dict[str, str], dossiers: dict[str, tuple[int, str, str]]
) -> Opbouw:
    def lijn(r: DossierRegel) -> DossierLijn:
        pk, code, naam = dossiers.get(r.dossier, (None, r.dossier, ""))
        return DossierLijn(r, pk, code, naam, namen.get(r.typemodule, r.typemodule))

    return Opbouw(
        lijnen.eenheid,
        lijnen.ratio,
        [lijn(r) for r in lijnen.dossiers],
        lijnen.teller_regels,
        lijnen.noemer_regels,
    )


def gewogen_opbouw(gewogen: Ratio, delen: list[Regel]) -> Opbouw:
    return Opbouw("", gewogen, delen=delen)
