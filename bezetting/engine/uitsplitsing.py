"""What a figure is made of: the lines behind one row's numerator and denominator (000 §13,
§14). Built from the same primitives as the rates (per_dossier, capaciteit_segmenten,
verzekerd_gebruikt, cah_inzet, ckg_punten), so the lines add up to the figure exactly, in
Fractions; the property test holds the two together."""

import datetime
from dataclasses import dataclass, field
from fractions import Fraction

from bezetting.engine.benutting import noemer_delen
from bezetting.engine.bezetting import (
    BEGELEIDINGSPUNTEN,
    CAH_DAGEN,
    CAH_INZET,
    OB_FACTOR,
    VERBLIJFSCAPACITEIT,
    Bezetting,
    cah_inzet,
    cah_schakelingen,
    geregistreerd,
    kwartaal_grenzen,
    overtal_naar,
    verzekerd_gebruikt,
)
from bezetting.engine.ckg import ckg_punten
from bezetting.engine.dagen import (
    aantal_dagen,
    capaciteit_segmenten,
    dagen_in_jaar,
    per_dossier,
)
from bezetting.engine.formule import benuttingsformule
from bezetting.engine.model import KAN_NIET, Gegevens, Module, Ratio

D = datetime.date

# The unit of a numerator, per formula of 000 §14 and per function of 000 §13.
EENHEDEN = {
    "algemeen": "dagen",
    "verblijf": "nachten",
    "ob": "dagdelen",
    "cah_begeleiding": "inzet",
    "cah_interventie": "inzet",
    "ckg_punten": "punten",
    "dagbegeleiding": "dagen",
    "contextbegeleiding": "uren",
    "crisishulp": "uren",
    "ondersteunende_begeleiding": "dagdelen",
}


@dataclass(frozen=True)
class DossierRegel:
    """One dossier's part of a numerator: its schakelingen clipped to the period, the days
    counted (a day two of its schakelingen share once) and what that adds."""

    dossier: str
    typemodule: str
    perioden: tuple[tuple[D, D], ...]
    dagen: int
    waarde: Fraction
    # Days two schakelingen of the dossier share, counted once (000 §14.2).
    dubbel: int = 0
    # CKG (000 §14.4): the started months of 30 days.
    maanden: int | None = None
    # Held a module used as verzekerd aanbod in the period.
    verzekerd: bool = False


@dataclass(frozen=True)
class Regel:
    """A line of places (or points, or a quarter's registered figure) over a span: the value is
    aantal * dagen * factor, with its sign."""

    omschrijving: str
    waarde: Fraction
    begin: D | None = None
    einde: D | None = None
    aantal: Fraction | None = None
    dagen: int | None = None
    factor: Fraction = Fraction(1)
    typemodule: str = ""


@dataclass
class Uitsplitsing:
    formule: str
    eenheid: str
    dossiers: list[DossierRegel] = field(default_factory=list)
    teller_regels: list[Regel] = field(default_factory=list)
    noemer_regels: list[Regel] = field(default_factory=list)
    melding: str = ""

    @property
    def uit_schakelingen(self) -> Fraction:
        return sum((r.waarde for r in self.dossiers), Fraction(0))

    @property
    def teller(self) -> Fraction:
        return self.uit_schakelingen + sum((r.waarde for r in self.teller_regels), Fraction(0))

    @property
    def noemer(self) -> Fraction:
        return sum((r.waarde for r in self.noemer_regels), Fraction(0))

    @property
    def ratio(self) -> Ratio:
        return Ratio(self.teller, self.noemer, self.melding)


def _regel(omschrijving: str, aantal, begin: D, einde: D, factor=Fraction(1), **extra) -> Regel:
    dagen = aantal_dagen(begin, einde)
    waarde = Fraction(aantal) * dagen * factor
    return Regel(omschrijving, waarde, begin, einde, Fraction(aantal), dagen, factor, **extra)


def _dossierregels(gegevens: Gegevens, code: str, van: D, tot: D) -> list[DossierRegel]:
    """000 §14.2: per dossier the days with the module (or one counted 'in overtal' on it)."""
    regels = []
    for eigen in (code, *overtal_naar(gegevens, code)):
        schakelingen = gegevens.met_typemodule(eigen)

        def met(module: Module, eigen: str = eigen) -> bool:
            return module.typemodule == eigen

        samengevoegd = per_dossier(schakelingen, met, van, tot)
        for dossier, reeks in samengevoegd.items():
            eigen_schakelingen = [s for s in schakelingen if s.dossier == dossier]
            perioden = tuple(
                sorted(
                    (max(s.begin, van), min(s.einde or tot, tot))
                    for s in eigen_schakelingen
                    if max(s.begin, van) <= min(s.einde or tot, tot)
                )
            )
            dagen = sum(aantal_dagen(b, e) for b, e in reeks)
            verzekerd = any(
                m.verzekerd_aanbod and m.typemodule == eigen
                for s in eigen_schakelingen
                for m in s.modules
            )
            regels.append(
                DossierRegel(
                    dossier,
                    eigen,
                    perioden,
                    dagen,
                    Fraction(dagen),
                    dubbel=sum(aantal_dagen(b, e) for b, e in perioden) - dagen,
                    verzekerd=verzekerd,
                )
            )
    return sorted(regels, key=lambda r: (r.typemodule != code, r.perioden, r.dossier))


