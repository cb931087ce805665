"""Beslissingen and schakelingen (000 §4.2), the Groeipakket change history and the processed
years that lock them."""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateTimeRangeField, RangeOperators
from django.db import models
from django.db.models import Case, F, Func, Q, Value, When

from binc.models import Gebruiker, Module, Voorziening
from binc.tenancy import TenantManager
from dossiers.constants import (
    BehandelingGerichtOp,
    GemandateerdeVoorziening,
    OndersteunendeBegeleidingVorm,
    SchakelingSoort,
    Verwijzingsgrond,
    WijzigingActie,
)
from dossiers.models.dossiers import Dossier
from lib.concurrency import VersionedModel


def _middernacht(field: str) -> Func:
    # date::timestamp is immutable (unlike a cast to timestamptz), as an index needs.
    return Func(
        F(field), template="(%(expressions)s)::timestamp", output_field=models.DateTimeField()
    )


class Beslissing(VersionedModel):
    """A jeugdhulpbeslissing (000 §4.2): since 2024 without RTJ/NRTJ and without end date."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="beslissingen", verbose_name="dossier"
    )
    begindatum = models.DateField(
        "begindatum",
        help_text="De datum waarop de organisatie volgens de jeugdhulpbeslissing kan starten met "
        "het hulpaanbod.",
    )
    modules = models.ManyToManyField(
        Module,
        verbose_name="modulair aanbod",
        related_name="+",
        help_text="De aanbevolen modules. Enkel de modules die voor je voorziening zijn "
        "goedgekeurd in de moduledatabank kunnen gekozen worden.",
    )
    verwijzingsgrond = models.CharField(
        "verwijzingsgrond",
        max_length=15,
        choices=Verwijzingsgrond.choices,
        help_text="Vrijwillig, of gerechtelijk (aanmelder = SDJ). Dit wordt doorgegeven aan de "
        "kinderbijslagfondsen: een verkeerde keuze heeft grote impact op de uitbetaling.",
    )
    gemandateerde_voorziening = models.CharField(
        "betrokken gemandateerde voorziening",
        max_length=5,
        choices=GemandateerdeVoorziening.choices,
        default=GemandateerdeVoorziening.GEEN,
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    objects = TenantManager()
    tenant_path = "dossier__voorziening"

    class Meta:
        verbose_name = "beslissing"
        verbose_name_plural = "beslissingen"
        # 000 §4.2: the latest is the one with the most recent begin date, then creation time.
        ordering = ["-begindatum", "-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return f"Beslissing van {self.begindatum:%d/%m/%Y}"

    @property
    def heeft_gemandateerde_voorziening(self) -> bool:
        return self.gemandateerde_voorziening != GemandateerdeVoorziening.GEEN


class Schakeling(VersionedModel):
    """The care actually delivered: one or more modules running together (000 §4.2)."""

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.PROTECT,
        related_name="schakelingen",
        verbose_name="dossier",
        db_index=False,  # the covering index `schakeling_dossier_periode` serves it
    )
    beslissing = models.ForeignKey(
        Beslissing, on_delete=models.PROTECT, related_name="schakelingen", verbose_name="beslissing"
    )
    soort = models.CharField("soort", max_length=12, choices=SchakelingSoort.choices)
    begindatum = models.DateField(
        "begindatum",
        help_text="Een schakeling die naadloos aansluit op de vorige krijgt als begindatum de "
        "einddatum van de vorige schakeling.",
    )
    einddatum = models.DateField(
        "einddatum",
        null=True,
        blank=True,
        help_text="Hoeft nog niet ingevuld te worden. Vul ze in zodra je ze kent: het Groeipakket "
        "rekent op een tijdige registratie.",
    )
    zwaartepunt_elders = models.BooleanField(
        "het zwaartepunt van het verblijf ligt elders",
        default=False,
        help_text="Aanvinken wanneer het Groeipakket voor deze jongere niet binnen Opgroeien "
        "geregeld wordt (bv. verblijf grotendeels in een VAPH-voorziening). Nooit aanvinken door "
        "een residentiële voorziening wanneer pleegzorg betrokken is.",
    )
    uitbetaling_aan_ouders = models.BooleanField(
        "overgangsregeling pleegzorgtoeslag: uitbetaling aan ouders?",
        null=True,
        blank=True,
        help_text="Enkel voor dossiers die al liepen vóór 01/01/2019. Bij 'Ja' wordt geen "
        "pleegzorgerinfo gevraagd en geen bericht verstuurd.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    objects = TenantManager()
    tenant_path = "dossier__voorziening"

    class Meta:
        verbose_name = "schakeling"
        verbose_name_plural = "schakelingen"
        ordering = ["-begindatum", "-id"]
        indexes = [
            # A voorziening's schakelingen lie scattered over the table; with their dates in
            # the index the occupancy sums read them without touching the table (index-only).
            models.Index(
                fields=["dossier"],
                include=["id", "begindatum", "einddatum", "soort"],
                name="schakeling_dossier_periode",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("begindatum")),
                name="schakeling_end_after_begin",
                violation_error_message="De einddatum kan niet vóór de begindatum liggen.",
            ),
            # No overlap within a dossier (000 §4.2.2: begin >= previous end). Over midnights,
            # a schakeling is the open range between its dates, so a follow-up may start on
            # the previous end date; a one-day schakeling is the single midnight of its day,
            # which nothing may straddle but a follow-up may start on.
            ExclusionConstraint(
                name="schakeling_no_overlap",
                violation_error_message=(
                    "Deze periode overlapt met een andere schakeling van het dossier."
                ),
                index_type="gist",
                expressions=[
                    (
                        Func(F("dossier_id"), F("dossier_id"), Value("[]"), function="int8range"),
                        RangeOperators.EQUAL,
                    ),
                    (
                        Func(
                            _middernacht("begindatum"),
                            _middernacht("einddatum"),
                            Case(
                                When(einddatum=F("begindatum"), then=Value("[]")),
                                default=Value("()"),
                            ),
                            function="tsrange",
                            output_field=DateTimeRangeField(),
                        ),
                        RangeOperators.OVERLAPS,
                    ),
                ],
            ),
        ]

    def __str__(self) -> str:
        einde = f"{self.einddatum:%d/%m/%Y}" if self.einddatum else "…"
        return f"{self.get_soort_display()} {self.begindatum:%d/%m/%Y} – {einde}"


class SchakelingModule(models.Model):
    """A module in a schakeling, with the detail some modules ask (000 §4.2.5, §4.2.6)."""

    schakeling = models.ForeignKey(
        Schakeling,
        on_delete=models.CASCADE,
        related_name="modules",
        verbose_name="schakeling",
        db_index=False,  # the covering index `schakelingmodule_schakeling` serves it
    )
    module = models.ForeignKey(
        Module, on_delete=models.PROTECT, related_name="+", verbose_name="module"
    )
    verzekerd_aanbod = models.BooleanField("verzekerd aanbod (art. 74)", default=False)
    behandeling_gericht_op = ArrayField(
        models.CharField(max_length=12, choices=BehandelingGerichtOp.choices),
        verbose_name="behandeling gericht op",
        default=list,
        blank=True,
    )
    overbruggingszorg = models.BooleanField("overbruggingszorg?", null=True, blank=True)
    ob_vorm = models.CharField(
        "vorm van ondersteunende begeleiding",
        max_length=20,
        choices=OndersteunendeBegeleidingVorm.choices,
        blank=True,
    )

    class Meta:
        verbose_name = "module in een schakeling"
        verbose_name_plural = "modules in schakelingen"
        ordering = ["module__code"]
        indexes = [
            # Covering, like `schakeling_dossier_periode`: the occupancy sums read it index-only.
            models.Index(
                fields=["schakeling"],
                include=["module", "verzekerd_aanbod"],
                name="schakelingmodule_schakeling",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["schakeling", "module"], name="schakelingmodule_once")
        ]

    def __str__(self) -> str:
        return str(self.module)


class Pleegzorger(models.Model):
    """000 §4.2.7: who receives the child benefit in perspectiefbiedende pleegzorg."""

    schakeling = models.ForeignKey(
        Schakeling, on_delete=models.CASCADE, related_name="pleegzorgers", verbose_name="schakeling"
    )
    rijksregisternummer = models.CharField("rijksregisternummer", max_length=11)
    naam = models.CharField("naam", max_length=200)

    class Meta:
        verbose_name = "pleegzorger"
        verbose_name_plural = "pleegzorgers"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.naam


class SchakelingWijziging(models.Model):
    """Every creation, change and cancellation of a schakeling, before and after, written in
    the same transaction as the change: what the Groeipakket feed sends (000 §4.2). No foreign
    key: a cancelled schakeling's history stays."""

    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, related_name="+", verbose_name="voorziening"
    )
    dossier_id = models.BigIntegerField("dossier-id", db_index=True)
    schakeling_id = models.BigIntegerField("schakeling-id", db_index=True)
    actie = models.CharField("actie", max_length=12, choices=WijzigingActie.choices)
    voor = models.JSONField("voor", null=True, blank=True)
    na = models.JSONField("na", null=True, blank=True)
    groeipakket = models.BooleanField(
        "te melden aan het Groeipakket",
        help_text="Modules met impact op de kinderbijslag worden in- of uitgeschakeld en het "
        "dossier is geen time-out en het zwaartepunt ligt niet elders.",
    )
    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="gebruiker"
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "wijziging van een schakeling"
        verbose_name_plural = "wijzigingen van schakelingen"
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.get_actie_display()} schakeling {self.schakeling_id}"


class VerwerktJaar(models.Model):
    """A year whose kwartalen Opgroeien has processed ('verwerkt', 000 §12.2): it locks that
    year's schakelingen (000 §4.2.4.1). The fact lives here, beside the schakelingen it locks;
    the kwartaal app writes it."""

    jaar = models.PositiveSmallIntegerField("jaar", unique=True)
    verwerkt_op = models.DateTimeField("verwerkt op", auto_now_add=True)

    class Meta:
        verbose_name = "verwerkt jaar"
        verbose_name_plural = "verwerkte jaren"
        ordering = ["-jaar"]

    def __str__(self) -> str:
        return str(self.jaar)
