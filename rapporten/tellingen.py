"""Counting over the definitions' sets (000 §17.2) for the voorziening against its
organisatietype in Flanders and in its province (000 §17). Each set of columns is one query over
all voorzieningen of the organisatietype at once, with a conditional count per row group, never
a loop over voorzieningen."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, QuerySet

from binc.models import Voorziening
from dossiers.models import Dossier
from lib.databank import met_werkgeheugen
from rapporten import selectors
from rapporten.xlsx import Tabel
from registratie.constants import Soort
from registratie.models import Geopend

D = datetime.date
NIET_INGEVULD = "Niet ingevuld"
TOTAAL = "Totaal"
CKG_PROVINCIE = (
    "Binc telt alles bij de provincie van het hoofdadres van de voorziening. Sommige CKG werken "
    "in verschillende provincies, wat de provinciale cijfers kan vertekenen."
)

# Each definition as a condition over `selectors.met_start`: a table counts all of its
# definitions in one pass over the dossiers, with a conditional count per definition and group.
DEFINITIES: dict[str, tuple[Callable[[D, D], Q], str]] = {
    "opgestart": (selectors.opgestart_q, "Opgestarte dossiers"),
    "afgesloten": (selectors.afgesloten_q, "Afgesloten dossiers"),
    "alle": (selectors.alle_q, "Alle dossiers"),
}
Annotatie = Callable[[QuerySet[Dossier], D, D], QuerySet[Dossier]]
Categorieen = tuple[tuple[object, str], ...]


@dataclass(frozen=True)
class Kolom:
    """A column counting the dossiers (or what `sleutel` names, e.g. their beslissingen) that
    match `filter`."""

    label: str
    filter: Q | None = None
    sleutel: str | None = None


@dataclass(frozen=True)
class Telling:
    """One table: the dossiers (or unique minors) of one or more definitions, in the columns
    `kolommen`, or split by the values of `veld` (`categorieen` fixes them and their order;
    otherwise the values found, most frequent first), or as a total. `verhoudingen` adds
    columns dividing one column by another; `gemiddelde` averages an annotation per dossier."""

    titel: str
    definities: tuple[str, ...]
    veld: str | None = None
    categorieen: Categorieen | Callable[[], Categorieen] = ()
    kolommen: tuple[Kolom, ...] = ()
    verhoudingen: tuple[tuple[str, int, int], ...] = ()
    gemiddelde: tuple[str, str] | None = None  # (column label, annotation)
    uniek: bool = False
    filter: Q | None = None
    annoteer: Annotatie | None = None
    geopend: str | None = None  # 000 §17.2: only dossiers whose form was opened at least once
    uitleg: str = ""


@dataclass(frozen=True)
class Rapport:
    """A report of 000 §17: its tables, in the order of its sheets."""

    soort: str
    tellingen: tuple[Telling, ...]


@dataclass(frozen=True)
class Groep:
    naam: str
    filter: Q | None  # None: every dossier of the organisatietype


def groepen(voorziening: Voorziening) -> list[Groep]:
    """The rows of every table, as in the manual: the organisatietype in Flanders, in the
    province, and the voorziening itself (000 §17.2). The comparisons are always shown: they add
    up organisations' own figures (docs/decisions.md)."""
    soort = voorziening.get_organisatietype_display()
    return [
        Groep(f"{soort} in Vlaanderen", None),
        Groep(
            f"{soort} in {voorziening.get_provincie_display()}",
            Q(voorziening__provincie=voorziening.provincie),
        ),
        Groep(voorziening.naam, Q(voorziening=voorziening)),
    ]


def _en(*filters: Q | None) -> Q | None:
    samen = [f for f in filters if f is not None]
    if not samen:
        return None
    result = samen[0]
    for f in samen[1:]:
        result &= f
    return result


def _waarde(waarde: object) -> object:
    return NIET_INGEVULD if waarde is None or waarde == "" else waarde


