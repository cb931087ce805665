"""The activity log and the national register with its audited lookups (001 §1)."""

from django.db import models

from binc.constants import (
    Geslacht,
    InzageSoort,
    Zoekwijze,
)
from binc.models.organisaties import Gebruiker, Voorziening
from binc.tenancy import TenantManager


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
    fout = models.CharField(
        "fout",
        max_length=300,
        blank=True,
        help_text="Waarom het rijksregister niet antwoordde (onbereikbaar, time-out).",
    )

    class Meta:
        verbose_name = "opzoeking in het rijksregister"
        verbose_name_plural = "opzoekingen in het rijksregister"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d/%m/%Y %H:%M} {self.gebruiker} ({self.get_zoekwijze_display()})"


class Inzage(models.Model):
    """Who opened a child's file (ASVS V16, GDPR art. 15; Opgroeien promises families "we houden
    bij wie op welk moment toegang had"): one row per opening of a dossier, client, registration
    form, report or shared document, written in the request itself. Append-only (database
    trigger); kept as long as the dossiers it is about (docs/decisions.md)."""

    Soort = InzageSoort

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="gebruiker"
    )
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="voorziening",
        help_text="Leeg voor een medewerker van een dienst (OCJ, SDJ, …).",
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)
    soort = models.CharField("wat", max_length=12, choices=Soort.choices)
    object_id = models.BigIntegerField("object-id")
    # By id, like the activity log: the trace outlives what it is about.
    client_id = models.BigIntegerField("cliënt-id", null=True, blank=True)
    dossier_id = models.BigIntegerField("dossier-id", null=True, blank=True)
    verzoek_id = models.CharField(
        "verzoek-id",
        max_length=100,
        blank=True,
        default="",
        help_text="Het kenmerk van het verzoek (X-Request-ID), zoals in de logs.",
    )

    class Meta:
        verbose_name = "inzage"
        verbose_name_plural = "inzages"
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["client_id", "tijdstip"], name="inzage_client"),
            models.Index(fields=["dossier_id", "tijdstip"], name="inzage_dossier"),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d/%m/%Y %H:%M} {self.gebruiker}: {self.get_soort_display()}"