def _reserve(gegevens: Gegevens, code: str, van: D, tot: D) -> list[Regel]:
    """000 §14.2: innovatief project and reserved verzekerd aanbod count full every day; the
    reserved places a client used are not counted again."""
    regels = []
    for begin, einde, rij in capaciteit_segmenten(gegevens, code, van, tot):
        if rij is None:
            continue
        if rij.innovatief:
            regels.append(_regel("Innovatief project", rij.innovatief, begin, einde))
        if rij.verzekerd:
            regels.append(_regel("Verzekerd aanbod (gereserveerd)", rij.verzekerd, begin, einde))
            gebruikt = verzekerd_gebruikt(
                gegevens.met_typemodule(code), code, begin, einde, Fraction(rij.verzekerd)
            )
            if gebruikt:
                regels.append(
                    Regel("Ingezet als verzekerd aanbod", -gebruikt, begin, einde, gebruikt)
                )
    return regels


def _capaciteit(
    gegevens: Gegevens, code: str, van: D, tot: D, factor=Fraction(1), omschrijving="Erkend"
) -> list[Regel]:
    """The denominator: the erkende capaciteit of each stretch of constant capacity * days."""
    return [
        _regel(omschrijving, rij.erkend, begin, einde, factor, typemodule=code)
        for begin, einde, rij in capaciteit_segmenten(gegevens, code, van, tot)
        if rij is not None
    ]


def _verblijfscapaciteit(gegevens: Gegevens, van: D, tot: D, factor=Fraction(1)) -> list[Regel]:
    return [
        regel
        for c, t in sorted(gegevens.typemodules.items())
        if t.in_verblijfscapaciteit
        for regel in _capaciteit(gegevens, c, van, tot, factor, t.naam or c)
    ]


def uitsplitsing(gegevens: Gegevens, van: D, tot: D, code: str) -> Uitsplitsing:
    """The lines of one row of 'Bereken bezettingsgraad' (a typemodule, or the CKG's
    BEGELEIDINGSPUNTEN), as bezetting() computes it."""
    if code == BEGELEIDINGSPUNTEN:
        return _ckg(gegevens, van, tot)
    typemodule = gegevens.typemodules[code]
    soort = typemodule.bezetting
    result = Uitsplitsing(soort, EENHEDEN.get(soort, "dagen"))
    if soort == "ckg_punten" and gegevens.organisatietype.upper() == "CKG":
        return _ckg(gegevens, van, tot)
    if (
        soort in ("cah_begeleiding", "cah_interventie")
        and gegevens.organisatietype.upper() == "CAH"
    ):
        for s in cah_schakelingen(gegevens, code, van, tot):
            einde = min(s.einde or tot, tot)
            inzet = cah_inzet(s, tot) if soort == "cah_begeleiding" else 3
            result.dossiers.append(
                DossierRegel(
                    s.dossier,
                    code,
                    ((s.begin, einde),),
                    aantal_dagen(s.begin, einde),
                    Fraction(inzet),
                )
            )
        result.noemer_regels = _capaciteit(gegevens, code, van, tot, Fraction(CAH_INZET, CAH_DAGEN))
        return result
    result.dossiers = _dossierregels(gegevens, code, van, tot)
    result.teller_regels = _reserve(gegevens, code, van, tot)
    if soort == "verblijf" and typemodule.in_verblijfscapaciteit:
        result.noemer_regels = _verblijfscapaciteit(gegevens, van, tot)
    else:
        result.noemer_regels = _capaciteit(gegevens, code, van, tot)
    return result


