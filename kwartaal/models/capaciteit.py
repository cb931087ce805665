"""Capaciteit: per voorziening and typemodule, rows that take effect from a date. A
change is a new row; history is never overwritten."""

from typing import Any

from django.db import models
from django.db.models import Q

from binc.models import Typemodule, Voorziening
from binc.tenancy import TenantManager

AANTAL: dict[str, Any] = {"max_digits": 8, "decimal_places": 2, "default": 0}


class Capaciteit(models.Model):
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="capaciteiten",
        verbose_name="voorziening",
    )
    typemodule = models.ForeignKey(
        Typemodule, on_delete=models.PROTECT, related_name="+", verbose_name="typemodule"
    )
    geldig_van = models.DateField("geldig vanaf")
    erkende_capaciteit = models.DecimalField("erkende capaciteit", **AANTAL)
    innovatief_project = models.DecimalField("innovatief project", **AANTAL)
    verzekerd_aanbod = models.DecimalField("verzekerd aanbod (art. 74)", **AANTAL)
    overtal_of_mogelijk_aanbod = models.CharField(
        "verzekerd aanbod in overtal of mogelijk aanbod",
        max_length=200,
        blank=True,
        help_text="Zoals Opgroeien het noteert, bv. een verwijzing naar het puntentotaal (CKG).",
    )
    overtal_op = models.ForeignKey(
        Typemodule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="in overtal geteld op",
        help_text="Crisismodules op verwijzing van het crisismeldpunt 'in overtal' tellen mee op "
        "de capaciteit van deze typemodule.",
    )
    toelichting = models.TextField("toelichting", blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "capaciteit"
        verbose_name_plural = "capaciteiten"
        ordering = ["voorziening", "typemodule__naam", "-geldig_van"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorziening", "typemodule", "geldig_van"], name="capaciteit_een_per_datum"
            ),
            models.CheckConstraint(
                condition=Q(erkende_capaciteit__gte=0)
                & Q(innovatief_project__gte=0)
                & Q(verzekerd_aanbod__gte=0),
                name="capaciteit_niet_negatief",
                violation_error_message="Een capaciteit kan niet negatief zijn.",
            ),
        ]
        # The value on a day: the latest row from before it, one index range scan.
        indexes = [
            models.Index(
                "voorziening", "typemodule", models.F("geldig_van").desc(), name="capaciteit_op_dag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.typemodule} vanaf {self.geldig_van:%d/%m/%Y}"
