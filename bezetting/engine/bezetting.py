"""Bezettingsgraad (000 §14.2): per day (per quarter for OB) a numerator and a denominator; a
period sums each, several typemodules sum again (the weighted average)."""

import datetime
import math
from dataclasses import dataclass, field
from fractions import Fraction

from bezetting.engine.dagen import (
    aantal_dagen,
    capaciteit_per_dag,
    dagen_in_jaar,
    dossiers_per_dag,
)
from bezetting.engine.model import Gegevens, Ratio, Schakeling

D = datetime.date
PLEEGZORG = (
    "Voorzieningen pleegzorg kunnen geen bezettingsgraad berekenen: zij worden niet erkend op "
    "basis van capaciteit."
)
TE_LANG = "De bezettingsgraad kan voor hoogstens 1 jaar berekend worden."
OMGEKEERD = "De einddatum ligt vóór de begindatum."
ENKEL_PER_KWARTAAL = "Ondersteunende begeleiding wordt enkel per kwartaal berekend."
# 000 §14.2 (CaH): the rate divides by erkende capaciteit * 8. The manual does not say over which
# span; this project reads it as 8 per place per year, pro rata per day (docs/decisions.md).
CAH_PER_JAAR = 8


@dataclass
class Bezetting:
    typemodules: dict[str, Ratio] = field(default_factory=dict)
    gewogen: Ratio = field(default_factory=Ratio)
    melding: str = ""


def periode_fout(organisatietype: str, van: D, tot: D) -> str:
    if organisatietype.upper() == "PLEEGZORG":
        return PLEEGZORG
    if tot < van:
        return OMGEKEERD
    # 'Maximum one year': up to the same date a year later, minus one day.
    try:
        grens = van.replace(year=van.year + 1)
    except ValueError:  # 29 February
        grens = D(van.year + 1, 3, 1)
    if tot >= grens:
        return TE_LANG
    return ""


def _dag_ratio(gegevens: Gegevens, code: str, van: D, tot: D, noemer_per_dag: list) -> Ratio:
    """000 §14.2 ALGEMEEN / VERBLIJF one day: (active + innovatief + reserved verzekerd - used as
    verzekerd) / capacity; summed over the days. Use beyond the reserved places counts as
    regular (000 §14.4)."""
    actief = dossiers_per_dag(gegevens.schakelingen, lambda m: m.typemodule == code, van, tot)
    gebruikt = dossiers_per_dag(
        gegevens.schakelingen, lambda m: m.typemodule == code and m.verzekerd_aanbod, van, tot
    )
    capaciteit = capaciteit_per_dag(gegevens, code, van, tot)
    teller = Fraction(0)
    for dag, (_, innovatief, verzekerd) in enumerate(capaciteit):
        reserve = Fraction(verzekerd)
        teller += (
            actief[dag] + Fraction(innovatief) + reserve - min(Fraction(gebruikt[dag]), reserve)
        )
    return Ratio(teller, sum((Fraction(n) for n in noemer_per_dag), Fraction(0)))


def verblijfscapaciteit_per_dag(gegevens: Gegevens, van: D, tot: D) -> list[Fraction]:
    """000 §15: all verblijf typemodules summed, except Veilig verblijf and Verblijf in een
    gezinshuis (the catalogue's in_verblijfscapaciteit)."""
    totaal = [Fraction(0)] * aantal_dagen(van, tot)
    for code, typemodule in gegevens.typemodules.items():
        if not typemodule.in_verblijfscapaciteit:
            continue
        for dag, (erkend, _, _) in enumerate(capaciteit_per_dag(gegevens, code, van, tot)):
            totaal[dag] += Fraction(erkend)
    return totaal


def cah_inzet(schakeling: Schakeling, tot: D) -> int:
    """000 §14.2 CaH: (days - 1) * 2 / 7 rounded up to the next even number (an even result
    stays); 2 for a one-day schakeling. A running schakeling counts up to the period's end."""
    dagen = aantal_dagen(schakeling.begin, min(schakeling.einde or tot, tot))
    if dagen <= 1:
        return 2
    inzet = math.ceil(Fraction((dagen - 1) * 2, 7))
    return inzet + inzet % 2


def cah_schakelingen(gegevens: Gegevens, code: str, van: D, tot: D) -> list[Schakeling]:
    """The schakelingen with this module that start in the period: a schakeling counts once,
    in the period it starts in (docs/decisions.md)."""
    return [
        s
        for s in gegevens.schakelingen
        if van <= s.begin <= tot and any(m.typemodule == code for m in s.modules)
    ]


def _cah_noemer(gegevens: Gegevens, code: str, van: D, tot: D) -> Fraction:
    noemer = Fraction(0)
    dag = van
    for erkend, _, _ in capaciteit_per_dag(gegevens, code, van, tot):
        noemer += Fraction(erkend) * CAH_PER_JAAR / dagen_in_jaar(dag.year)
        dag += datetime.timedelta(days=1)
    return noemer


