"""Inzet modules (000 §16): per module the schakelingen active in a period and those started in
it (verlengingen included); with several modules, the schakelingen holding all of them."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from bezetting.engine.model import Gegevens, Schakeling

D = datetime.date


@dataclass(frozen=True)
class Inzet:
    actief: dict[str, int]
    gestart: dict[str, int]
    combinatie: int


def _actief(s: Schakeling, van: D, tot: D) -> bool:
    return s.begin <= tot and (s.einde is None or s.einde >= van)


def inzet_modules(gegevens: Gegevens, van: D, tot: D, modules: list[str]) -> Inzet:
    actief = dict.fromkeys(modules, 0)
    gestart = dict.fromkeys(modules, 0)
    combinatie = 0
    for s in gegevens.schakelingen:
        if not _actief(s, van, tot):
            continue
        codes = {m.module for m in s.modules}
        for module in modules:
            if module in codes:
                actief[module] += 1
                gestart[module] += van <= s.begin <= tot
        combinatie += all(module in codes for module in modules)
    return Inzet(actief, gestart, combinatie)


def open_plaatsen(gegevens: Gegevens, dag: D) -> dict[str, Decimal]:
    """On one day, per typemodule with a capacity: erkende capaciteit minus the places taken
    (clients, innovatief project, reserved verzekerd aanbod; 000 §16)."""
    result = {}
    for code in sorted({c.typemodule for c in gegevens.capaciteit}):
        rij = gegevens.capaciteit_op(code, dag)
        if rij is None:
            continue
        dossiers = {
            s.dossier
            for s in gegevens.schakelingen
            if _actief(s, dag, dag) and any(m.typemodule == code for m in s.modules)
        }
        result[code] = rij.erkend - rij.innovatief - rij.verzekerd - len(dossiers)
    return result