def _dossiers(
    telling: Telling, basis, voorwaarden: dict[str, Q], van: D, tot: D
) -> QuerySet[Dossier]:
    """The dossiers of any of the table's definitions, with its filters and annotations."""
    of = None
    for voorwaarde in voorwaarden.values():
        of = voorwaarde if of is None else of | voorwaarde
    queryset: QuerySet[Dossier] = selectors.met_start(basis).filter(of)
    if telling.filter is not None:
        queryset = queryset.filter(telling.filter)
    if telling.geopend is not None:
        queryset = queryset.filter(
            pk__in=Geopend.objects.filter(soort=telling.geopend).values("dossier")
        )
    if telling.annoteer is not None:
        queryset = telling.annoteer(queryset, van, tot)
    return queryset


def _vermenigvuldigt(queryset) -> bool:
    """Whether a join can repeat a dossier (a reverse or many-to-many relation): only then must
    a count be distinct, which costs a sort per column."""
    return any(
        getattr(join, "join_field", None) is not None
        and (join.join_field.one_to_many or join.join_field.many_to_many)
        for join in queryset.query.alias_map.values()
    )


def _per_kolom(telling: Telling, queryset, rijgroepen, sleutel: str, voorwaarden) -> dict:
    """Per definition, per column, a count per row group: one query."""
    kolommen = telling.kolommen or (Kolom(TOTAAL),)
    # The columns' own relations join in the same query and may repeat a dossier too.
    herhaalt = _vermenigvuldigt(queryset) or any(
        k.sleutel is not None
        or (k.filter is not None and _vermenigvuldigt(queryset.filter(k.filter)))
        for k in kolommen
    )
    tellers = {
        f"{d}_k{j}g{i}": Count(
            kolom.sleutel or sleutel,
            distinct=herhaalt or sleutel != "pk",
            filter=_en(voorwaarde, groep.filter, kolom.filter),
        )
        for d, voorwaarde in voorwaarden.items()
        for j, kolom in enumerate(kolommen)
        for i, groep in enumerate(rijgroepen)
    }
    totalen = queryset.aggregate(**tellers)
    return {
        d: [
            [totalen[f"{d}_k{j}g{i}"] for i in range(len(rijgroepen))] for j in range(len(kolommen))
        ]
        for d in voorwaarden
    }


def _per_waarde(telling: Telling, queryset, rijgroepen, sleutel: str, voorwaarden) -> dict:
    """Per definition, the labels of the values and a count per value and row group, and the
    total (a dossier once, whatever its values): two queries for all definitions."""
    assert telling.veld is not None
    uniek = sleutel != "pk" or _vermenigvuldigt(queryset.values(telling.veld))
    tellers = {
        f"{d}_g{i}": Count(sleutel, distinct=uniek, filter=_en(voorwaarde, groep.filter))
        for d, voorwaarde in voorwaarden.items()
        for i, groep in enumerate(rijgroepen)
    }
    per: dict[object, dict[str, int]] = {}
    for rij in queryset.values(telling.veld).annotate(**tellers).order_by():
        bestaand = per.setdefault(_waarde(rij.pop(telling.veld)), dict.fromkeys(tellers, 0))
        for naam, aantal in rij.items():
            bestaand[naam] += aantal
    if uniek:
        totalen = queryset.aggregate(**tellers)  # a dossier or minor once, whatever its values
    else:
        # Each dossier stands in exactly one value's row: the total is the sum, no second pass.
        totalen = {naam: sum(rij[naam] for rij in per.values()) for naam in tellers}
    vast = telling.categorieen() if callable(telling.categorieen) else telling.categorieen
    uitkomst = {}
    for d in voorwaarden:
        eigen = {w: tellers for w, tellers in per.items() if tellers[f"{d}_g0"]}
        categorieen = list(vast) or [
            (waarde, str(waarde))
            for waarde in sorted(eigen, key=lambda w: (-eigen[w][f"{d}_g0"], str(w)))
            if waarde != NIET_INGEVULD
        ]
        # 000 §17.2: tables over opgestarte dossiers always show what is not filled in yet.
        if d == "opgestart" or NIET_INGEVULD in eigen:
            categorieen.append((NIET_INGEVULD, NIET_INGEVULD))
        kolommen = [
            [eigen.get(waarde, {}).get(f"{d}_g{i}", 0) for i in range(len(rijgroepen))]
            for waarde, _ in categorieen
        ]
        kolommen.append([totalen[f"{d}_g{i}"] for i in range(len(rijgroepen))])
        uitkomst[d] = ([label for _, label in categorieen] + [TOTAAL], kolommen)
    return uitkomst


