"""On-demand report requests (000 §17.1): queued, generated in the background, kept 7 days."""

from django.db import models

from binc.models import Gebruiker, Voorziening
from binc.tenancy import TenantManager
from rapporten.constants import AanvraagStatus, Rapportsoort


class RapportAanvraag(models.Model):
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.CASCADE, related_name="+", verbose_name="voorziening"
    )
    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="gebruiker"
    )
    soort = models.CharField("rapport", max_length=20, choices=Rapportsoort.choices)
    van = models.DateField("van")
    tot = models.DateField("tot en met")
    status = models.CharField(
        "status", max_length=10, choices=AanvraagStatus.choices, default=AanvraagStatus.WACHTRIJ
    )
    reden = models.TextField("reden", blank=True)
    bestand = models.FileField("bestand", upload_to="rapporten/", blank=True)
    aangemaakt_op = models.DateTimeField("aangevraagd op", auto_now_add=True, db_index=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "rapportaanvraag"
        verbose_name_plural = "rapportaanvragen"
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.van:%d/%m/%Y}–{self.tot:%d/%m/%Y}"

    @property
    def is_klaar(self) -> bool:
        return self.status == AanvraagStatus.KLAAR
