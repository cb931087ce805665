"""Bezettingsgraad (000 §14.2): per day (per quarter for OB) a numerator and a denominator; a
period sums each, several typemodules sum again (the weighted average)."""

import datetime
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from bezetting.engine.ckg import VANAF_1_JANUARI, ckg_punten
from bezetting.engine.dagen import (
    aantal_dagen,
    capaciteit_segmenten,
    dagen_in_jaar,
    dossierdagen,
    dossiers_per_dag,
)
from bezetting.engine.model import Gegevens, Module, Ratio, Schakeling
from lib.dates import langer_dan_een_jaar

D = datetime.date
PLEEGZORG = (
    "Voorzieningen pleegzorg kunnen geen bezettingsgraad berekenen: zij worden niet erkend op "
    "basis van capaciteit."
)
TE_LANG = "De bezettingsgraad kan voor hoogstens 1 jaar berekend worden."
OMGEKEERD = "De einddatum ligt vóór de begindatum."
BEGELEIDINGSPUNTEN = "begeleidingspunten"
VERBLIJFSCAPACITEIT = "verblijfscapaciteit"
VERBLIJF_PUNTEN = 84  # 000 §14.4: the cost of one place divided by the cost of one point
IN_OVERTAL = (
    "Kan niet berekend worden: deze typemodule telt in overtal op {gastheer}; haar dagen tellen "
    "daar mee."
)
ENKEL_PER_KWARTAAL = "Ondersteunende begeleiding wordt enkel per kwartaal berekend."
# 000 §14.2 (CaH): the rate divides by erkende capaciteit * 8 without saying over which span.
# A crisis traject of four weeks (28 days) yields an inzet of exactly 8, so this project reads
# 8 as one place fully used for 28 days, pro rata per day (docs/decisions.md).
CAH_INZET = 8
CAH_DAGEN = 28


@dataclass
class Bezetting:
    typemodules: dict[str, Ratio] = field(default_factory=dict)
    gewogen: Ratio = field(default_factory=Ratio)
    melding: str = ""
    # 000 §13: the benuttingsgraad per function group (Σ teller / Σ noemer over its rows).
    functies: dict[str, Ratio] = field(default_factory=dict)
    # 000 §14.4: a CKG's begeleidingspunten earned per points typemodule.
    punten: dict[str, int] = field(default_factory=dict)
    # The weighted average's parts, which add up to it exactly: each row's numerator and
    # denominator, the shared verblijf capacity once (VERBLIJFSCAPACITEIT), a CKG's verblijf
    # converted to points.
    delen: list[tuple[str, Ratio]] = field(default_factory=list)
    # Per row the part of its numerator that comes from the schakelingen (dossier-days, CaH
    # inzet, points); the rest is innovatief project and verzekerd aanbod.
    uit_schakelingen: dict[str, Fraction] = field(default_factory=dict)


def periode_fout(organisatietype: str, van: D, tot: D) -> str:
    if organisatietype.upper() == "PLEEGZORG":
        return PLEEGZORG
    if tot < van:
        return OMGEKEERD
    if langer_dan_een_jaar(van, tot):
        return TE_LANG
    return ""


def _dag_ratio(
    gegevens: Gegevens, code: str, van: D, tot: D, noemer: Fraction
) -> tuple[Ratio, Fraction]:
    """000 §14.2 ALGEMEEN / VERBLIJF one day: (active + innovatief + reserved verzekerd - used as
    verzekerd) / capacity; summed over the days. Use beyond the reserved places counts as
    regular (000 §14.4). Summed per stretch of constant capacity, not day by day. Also the
    numerator's part from the schakelingen (the dossier-days)."""
    schakelingen = gegevens.met_typemodule(code)
    teller = Fraction(0)
    # 000 §14.2: the crisis modules 'in overtal' are counted on the module the capacity table
    # names, so their inzet counts for the voorziening.
    for eigen in (code, *overtal_naar(gegevens, code)):
        if gegevens.dossierdagen is not None and gegevens.periode == (van, tot):
            teller += gegevens.dossierdagen.get(eigen, 0)
        else:
            teller += dossierdagen(gegevens.met_typemodule(eigen), _met(eigen), van, tot)
    uit_schakelingen = teller
    for begin, einde, rij in capaciteit_segmenten(gegevens, code, van, tot):
        if rij is None:
            continue
        reserve = Fraction(rij.verzekerd)
        teller += (Fraction(rij.innovatief) + reserve) * aantal_dagen(begin, einde)
        teller -= verzekerd_gebruikt(schakelingen, code, begin, einde, reserve)
    return Ratio(teller, noemer), uit_schakelingen


