"""The kwartaal's rules as pure functions over plain data (000 §12): which quarters a schakeling
touches, what a kwartaalstaat holds, the rounding rules, and benutting = inzet computed from the
schakelingen. No queries and no clock: callers pass today's date."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from binc.constants import Afronding
from kwartaal.constants import EERSTE_JAAR

# What the database stores: at most 7 digits before the decimal point and 4 after.
GROOTSTE = Decimal("9999999.9999")
DECIMALEN = Decimal("0.0001")
STAP = {Afronding.HALVE_EENHEID: Decimal("0.5"), Afronding.KWART_EENHEID: Decimal("0.25")}
AFRONDING_MELDING = {
    Afronding.HALVE_EENHEID: "Dit cijfer moet eindigen op ,0 of ,5 (halve eenheid).",
    Afronding.KWART_EENHEID: "Dit cijfer moet eindigen op ,0, ,25, ,5 of ,75 (kwart eenheid).",
}

# 000 §14.4: a CKG's mobile and ambulant work (begeleiding, training, dagopvang) counts in
# begeleidingspunten, and so does any other non-verblijf typemodule its erkenningsbesluit gives
# points per started month: crisisbegeleiding (op verwijzing crisismeldpunt), 6 points.
CKG_PUNTEN_FUNCTIES = frozenset({"begeleiding", "training", "dagopvang"})


def telt_in_ckg_punten(functie: str, ckg_punten: int) -> bool:
    """Whether a typemodule of a CKG counts in the begeleidingspunten (000 §14.4), so that the
    kwartaal asks 0 for it (000 §12.2.1) and the bezetting counts its points."""
    return functie != "verblijf" and (functie in CKG_PUNTEN_FUNCTIES or ckg_punten > 0)


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int

    @classmethod
    def van(cls, datum: datetime.date) -> "Kwartaal":
        return cls(datum.year, (datum.month - 1) // 3 + 1)

    @property
    def begin(self) -> datetime.date:
        return datetime.date(self.jaar, 3 * self.nummer - 2, 1)

    @property
    def einde(self) -> datetime.date:
        volgende = self.volgende().begin
        return volgende - datetime.timedelta(days=1)

    def volgende(self) -> "Kwartaal":
        return Kwartaal(self.jaar + self.nummer // 4, self.nummer % 4 + 1)

    def vorige(self) -> "Kwartaal":
        return (
            Kwartaal(self.jaar - 1, 4) if self.nummer == 1 else Kwartaal(self.jaar, self.nummer - 1)
        )

    def __str__(self) -> str:
        return f"Kwartaal {self.nummer} - {self.jaar}"


EERSTE_KWARTAAL = Kwartaal(EERSTE_JAAR, 1)


def kwartalen(
    begin: datetime.date, einde: datetime.date | None, *, vandaag: datetime.date
) -> list[Kwartaal]:
    """The quarters a period is active in, from Q1 2015 up to the current quarter: a kwartaal
    that has not begun has no kwartaalstaat yet (000 §12.2 shows 'the current and all earlier')."""
    eerste = max(Kwartaal.van(begin), EERSTE_KWARTAAL)
    laatste = min(Kwartaal.van(einde) if einde else Kwartaal.van(vandaag), Kwartaal.van(vandaag))
    result = []
    kwartaal = eerste
    while kwartaal <= laatste:
        result.append(kwartaal)
        kwartaal = kwartaal.volgende()
    return result


@dataclass(frozen=True)
class Inzetregel:
    """One module of one schakeling: what the kwartaalstaat is built from."""

    dossier_id: int
    typemodule_id: int
    begin: datetime.date
    einde: datetime.date | None


Inhoud = dict[Kwartaal, dict[int, set[int]]]


def inhoud(regels: Iterable[Inzetregel], *, vandaag: datetime.date) -> Inhoud:
    """Per quarter, per typemodule, the dossiers switched to it: the typemodule-inzet and the
    cliëntinzet (000 §12). A quarter is present exactly when some schakeling is active in it."""
    result: Inhoud = defaultdict(lambda: defaultdict(set))
    for regel in regels:
        for kwartaal in kwartalen(regel.begin, regel.einde, vandaag=vandaag):
            result[kwartaal][regel.typemodule_id].add(regel.dossier_id)
    return {k: dict(v) for k, v in result.items()}


def inzetdagen(regels: Iterable[Inzetregel], kwartaal: Kwartaal) -> int:
    """Benutting = inzet (000 §12): the days the typemodule was active in the quarter, per dossier
    the union of its schakelingen (last day included; a boundary day two schakelingen of one
    client share counts once), summed over the dossiers."""
    per_dossier: dict[int, list[tuple[datetime.date, datetime.date]]] = defaultdict(list)
    for regel in regels:
        begin = max(regel.begin, kwartaal.begin)
        einde = min(regel.einde or kwartaal.einde, kwartaal.einde)
        if begin <= einde:
            per_dossier[regel.dossier_id].append((begin, einde))
    dagen = 0
    for intervallen in per_dossier.values():
        tot: datetime.date | None = None
        for begin, einde in sorted(intervallen):
            if tot is not None and begin <= tot:
                begin = tot + datetime.timedelta(days=1)
            if begin <= einde:
                dagen += (einde - begin).days + 1
            tot = einde if tot is None else max(tot, einde)
    return dagen


def afronding_geldig(waarde: Decimal, afronding: str) -> bool:
    """000 §12 'Afrondingsregels': geen beperking (any decimals), halve eenheid (,0 or ,5),
    kwart eenheid (,0 ,25 ,5 ,75)."""
    stap = STAP.get(Afronding(afronding)) if afronding in Afronding.values else None
    return stap is None or not waarde % stap


def benuttingsfout(waarde: Decimal, afronding: str) -> str | None:
    """The message for a figure that breaks the typemodule's rounding rule, or None."""
    if waarde < 0:
        return "Een benuttingscijfer kan niet negatief zijn."
    if waarde > GROOTSTE:
        return "Dit cijfer is te groot."
    if not afronding_geldig(waarde, afronding):
        return AFRONDING_MELDING[Afronding(afronding)]
    if waarde != waarde.quantize(DECIMALEN):
        return "Gebruik hoogstens vier cijfers na de komma."
    return None
