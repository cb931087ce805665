"""The reports of 000 §17 and their tables, each table a `Telling` over the definitions of
§17.2. The form lists these tables; the task builds exactly these."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    DateField,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Least

from binc.constants import Geslacht
from dossiers.models import Dossier
from rapporten.constants import Rapportsoort
from rapporten.tellingen import Telling

D = datetime.date
ONBEKEND = -1
OUDSTE = 25  # 25 and older share a column: youth care ends at 25 at the latest
LEEFTIJDEN: tuple[tuple[object, str], ...] = (
    *((jaar, f"{jaar} jaar") for jaar in range(OUDSTE)),
    (OUDSTE, f"{OUDSTE} jaar of ouder"),
    (ONBEKEND, "Onbekend/ongeboren"),
)


def _leeftijd_op(peildatum) -> Case:
    """Whole years between birth and the peildatum; unknown or unborn (no birth date, or born
    after that day) as ONBEKEND."""
    jaren = Cast(
        Func(
            Value("year"),
            Func(peildatum, F("client__geboortedatum"), function="age"),
            function="date_part",
        ),
        IntegerField(),
    )
    return Case(
        When(
            Q(client__geboortedatum__isnull=True) | Q(client__geboortedatum__gt=peildatum),
            then=Value(ONBEKEND),
        ),
        default=Least(jaren, Value(OUDSTE)),
        output_field=IntegerField(),
    )


def _leeftijd_instroom(queryset: QuerySet[Dossier], van: D, tot: D) -> QuerySet[Dossier]:
    # 000 §17: the age at intake in the voorziening (the dossier's start), not in youth care.
    return queryset.annotate(leeftijd=_leeftijd_op(F("start")))


def _huidige_leeftijd(queryset: QuerySet[Dossier], van: D, tot: D) -> QuerySet[Dossier]:
    # 000 §17: the age when the dossier was closed or, for a running one, at the period's end.
    peildatum = Least(
        Coalesce(F("afgesloten_op"), Value(tot, output_field=DateField())),
        Value(tot, output_field=DateField()),
    )
    return queryset.annotate(leeftijd=_leeftijd_op(peildatum))


DRIE = ("opgestart", "afgesloten", "alle")


@dataclass(frozen=True)
class Rapport:
    soort: str
    tellingen: tuple[Telling, ...]


AANTALLEN = Rapport(
    Rapportsoort.AANTALLEN,
    (
        Telling("Aantal dossiers", DRIE),
        Telling("Aantal unieke minderjarigen", DRIE, uniek=True),
        Telling(
            "Aantal dossiers per geslacht",
            DRIE,
            veld="client__geslacht",
            categorieen=tuple(Geslacht.choices),
        ),
        Telling(
            "Minderjarigen per geslacht",
            DRIE,
            veld="client__geslacht",
            categorieen=tuple(Geslacht.choices),
            uniek=True,
        ),
        Telling(
            "Leeftijd instroom",
            ("opgestart",),
            veld="leeftijd",
            categorieen=LEEFTIJDEN,
            annoteer=_leeftijd_instroom,
            uitleg="Leeftijd bij instroom in de voorziening, niet bij instroom in de jeugdhulp.",
        ),
        Telling(
            "Huidige leeftijd",
            ("alle",),
            veld="leeftijd",
            categorieen=LEEFTIJDEN,
            uniek=True,
            annoteer=_huidige_leeftijd,
            uitleg="Leeftijd bij het afsluiten van het dossier of, voor lopende dossiers, op het "
            "einde van de rapportperiode.",
        ),
        Telling("Nationaliteit", ("alle",), veld="client__nationaliteit", uniek=True),
        Telling("Land van herkomst", ("alle",), veld="client__land_van_origine", uniek=True),
    ),
)

RAPPORTEN = {rapport.soort: rapport for rapport in (AANTALLEN,)}
