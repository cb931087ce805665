"""Counting days by sweeping interval events rather than walking dossiers day by day: per
dossier its schakelingen are merged first (000 §14.2: a boundary day two schakelingen of one
client share counts once), then each merged interval adds +1 on its first and -1 after its last
day (the last day of a schakeling counts)."""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from bezetting.engine.model import Capaciteit, Gegevens, Module, Schakeling

D = datetime.date
EEN_DAG = datetime.timedelta(days=1)


def aantal_dagen(van: D, tot: D) -> int:
    return (tot - van).days + 1


def samenvoegen(intervallen: Iterable[tuple[D, D]]) -> list[tuple[D, D]]:
    """Overlapping intervals, or ones sharing a day, become one."""
    result: list[tuple[D, D]] = []
    for begin, einde in sorted(intervallen):
        if result and begin <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], einde))
        else:
            result.append((begin, einde))
    return result


def per_dossier(
    schakelingen: Iterable[Schakeling],
    wie: Callable[[Module], bool],
    van: D,
    tot: D,
) -> dict[str, list[tuple[D, D]]]:
    """Per dossier, the merged days within [van, tot] on which one of its schakelingen holds a
    module `wie` selects."""
    intervallen: dict[str, list[tuple[D, D]]] = defaultdict(list)
    for s in schakelingen:
        if not any(wie(m) for m in s.modules):
            continue
        begin, einde = max(s.begin, van), min(s.einde or tot, tot)
        if begin <= einde:
            intervallen[s.dossier].append((begin, einde))
    return {d: samenvoegen(i) for d, i in intervallen.items()}


def per_dag(intervallen: Iterable[tuple[D, D]], van: D, tot: D) -> list[int]:
    """How many of the intervals hold each day of [van, tot]: the sweep."""
    delta = [0] * (aantal_dagen(van, tot) + 1)
    for begin, einde in intervallen:
        delta[(begin - van).days] += 1
        delta[(einde - van).days + 1] -= 1
    result, lopend = [], 0
    for stap in delta[:-1]:
        lopend += stap
        result.append(lopend)
    return result


def dossiers_per_dag(
    schakelingen: Iterable[Schakeling], wie: Callable[[Module], bool], van: D, tot: D
) -> list[int]:
    merged = per_dossier(schakelingen, wie, van, tot)
    return per_dag((i for reeks in merged.values() for i in reeks), van, tot)


def capaciteit_per_dag(
    gegevens: Gegevens, typemodule: str, van: D, tot: D
) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Erkend, innovatief and verzekerd on each day (000 §15: a later row replaces an earlier
    one from its date)."""
    rijen = sorted(
        (c for c in gegevens.capaciteit if c.typemodule == typemodule), key=lambda c: c.van
    )
    result = []
    index, huidige = 0, None
    dag = van
    while index < len(rijen) and rijen[index].van <= van:
        huidige = rijen[index]
        index += 1
    for _ in range(aantal_dagen(van, tot)):
        while index < len(rijen) and rijen[index].van <= dag:
            huidige = rijen[index]
            index += 1
        if huidige is None:
            result.append((Decimal(0), Decimal(0), Decimal(0)))
        else:
            result.append((huidige.erkend, huidige.innovatief, huidige.verzekerd))
        dag += EEN_DAG
    return result


def dagen_in_jaar(jaar: int) -> int:
    return 366 if (jaar % 4 == 0 and jaar % 100 != 0) or jaar % 400 == 0 else 365


def capaciteit_segmenten(
    gegevens: Gegevens, typemodule: str, van: D, tot: D
) -> list[tuple[D, D, Capaciteit | None]]:
    """The period cut where the capacity changes: (first day, last day, row in force)."""
    rijen = sorted(
        (c for c in gegevens.capaciteit if c.typemodule == typemodule), key=lambda c: c.van
    )
    grenzen = [van, *(c.van for c in rijen if van < c.van <= tot)]
    result = []
    for index, begin in enumerate(grenzen):
        einde = grenzen[index + 1] - EEN_DAG if index + 1 < len(grenzen) else tot
        result.append((begin, einde, gegevens.capaciteit_op(typemodule, begin)))
    return result


def dossierdagen(
    schakelingen: Iterable[Schakeling], wie: Callable[[Module], bool], van: D, tot: D
) -> int:
    """Σ over the days of [van, tot] of the dossiers with a selected module: the length of each
    dossier's merged intervals."""
    merged = per_dossier(schakelingen, wie, van, tot)
    return sum(aantal_dagen(b, e) for reeks in merged.values() for b, e in reeks)
