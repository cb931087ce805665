"""The 1G1P forms: gezinssituatie and trajectinformatie (001 §5.2, §5.3)."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from dossiers.constants import GemandateerdeVoorziening, Hulpfunctie
from dossiers.models import Dossier
from registratie.constants import (
    EigenKracht,
    Lijst,
    RedenEinde1G1P,
)
from registratie.models.basis import Registratie, _antwoord


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
                violation_error_message="Het einde van de begeleiding ligt vóór het begin.",
            ),
        ]

    def __str__(self) -> str:
        return f"Trajectinformatie {self.dossier}"
