"""What dossiers needs from the apps above it, declared here and filled by them in
``AppConfig.ready()``: the closing gate's extra checks and the start page's summary columns.
So dossiers never imports a higher app, and a new app adds its rule without touching this one."""

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

_closing_checks: list[ClosingCheck] = []
_summary_contributors: list[SummaryContributor] = []


def register_closing_check(check: ClosingCheck) -> None:
    """`check(dossier)` lists what else must be filled before the dossier can close (000 §9)."""
    if check not in _closing_checks:
        _closing_checks.append(check)


def register_summary_contributor(contributor: SummaryContributor) -> None:
    """`contributor(dossier)` returns start-page columns of the dossier to keep current."""
    if contributor not in _summary_contributors:
        _summary_contributors.append(contributor)


def closing_checks(dossier: "Dossier") -> list[Ontbrekend]:
    return [item for check in _closing_checks for item in check(dossier)]


def summary_columns(dossier: "Dossier") -> dict[str, Any]:
    columns: dict[str, Any] = {}
    for contributor in _summary_contributors:
        columns.update(contributor(dossier))
    return columns
