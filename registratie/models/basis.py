"""Answer lists as reference data, the base of the four forms, and which forms were opened."""

from django.db import models

from dossiers.models import Dossier
from lib.concurrency import VersionedModel
from registratie.constants import (
    Lijst,
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
