"""Clients, shared across DoMinO, and their context (000 §3, 001 §4)."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.urls import reverse

from binc.constants import Geslacht
from binc.models import Gebruiker, Voorziening
from binc.tenancy import TenantManager, UnscopedManager
from dossiers.constants import (
    NietBegeleid,
    Omgangstaal,
    Relatie,
)
from lib.concurrency import VersionedModel


class Client(VersionedModel):
    """A person's identification, shared by every DoMinO user (001 §1). It says nothing about
    where the client is known: a voorziening reaches a client only through its own
    ClientToegang."""

    rijksregisternummer = models.CharField(
        "rijksregisternummer of BIS-nummer",
        max_length=11,
        unique=True,
        null=True,
        blank=True,
        help_text="Leeg enkel voor een ongeboren kind, tot het gekoppeld wordt.",
    )
    ongeboren = models.BooleanField("ongeboren kind", default=False)
    naam = models.CharField("naam", max_length=100)
    voornaam = models.CharField("voornaam", max_length=100)
    geslacht = models.CharField("geslacht", max_length=1, choices=Geslacht.choices)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    geboorteplaats = models.CharField("geboorteplaats", max_length=100, blank=True)
    nationaliteit = models.CharField("nationaliteit", max_length=60, blank=True)
    straat = models.CharField("straat", max_length=150, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=10, blank=True)
    postcode = models.CharField("postcode", max_length=10, blank=True)
    gemeente = models.CharField("gemeente", max_length=100, blank=True)
    niet_begeleide_minderjarige = models.CharField(
        "niet begeleide minderjarige",
        max_length=4,
        choices=NietBegeleid.choices,
        help_text="Het betreft zowel de niet-begeleide minderjarige vreemdeling (NBMV) volgens de "
        "verblijfswet als de niet-begeleide Europese minderjarige in kwetsbare toestand (NBEM).",
    )
    land_van_origine = models.CharField(
        "land van origine",
        max_length=60,
        help_text="Indien minstens één ouder of twee grootouders een andere nationaliteit hebben "
        "dan de Belgische, noteer je deze nationaliteit (indien verschillende nationaliteiten "
        "kies je deze van de (groot)moeder).",
    )
    omgangstaal = models.CharField(
        "omgangstaal",
        max_length=10,
        choices=Omgangstaal.choices,
        help_text="Wat is de omgangstaal in de hulpverlening met de jongere?",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        constraints = [
            models.CheckConstraint(
                condition=Q(ongeboren=True) | Q(rijksregisternummer__isnull=False),
                name="client_identified_unless_unborn",
                violation_error_message=(
                    "Vul het rijksregisternummer in (behalve voor een ongeboren kind)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ongeboren=True) | Q(geboortedatum__isnull=False),
                name="client_birth_date_unless_unborn",
                violation_error_message=(
                    "Vul de geboortedatum in (behalve voor een ongeboren kind)."
                ),
            ),
        ]
        # 'Opzoeken dossier' finds a name by any part of it (icontains, 000 §2.1): trigram
        # indexes answer that from the matching names instead of reading every client.
        indexes = [
            GinIndex(OpClass(Upper("naam"), name="gin_trgm_ops"), name="client_naam_trgm"),
            GinIndex(OpClass(Upper("voornaam"), name="gin_trgm_ops"), name="client_voornaam_trgm"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} {self.voornaam}"

    def get_absolute_url(self) -> str:
        return reverse("dossiers:client_detail", kwargs={"pk": self.pk})


class ClientToegang(models.Model):
    """That a voorziening identified a client or serves it: the only way it reaches the
    client's shared identification."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="toegangen", verbose_name="cliënt"
    )
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.CASCADE, related_name="+", verbose_name="voorziening"
    )
    sinds = models.DateTimeField("sinds", auto_now_add=True)

    objects = TenantManager()
    alle = UnscopedManager()

    class Meta:
        verbose_name = "toegang tot cliënt"
        verbose_name_plural = "toegangen tot cliënten"
        constraints = [
            models.UniqueConstraint(fields=["client", "voorziening"], name="clienttoegang_once")
        ]

    def __str__(self) -> str:
        return f"{self.voorziening_id} → {self.client_id}"


class ContextPersoon(models.Model):
    """A person in the client's context (parents, siblings, others), shared across DoMinO."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="context", verbose_name="cliënt"
    )
    relatie = models.CharField("relatie tot de cliënt", max_length=20, choices=Relatie.choices)
    naam = models.CharField("naam", max_length=100)
    voornaam = models.CharField("voornaam", max_length=100)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    rijksregisternummer = models.CharField("rijksregisternummer", max_length=11, blank=True)
    toegevoegd_door = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="toegevoegd door"
    )
    toegevoegd_op = models.DateTimeField("toegevoegd op", auto_now_add=True)

    class Meta:
        verbose_name = "persoon in de cliëntcontext"
        verbose_name_plural = "personen in de cliëntcontext"
        ordering = ["relatie", "naam", "voornaam"]

    def __str__(self) -> str:
        return f"{self.naam} {self.voornaam} ({self.get_relatie_display().lower()})"
