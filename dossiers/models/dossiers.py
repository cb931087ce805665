"""The voorziening's Binc dossiers and their aanmelding (000 §4, §10; 001 §5)."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse

from binc.constants import Provincie
from binc.models import Gebruiker, Voorziening
from binc.tenancy import TenantManager, UnscopedManager
from dossiers.constants import (
    Aanmelder,
    AanvraagStatus,
    BrStatus,
    DossierStatus,
    Hulpfunctie,
    Pleegzorgdoelgroep,
    SoortPleegzorg,
    SpecifiekeAanmelding,
)
from dossiers.models.clients import Client
from lib.concurrency import VersionedModel


class Dossier(VersionedModel):
    """A Binc dossier of one client in one voorziening.

    The `laatste_*` and `br_status` columns summarise the dossier for the start page; the
    services that change beslissingen, schakelingen and registraties keep them current in the
    same transaction, so the overview needs no query per dossier.
    """

    voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name="voorziening",
        db_index=False,  # the covering index `dossier_voorziening` serves it
    )
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="dossiers", verbose_name="cliënt"
    )
    code = models.CharField("dossiercode", max_length=30, unique=True)
    status = models.CharField(
        "status", max_length=10, choices=DossierStatus.choices, default=DossierStatus.OPEN
    )
    behandelaar = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="behandelaar",
        help_text="Wie het dossier aanmaakte of het aan zichzelf overdroeg ('Mijn dossiers').",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("laatst gewijzigd", auto_now_add=True, db_index=True)
    afgesloten_op = models.DateField("afgesloten op", null=True, blank=True)
    br_status = models.CharField(
        "beginregistratie", max_length=15, choices=BrStatus.choices, default=BrStatus.ONVOLLEDIG
    )
    laatste_beslissing_begindatum = models.DateField(
        "begindatum laatste beslissing", null=True, blank=True
    )
    laatste_schakeling_begindatum = models.DateField(
        "begindatum laatste schakeling", null=True, blank=True
    )
    laatste_schakeling_einddatum = models.DateField(
        "einddatum laatste schakeling", null=True, blank=True
    )
    # The start of 'Start hulpaanbod' (000 §17.2 counts from it), kept like the columns above so
    # the reports filter on a column instead of a subquery per dossier.
    eerste_schakeling_begindatum = models.DateField(
        "begindatum eerste schakeling", null=True, blank=True
    )
    startdatum = models.DateField(
        "start van het dossier",
        null=True,
        blank=True,
        help_text="De startdatum van een lopend dossier, anders het begin van 'Start hulpaanbod'.",
    )

    objects = TenantManager()
    alle = UnscopedManager()

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        constraints = [
            # 000 §10: one open dossier per client per voorziening (for 1G1P: per
            # samenwerkingsverband, which is its own voorziening).
            models.UniqueConstraint(
                fields=["client", "voorziening"],
                condition=Q(status=DossierStatus.OPEN),
                name="dossier_one_open_per_client",
                violation_error_message="Deze cliënt heeft al een open dossier in je voorziening.",
            ),
            models.CheckConstraint(
                condition=Q(status=DossierStatus.OPEN, afgesloten_op__isnull=True)
                | Q(status=DossierStatus.AFGESLOTEN, afgesloten_op__isnull=False),
                name="dossier_closed_has_date",
                violation_error_message=(
                    "Een afgesloten dossier heeft een afsluitdatum; een open dossier niet."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["voorziening", "status", "behandelaar"], name="dossier_overview"),
            # A voorziening's dossiers without touching the table: the ids for the occupancy
            # sums, the columns the reports' definitions filter on.
            models.Index(
                fields=["voorziening"],
                include=[
                    "id",
                    "client",
                    "status",
                    "startdatum",
                    "eerste_schakeling_begindatum",
                    "laatste_schakeling_einddatum",
                    "afgesloten_op",
                ],
                name="dossier_voorziening",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("dossiers:dossier_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == DossierStatus.OPEN


class DossierCodeTeller(models.Model):
    """The last sequence number handed out per creation day, for BNC_<yyyymmdd>_<n>."""

    datum = models.DateField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "teller dossiercodes"
        verbose_name_plural = "tellers dossiercodes"

    def __str__(self) -> str:
        return f"{self.datum}: {self.laatste}"


class Aanmelding(VersionedModel):
    """How the client came to the voorziening (000 §4.1; 001 §5.1). Which fields apply
    depends on the organisatietype; the rules live in dossiers.rules.aanmelding."""

    dossier = models.OneToOneField(
        Dossier, on_delete=models.CASCADE, related_name="aanmelding", verbose_name="dossier"
    )
    uw_referentie = models.CharField(
        "uw referentie",
        max_length=100,
        blank=True,
        db_index=True,
        help_text="Een eigen dossiernummer, bv. van een papieren dossier of een eigen "
        "registratiesysteem, of een indeling naar leefgroep of afdeling. Je kan dossiers "
        "opzoeken op deze referentie.",
    )
    lopend_dossier = models.BooleanField(
        "is dossier een lopend dossier?",
        default=False,
        help_text="Laat in de meeste dossiers op 'Nee' staan. Enkel na een fusie tussen twee "
        "organisaties vul je hier 'Ja' in.",
    )
    startdatum_lopend_dossier = models.DateField(
        "startdatum lopend dossier",
        null=True,
        blank=True,
        help_text="De oorspronkelijke startdatum van het dossier vóór de fusie. Niet nodig als "
        "die gelijk is aan de begindatum van de lopende beslissing.",
    )
    via_toegangspoort = models.BooleanField(
        "via toegangspoort (NRTJ)?",
        null=True,
        blank=True,
        help_text="De jongere wordt aangemeld via de toegangspoort voor niet rechtstreeks "
        "toegankelijke module(s), al dan niet in combinatie met rechtstreeks toegankelijke "
        "module(s).",
    )
    aanmelder = models.CharField(
        "aanmelder",
        max_length=30,
        choices=Aanmelder.choices,
        blank=True,
        help_text="Kijk eerst goed na of je antwoord niet tussen de mogelijkheden staat vooraleer "
        "je 'Andere' kiest (bv. JAC valt onder CAW, CaH onder Jeugdhulp Opgroeien).",
    )
    aanmelder_andere = models.CharField("andere aanmelder, nl.", max_length=100, blank=True)
    uitstroom_gi = models.BooleanField(
        "uitstroom uit de gemeenschapsinstelling",
        null=True,
        blank=True,
        help_text="'Ja' wanneer de jongere doelgericht vanuit de gemeenschapsinstelling "
        "doorstroomt, ook met een korte overbrugging in afwachting van een plaats.",
    )
    specifieke_aanmelding = models.CharField(
        "specifieke aanmelding",
        max_length=30,
        choices=SpecifiekeAanmelding.choices,
        default=SpecifiekeAanmelding.GEEN,
        help_text="Hoogstens één. Nooit samen met een aanmelding door het crisismeldpunt. Gaat "
        "het dossier daarna over naar reguliere begeleiding, dan maak je een nieuw dossier aan.",
    )
    gerechtelijk = models.BooleanField(
        "gerechtelijk",
        default=False,
        help_text="Enkel voor OOOC, bij een aanmelding door het crisismeldpunt.",
    )
    soort_pleegzorg = models.CharField(
        "soort pleegzorg", max_length=10, choices=SoortPleegzorg.choices, blank=True
    )
    pleegzorgdoelgroep = models.CharField(
        "jeugdhulp of volwassenpleegzorg",
        max_length=12,
        choices=Pleegzorgdoelgroep.choices,
        blank=True,
    )
    provincie = models.CharField(
        "provincie",
        max_length=20,
        choices=Provincie.choices,
        blank=True,
        help_text="Voor welke provincie dit dossier opgaat (CKG met afdelingen in meerdere "
        "provincies).",
    )
    datum_aanmelding = models.DateField(
        "datum aanmelding",
        null=True,
        blank=True,
        help_text="De datum waarop het gezin werd aangemeld bij het samenwerkingsverband "
        "(telefonisch, schriftelijk, face-to-face ...).",
    )
    wachtlijst = models.BooleanField(
        "staat het gezin of een lid van het gezin op een wachtlijst jeugdhulp?",
        null=True,
        blank=True,
    )
    wachtlijst_functies = ArrayField(
        models.CharField(max_length=20, choices=Hulpfunctie.choices),
        verbose_name="voor welke hulp?",
        default=list,
        blank=True,
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd", auto_now=True)

    class Meta:
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(lopend_dossier=True) | Q(startdatum_lopend_dossier__isnull=True),
                name="aanmelding_startdatum_only_when_lopend",
                violation_error_message=(
                    "Een startdatum lopend dossier hoort enkel bij een lopend dossier."
                ),
            ),
            models.CheckConstraint(
                condition=Q(specifieke_aanmelding=SpecifiekeAanmelding.GEEN)
                | ~Q(aanmelder=Aanmelder.CRISISMELDPUNT),
                name="aanmelding_specifiek_never_crisismeldpunt",
                violation_error_message=(
                    "Een specifieke aanmelding kan niet via het crisismeldpunt."
                ),
            ),
            models.CheckConstraint(
                condition=Q(aanmelder=Aanmelder.ANDERE, aanmelder_andere__gt="")
                | (~Q(aanmelder=Aanmelder.ANDERE) & Q(aanmelder_andere="")),
                name="aanmelding_andere_has_text",
                violation_error_message="Vul in wie de andere aanmelder is.",
            ),
            models.CheckConstraint(
                condition=Q(gerechtelijk=False) | Q(aanmelder=Aanmelder.CRISISMELDPUNT),
                name="aanmelding_gerechtelijk_only_crisismeldpunt",
                violation_error_message=(
                    "Gerechtelijk kan enkel bij een aanmelding via het crisismeldpunt."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(via_toegangspoort=True) | Q(aanmelder=""),
                name="aanmelding_no_aanmelder_via_toegangspoort",
                violation_error_message=(
                    "Via de toegangspoort is er geen aparte aanmelder: laat de aanmelder leeg."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Aanmelding {self.dossier}"


class HeropenAanvraag(models.Model):
    """000 §10: a request to reopen a dossier whose last schakeling ended over a year ago,
    handled by an Opgroeien dossierbehandelaar."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="heropenaanvragen", verbose_name="dossier"
    )
    aangevraagd_door = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="aangevraagd door"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    status = models.CharField(
        "status", max_length=12, choices=AanvraagStatus.choices, default=AanvraagStatus.INGEDIEND
    )
    behandeld_door = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="behandeld door",
    )
    behandeld_op = models.DateTimeField("behandeld op", null=True, blank=True)

    objects = TenantManager()
    tenant_path = "dossier__voorziening"

    class Meta:
        verbose_name = "aanvraag tot heropenen"
        verbose_name_plural = "aanvragen tot heropenen"
        ordering = ["aangevraagd_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(status=AanvraagStatus.INGEDIEND),
                name="heropenaanvraag_one_pending",
                violation_error_message="Voor dit dossier loopt al een aanvraag tot heropenen.",
            )
        ]

    def __str__(self) -> str:
        return f"Heropenen {self.dossier}"
