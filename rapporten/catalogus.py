"""The reports of 000 §17 and their tables, each table a `Telling` over the definitions of
§17.2. The form lists these tables; the task builds exactly these. The reports on the begin-
and eindregistratie are in `catalogus_registraties`."""

import datetime

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
from dossiers.constants import (
    Aanmelder,
    GemandateerdeVoorziening,
    SchakelingSoort,
    SpecifiekeAanmelding,
    Verwijzingsgrond,
)
from dossiers.models import Dossier
from rapporten.catalogus_registraties import (
    BEGINREGISTRATIE,
    GEZINSSITUATIE,
    REDEN_EINDE,
    SAMENWERKING,
    VERVOLGHULP,
)
from rapporten.constants import Rapportsoort
from rapporten.tellingen import Kolom, Rapport, Telling

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


# 000 §4.1: via the toegangspoort is NRTJ; RTJ comes directly, with an aanmelder.
RTJ = Q(aanmelding__via_toegangspoort=False)

AANMELDING = Rapport(
    Rapportsoort.AANMELDING,
    (
        Telling(
            "Aanmeldingen",
            ("opgestart",),
            kolommen=(
                Kolom("NRTJ (via de toegangspoort)", Q(aanmelding__via_toegangspoort=True)),
                Kolom("RTJ", RTJ),
                Kolom("Uitstroom GI", Q(aanmelding__uitstroom_gi=True)),
                *(
                    Kolom(label, Q(aanmelding__specifieke_aanmelding=code))
                    for code, label in SpecifiekeAanmelding.choices
                    if code != SpecifiekeAanmelding.GEEN
                ),
                Kolom("Niet ingevuld", Q(aanmelding__via_toegangspoort__isnull=True)),
                Kolom("Totaal"),
            ),
        ),
        Telling(
            "RTJ-aanmeldingen naar aanmelder",
            ("opgestart",),
            veld="aanmelding__aanmelder",
            categorieen=tuple(Aanmelder.choices),
            filter=RTJ,
        ),
    ),
)

GEEN_TELLENDE_SCHAKELING = [SchakelingSoort.START_HULPAANBOD, SchakelingSoort.VERLENGING]


def _begeleidingsduur(queryset: QuerySet[Dossier], van: D, tot: D) -> QuerySet[Dossier]:
    # 000 §17: end of the last schakeling - (startdatum lopend dossier or first schakeling).
    return queryset.annotate(
        duur=Func(
            F("laatste_schakeling_einddatum"),
            F("start"),
            template="(%(expressions)s)",
            arg_joiner=" - ",
            output_field=IntegerField(),
        )
    )


DUREN = ((0, 30), (31, 90), (91, 180), (181, 365), (366, 730), (731, None))

BESLISSINGEN = Rapport(
    Rapportsoort.BESLISSINGEN,
    (
        Telling(
            "Beslissingen en schakelingen",
            ("afgesloten",),
            kolommen=(
                Kolom("Afgesloten dossiers"),
                Kolom("Beslissingen", Q(beslissingen__isnull=False), "beslissingen"),
                Kolom(
                    "Schakelingen",
                    Q(schakelingen__isnull=False)
                    & ~Q(schakelingen__soort__in=GEEN_TELLENDE_SCHAKELING),
                    "schakelingen",
                ),
            ),
            verhoudingen=(
                ("Gemiddeld aantal beslissingen per dossier", 1, 0),
                ("Gemiddeld aantal schakelingen per dossier", 2, 0),
            ),
            uitleg="Een schakeling is hier elke wijziging van het hulpaanbod: 'Start "
            "hulpaanbod' en 'Verlenging' tellen niet mee.",
        ),
        Telling(
            "Beslissingen naar verwijzingsgrond",
            ("afgesloten",),
            kolommen=tuple(
                Kolom(
                    f"{grond_label} – {mandaat_label}",
                    Q(beslissingen__verwijzingsgrond=grond)
                    & Q(beslissingen__gemandateerde_voorziening=mandaat),
                    "beslissingen",
                )
                for grond, grond_label in Verwijzingsgrond.choices
                for mandaat, mandaat_label in GemandateerdeVoorziening.choices
            ),
            uitleg="Telt beslissingen, naar verwijzingsgrond en betrokkenheid van een "
            "gemandateerde voorziening.",
        ),
        Telling(
            "Begeleidingsduur",
            ("afgesloten",),
            kolommen=(
                *(
                    Kolom(
                        f"{van} tot {tot} dagen" if tot else f"meer dan {van - 1} dagen",
                        Q(duur__gte=van, duur__lte=tot) if tot else Q(duur__gte=van),
                    )
                    for van, tot in DUREN
                ),
                Kolom("Totaal"),
            ),
            gemiddelde=("Gemiddelde begeleidingsduur (dagen)", "duur"),
            annoteer=_begeleidingsduur,
            uitleg="Begeleidingsduur = einddatum laatste schakeling - startdatum lopend dossier "
            "of startdatum eerste schakeling.",
        ),
    ),
)


# 000 §17.3: the raw data of the opgestarte or the afgesloten dossiers, as XML.
RUWE_DATA: dict[str, str] = {
    Rapportsoort.RUW_OPGESTART: "opgestart",
    Rapportsoort.RUW_AFGESLOTEN: "afgesloten",
}

RAPPORTEN: dict[str, Rapport] = {
    rapport.soort: rapport
    for rapport in (
        AANTALLEN,
        AANMELDING,
        BESLISSINGEN,
        BEGINREGISTRATIE,
        GEZINSSITUATIE,
        REDEN_EINDE,
        SAMENWERKING,
        VERVOLGHULP,
    )
}


def beschikbaar(is_1g1p: bool) -> list[str]:
    """What a voorziening can request: for 1G1P only the raw data for now (001 §12)."""
    return [*([] if is_1g1p else RAPPORTEN), *RUWE_DATA]