def verzekerd_gebruikt(
    schakelingen: list[Schakeling], code: str, begin: D, einde: D, reserve: Fraction
) -> Fraction:
    """000 §14.2: the reserved verzekerd-aanbod places used on each day, at most the reserve
    (use beyond it counts as regular, 000 §14.4), summed over [begin, einde]."""
    if not reserve:
        return Fraction(0)
    gebruikt = dossiers_per_dag(
        schakelingen, lambda m: m.typemodule == code and m.verzekerd_aanbod, begin, einde
    )
    # Per distinct daily count, not per day: a year has few distinct counts.
    return sum((min(Fraction(g), reserve) * n for g, n in Counter(gebruikt).items()), Fraction(0))


def _met(code: str) -> Callable[[Module], bool]:
    return lambda module: module.typemodule == code


def in_overtal_op(gegevens: Gegevens, code: str) -> str | None:
    """The host typemodule a module is counted on 'in overtal', if its capacity says so."""
    return next(
        (c.overtal_op for c in gegevens.capaciteit if c.typemodule == code and c.overtal_op),
        None,
    )


def overtal_naar(gegevens: Gegevens, code: str) -> list[str]:
    """The typemodules whose capacity row says they are counted on `code` ('in overtal')."""
    return sorted({c.typemodule for c in gegevens.capaciteit if c.overtal_op == code})


def _erkend(gegevens: Gegevens, code: str, van: D, tot: D) -> Fraction:
    """Σ over the days of the erkende capaciteit in force."""
    return sum(
        (
            Fraction(rij.erkend) * aantal_dagen(begin, einde)
            for begin, einde, rij in capaciteit_segmenten(gegevens, code, van, tot)
            if rij is not None
        ),
        Fraction(0),
    )


def verblijfscapaciteit(gegevens: Gegevens, van: D, tot: D) -> Fraction:
    """000 §15: Σ over the days of all verblijf typemodules' capacity, except Veilig verblijf and
    Verblijf in een gezinshuis (the catalogue's in_verblijfscapaciteit)."""
    return sum(
        (
            _erkend(gegevens, code, van, tot)
            for code, typemodule in gegevens.typemodules.items()
            if typemodule.in_verblijfscapaciteit
        ),
        Fraction(0),
    )


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
    return _erkend(gegevens, code, van, tot) * CAH_INZET / CAH_DAGEN


def _ckg_punten(gegevens: Gegevens, van: D, tot: D, codes: list[str]) -> tuple[Ratio, Counter]:
    """000 §14.4: the begeleidingspunten of the CKG's mobile and ambulant work, only from
    1 January, against the points capacity of every points typemodule; and the points each
    typemodule earned."""
    if van != D(van.year, 1, 1) or tot.year != van.year:
        return Ratio(melding=VANAF_1_JANUARI), Counter()
    alle = [c for c, t in gegevens.typemodules.items() if t.bezetting == "ckg_punten"]
    per, ratio = ckg_punten(gegevens, van.year, tot, sorted(set(alle) | set(codes)))
    verdiend: Counter = Counter()
    for per_code in per.values():
        for code, punten in per_code.items():
            verdiend[code] += punten.punten
    return ratio or Ratio(), verdiend


