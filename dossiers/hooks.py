"""What dossiers needs from the apps above it, declared here and filled by them in
``AppConfig.ready()``: the closing gate's extra checks, the start page's summary columns and
the listeners to schakeling changes (the kwartaalstaten follow them in the same transaction),
which processed years a voorziening has not had processed, and a dossier's Groeipakket messages.
So dossiers never imports a higher app, and a new app adds its rule without touching this one."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dossiers.models import Dossier


@dataclass(frozen=True)
class Ontbrekend:
    """Something that keeps a dossier from closing, and where to fix it."""

    tekst: str
    url: str


ClosingCheck = Callable[["Dossier"], list[Ontbrekend]]
SummaryContributor = Callable[["Dossier"], dict[str, Any]]
# A period that changed: begin and end, None while open.
Periode = tuple[datetime.date, datetime.date | None]
# (voorziening id, dossier id, the periods of that dossier's care that changed)
ZorgListener = Callable[[int, int, list[Periode]], None]

_closing_checks: list[ClosingCheck] = []
_summary_contributors: list[SummaryContributor] = []
_zorg_listeners: list[ZorgListener] = []
_schakeling_voorbeeld: list[str] = []
_onverwerkt: list[Callable[[int], set[int]]] = []
_groeipakket_berichten: list[Callable[[int], dict[int, list[Any]]]] = []


def register_closing_check(check: ClosingCheck) -> None:
    """`check(dossier)` lists what else must be filled before the dossier can close (000 §9)."""
    if check not in _closing_checks:
        _closing_checks.append(check)


def register_summary_contributor(contributor: SummaryContributor) -> None:
    """`contributor(dossier)` returns start-page columns of the dossier to keep current."""
    if contributor not in _summary_contributors:
        _summary_contributors.append(contributor)


def register_zorg_listener(listener: ZorgListener) -> None:
    """`listener(voorziening_id, dossier_id, perioden)` runs inside the transaction of every
    schakeling change, with the dossier and the periods before and after it."""
    if listener not in _zorg_listeners:
        _zorg_listeners.append(listener)


def register_schakeling_voorbeeld(url_name: str) -> None:
    """The URL (taking the dossier's pk) that previews a schakeling's effect before saving."""
    _schakeling_voorbeeld[:] = [url_name]


def schakeling_voorbeeld() -> str | None:
    return _schakeling_voorbeeld[0] if _schakeling_voorbeeld else None


def zorg_gewijzigd(voorziening_id: int, dossier_id: int, perioden: list[Periode]) -> None:
    for listener in _zorg_listeners:
        listener(voorziening_id, dossier_id, perioden)


def closing_checks(dossier: "Dossier") -> list[Ontbrekend]:
    return [item for check in _closing_checks for item in check(dossier)]


def summary_columns(dossier: "Dossier") -> dict[str, Any]:
    columns: dict[str, Any] = {}
    for contributor in _summary_contributors:
        columns.update(contributor(dossier))
    return columns


def register_onverwerkte_jaren(bron: Callable[[int], set[int]]) -> None:
    """`bron(voorziening_id)` returns the years in which the voorziening still has a kwartaal
    that was never processed: a processed year does not lock its schakelingen (000 §4.2.4.1)."""
    if bron not in _onverwerkt:
        _onverwerkt.append(bron)


def onverwerkte_jaren(voorziening_id: int) -> set[int]:
    return set().union(*(bron(voorziening_id) for bron in _onverwerkt))


def register_groeipakket_berichten(bron: Callable[[int], dict[int, list[Any]]]) -> None:
    """`bron(dossier_id)` returns per schakeling its Groeipakket messages, newest first: the
    dossier's page shows what the funds were told (the groeipakket app)."""
    _groeipakket_berichten[:] = [bron]


def groeipakket_berichten(dossier_id: int) -> dict[int, list[Any]]:
    return _groeipakket_berichten[0](dossier_id) if _groeipakket_berichten else {}
