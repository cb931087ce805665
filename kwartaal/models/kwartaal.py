"""The modulair kwartaal (000 §12): per voorziening and quarter a kwartaalstaat, present exactly
while a schakeling is active in that quarter. It holds the typemodule-inzet (the typemodules of
the active schakelingen, with the total benutting) and the cliëntinzet (per typemodule, the
dossiers switched to it, with optional per-client figures)."""

from decimal import Decimal

from django.db import models
from django.db.models import Q

from binc.models import Typemodule, Voorziening
from binc.tenancy import TenantManager
from dossiers.constants import OndersteunendeBegeleidingVorm
from dossiers.models import Dossier
from kwartaal.constants import KwartaalStatus
from lib.concurrency import VersionedModel


class Kwartaalstaat(VersionedModel):
    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="kwartaalstaten",
        verbose_name="voorziening",
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    kwartaal = models.PositiveSmallIntegerField("kwartaal")
    status = models.CharField(
        "status", max_length=20, choices=KwartaalStatus.choices, default=KwartaalStatus.OPEN
    )
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)
    verwerkt_op = models.DateTimeField("verwerkt op", null=True, blank=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "kwartaalstaat"
        verbose_name_plural = "kwartaalstaten"
        ordering = ["-jaar", "-kwartaal"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorziening", "jaar", "kwartaal"], name="kwartaalstaat_een_per_kwartaal"
            ),
            models.CheckConstraint(
                condition=Q(kwartaal__gte=1, kwartaal__lte=4) & Q(jaar__gte=2015),
                name="kwartaalstaat_geldig_kwartaal",
                violation_error_message="Een kwartaal is 1 tot 4, vanaf 2015.",
            ),
        ]
        indexes = [models.Index(fields=["status", "jaar"], name="kwartaalstaat_werklijst")]

    def __str__(self) -> str:
        return f"Kwartaal {self.kwartaal} - {self.jaar}"

    @property
    def is_verwerkt(self) -> bool:
        return self.status == KwartaalStatus.VERWERKT


class TypemoduleInzet(models.Model):
    kwartaalstaat = models.ForeignKey(
        Kwartaalstaat, on_delete=models.CASCADE, related_name="inzet", verbose_name="kwartaalstaat"
    )
    typemodule = models.ForeignKey(
        Typemodule, on_delete=models.PROTECT, related_name="+", verbose_name="typemodule"
    )
    totaal = models.DecimalField(
        "totale benutting", max_digits=11, decimal_places=4, null=True, blank=True
    )
    niet_clientgebonden = models.DecimalField(
        "niet-cliëntgebonden inzet", max_digits=11, decimal_places=4, null=True, blank=True
    )

    objects = TenantManager()
    tenant_path = "kwartaalstaat__voorziening"

    class Meta:
        verbose_name = "typemodule-inzet"
        verbose_name_plural = "typemodule-inzet"
        ordering = ["typemodule__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["kwartaalstaat", "typemodule"], name="typemodule_inzet_een_per_staat"
            )
        ]

    def __str__(self) -> str:
        return str(self.typemodule)

    @property
    def som(self) -> Decimal:
        """What the figures per client (or soort) and the niet-cliëntgebonden row add up to:
        what [Bereken totaal] makes the total; a total filled in by hand may differ."""
        return (
            sum((c.benutting or Decimal(0) for c in self.clienten.all()), Decimal(0))
            + sum((s.benutting or Decimal(0) for s in self.soorten.all()), Decimal(0))
            + (self.niet_clientgebonden or 0)
        )


class ClientInzet(models.Model):
    """A dossier switched to the typemodule in the quarter, with its optional benutting."""

    inzet = models.ForeignKey(
        TypemoduleInzet, on_delete=models.CASCADE, related_name="clienten", verbose_name="inzet"
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="+", verbose_name="dossier"
    )
    benutting = models.DecimalField(
        "benutting", max_digits=11, decimal_places=4, null=True, blank=True
    )

    objects = TenantManager()
    tenant_path = "inzet__kwartaalstaat__voorziening"

    class Meta:
        verbose_name = "cliëntinzet"
        verbose_name_plural = "cliëntinzet"
        constraints = [
            models.UniqueConstraint(
                fields=["inzet", "dossier"], name="client_inzet_een_per_dossier"
            )
        ]

    def __str__(self) -> str:
        return f"{self.inzet}: dossier {self.dossier_id}"


class SoortInzet(models.Model):
    """Ondersteunende begeleiding registers per soort instead of per client (000 §12.2.2)."""

    inzet = models.ForeignKey(
        TypemoduleInzet, on_delete=models.CASCADE, related_name="soorten", verbose_name="inzet"
    )
    soort = models.CharField("soort", max_length=30, choices=OndersteunendeBegeleidingVorm.choices)
    benutting = models.DecimalField(
        "benutting", max_digits=11, decimal_places=4, null=True, blank=True
    )

    objects = TenantManager()
    tenant_path = "inzet__kwartaalstaat__voorziening"

    class Meta:
        verbose_name = "inzet per soort"
        verbose_name_plural = "inzet per soort"
        constraints = [
            models.UniqueConstraint(fields=["inzet", "soort"], name="soort_inzet_een_per_soort")
        ]

    def __str__(self) -> str:
        return f"{self.inzet}: {self.get_soort_display()}"
