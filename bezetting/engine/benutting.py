"""Benuttingsgraad (000 §13): the kwartaal's registered benutting against the inzetbare
capaciteit (erkend - innovatief - verzekerd), per quarter; several quarters Σ / Σ."""

import datetime
from fractions import Fraction

from bezetting.engine.bezetting import Bezetting, bezetting_ob, kwartaal_grenzen
from bezetting.engine.dagen import aantal_dagen
from bezetting.engine.model import Gegevens, Ratio

D = datetime.date
GEEN_FORMULE = "Voor deze typemodule berekent Binc geen benuttingsgraad."
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


def _geregistreerd(gegevens: Gegevens, code: str, jaar: int, nummer: int) -> Fraction:
    return sum(
        (
            Fraction(b.benutting)
            for b in gegevens.kwartaal
            if b.typemodule == code and (b.jaar, b.kwartaal) == (jaar, nummer)
        ),
        Fraction(0),
    )


def benutting(gegevens: Gegevens, kwartalen: list[tuple[int, int]], codes: list[str]) -> Bezetting:
    """000 §13 per typemodule and weighted, over one or more quarters. Capacity is the value in
    force on the quarter's last day (for CaH on 31 December, as the manual says)."""
    result = Bezetting()
    gewogen = Ratio()
    per_code = {code: Ratio() for code in codes}
    for jaar, nummer in kwartalen:
        begin, einde = kwartaal_grenzen(jaar, nummer)
        verblijf_gedeeld = False
        for code in codes:
            typemodule = gegevens.typemodules[code]
            teller = _geregistreerd(gegevens, code, jaar, nummer)
            functie = typemodule.functie
            intensiteit = Fraction(typemodule.intensiteit)
            if functie == "verblijf":
                # 000 §13: every verblijf typemodule shares the verblijf denominator.
                verblijf = sum(
                    (
                        _inzetbaar(gegevens, c, einde)
                        for c, t in gegevens.typemodules.items()
                        if t.in_verblijfscapaciteit
                    ),
                    Fraction(0),
                )
                noemer = verblijf * intensiteit * aantal_dagen(begin, einde)
                ratio = Ratio(teller, noemer)
                gewogen.teller += teller
                if not verblijf_gedeeld:
                    gewogen.noemer += noemer
                    verblijf_gedeeld = True
            elif functie == "ondersteunende_begeleiding":
                # 000 §13: the benuttingsgraad of OB is its bezettingsgraad.
                ratio = bezetting_ob(gegevens, (jaar, nummer), (jaar, nummer), [code]).gewogen
                gewogen += ratio
            elif functie in ("dagbegeleiding", "contextbegeleiding", "crisishulp"):
                inzetbaar = _inzetbaar(gegevens, code, einde)
                if functie == "dagbegeleiding":
                    noemer = inzetbaar * intensiteit * werkdagen(begin, einde)
                elif functie == "contextbegeleiding":
                    noemer = inzetbaar * intensiteit * CONTEXT_WEKEN
                else:
                    noemer = _inzetbaar(gegevens, code, D(jaar, 12, 31)) * CAH_UREN
                ratio = Ratio(teller, noemer)
                gewogen += ratio
            else:
                ratio = Ratio(melding=GEEN_FORMULE)
            per_code[code] = per_code[code] + ratio
    result.typemodules = per_code
    result.gewogen = gewogen
    return result
