"""Voorzieningen, gebruikers and their memberships, and the other DoMinO services."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from binc.constants import (
    DienstFunctie,
    Dienstsoort,
    Organisatietype,
    Provincie,
)


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

    # Flags for templates and services, so neither compares raw choice strings.
    @property
    def is_pleegzorg(self) -> bool:
        return self.organisatietype == Organisatietype.PLEEGZORG

    @property
    def is_1g1p(self) -> bool:
        return self.organisatietype == Organisatietype.GEZIN_1G1P


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
    privacycontact = models.BooleanField(
        "privacycontactpersoon",
        default=False,
        help_text="Mag voor de dossiers van de voorziening opvragen wie ze inzag (GDPR art. 15).",
    )

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
