"""The cross-cutting core: voorzieningen, their medewerkers, the module catalogue and the
activity log. Domain apps build on these."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.urls import reverse

from binc.constants import (
    Afronding,
    DienstFunctie,
    Dienstsoort,
    Eenheid,
    Functie,
    Geslacht,
    GoedkeuringStatus,
    Organisatietype,
    Provincie,
    SyncStatus,
    Toegang,
    Zoekwijze,
)
from binc.tenancy import TenantManager


class Voorziening(models.Model):
    naam = models.CharField("naam", max_length=200)
    erkenningsnummer = models.CharField(
        "erkenningsnummer",
        max_length=20,
        unique=True,
        help_text="Het nummer waaronder de moduledatabank de voorziening kent.",
    )
    organisatietype = models.CharField(
        "organisatietype", max_length=20, choices=Organisatietype.choices
    )
    provincie = models.CharField(
        "provincie",
        max_length=20,
        choices=Provincie.choices,
        help_text="Volgens het hoofdadres; gebruikt voor de provinciale vergelijking in rapporten.",
    )
    meerdere_provincies = models.BooleanField(
        "werkt over meerdere provincies",
        default=False,
        help_text="Enkele CKG's werken provincie-overschrijdend en vullen per aanmelding de "
        "provincie in.",
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "voorziening"
        verbose_name_plural = "voorzieningen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gebruiker(AbstractUser):
    """A person who logs in: a medewerker of one or more voorzieningen, Opgroeien staff or a
    consulent of a service. What they may do follows from their memberships, not from a type."""

    rijksregisternummer = models.CharField(
        "rijksregisternummer",
        max_length=11,
        unique=True,
        null=True,
        blank=True,
        help_text="Koppelt de aanmelding via eHealth/itsme aan deze gebruiker.",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Medewerker(models.Model):
    """Membership of a gebruiker in a voorziening. Inside a voorziening there are no roles
    (000 §12.2.2): every medewerker sees and does everything for it."""

    gebruiker = models.ForeignKey(
        Gebruiker,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name="gebruiker",
    )
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.CASCADE,
        related_name="medewerkers",
        verbose_name="voorziening",
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "voorziening"], name="medewerker_once_per_voorziening"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} – {self.voorziening}"


class Dienst(models.Model):
    """A service outside the voorzieningen (OCJ, SDJ, GI campus, Voorzieningenbeleid)."""

    naam = models.CharField("naam", max_length=200, unique=True)
    soort = models.CharField("soort", max_length=30, choices=Dienstsoort.choices)
    email = models.EmailField("e-mailadres", blank=True)

    class Meta:
        verbose_name = "dienst"
        verbose_name_plural = "diensten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class DienstMedewerker(models.Model):
    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="diensten", verbose_name="gebruiker"
    )
    dienst = models.ForeignKey(
        Dienst, on_delete=models.CASCADE, related_name="medewerkers", verbose_name="dienst"
    )
    functie = models.CharField("functie", max_length=30, choices=DienstFunctie.choices)

    class Meta:
        verbose_name = "medewerker van een dienst"
        verbose_name_plural = "medewerkers van diensten"
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "dienst"], name="dienstmedewerker_once")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} – {self.dienst} ({self.get_functie_display()})"


class Typemodule(models.Model):
    """A kind of module with the 'benuttingseigenschappen' Opgroeien sets (000 §12). Reference
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
        "gezinshuis (000 §15).",
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

    class Meta:
        verbose_name = "typemodule"
        verbose_name_plural = "typemodules"
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(groeipakket_impact=True) | Q(groeipakket_leeftijdsgrens__isnull=True),
                name="typemodule_age_limit_only_with_impact",
            ),
            models.CheckConstraint(
                condition=Q(in_verblijfscapaciteit=False) | Q(functie=Functie.VERBLIJF),
                name="typemodule_verblijfscapaciteit_only_verblijf",
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

    class Meta:
        verbose_name = "module"
        verbose_name_plural = "modules"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class ModuleGoedkeuring(models.Model):
    """A module approved for one voorziening in the moduledatabank. Only approved, active
    modules can be chosen in beslissingen and schakelingen (000 §4.2)."""

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
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module} – {self.voorziening}"

    def get_absolute_url(self) -> str:
        return reverse("binc:module_detail", kwargs={"pk": self.pk})


