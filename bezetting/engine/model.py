"""The engine's plain data: what the selectors read from PostgreSQL, or a worked case holds."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

D = datetime.date
KAN_NIET = "De bezettingsgraad kan niet berekend worden: de erkende capaciteit is 0."


@dataclass(frozen=True)
class Typemodule:
    code: str
    functie: str
    bezetting: str  # algemeen, verblijf, ob, cah_begeleiding, cah_interventie, ckg_punten
    intensiteit: Decimal = Decimal(1)
    ckg_punten: int = 0
    in_verblijfscapaciteit: bool = False
    naam: str = ""


@dataclass(frozen=True)
class Capaciteit:
    typemodule: str
    van: D
    erkend: Decimal
    innovatief: Decimal = Decimal(0)
    verzekerd: Decimal = Decimal(0)
    # 000 §14.2: crisis modules 'in overtal' count on another module with capacity.
    overtal_op: str | None = None


@dataclass(frozen=True)
class Module:
    """One module of a schakeling: its typemodule and whether it is used as verzekerd aanbod."""

    module: str
    typemodule: str
    verzekerd_aanbod: bool = False


@dataclass(frozen=True)
class Schakeling:
    id: str
    dossier: str
    begin: D
    einde: D | None
    modules: tuple[Module, ...]
    soort: str = "schakeling"


@dataclass(frozen=True)
class Benutting:
    jaar: int
    kwartaal: int
    typemodule: str
    benutting: Decimal


@dataclass
class Gegevens:
    """One voorziening's data for a calculation."""

    organisatietype: str
    typemodules: dict[str, Typemodule]
    capaciteit: list[Capaciteit] = field(default_factory=list)
    schakelingen: list[Schakeling] = field(default_factory=list)
    kwartaal: list[Benutting] = field(default_factory=list)
    # Dossier-days per typemodule over `periode`, when PostgreSQL already summed them (the
    # overview of every voorziening); `schakelingen` then holds only what the rest needs.
    dossierdagen: dict[str, int] | None = None
    periode: tuple[D, D] | None = None
    # The schakelingen per typemodule, built on first use (not copied by dataclasses.replace).
    _per_typemodule: dict[str, list[Schakeling]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def met_typemodule(self, code: str) -> list[Schakeling]:
        if self._per_typemodule is None:
            index: dict[str, list[Schakeling]] = {}
            for s in self.schakelingen:
                for typemodule in {m.typemodule for m in s.modules}:
                    index.setdefault(typemodule, []).append(s)
            self._per_typemodule = index
        return self._per_typemodule.get(code, [])

    def capaciteit_op(self, typemodule: str, dag: D) -> Capaciteit | None:
        """000 §15: a later row replaces an earlier one from its date."""
        geldig = [c for c in self.capaciteit if c.typemodule == typemodule and c.van <= dag]
        return max(geldig, key=lambda c: c.van) if geldig else None


def exact(waarde: Fraction) -> str:
    """A numerator or denominator as an exact decimal string where it has one, else to 10
    decimals (x/365 in the CKG formula)."""
    noemer = waarde.denominator
    for factor in (2, 5):
        while noemer % factor == 0:
            noemer //= factor
    if noemer == 1:
        decimal = Decimal(waarde.numerator) / Decimal(waarde.denominator)
        return format(decimal.normalize(), "f") if decimal else "0"
    benadering = Decimal(waarde.numerator) / Decimal(waarde.denominator)
    return format(benadering.quantize(Decimal("1E-10"), rounding=ROUND_HALF_UP), "f")


@dataclass
class Ratio:
    """Numerator and denominator; the rate, or the manual's message where it has none."""

    teller: Fraction = Fraction(0)
    noemer: Fraction = Fraction(0)
    melding: str = ""

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(
            self.teller + other.teller, self.noemer + other.noemer, self.melding or other.melding
        )

    @property
    def graad(self) -> Decimal | None:
        if self.melding or self.noemer == 0:
            return None
        return (Decimal(self.teller.numerator) / Decimal(self.teller.denominator)) / (
            Decimal(self.noemer.numerator) / Decimal(self.noemer.denominator)
        )

    def als_dict(self) -> dict:
        graad = self.graad
        if graad is None:
            return {"graad": None, "melding": self.melding or KAN_NIET}
        return {
            "teller": exact(self.teller),
            "noemer": exact(self.noemer),
            "graad": str(graad.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)),
        }
