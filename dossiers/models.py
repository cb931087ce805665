"""Clients (shared across DoMinO), their context, and the voorziening's Binc dossiers."""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.db import models
from django.db.models import Case, F, Func, Q, Value, When
from django.urls import reverse

from binc.concurrency import VersionedModel
from binc.constants import Geslacht, Provincie
from binc.models import Gebruiker, Module, Voorziening
from binc.tenancy import TenantManager
from dossiers.constants import (
    Aanmelder,
    AanvraagStatus,
    BehandelingGerichtOp,
    BrStatus,
    DossierStatus,
    GemandateerdeVoorziening,
    Hulpfunctie,
    NietBegeleid,
    Omgangstaal,
    OndersteunendeBegeleidingVorm,
    Pleegzorgdoelgroep,
    Relatie,
    SchakelingSoort,
    SoortPleegzorg,
    SpecifiekeAanmelding,
    Verwijzingsgrond,
    WijzigingActie,
)


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
            ),
            models.CheckConstraint(
                condition=Q(ongeboren=True) | Q(geboortedatum__isnull=False),
                name="client_birth_date_unless_unborn",
            ),
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


class Dossier(VersionedModel):
    """A Binc dossier of one client in one voorziening.

    The `laatste_*` and `br_status` columns summarise the dossier for the start page; the
    services that change beslissingen, schakelingen and registraties keep them current in the
    same transaction, so the overview needs no query per dossier.
    """

    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, related_name="dossiers", verbose_name="voorziening"
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

    objects = TenantManager()

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
            ),
            models.CheckConstraint(
                condition=Q(status=DossierStatus.OPEN, afgesloten_op__isnull=True)
                | Q(status=DossierStatus.AFGESLOTEN, afgesloten_op__isnull=False),
                name="dossier_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["voorziening", "status", "behandelaar"], name="dossier_overview"),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("dossiers:dossier_detail", kwargs={"pk": self.pk})


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
    depends on the organisatietype; the rules live in dossiers.services.aanmelding."""

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
            ),
            models.CheckConstraint(
                condition=Q(specifieke_aanmelding=SpecifiekeAanmelding.GEEN)
                | ~Q(aanmelder=Aanmelder.CRISISMELDPUNT),
                name="aanmelding_specifiek_never_crisismeldpunt",
            ),
            models.CheckConstraint(
                condition=Q(aanmelder=Aanmelder.ANDERE, aanmelder_andere__gt="")
                | (~Q(aanmelder=Aanmelder.ANDERE) & Q(aanmelder_andere="")),
                name="aanmelding_andere_has_text",
            ),
            models.CheckConstraint(
                condition=Q(gerechtelijk=False) | Q(aanmelder=Aanmelder.CRISISMELDPUNT),
                name="aanmelding_gerechtelijk_only_crisismeldpunt",
            ),
            models.CheckConstraint(
                condition=~Q(via_toegangspoort=True) | Q(aanmelder=""),
                name="aanmelding_no_aanmelder_via_toegangspoort",
            ),
        ]

    def __str__(self) -> str:
        return f"Aanmelding {self.dossier}"


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


class Schakeling(VersionedModel):
    """The care actually delivered: one or more modules running together (000 §4.2)."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="schakelingen", verbose_name="dossier"
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
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("begindatum")),
                name="schakeling_end_after_begin",
            ),
            # No overlap within a dossier. A follow-up may start on the previous end date
            # (half-open ranges); a one-day schakeling is closed so nothing fits inside it.
            ExclusionConstraint(
                name="schakeling_no_overlap",
                index_type="gist",
                expressions=[
                    (
                        Func(F("dossier_id"), F("dossier_id"), Value("[]"), function="int8range"),
                        RangeOperators.EQUAL,
                    ),
                    (
                        Func(
                            F("begindatum"),
                            F("einddatum"),
                            Case(
                                When(einddatum=F("begindatum"), then=Value("[]")),
                                default=Value("[)"),
                            ),
                            function="daterange",
                            output_field=DateRangeField(),
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
        Schakeling, on_delete=models.CASCADE, related_name="modules", verbose_name="schakeling"
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
            )
        ]

    def __str__(self) -> str:
        return f"Heropenen {self.dossier}"
