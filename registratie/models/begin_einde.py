"""Begin- and eindregistratie of the organisations (000 §5.1, §5.2)."""

from django.db import models
from django.db.models import Q

from dossiers.constants import NietBegeleid
from dossiers.models import Dossier
from registratie.constants import (
    DoelstellingenBereikt,
    Gerealiseerd,
    Lijst,
    PositiefNegatief,
)
from registratie.models.basis import BI_LOCATIE, Registratie, _antwoord, _antwoorden


class Beginregistratie(Registratie):
    """000 §5.1: the situation at intake, to be filled in within three months."""

    dossier = models.OneToOneField(
        Dossier, on_delete=models.CASCADE, related_name="beginregistratie"
    )
    niet_begeleide_minderjarige = models.CharField(
        "niet begeleide minderjarige",
        max_length=4,
        choices=NietBegeleid.choices,
        blank=True,
        help_text="Betreft zowel de niet-begeleide minderjarige vreemdeling (NBMV) volgens de "
        "verblijfswet als de niet-begeleide Europese minderjarige in kwetsbare toestand (NBEM).",
    )
    dagbesteding = _antwoord(
        Lijst.DAGBESTEDING,
        "dagbesteding",
        "Welke is de gestructureerde (5 dagen of meer per maand) dagbesteding van de jongere "
        "gedurende de schoolweek, op het moment dat de hulpverlening begint in de eigen "
        "voorziening.",
    )
    opleidingsniveau = _antwoord(
        Lijst.OPLEIDINGSNIVEAU,
        "opleidingsniveau",
        "In welke onderwijsvorm is de jongere momenteel of het laatst ingeschreven, op het moment "
        "dat de hulpverlening begint in de eigen voorziening.",
    )
    schoolachterstand = models.PositiveSmallIntegerField(
        "aantal jaren schoolachterstand",
        null=True,
        blank=True,
        help_text="Het aantal jaren achterstand t.o.v. de normale schoolcarrière (dubbelen), op "
        "het "
        "moment dat de hulpverlening begint. NVT voor jongeren uit het (lager) Buitengewoon "
        "Onderwijs.",
    )
    zwanger = models.BooleanField(
        "zwanger",
        null=True,
        blank=True,
        help_text="Is de jongere zwanger? Enkel verplicht voor de CIG; niet getoond voor "
        "pleegzorg.",
    )
    gezinssituatie = _antwoord(
        Lijst.GEZINSSITUATIE,
        "gezinssituatie",
        "Samenstelling van het gezin waarin de jongere hoofdzakelijk verblijft. Voor CIG: het "
        "gezin "
        "dat verblijft in het CIG. Voor pleegzorg: de biologische gezinssituatie. Een jongere die "
        "in "
        "CBAW instroomt en al alleen woont: 'woont alleen'.",
    )
    pleeggezin = models.BooleanField(
        "pleeggezin",
        default=False,
        help_text="Aanvinken wanneer de pleegzorgsituatie als gezinssituatie geregistreerd wordt.",
    )
    adoptiegezin = models.BooleanField("adoptiegezin", default=False)
    arbeidssituatie = _antwoorden(
        Lijst.ARBEIDSSITUATIE,
        "arbeidssituatie",
        "Wat is de inkomensbron van de opvoedingsfiguren binnen de gezinssituatie (minimum 1, "
        "maximum 2)." + BI_LOCATIE,
    )
    opleidingsniveau_ouders = _antwoord(
        Lijst.OPLEIDINGSNIVEAU_OUDERS,
        "opleidingsniveau ouders",
        "Wat is het hoogst behaalde diploma van de opvoedingsfiguren in het gezin." + BI_LOCATIE,
    )
    huisvesting = models.CharField(
        "huisvesting",
        max_length=10,
        choices=PositiefNegatief.choices,
        blank=True,
        help_text="Negatief indien onvoldoende nutsvoorzieningen (elektriciteit, gas, water, "
        "badkamer, "
        "verwarming en kookgelegenheid), te klein voor de gezinsgrootte, verkrot, ongezond of "
        "onveilig, "
        "of wanneer er geen (duurzame) huisvesting is. Positief wanneer die kenmerken niet "
        "aanwezig "
        "zijn." + BI_LOCATIE,
    )
    gezondheid = models.CharField(
        "gezondheid",
        max_length=10,
        choices=PositiefNegatief.choices,
        blank=True,
        help_text="Negatief indien zwakke lichamelijke en/of geestelijke gezondheid van "
        "gezinsleden, "
        "chronische ziektes en/of handicaps die het normale functioneren verstoren, of gebrek aan "
        "kennis en deelname aan de gezondheidszorg. Positief wanneer die kenmerken niet aanwezig "
        "zijn." + BI_LOCATIE,
    )
    schuldenlast = models.BooleanField(
        "schuldenlast",
        null=True,
        blank=True,
        help_text="Binnen de gezinssituatie is er sprake van een problematische schuldenlast, al "
        "dan "
        "niet met tussenkomst van schuldbemiddeling of schuldbeheer, die een druk uitoefent op "
        "het gezin.",
    )
    thuistaal = _antwoord(
        Lijst.THUISTAAL, "thuistaal", "De taal die tussen de gezinsleden onderling gesproken wordt."
    )

    class Meta:
        verbose_name = "beginregistratie"
        verbose_name_plural = "beginregistraties"
        constraints = [
            models.CheckConstraint(
                condition=Q(schoolachterstand__isnull=True) | Q(schoolachterstand__lte=15),
                name="beginregistratie_schoolachterstand_range",
                violation_error_message="De schoolachterstand is hoogstens 15 jaar.",
            )
        ]

    def __str__(self) -> str:
        return f"Beginregistratie {self.dossier}"


