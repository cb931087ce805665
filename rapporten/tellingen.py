"""Counting over the definitions' sets (000 §17.2) for the voorziening against its
organisatietype in Flanders and in its province (000 §17). Each set of columns is one query over
all voorzieningen of the organisatietype at once, with a conditional count per row group, never
a loop over voorzieningen."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from binc.models import Voorziening
from dossiers.models import Dossier
from rapporten import selectors
from rapporten.xlsx import Tabel

D = datetime.date
NIET_INGEVULD = "Niet ingevuld"
TOTAAL = "Totaal"
# A group of fewer voorzieningen would let a voorziening subtract its own figures from the
# group's and read another one's.
MIN_GROEP = 3
VERBORGEN = "–"
CKG_PROVINCIE = (
    "Binc telt alles bij de provincie van het hoofdadres van de voorziening. Sommige CKG werken "
    "in verschillende provincies, wat de provinciale cijfers kan vertekenen."
)

DEFINITIES: dict[str, tuple[Callable[..., QuerySet[Dossier]], str]] = {
    "opgestart": (selectors.opgestarte, "Opgestarte dossiers"),
    "afgesloten": (selectors.afgesloten, "Afgesloten dossiers"),
    "alle": (selectors.alle, "Alle dossiers"),
}
Annotatie = Callable[[QuerySet[Dossier], D, D], QuerySet[Dossier]]


@dataclass(frozen=True)
class Telling:
    """One table: the dossiers (or unique minors) of one or more definitions, optionally split
    by the values of a field (`categorieen` fixes them and their order; otherwise the values
    found, most frequent first)."""

    titel: str
    definities: tuple[str, ...]
    veld: str | None = None
    categorieen: tuple[tuple[object, str], ...] = ()
    uniek: bool = False
    annoteer: Annotatie | None = None
    uitleg: str = ""


@dataclass(frozen=True)
class Groep:
    naam: str
    filter: Q | None  # None: every dossier of the organisatietype
    zichtbaar: bool


def groepen(voorziening: Voorziening) -> list[Groep]:
    """The rows of every table, as in the manual: the organisatietype in Flanders, in the
    province, and the voorziening itself."""
    aantallen = Voorziening.objects.filter(organisatietype=voorziening.organisatietype).aggregate(
        vlaanderen=Count("pk"), provincie=Count("pk", filter=Q(provincie=voorziening.provincie))
    )
    soort = voorziening.get_organisatietype_display()
    return [
        Groep(f"{soort} in Vlaanderen", None, aantallen["vlaanderen"] >= MIN_GROEP),
        Groep(
            f"{soort} in {voorziening.get_provincie_display()}",
            Q(voorziening__provincie=voorziening.provincie),
            aantallen["provincie"] >= MIN_GROEP,
        ),
        Groep(voorziening.naam, Q(voorziening=voorziening), True),
    ]


def _waarde(waarde: object) -> object:
    return NIET_INGEVULD if waarde is None or waarde == "" else waarde


def tel(telling: Telling, voorziening: Voorziening, van: D, tot: D) -> Tabel:
    rijgroepen = groepen(voorziening)
    basis = Dossier.alle.filter(voorziening__organisatietype=voorziening.organisatietype)
    sleutel = "client" if telling.uniek else "pk"
    tellers = {
        f"g{i}": Count(sleutel, distinct=True, filter=groep.filter)
        for i, groep in enumerate(rijgroepen)
    }
    koppen: list[str] = []
    kolommen: list[list[object]] = []  # per column, a value per row group
    for definitie_sleutel in telling.definities:
        definitie, naam = DEFINITIES[definitie_sleutel]
        queryset = definitie(van, tot, basis)
        if telling.annoteer is not None:
            queryset = telling.annoteer(queryset, van, tot)
        if telling.veld is None:
            totalen = queryset.aggregate(**tellers)
            koppen.append(naam)
            kolommen.append([totalen[f"g{i}"] for i in range(len(rijgroepen))])
            continue
        per: dict[object, dict[str, int]] = {}
        for rij in queryset.values(telling.veld).annotate(**tellers).order_by():
            waarde = _waarde(rij.pop(telling.veld))
            bestaand = per.setdefault(waarde, dict.fromkeys(tellers, 0))
            for naam_teller, aantal in rij.items():
                bestaand[naam_teller] += aantal
        categorieen = list(telling.categorieen) or [
            (waarde, str(waarde))
            for waarde in sorted(per, key=lambda w: (w == NIET_INGEVULD, -per[w]["g0"], str(w)))
            if waarde != NIET_INGEVULD
        ]
        if definitie_sleutel == "opgestart" or NIET_INGEVULD in per:
            categorieen.append((NIET_INGEVULD, NIET_INGEVULD))
        voorvoegsel = f"{naam} – " if len(telling.definities) > 1 else ""
        for waarde, label in categorieen:
            koppen.append(f"{voorvoegsel}{label}")
            rij = per.get(waarde, {})
            kolommen.append([rij.get(f"g{i}", 0) for i in range(len(rijgroepen))])
        totalen = queryset.aggregate(**tellers)  # a dossier once, whatever its categories
        koppen.append(f"{voorvoegsel}{TOTAAL}")
        kolommen.append([totalen[f"g{i}"] for i in range(len(rijgroepen))])
    rijen = [
        [groep.naam, *(kolom[i] if groep.zichtbaar else VERBORGEN for kolom in kolommen)]
        for i, groep in enumerate(rijgroepen)
    ]
    telt = " / ".join(DEFINITIES[d][1].lower() for d in telling.definities)
    if telling.uniek:
        telt += " (unieke minderjarigen)"
    uitleg = [telling.uitleg] if telling.uitleg else []
    if voorziening.organisatietype == "ckg":
        uitleg.append(CKG_PROVINCIE)
    return Tabel(telling.titel, telt, ["", *koppen], rijen, uitleg)
