"""Benuttingsgraad (000 §13): the kwartaal's registered benutting against the inzetbare
capaciteit (erkend - innovatief - verzekerd), per quarter; several quarters Σ / Σ."""

import datetime
from fractions import Fraction

from bezetting.engine.bezetting import (
    IN_OVERTAL,
    Bezetting,
    bezetting_ob,
    geregistreerd,
    in_overtal_op,
    kwartaal_grenzen,
)
from bezetting.engine.dagen import aantal_dagen
from bezetting.engine.formule import benuttingsformule
from bezetting.engine.model import Gegevens, Ratio

D = datetime.date
CONTEXT_WEKEN = 13  # 000 §13: a quarter of contextbegeleiding is 13 weeks
CAH_UREN = 24  # 000 §13: 24 hours of guidance per module


def _pasen(jaar: int) -> D:
    """Easter Sunday (the Gregorian computus)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    maand = (h + ll - 7 * m + 114) // 31
    dag = (h + ll - 7 * m + 114) % 31 + 1
    return D(jaar, maand, dag)


def feestdagen(jaar: int) -> set[D]:
    """Belgium's ten legal holidays (docs/decisions.md: the working days of 000 §13)."""
    pasen = _pasen(jaar)
    return {
        D(jaar, 1, 1),
        pasen + datetime.timedelta(days=1),  # Paasmaandag
        D(jaar, 5, 1),
        pasen + datetime.timedelta(days=39),  # O.L.H. Hemelvaart
        pasen + datetime.timedelta(days=50),  # Pinkstermaandag
        D(jaar, 7, 21),
        D(jaar, 8, 15),
        D(jaar, 11, 1),
        D(jaar, 11, 11),
        D(jaar, 12, 25),
    }


def werkdagen(van: D, tot: D) -> int:
    """Monday to Friday, without Belgian legal holidays."""
    vrij = feestdagen(van.year) | feestdagen(tot.year)
    dag, aantal = van, 0
    while dag <= tot:
        if dag.weekday() < 5 and dag not in vrij:
            aantal += 1
        dag += datetime.timedelta(days=1)
    return aantal


def _inzetbaar(gegevens: Gegevens, code: str, dag: D) -> Fraction:
    rij = gegevens.capaciteit_op(code, dag)
    if rij is None:
        return Fraction(0)
    return Fraction(rij.erkend) - Fraction(rij.innovatief) - Fraction(rij.verzekerd)


def noemer_delen(
    gegevens: Gegevens, code: str, functie: str, jaar: int, nummer: int
) -> tuple[Fraction, int, Fraction]:
    """000 §13, the denominator as (inzetbare capaciteit, time, intensiteit): the capacity in
    force on the quarter's last day (for CaH on 31 December); the quarter's calendar days,
    working days or 13 weeks, for CaH 24 hours."""
    begin, einde = kwartaal_grenzen(jaar, nummer)
    typemodule = gegevens.typemodules[code]
    intensiteit = Fraction(typemodule.intensiteit)
    if functie == "verblijf":
        if typemodule.in_verblijfscapaciteit:
            # Every verblijf typemodule in the verblijf capacity shares its denominator.
            capaciteit = sum(
                (
                    _inzetbaar(gegevens, c, einde)
                    for c, t in gegevens.typemodules.items()
                    if t.in_verblijfscapaciteit
                ),
                Fraction(0),
            )
        else:
            # 000 §15: Veilig verblijf and Verblijf in een gezinshuis have their own capacity.
            capaciteit = _inzetbaar(gegevens, code, einde)
        return capaciteit, aantal_dagen(begin, einde), intensiteit
    if functie == "dagbegeleiding":
        return _inzetbaar(gegevens, code, einde), werkdagen(begin, einde), intensiteit
    if functie == "contextbegeleiding":
        return _inzetbaar(gegevens, code, einde), CONTEXT_WEKEN, intensiteit
    return _inzetbaar(gegevens, code, D(jaar, 12, 31)), CAH_UREN, Fraction(1)


def _noemer(gegevens: Gegevens, code: str, functie: str, jaar: int, nummer: int) -> Fraction:
    capaciteit, tijd, intensiteit = noemer_delen(gegevens, code, functie, jaar, nummer)
    return capaciteit * tijd * intensiteit


def benutting(gegevens: Gegevens, kwartalen: list[tuple[int, int]], codes: list[str]) -> Bezetting:
    """000 §13 per typemodule and per function group, over one or more quarters: Σ teller /
    Σ noemer. A group sums its rows, the shared verblijf denominator once per quarter; there is
    no total across functions (nights, days and hours do not add up)."""
    result = Bezetting()
    groepen: dict[str, str] = {}
    for code in codes:
        groep, waarom = benuttingsformule(gegevens.typemodules[code], gegevens.organisatietype)
        if groep and (gastheer := in_overtal_op(gegevens, code)):
            # 000 §14.2: a module 'in overtal' adds nothing of its own to a group.
            naam = gegevens.typemodules[gastheer].naam or gastheer
            groep, waarom = "", IN_OVERTAL.format(gastheer=naam)
        if groep:
            groepen[code] = groep
            result.typemodules[code] = Ratio()
        else:
            result.typemodules[code] = Ratio(melding=waarom)
    for jaar, nummer in kwartalen:
        gedeeld: set[str] = set()
        for code, groep in groepen.items():
            if groep == "ondersteunende_begeleiding":
                # 000 §13: the benuttingsgraad of OB is its bezettingsgraad.
                ratio = bezetting_ob(gegevens, (jaar, nummer), (jaar, nummer), [code]).gewogen
            else:
                teller = geregistreerd(gegevens, code, jaar, nummer)
                ratio = Ratio(teller, _noemer(gegevens, code, groep, jaar, nummer))
            result.typemodules[code] += ratio
            totaal = result.functies.setdefault(groep, Ratio())
            totaal.teller += ratio.teller
            if gegevens.typemodules[code].in_verblijfscapaciteit:
                if groep in gedeeld:
                    continue
                gedeeld.add(groep)
            totaal.noemer += ratio.noemer
    return result
