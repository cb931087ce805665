"""The module catalogue from the moduledatabank, with the properties Opgroeien sets
(000 §4.2, §12)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from binc.constants import (
    Afronding,
    Detailvraag,
    Eenheid,
    Functie,
    GoedkeuringStatus,
    SyncStatus,
    Toegang,
)
from binc.models.organisaties import Voorziening
from binc.tenancy import TenantManager


class Typemodule(models.Model):
    """A kind of module with the 'benuttingseigenschappen' Opgroeien sets. Reference
    data: maintained in the admin, never deleted once used."""

    code = models.SlugField("code", max_length=60, unique=True)
    naam = models.CharField("naam", max_length=200, unique=True)
    functie = models.CharField("functie", max_length=30, choices=Functie.choices)
    eenheid = models.CharField(
        "eenheid", max_length=10, choices=Eenheid.choices, help_text="Eenheid van registreren."
    )
    afronding = models.CharField(
        "afrondingsregel", max_length=10, choices=Afronding.choices, default=Afronding.GEEN
    )
    benutting_is_inzet = models.BooleanField(
        "benutting = inzet",
        default=False,
        help_text="Het benuttingscijfer wordt berekend uit de schakelingen en is niet "
        "manueel aan te passen.",
    )
    niet_clientgebonden_inzet = models.BooleanField(
        "niet-cliëntgebonden inzet mogelijk",
        default=False,
        help_text="Een extra rij voor tijd die niet aan één cliënt gebonden is, zoals "
        "teamoverleg en coaching.",
    )
    geen_benutting_input = models.BooleanField(
        "geen benutting-input",
        default=False,
        help_text="Niet zichtbaar in het modulair kwartaal, wel bijgehouden voor de "
        "bezettingsgraad.",
    )
    intensiteit = models.DecimalField(
        "intensiteit",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Bv. uren per week voor begeleiding; gebruikt in de benuttingsgraad.",
    )
    ckg_punten = models.PositiveSmallIntegerField(
        "CKG-punten per begonnen maand",
        null=True,
        blank=True,
        help_text="Volgens het erkenningsbesluit; enkel voor de mobiele/ambulante werking van CKG.",
    )
    in_verblijfscapaciteit = models.BooleanField(
        "telt mee in de capaciteit verblijf",
        default=False,
        help_text="Alle verblijf-typemodules behalve Veilig verblijf en Verblijf in een "
        "gezinshuis.",
    )
    pleegzorg = models.BooleanField(
        "pleegzorg",
        default=False,
        help_text="De cliënt verblijft met deze typemodule in een pleeggezin (verblijf in een "
        "pleeggezin, behandelpleegzorg, begeleiding voor pleeggezinnen): een voorziening met "
        "verblijf mag dan nooit 'zwaartepunt verblijf elders' aanvinken.",
    )
    groeipakket_impact = models.BooleanField(
        "impact op het Groeipakket",
        default=False,
        help_text="Schakelingen met deze typemodule worden gemeld aan de kinderbijslagfondsen.",
    )
    groeipakket_leeftijdsgrens = models.PositiveSmallIntegerField(
        "leeftijdsgrens Groeipakket",
        null=True,
        blank=True,
        help_text="Enkel impact wanneer de cliënt jonger is dan deze leeftijd; leeg = altijd.",
    )

    detailvraag = models.CharField(
        "detailvraag per schakeling",
        max_length=30,
        choices=Detailvraag.choices,
        default=Detailvraag.GEEN,
        blank=True,
        help_text="De extra vraag in een schakeling met deze typemodule.",
    )
    pleegzorgers_gevraagd = models.BooleanField(
        "pleegzorgers gevraagd",
        default=False,
        help_text="Perspectiefzoekende en -biedende pleegzorg: rijksregisternummer en naam van "
        "de pleegzorgers voor het Groeipakket.",
    )
    overgangsregeling_pleegzorgtoeslag = models.BooleanField(
        "overgangsregeling pleegzorgtoeslag",
        default=False,
        help_text="Perspectiefbiedende pleegzorg: 'Uitbetaling aan ouders?' voor dossiers die "
        "vóór 01/01/2019 liepen.",
    )

    class Meta:
        verbose_name = "typemodule"
        verbose_name_plural = "typemodules"
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(groeipakket_impact=True) | Q(groeipakket_leeftijdsgrens__isnull=True),
                name="typemodule_age_limit_only_with_impact",
                violation_error_message=(
                    "Een leeftijdsgrens voor het Groeipakket hoort enkel bij een typemodule met "
                    "Groeipakket-impact."
                ),
            ),
            models.CheckConstraint(
                condition=Q(in_verblijfscapaciteit=False) | Q(functie=Functie.VERBLIJF),
                name="typemodule_verblijfscapaciteit_only_verblijf",
                violation_error_message=(
                    "Enkel een typemodule met functie verblijf telt mee in de verblijfscapaciteit."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Module(models.Model):
    """A module of the moduledatabank, uniquely identified by its code. Kept forever: a module
    that leaves the moduledatabank is deactivated, since history still refers to it."""

    code = models.CharField("code", max_length=20, unique=True)
    naam = models.CharField("naam", max_length=200)
    typemodule = models.ForeignKey(
        Typemodule, on_delete=models.PROTECT, related_name="modules", verbose_name="typemodule"
    )
    toegang = models.CharField("toegang", max_length=4, choices=Toegang.choices)
    actief = models.BooleanField(
        "actief",
        default=True,
        help_text="Staat in de laatste export van de moduledatabank.",
    )
    # Set by Opgroeien, not by the moduledatabank feed: the sync leaves it alone.
    vraagt_overbruggingszorg = models.BooleanField(
        "vraagt 'overbruggingszorg?'",
        default=False,
        help_text="Ondersteunende pleegzorg korte duur: gaat het om overbruggingszorg?",
    )

    class Meta:
        verbose_name = "module"
        verbose_name_plural = "modules"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class ModuleGoedkeuring(models.Model):
    """A module approved for one voorziening in the moduledatabank. Only approved, active
    modules can be chosen in beslissingen and schakelingen."""

    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="goedkeuringen",
        verbose_name="voorziening",
    )
    module = models.ForeignKey(
        Module, on_delete=models.PROTECT, related_name="goedkeuringen", verbose_name="module"
    )
    status = models.CharField("status", max_length=20, choices=GoedkeuringStatus.choices)
    geldig_van = models.DateField("geldig van")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    actief = models.BooleanField(
        "actief", default=True, help_text="Staat in de laatste export van de moduledatabank."
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd", auto_now=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "goedgekeurde module"
        verbose_name_plural = "goedgekeurde modules"
        ordering = ["module__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorziening", "module"], name="goedkeuring_once_per_voorziening"
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                name="goedkeuring_period_in_order",
                violation_error_message="De einddatum van de goedkeuring ligt vóór de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module} – {self.voorziening}"

    def get_absolute_url(self) -> str:
        return reverse("binc:module_detail", kwargs={"pk": self.pk})


class ModuledatabankSync(models.Model):
    """One run of the moduledatabank synchronisation, kept as evidence of what changed."""

    gestart_op = models.DateTimeField("gestart op", auto_now_add=True)
    status = models.CharField("status", max_length=20, choices=SyncStatus.choices)
    bestand = models.CharField("bestand", max_length=500, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    telling = models.JSONField("telling", default=dict, blank=True)
    verslag = models.TextField("verslag", blank=True)

    class Meta:
        verbose_name = "synchronisatie moduledatabank"
        verbose_name_plural = "synchronisaties moduledatabank"
        ordering = ["-gestart_op"]

    def __str__(self) -> str:
        return f"{self.gestart_op:%d/%m/%Y %H:%M} – {self.get_status_display()}"