def bezetting(gegevens: Gegevens, van: D, tot: D, codes: list[str]) -> Bezetting:
    """000 §14.1-§14.2 for a period of at most one year, per typemodule and weighted. For a CKG
    the points typemodules share one rate (000 §14.4), and the weighted view converts verblijf
    to points at 84 per place."""
    result = Bezetting()
    if melding := periode_fout(gegevens.organisatietype, van, tot):
        result.melding = melding
        for code in codes:
            result.typemodules[code] = Ratio(melding=melding)
        result.gewogen = Ratio(melding=melding)
        return result
    cah = gegevens.organisatietype.upper() == "CAH"
    ckg = gegevens.organisatietype.upper() == "CKG"
    verblijf_noemer = None
    delen: list[tuple[str, Ratio]] = []
    verblijf: list[tuple[str, Ratio]] = []
    punten_codes = []
    for code in codes:
        typemodule = gegevens.typemodules[code]
        soort = typemodule.bezetting
        if soort == "ob":
            result.typemodules[code] = Ratio(melding=ENKEL_PER_KWARTAAL)
            continue
        if gastheer := in_overtal_op(gegevens, code):
            # 000 §14.2: a module 'in overtal' counts on its host "voor de voorziening"; its
            # own row (erkend 0) shows its days for information, adding nothing of its own.
            ratio, result.uit_schakelingen[code] = _dag_ratio(gegevens, code, van, tot, Fraction(0))
            ratio.melding = IN_OVERTAL.format(
                gastheer=gegevens.typemodules[gastheer].naam or gastheer
            )
            result.typemodules[code] = ratio
            continue
        if soort == "verblijf":
            if not typemodule.in_verblijfscapaciteit:
                # 000 §15: Veilig verblijf and Verblijf in een gezinshuis are not in the verblijf
                # capacity; each is a row of its own, its days over its own capacity.
                noemer = _erkend(gegevens, code, van, tot)
                eigen_noemer = noemer
            elif verblijf_noemer is None:
                noemer = verblijf_noemer = verblijfscapaciteit(gegevens, van, tot)
                # Every other verblijf typemodule shares this denominator: it counts once.
                verblijf.append((VERBLIJFSCAPACITEIT, Ratio(Fraction(0), verblijf_noemer)))
                eigen_noemer = Fraction(0)
            else:
                noemer, eigen_noemer = verblijf_noemer, Fraction(0)
            ratio, result.uit_schakelingen[code] = _dag_ratio(gegevens, code, van, tot, noemer)
            verblijf.append((code, Ratio(ratio.teller, eigen_noemer)))
        elif ckg and soort == "ckg_punten":
            punten_codes.append(code)
            continue
        elif cah and soort in ("cah_begeleiding", "cah_interventie"):
            schakelingen = cah_schakelingen(gegevens, code, van, tot)
            if soort == "cah_begeleiding":
                teller = Fraction(sum(cah_inzet(s, tot) for s in schakelingen))
            else:
                teller = Fraction(len(schakelingen) * 3)
            ratio = Ratio(teller, _cah_noemer(gegevens, code, van, tot))
            result.uit_schakelingen[code] = teller
            delen.append((code, ratio))
        else:
            noemer = _erkend(gegevens, code, van, tot)
            ratio, result.uit_schakelingen[code] = _dag_ratio(gegevens, code, van, tot, noemer)
            delen.append((code, ratio))
        result.typemodules[code] = ratio
    if punten_codes:
        punten, verdiend = _ckg_punten(gegevens, van, tot, punten_codes)
        for code in punten_codes:
            result.typemodules[code] = punten
            if not punten.melding:
                result.punten[code] = verdiend[code]
        result.typemodules[BEGELEIDINGSPUNTEN] = punten
        result.uit_schakelingen[BEGELEIDINGSPUNTEN] = Fraction(sum(verdiend.values()))
        delen.append((BEGELEIDINGSPUNTEN, Ratio(punten.teller, punten.noemer)))
        # 000 §14.4: verblijf in points, 84 per place: days / 365 (366) * 84.
        omrekening = Fraction(VERBLIJF_PUNTEN, dagen_in_jaar(van.year))
        verblijf = [(c, Ratio(r.teller * omrekening, r.noemer * omrekening)) for c, r in verblijf]
    result.delen = delen + verblijf
    gewogen = sum((deel for _, deel in result.delen), Ratio())
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


def geregistreerd(gegevens: Gegevens, code: str, jaar: int, nummer: int) -> Fraction:
    """The benutting registered in the modulair kwartaal for a typemodule and quarter."""
    return sum(
        (
            Fraction(b.benutting)
            for b in gegevens.kwartaal
            if b.typemodule == code and (b.jaar, b.kwartaal) == (jaar, nummer)
        ),
        Fraction(0),
    )


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
            ingevuld = geregistreerd(gegevens, code, jaar, nummer)
            if rij is None:
                ratio.teller += ingevuld
                continue
            reserve = Fraction(rij.innovatief) + Fraction(rij.verzekerd)
            ratio.teller += ingevuld + reserve * OB_FACTOR
            ratio.noemer += Fraction(rij.erkend) * OB_FACTOR
        result.typemodules[code] = ratio
        gewogen += ratio
    result.gewogen = gewogen
    return result
