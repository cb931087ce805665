"""Begin- and eindregistratie (000 §5) and the 1G1P gezinssituatie and trajectinformatie
(001 §5.2–5.3). Every answer may stay empty until saved complete: registration is filled in
gradually. Which answers are mandatory is decided in registratie.services.regels. The help
texts are the manual's 'contextgevoelige hulp'."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from binc.concurrency import VersionedModel
from dossiers.constants import GemandateerdeVoorziening, Hulpfunctie, NietBegeleid
from dossiers.models import Dossier
from registratie.constants import (
    DoelstellingenBereikt,
    EigenKracht,
    Gerealiseerd,
    Lijst,
    PositiefNegatief,
    RedenEinde1G1P,
    Soort,
)


class Antwoord(models.Model):
    """A value of an answer list. Retired values (niet actief) are no longer offered but stay
    readable on the records that chose them."""

    lijst = models.CharField("lijst", max_length=30, choices=Lijst.choices)
    code = models.SlugField("code", max_length=40)
    label = models.CharField("label", max_length=200)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    actief = models.BooleanField("actief", default=True)
    buitengewoon_onderwijs = models.BooleanField(
        "buitengewoon onderwijs",
        default=False,
        help_text="Voor opleidingsniveaus: schoolachterstand is dan niet van toepassing.",
    )

    class Meta:
        verbose_name = "antwoordmogelijkheid"
        verbose_name_plural = "antwoordmogelijkheden"
        ordering = ["lijst", "volgorde", "label"]
        constraints = [
            models.UniqueConstraint(fields=["lijst", "code"], name="antwoord_code_per_lijst")
        ]

    def __str__(self) -> str:
        return self.label if self.actief else f"{self.label} (niet meer in gebruik)"


def _antwoord(lijst: str, label: str, help_text: str, **kwargs) -> models.ForeignKey:
    return models.ForeignKey(
        Antwoord,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"lijst": lijst},
        verbose_name=label,
        help_text=help_text,
        **kwargs,
    )


def _antwoorden(lijst: str, label: str, help_text: str) -> models.ManyToManyField:
    return models.ManyToManyField(
        Antwoord,
        blank=True,
        related_name="+",
        limit_choices_to={"lijst": lijst},
        verbose_name=label,
        help_text=help_text,
    )


BI_LOCATIE = (
    " Bij bi-locatie regeling wordt de gezinssituatie waar de jongere gedomicilieerd is "
    "geregistreerd."
)


class Registratie(VersionedModel):
    """Common to the four forms; each has its own one-to-one link to the dossier, so two users
    creating the same form at once cannot both succeed."""

    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    volledig_op = models.DateField(
        "eerst volledig op",
        null=True,
        blank=True,
        help_text="De dag waarop alle verplichte velden voor het eerst ingevuld waren.",
    )

    class Meta:
        abstract = True


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


class Gezinssituatie(Registratie):
    """001 §5.2: the family situation at the start of a '1 Gezin, 1 Plan' traject."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="gezinssituatie")
    gezinssituatie = _antwoord(
        Lijst.GEZINSSITUATIE, "gezinssituatie", "Selecteer de gezinssituatie."
    )
    adoptiegezin = models.BooleanField("adoptiegezin", default=False)
    pleeggezin = models.BooleanField("pleeggezin", default=False)
    aantal_kinderen = models.PositiveSmallIntegerField(
        "aantal kinderen betrokken in het traject",
        null=True,
        blank=True,
        help_text="Het aantal kinderen dat actief betrokken is in het traject '1 Gezin, 1 Plan'. "
        "Een "
        "gezin kan uit meer kinderen bestaan.",
    )

    class Meta:
        verbose_name = "gezinssituatie (1G1P)"
        verbose_name_plural = "gezinssituaties (1G1P)"

    def __str__(self) -> str:
        return f"Gezinssituatie {self.dossier}"


