"""The Groeipakket feed (000 §4.2, §4.2.7): the daily batches and their messages (D227) to the
child-benefit funds. The schakeling history (`SchakelingWijziging`) is the outbox; a message
never disappears, and its id is what the receiver deduplicates on."""

import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models

from binc.models import Voorziening
from binc.tenancy import TenantManager
from groeipakket.constants import BerichtActie, BerichtStatus


class GroeipakketBatch(models.Model):
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    dag = models.DateField("dag", db_index=True)
    aantal = models.PositiveIntegerField("aantal berichten", default=0)

    class Meta:
        verbose_name = "Groeipakket-batch"
        verbose_name_plural = "Groeipakket-batches"
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"Batch {self.pk} van {self.dag:%d/%m/%Y}"


class GroeipakketBericht(models.Model):
    bericht_id = models.UUIDField("bericht-id", unique=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(
        GroeipakketBatch, on_delete=models.PROTECT, related_name="berichten", verbose_name="batch"
    )
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, related_name="+", verbose_name="voorziening"
    )
    dossier_id = models.BigIntegerField("dossier-id", db_index=True)
    dossier_code = models.CharField("dossiercode", max_length=30, db_index=True)
    schakeling_id = models.BigIntegerField("schakeling-id", db_index=True)
    actie = models.CharField("actie", max_length=12, choices=BerichtActie.choices)
    inhoud = models.JSONField("inhoud")
    wijzigingen = ArrayField(models.BigIntegerField(), verbose_name="wijzigingen")
    status = models.CharField(
        "status",
        max_length=12,
        choices=BerichtStatus.choices,
        default=BerichtStatus.WACHTRIJ,
        db_index=True,
    )
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    volgende_poging_op = models.DateTimeField("volgende poging op", null=True, blank=True)
    reden = models.TextField("reden", blank=True)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "Groeipakket-bericht"
        verbose_name_plural = "Groeipakket-berichten"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["status", "volgende_poging_op"], name="bericht_relay")]

    def __str__(self) -> str:
        return f"{self.get_actie_display()} {self.dossier_code} ({self.bericht_id})"

    @property
    def is_geweigerd(self) -> bool:
        return self.status == BerichtStatus.GEWEIGERD


class GroeipakketBestand(models.Model):
    """The exchange with the funds under the 'lokaal' backend, kept where every process sees it
    (PostgreSQL, `binc.opslag`): the XML of each delivery of a batch, and each answer file,
    whether it came through the exchange folder or was uploaded in Opgroeien's screens."""

    class Soort(models.TextChoices):
        VERZONDEN = "verzonden", "Verzonden batch (XML)"
        ANTWOORD = "antwoord", "Antwoordbestand"

    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    batch = models.ForeignKey(
        GroeipakketBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bestanden",
        verbose_name="batch",
    )
    naam = models.CharField("bestandsnaam", max_length=255)
    bestand = models.FileField("bestand", upload_to="groeipakket/", max_length=255)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "Groeipakket-bestand"
        verbose_name_plural = "Groeipakket-bestanden"
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return self.naam