def bezetting(gegevens: Gegevens, van: D, tot: D, codes: list[str]) -> Bezetting:
    """000 §14.1–§14.2 for a period of at most one year, per typemodule and weighted."""
    result = Bezetting()
    if melding := periode_fout(gegevens.organisatietype, van, tot):
        result.melding = melding
        for code in codes:
            result.typemodules[code] = Ratio(melding=melding)
        result.gewogen = Ratio(melding=melding)
        return result
    cah = gegevens.organisatietype.upper() == "CAH"
    verblijf_noemer = None
    gewogen = Ratio()
    for code in codes:
        typemodule = gegevens.typemodules[code]
        soort = typemodule.bezetting
        if soort == "ob":
            ratio = Ratio(melding=ENKEL_PER_KWARTAAL)
        elif soort == "verblijf":
            if verblijf_noemer is None:
                verblijf_noemer = verblijfscapaciteit_per_dag(gegevens, van, tot)
                gewogen.noemer += sum(verblijf_noemer, Fraction(0))
            ratio = _dag_ratio(gegevens, code, van, tot, verblijf_noemer)
            gewogen.teller += ratio.teller
        elif cah and soort in ("cah_begeleiding", "cah_interventie"):
            schakelingen = cah_schakelingen(gegevens, code, van, tot)
            if soort == "cah_begeleiding":
                teller = Fraction(sum(cah_inzet(s, tot) for s in schakelingen))
            else:
                teller = Fraction(len(schakelingen) * 3)
            ratio = Ratio(teller, _cah_noemer(gegevens, code, van, tot))
            gewogen += ratio
        else:
            erkend = [c[0] for c in capaciteit_per_dag(gegevens, code, van, tot)]
            ratio = _dag_ratio(gegevens, code, van, tot, erkend)
            gewogen += ratio
        if ratio.noemer == 0 and not ratio.melding:
            ratio.melding = ""  # Ratio.als_dict gives the manual's 'kan niet berekend worden'
        result.typemodules[code] = ratio
    gewogen.melding = ""
    result.gewogen = gewogen
    return result


def kwartaal_grenzen(jaar: int, kwartaal: int) -> tuple[D, D]:
    begin = D(jaar, 3 * kwartaal - 2, 1)
    einde = D(jaar + kwartaal // 4, (3 * kwartaal) % 12 + 1, 1) - datetime.timedelta(days=1)
    return begin, einde


def kwartalen_tussen(van: tuple[int, int], tot: tuple[int, int]) -> list[tuple[int, int]]:
    result, (jaar, nummer) = [], van
    while (jaar, nummer) <= tot:
        result.append((jaar, nummer))
        jaar, nummer = (jaar + 1, 1) if nummer == 4 else (jaar, nummer + 1)
    return result


# 000 §14.2 OB: one module = 12 youngsters * 10 days a year; a quarter is a quarter of that.
OB_FACTOR = Fraction(12 * 10) * Fraction(1, 4)


def bezetting_ob(
    gegevens: Gegevens, van: tuple[int, int], tot: tuple[int, int], codes: list[str]
) -> Bezetting:
    """000 §14.2 OB, per quarter: (registered benutting + (innovatief + verzekerd) * 12 * 10 *
    0.25) / (erkend * 12 * 10 * 0.25), with the capacity in force on the quarter's last day."""
    result = Bezetting()
    kwartalen = kwartalen_tussen(van, tot)
    if gegevens.organisatietype.upper() == "PLEEGZORG" or not kwartalen or len(kwartalen) > 4:
        melding = PLEEGZORG if gegevens.organisatietype.upper() == "PLEEGZORG" else TE_LANG
        result.melding = melding
        result.typemodules = {code: Ratio(melding=melding) for code in codes}
        result.gewogen = Ratio(melding=melding)
        return result
    gewogen = Ratio()
    for code in codes:
        ratio = Ratio()
        for jaar, nummer in kwartalen:
            _, laatste = kwartaal_grenzen(jaar, nummer)
            rij = gegevens.capaciteit_op(code, laatste)
            geregistreerd = sum(
                (
                    Fraction(b.benutting)
                    for b in gegevens.kwartaal
                    if b.typemodule == code and (b.jaar, b.kwartaal) == (jaar, nummer)
                ),
                Fraction(0),
            )
            if rij is None:
                ratio.teller += geregistreerd
                continue
            reserve = Fraction(rij.innovatief) + Fraction(rij.verzekerd)
            ratio.teller += geregistreerd + reserve * OB_FACTOR
            ratio.noemer += Fraction(rij.erkend) * OB_FACTOR
        result.typemodules[code] = ratio
        gewogen += ratio
    result.gewogen = gewogen
    return result