class Activiteit(models.Model):
    """Append-only log of what happened, by whom and when (000 §7). A database trigger refuses
    updates and deletes, so no code path can rewrite history. Objects are referenced by id and
    label, not by foreign key: the log outlives a deleted dossier."""

    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, related_name="+", verbose_name="voorziening"
    )
    gebruiker = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gebruiker",
        help_text="Leeg wanneer een achtergrondtaak de wijziging deed.",
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actie = models.CharField("actie", max_length=60)
    omschrijving = models.CharField("omschrijving", max_length=500)
    object_type = models.CharField("soort object", max_length=100, blank=True)
    object_id = models.BigIntegerField("object-id", null=True, blank=True)
    dossier_id = models.BigIntegerField("dossier-id", null=True, blank=True, db_index=True)
    gegevens = models.JSONField("gegevens", default=dict, blank=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["voorziening", "-tijdstip"], name="activiteit_recent")]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d/%m/%Y %H:%M} {self.omschrijving}"


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


class RijksregisterPersoon(models.Model):
    """A person in the local stand-in for the national register. The embedded setup and the
    tests look clients up here; production asks the national register through KSZ instead,
    behind the same adapter."""

    rijksregisternummer = models.CharField(
        "rijksregisternummer of BIS-nummer", max_length=11, unique=True
    )
    naam = models.CharField("naam", max_length=100)
    voornaam = models.CharField("voornaam", max_length=100)
    geslacht = models.CharField("geslacht", max_length=1, choices=Geslacht.choices)
    geboortedatum = models.DateField("geboortedatum")
    geboorteplaats = models.CharField("geboorteplaats", max_length=100, blank=True)
    nationaliteit = models.CharField("nationaliteit", max_length=60, default="Belg")
    straat = models.CharField("straat", max_length=150, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=10, blank=True)
    postcode = models.CharField("postcode", max_length=10, blank=True)
    gemeente = models.CharField("gemeente", max_length=100, blank=True)

    class Meta:
        verbose_name = "persoon in het lokale rijksregister"
        verbose_name_plural = "personen in het lokale rijksregister"
        ordering = ["naam", "voornaam"]
        indexes = [models.Index(fields=["naam", "voornaam", "geboortedatum"], name="rr_naam")]

    def __str__(self) -> str:
        return f"{self.naam} {self.voornaam} ({self.geboortedatum:%d/%m/%Y})"


class RijksregisterOpzoeking(models.Model):
    """Every lookup in the national register: who, for which voorziening, when, what was asked
    and how many people were shown (001 §1). Append-only (database trigger); Opgroeien audits
    it, medewerkers never see it."""

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="gebruiker"
    )
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, related_name="+", verbose_name="voorziening"
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    zoekwijze = models.CharField("zoekwijze", max_length=10, choices=Zoekwijze.choices)
    criteria = models.JSONField("zoekcriteria")
    aantal_resultaten = models.PositiveIntegerField("aantal getoonde resultaten")
    aantal_geweigerd = models.PositiveIntegerField(
        "aantal geweigerd",
        default=0,
        help_text="Gevonden maar niet getoond: ouder dan 25 jaar (behalve voor pleegzorg).",
    )

    class Meta:
        verbose_name = "opzoeking in het rijksregister"
        verbose_name_plural = "opzoekingen in het rijksregister"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d/%m/%Y %H:%M} {self.gebruiker} ({self.get_zoekwijze_display()})"
