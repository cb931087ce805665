"""Files the application keeps (shared documents, generated reports, the Groeipakket's batches
and answer files), stored in PostgreSQL in parts: every process on every host sees them, a
file is written in the same transaction as the row that names it, and `bin/backup` takes them
along (docs/decisions.md, "Files")."""

from django.db import models


class Bestand(models.Model):
    naam = models.CharField("naam", max_length=255, unique=True)
    grootte = models.BigIntegerField("grootte (bytes)", default=0)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "bestand"
        verbose_name_plural = "bestanden"

    def __str__(self) -> str:
        return self.naam


class BestandDeel(models.Model):
    """One part of a file, at most `binc.opslag.DEEL` bytes, read and written one at a time."""

    bestand = models.ForeignKey(
        Bestand, on_delete=models.CASCADE, related_name="delen", verbose_name="bestand"
    )
    volgnummer = models.PositiveIntegerField("volgnummer")
    data = models.BinaryField("inhoud")

    class Meta:
        verbose_name = "deel van een bestand"
        verbose_name_plural = "delen van bestanden"
        constraints = [
            models.UniqueConstraint(fields=["bestand", "volgnummer"], name="bestanddeel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.bestand} #{self.volgnummer}"