class Trajectinformatie(Registratie):
    """001 §5.3: the traject of a '1 Gezin, 1 Plan' dossier and its result."""

    dossier = models.OneToOneField(
        Dossier, on_delete=models.CASCADE, related_name="trajectinformatie"
    )
    datum_eerste_gesprek = models.DateField(
        "datum eerste (perspectiefbiedend) gesprek",
        null=True,
        blank=True,
        help_text="De datum van het eerste gesprek met het gezin en eventueel al betrokken "
        "hulpverleners met het oog op het bieden van perspectief aan het gezin.",
    )
    gemandateerde_voorziening = models.CharField(
        "gemandateerde voorziening",
        max_length=5,
        choices=GemandateerdeVoorziening.choices,
        blank=True,
        help_text="Is er een gemandateerde voorziening betrokken in het traject: het OCJ of het "
        "VK?",
    )
    betrokkenheid_sdj = models.BooleanField(
        "betrokkenheid sociale dienst jeugdrechtbank", default=False
    )
    betrokkenheid_crisisnetwerk = models.BooleanField("betrokkenheid crisisnetwerk", default=False)
    begeleiding = models.BooleanField(
        "begeleiding '1 Gezin, 1 Plan'",
        default=False,
        help_text="Aanvinken als een gezinscoach een begeleidingstraject loopt met het gezin.",
    )
    begeleiding_start = models.DateField(
        "startdatum begeleiding",
        null=True,
        blank=True,
        help_text="De datum waarop beslist wordt om met een gezinscoach aan de slag te gaan.",
    )
    begeleiding_einde = models.DateField(
        "einddatum begeleiding",
        null=True,
        blank=True,
        help_text="De datum waarop het traject met de gezinscoach in samenspraak met het gezin "
        "eindigt.",
    )
    begeleiding_reden_einde = models.CharField(
        "reden einde begeleiding", max_length=15, choices=RedenEinde1G1P.choices, blank=True
    )
    begeleiding_reden_andere = models.CharField("andere reden, nl.", max_length=200, blank=True)
    gezinsplan_opgesteld = models.BooleanField(
        "gezinsplan opgesteld?",
        null=True,
        blank=True,
        help_text="Is er een gezinsplan aanwezig?",
    )
    eerstelijnspsycholoog = models.BooleanField(
        "eerstelijnspsychologische functie",
        default=False,
        help_text="Aanvinken als een eerstelijnspsycholoog wordt ingeschakeld in het traject.",
    )
    psycholoog_start = models.DateField("startdatum eerstelijnspsycholoog", null=True, blank=True)
    psycholoog_einde = models.DateField("einddatum eerstelijnspsycholoog", null=True, blank=True)
    psycholoog_sessies = models.PositiveSmallIntegerField(
        "aantal sessies", null=True, blank=True, help_text="Het aantal sessies: een geheel getal."
    )
    eigen_kracht = models.CharField(
        "kan het gezin verder op eigen kracht?",
        max_length=10,
        choices=EigenKracht.choices,
        blank=True,
    )
    gespecialiseerde_hulp = models.BooleanField(
        "moet er gespecialiseerde hulp worden bijgeschakeld?", null=True, blank=True
    )
    hulp_functies = ArrayField(
        models.CharField(max_length=20, choices=Hulpfunctie.choices),
        verbose_name="welke gespecialiseerde hulp is aangewezen?",
        default=list,
        blank=True,
    )
    hulp_andere = models.CharField("andere hulp, nl.", max_length=200, blank=True)
    hulp_gerealiseerd = models.JSONField(
        "gerealiseerd per functie",
        default=dict,
        blank=True,
        help_text="Per aangewezen functie: ja, nee, of nee maar met engagement vanuit vervolghulp.",
    )
    gezinsplan_vervolg = models.BooleanField(
        "krijgt het gezinsplan een plaats in het vervolgtraject?", default=False
    )
    formeel_netwerk = models.BooleanField("het formele netwerk is beter afgestemd", default=False)
    informeel_netwerk = models.BooleanField(
        "het informele netwerk is beter afgestemd", default=False
    )

    class Meta:
        verbose_name = "trajectinformatie (1G1P)"
        verbose_name_plural = "trajectinformatie (1G1P)"
        constraints = [
            models.CheckConstraint(
                condition=Q(begeleiding_einde__isnull=True)
                | Q(begeleiding_start__isnull=True)
                | Q(begeleiding_einde__gte=models.F("begeleiding_start")),
                name="traject_begeleiding_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Trajectinformatie {self.dossier}"


class Geopend(models.Model):
    """That a registration page was opened at least once (reports count those, 000 §17)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    soort = models.CharField("formulier", max_length=15, choices=Soort.choices)
    eerst_geopend_op = models.DateTimeField("eerst geopend op", auto_now_add=True)

    class Meta:
        verbose_name = "geopend registratieformulier"
        verbose_name_plural = "geopende registratieformulieren"
        constraints = [models.UniqueConstraint(fields=["dossier", "soort"], name="geopend_once")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.dossier_id}"
