"""What the rules read and how they answer: the dossier facts, a schakeling as given and
field errors."""

import datetime
from dataclasses import dataclass, field
from typing import Protocol

from django.core.exceptions import ValidationError

from binc.models import Module


class Periode(Protocol):
    """Anything with a begin and an optional end: a saved schakeling or an input."""

    begindatum: datetime.date
    einddatum: datetime.date | None


@dataclass(frozen=True)
class DossierFeiten:
    """What the rules need to know about the dossier, read once by the service."""

    organisatietype: str
    aanmelder: str = ""
    specifieke_aanmelding: str = ""
    geboortedatum: datetime.date | None = None
    afgesloten_op: datetime.date | None = None
    # 'Startdatum lopend dossier', else the first schakeling's begin (000 §4.1).
    start: datetime.date | None = None
    # Today, read by the service: no date of care lies more than a year ahead.
    vandaag: datetime.date | None = None


@dataclass
class ModuleKeuze:
    """One module of a schakeling with its per-module detail (000 §4.2.3)."""

    module: Module
    verzekerd_aanbod: bool = False
    behandeling_gericht_op: list[str] = field(default_factory=list)
    overbruggingszorg: bool | None = None
    ob_vorm: str = ""

    def key(self) -> tuple[object, ...]:
        return (
            self.module.pk,
            self.verzekerd_aanbod,
            tuple(self.behandeling_gericht_op),
            self.overbruggingszorg,
            self.ob_vorm,
        )


@dataclass
class SchakelingInvoer:
    """A schakeling as the user gives it, or as it is stored (for comparing)."""

    begindatum: datetime.date
    einddatum: datetime.date | None
    modules: list[ModuleKeuze]
    zwaartepunt_elders: bool = False
    uitbetaling_aan_ouders: bool | None = None
    pleegzorgers: list[tuple[str, str]] = field(default_factory=list)
    verlenging: bool = False
    # When the schakeling was created; None while it is being created (000 §4.2.7 counts
    # pleegzorg from schakelingen "aangemaakt vanaf 26/05/2020").
    aangemaakt_op: datetime.date | None = None

    def aanbod(self) -> tuple[object, ...]:
        """Everything but the dates: what a verlenging copies and a processed year locks."""
        return (
            sorted((k.key() for k in self.modules), key=repr),
            self.zwaartepunt_elders,
            self.uitbetaling_aan_ouders,
            self.pleegzorgers,
        )


class Fouten:
    """Collects field errors and raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
