"""Charts as server-rendered SVG: the geometry here, the drawing in templates/bezetting/grafiek/.
No library: the CSP allows no inline style or script, and bars, a step line and dots are a few
rectangles and paths whose colours are SVG presentation attributes (docs/decisions.md). Every
chart has a title and units, reads in greyscale (values written beside the marks, the 100 % line
dashed) and stands beside the table that is its text alternative (WCAG 1.1.1)."""

from dataclasses import dataclass, field
from decimal import Decimal

from lib.getallen import nederlands

BREEDTE = 760
LABEL = 300  # room for the names left of the bars
RIJ = 26
MARGE = 30


@dataclass(frozen=True)
class Staaf:
    naam: str
    label: str  # the name as it fits, the whole name in the SVG's <title>
    waarde: str  # the figure written beside the bar
    y: int
    breedte: float
    boven: bool  # above 100 %

    @property
    def waarde_x(self) -> float:
        return LABEL + self.breedte + 6


@dataclass
class Staafdiagram:
    titel: str
    staven: list[Staaf]
    hoogte: int
    schaal: list[tuple[float, str]]  # x and label of each grid line
    honderd: float  # x of the 100 % line
    label: int = LABEL
    breedte: int = BREEDTE


def _schaal(maximum: Decimal) -> tuple[Decimal, list[Decimal]]:
    """The axis runs to the next 50 % step above the largest figure (at least 100 %)."""
    top = max(Decimal(1), maximum)
    stappen = int((top * 2).to_integral_value(rounding="ROUND_CEILING"))
    return Decimal(stappen) / 2, [Decimal(i) / 2 for i in range(stappen + 1)]


def procent_tekst(graad: Decimal) -> str:
    return f"{nederlands(graad * 100, 1)} %"


def staafdiagram(titel: str, rijen: list[tuple[str, Decimal]]) -> Staafdiagram | None:
    """A horizontal bar per figure against the 100 % line; None without any figure."""
    if not rijen:
        return None
    top, stappen = _schaal(max(g for _, g in rijen))
    ruimte = BREEDTE - LABEL - 70
    staven = [
        Staaf(
            naam,
            naam if len(naam) <= 42 else naam[:40] + "…",
            procent_tekst(graad),
            MARGE + i * RIJ,
            float(graad / top) * ruimte,
            graad > 1,
        )
        for i, (naam, graad) in enumerate(rijen)
    ]
    return Staafdiagram(
        titel,
        staven,
        MARGE + len(rijen) * RIJ + 10,
        [(LABEL + float(s / top) * ruimte, f"{int(s * 100)} %") for s in stappen],
        LABEL + float(1 / top) * ruimte,
    )


@dataclass
class Lijndiagram:
    """Occupancy per day (or per month) as a step line against capacity."""

    titel: str
    eenheid: str
    bezet: str  # the SVG path of the figure per step
    capaciteit: str  # the SVG path of the capacity per step
    hoogte: int
    breedte: int
    schaal: list[tuple[float, str]] = field(default_factory=list)  # y and label
    tijd: list[tuple[float, str]] = field(default_factory=list)  # x and label


def lijndiagram(
    titel: str, eenheid: str, stappen: list[tuple[str, float, float]]
) -> Lijndiagram | None:
    """A step line of (label, figure, capacity) per step: a day or a month."""
    if not stappen:
        return None
    hoogte, links, onder = 220, 50, 30
    top = max(max(b, c) for _, b, c in stappen) or 1
    breed = (BREEDTE - links - 10) / len(stappen)

    def pad(waarden: list[float]) -> str:
        punten = []
        for i, waarde in enumerate(waarden):
            y = 10 + (hoogte - 10) * (1 - waarde / top)
            punten += [f"{links + i * breed:.1f},{y:.1f}", f"{links + (i + 1) * breed:.1f},{y:.1f}"]
        return "M" + " L".join(punten)

    elke = max(1, len(stappen) // 8)
    return Lijndiagram(
        titel,
        eenheid,
        pad([cijfer for _, cijfer, _ in stappen]),
        pad([capaciteit for _, _, capaciteit in stappen]),
        hoogte + onder,
        BREEDTE,
        [(10 + (hoogte - 10) * (1 - d / 4), nederlands(Decimal(top * d / 4), 0)) for d in range(5)],
        [(links + i * breed, stappen[i][0]) for i in range(0, len(stappen), elke)],
    )


@dataclass(frozen=True)
class Groep:
    naam: str
    y: int
    punten: list[float]  # x of each voorziening's figure
    van: float
    tot: float
    mediaan: str
    aantal: int


@dataclass
class Spreiding:
    titel: str
    groepen: list[Groep]
    hoogte: int
    schaal: list[tuple[float, str]]
    honderd: float
    label: int = LABEL
    breedte: int = BREEDTE


def spreiding(titel: str, per_groep: dict[str, list[Decimal]]) -> Spreiding | None:
    """Per group (an organisatietype) a dot per voorziening on one line, from the lowest to the
    highest figure, with the median written beside it."""
    groepen = {naam: sorted(w) for naam, w in per_groep.items() if w}
    if not groepen:
        return None
    top, stappen = _schaal(max(w[-1] for w in groepen.values()))
    ruimte = BREEDTE - LABEL - 110

    def x(graad: Decimal) -> float:
        return LABEL + float(graad / top) * ruimte

    rijen = []
    for i, (naam, waarden) in enumerate(sorted(groepen.items())):
        midden = len(waarden) // 2
        mediaan = (
            waarden[midden] if len(waarden) % 2 else (waarden[midden - 1] + waarden[midden]) / 2
        )
        rijen.append(
            Groep(
                naam,
                MARGE + i * RIJ,
                [x(w) for w in waarden],
                x(waarden[0]),
                x(waarden[-1]),
                procent_tekst(mediaan),
                len(waarden),
            )
        )
    return Spreiding(
        titel,
        rijen,
        MARGE + len(rijen) * RIJ + 10,
        [(x(s), f"{int(s * 100)} %") for s in stappen],
        x(Decimal(1)),
    )