def _ckg(gegevens: Gegevens, van: D, tot: D) -> Uitsplitsing:
    """000 §14.4: the points per dossier and typemodule, the reserve and the points capacity
    pro rata x/365 from 1 January."""
    codes = sorted(c for c, t in gegevens.typemodules.items() if t.bezetting == "ckg_punten")
    result = Uitsplitsing("ckg_punten", "punten")
    per, ratio = ckg_punten(gegevens, van.year, tot, codes)
    for dossier, per_code in sorted(per.items()):
        for code, punten in sorted(per_code.items()):
            result.dossiers.append(
                DossierRegel(
                    dossier, code, (), punten.dagen, Fraction(punten.punten), maanden=punten.maanden
                )
            )
    if ratio is None:
        # No points capacity: the points are shown, the rate cannot be computed.
        result.melding = KAN_NIET
        return result
    deel = Fraction(1, dagen_in_jaar(van.year))
    for code in codes:
        for begin, einde, rij in capaciteit_segmenten(gegevens, code, D(van.year, 1, 1), tot):
            if rij is None:
                continue
            reserve = rij.innovatief + rij.verzekerd
            if reserve:
                result.teller_regels.append(
                    _regel(
                        "Innovatief project en verzekerd aanbod",
                        reserve,
                        begin,
                        einde,
                        deel,
                        typemodule=code,
                    )
                )
            result.noemer_regels.append(
                _regel("Erkend puntentotaal", rij.erkend, begin, einde, deel, typemodule=code)
            )
    return result


def gewogen_uitsplitsing(resultaat: Bezetting, namen: dict[str, str]) -> list[Regel]:
    """The weighted average's parts as bezetting() added them: each row's numerator and
    denominator, the shared verblijf capacity once, a CKG's verblijf in points."""
    regels = []
    for code, deel in resultaat.delen:
        naam = (
            "Erkende capaciteit verblijf (gedeeld)"
            if code == VERBLIJFSCAPACITEIT
            else namen.get(code, code)
        )
        regels.append(Regel(naam, deel.teller, aantal=deel.noemer, typemodule=code))
    return regels


def _ob(gegevens: Gegevens, code: str, kwartalen: list[tuple[int, int]]) -> Uitsplitsing:
    """000 §14.2 OB per quarter: the registered benutting, the reserve * 30, erkend * 30."""
    result = Uitsplitsing("ob", "dagdelen")
    for jaar, nummer in kwartalen:
        begin, einde = kwartaal_grenzen(jaar, nummer)
        label = f"Kwartaal {nummer} - {jaar}"
        ingevuld = geregistreerd(gegevens, code, jaar, nummer)
        result.teller_regels.append(
            Regel(f"{label}: modulair kwartaal", ingevuld, begin, einde, typemodule=code)
        )
        rij = gegevens.capaciteit_op(code, einde)
        if rij is None:
            continue
        reserve = Fraction(rij.innovatief) + Fraction(rij.verzekerd)
        if reserve:
            result.teller_regels.append(
                Regel(
                    f"{label}: innovatief project en verzekerd aanbod",
                    reserve * OB_FACTOR,
                    begin,
                    einde,
                    reserve,
                    factor=OB_FACTOR,
                )
            )
        result.noemer_regels.append(
            Regel(
                f"{label}: erkend",
                Fraction(rij.erkend) * OB_FACTOR,
                begin,
                einde,
                Fraction(rij.erkend),
                factor=OB_FACTOR,
            )
        )
    return result


def benutting_uitsplitsing(
    gegevens: Gegevens, kwartalen: list[tuple[int, int]], codes: list[str], functie: str = ""
) -> Uitsplitsing:
    """000 §13: the registered benutting per quarter and typemodule, and the noemer's
    derivation (inzetbare capaciteit * intensiteit * days, working days, 13 weeks or 24 hours);
    for a function group its typemodules, the shared verblijf denominator once per quarter."""
    groep_codes = [
        c
        for c in codes
        if benuttingsformule(gegevens.typemodules[c], gegevens.organisatietype)[0]
        and (not functie or gegevens.typemodules[c].functie == functie)
    ]
    soort = functie or (gegevens.typemodules[codes[0]].functie if codes else "")
    result = Uitsplitsing(soort, EENHEDEN.get(soort, ""))
    for jaar, nummer in kwartalen:
        gedeeld = False
        for code in groep_codes:
            typemodule = gegevens.typemodules[code]
            if typemodule.functie == "ondersteunende_begeleiding":
                ob = _ob(gegevens, code, [(jaar, nummer)])
                result.teller_regels += ob.teller_regels
                result.noemer_regels += ob.noemer_regels
                continue
            begin, einde = kwartaal_grenzen(jaar, nummer)
            label = f"Kwartaal {nummer} - {jaar}"
            result.teller_regels.append(
                Regel(
                    f"{label}: modulair kwartaal",
                    geregistreerd(gegevens, code, jaar, nummer),
                    begin,
                    einde,
                    typemodule=code,
                )
            )
            if typemodule.in_verblijfscapaciteit:
                if gedeeld:
                    continue
                gedeeld = True
            aantal, dagen, factor = noemer_delen(gegevens, code, typemodule.functie, jaar, nummer)
            result.noemer_regels.append(
                Regel(
                    f"{label}: inzetbare capaciteit",
                    aantal * dagen * factor,
                    begin,
                    einde,
                    aantal,
                    dagen,
                    factor,
                    typemodule=code,
                )
            )
    return result