def _deel(teller, noemer: int) -> Decimal | None:
    if teller is None or not noemer:
        return None
    return (Decimal(teller) / Decimal(noemer)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def tel(telling: Telling, voorziening: Voorziening, van: D, tot: D) -> Tabel:
    """One table. Its queries hash and sort the dossiers of a whole organisatietype."""
    with met_werkgeheugen():
        return _tel(telling, voorziening, van, tot)


def _tel(telling: Telling, voorziening: Voorziening, van: D, tot: D) -> Tabel:
    rijgroepen = groepen(voorziening)
    basis = Dossier.alle.filter(voorziening__organisatietype=voorziening.organisatietype)
    sleutel = "client" if telling.uniek else "pk"
    voorwaarden = {d: DEFINITIES[d][0](van, tot) for d in telling.definities}
    queryset = _dossiers(telling, basis, voorwaarden, van, tot)
    if telling.veld is not None:
        per_waarde = _per_waarde(telling, queryset, rijgroepen, sleutel, voorwaarden)
    else:
        per_kolom = _per_kolom(telling, queryset, rijgroepen, sleutel, voorwaarden)
    if telling.gemiddelde is not None:
        gemiddelden = queryset.aggregate(
            **{
                f"{d}_g{i}": Avg(telling.gemiddelde[1], filter=_en(voorwaarde, g.filter))
                for d, voorwaarde in voorwaarden.items()
                for i, g in enumerate(rijgroepen)
            }
        )
    koppen: list[str] = []
    kolommen: list[list] = []  # per column, a value per row group
    for definitie in telling.definities:
        voorvoegsel = f"{DEFINITIES[definitie][1]} – " if len(telling.definities) > 1 else ""
        if telling.veld is not None:
            labels, eigen = per_waarde[definitie]
        else:
            eigen = per_kolom[definitie]
            labels = [k.label for k in telling.kolommen] or [DEFINITIES[definitie][1]]
            voorvoegsel = "" if not telling.kolommen else voorvoegsel
        for label, teller, noemer in telling.verhoudingen:
            labels.append(label)
            eigen.append([_deel(t, n) for t, n in zip(eigen[teller], eigen[noemer], strict=True)])
        if telling.gemiddelde is not None:
            labels.append(telling.gemiddelde[0])
            eigen.append(
                [_deel(gemiddelden[f"{definitie}_g{i}"], 1) for i in range(len(rijgroepen))]
            )
        koppen += [f"{voorvoegsel}{label}" for label in labels]
        kolommen += eigen
    rijen = [[groep.naam, *(kolom[i] for kolom in kolommen)] for i, groep in enumerate(rijgroepen)]
    telt = " / ".join(DEFINITIES[d][1].lower() for d in telling.definities)
    if telling.uniek:
        telt += " (unieke minderjarigen)"
    if telling.geopend is not None:
        formulier = Soort(telling.geopend).label.lower()
        telt += f"; enkel dossiers waarvan de {formulier} minstens geopend werd"
    uitleg = [telling.uitleg] if telling.uitleg else []
    if voorziening.organisatietype == "ckg":
        uitleg.append(CKG_PROVINCIE)
    return Tabel(telling.titel, telt, ["", *koppen], rijen, uitleg)