class Eindregistratie(Registratie):
    """000 §5.2: how the care ended, with whom was worked together, what comes next."""

    dossier = models.OneToOneField(
        Dossier, on_delete=models.CASCADE, related_name="eindregistratie"
    )
    gelijktijdig_aanbod = _antwoorden(
        Lijst.GELIJKTIJDIG_AANBOD,
        "gelijktijdig aanbod voor cliënt",
        "Welke modules werden aangeboden (buiten de eigen voorziening), voor de jongere in dit "
        "Binc-dossier (niet voor bv. andere kinderen in het gezin), over de volledige "
        "begeleidingsperiode.",
    )
    samenwerking = _antwoorden(
        Lijst.SAMENWERKING,
        "samenwerking",
        "Met welke hulpverlenende instantie werd er effectief samengewerkt tijdens de volledige "
        "begeleidingsperiode, op gezins- en op cliëntniveau (bv. OCMW, VAPH-begeleiding van een "
        "ouder, "
        "systematisch teamconsult vanuit CGG)? Meer dan een adhoc overleg: samen werken aan een "
        "doelstelling.",
    )
    doelstellingen_bereikt = models.CharField(
        "werden de doelstellingen bereikt?",
        max_length=12,
        choices=DoelstellingenBereikt.choices,
        blank=True,
        help_text="Het betreft de doelstellingen zoals opgenomen in het handelingsplan van de "
        "jongere.",
    )
    uitval = models.BooleanField(
        "is er sprake van uitval?",
        null=True,
        blank=True,
        help_text="Er is sprake van uitval als de hulpverlening eenzijdig vanuit "
        "cliëntperspectief of "
        "perspectief van de voorziening wordt stopgezet (breakdown).",
    )
    reden = _antwoord(
        Lijst.REDEN_EINDE,
        "reden",
        "Wat is de voornaamste reden einde begeleiding of reden uitval? Zie ook de flowchart "
        "reden einde.",
    )
    aangewezen_hulp = _antwoord(
        Lijst.AANGEWEZEN_HULP,
        "aangewezen hulp",
        "Welke vervolghulpverlening is volgens de hulpverlener aangewezen voor de jongere en/of "
        "zijn "
        "gezin na het afsluiten (binnen en/of buiten Jeugdhulp Opgroeien)?",
    )
    gerealiseerd = models.CharField(
        "werd de aangewezen hulp gerealiseerd?",
        max_length=12,
        choices=Gerealiseerd.choices,
        blank=True,
    )
    eindadvies = _antwoord(
        Lijst.OOOC_ADVIES,
        "eindadvies",
        "OOOC registreren sinds 2022 een eindadvies in plaats van vervolghulpverlening.",
    )
    overbruggingsadvies = _antwoord(
        Lijst.OOOC_ADVIES, "overbruggingsadvies", "Eventueel, het advies voor de overbrugging."
    )

    class Meta:
        verbose_name = "eindregistratie"
        verbose_name_plural = "eindregistraties"

    def __str__(self) -> str:
        return f"Eindregistratie {self.dossier}"
