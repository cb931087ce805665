"""Inzet modules (000 §16): per module the schakelingen active in a period and those started in
it (verlengingen included); with several modules, the schakelingen holding all of them."""

import datetime
from dataclasses import dataclass

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
