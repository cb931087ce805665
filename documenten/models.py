"""Shared documents (000 ch. 18, 001 ch. 11). A document is sent, never kept: its bytes go after
the last 'delen tot en met' day or when the sender withdraws it; what was sent to whom and who
opened it stay, here and in the activity log."""

from django.db import models
from django.db.models import Q

from binc.models import Dienst, Gebruiker, Voorziening
from binc.tenancy import TenantManager
from documenten.constants import MailStatus


class Document(models.Model):
    """One uploaded file with its description. Sent by a medewerker of a voorziening (from a
    dossier, or not client-bound from the start page) or by a medewerker of a dienst."""

    afzender = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="afzender"
    )
    afzender_voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="voorziening van de afzender",
    )
    afzender_dienst = models.ForeignKey(
        Dienst,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dienst van de afzender",
    )
    # By id, like the activity log: the record of what was sent outlives a deleted dossier.
    dossier_id = models.BigIntegerField("dossier-id", null=True, blank=True, db_index=True)
    beschrijving = models.CharField("beschrijving", max_length=500, blank=True)
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    # The server's own name in the documenten storage; never derived from the user's name.
    opslagnaam = models.CharField("opslagnaam", max_length=100, unique=True)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    vertrouwelijk = models.BooleanField(
        "vertrouwelijk",
        default=False,
        help_text="Enkel zichtbaar voor de afzender, niet voor de collega's.",
    )
    persoonlijk = models.BooleanField(
        "persoonlijk document voor ontvanger",
        default=False,
        help_text="Enkel zichtbaar voor de geadresseerde, een van de personen die de "
        "ontvangende voorziening opgaf in 'Gebruikersbeheer documenten'.",
    )
    aangemaakt_op = models.DateTimeField("verzonden op", auto_now_add=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    bestand_verwijderd_op = models.DateTimeField("bestand verwijderd op", null=True, blank=True)

    class Meta:
        verbose_name = "gedeeld document"
        verbose_name_plural = "gedeelde documenten"
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afzender_voorziening__isnull=True) ^ Q(afzender_dienst__isnull=True),
                name="document_een_afzender",
                violation_error_message="Een document komt van een voorziening of van een dienst.",
            ),
            models.CheckConstraint(
                condition=Q(dossier_id__isnull=True) | Q(afzender_voorziening__isnull=False),
                name="document_dossier_van_voorziening",
                violation_error_message="Enkel een voorziening deelt documenten uit een dossier.",
            ),
        ]

    def __str__(self) -> str:
        return self.bestandsnaam

    @property
    def afzender_organisatie(self) -> Voorziening | Dienst | None:
        return self.afzender_voorziening or self.afzender_dienst

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None


class Deling(models.Model):
    """One recipient row (000 §18.1: the blue plus adds one): a known voorziening or dienst,
    the person it is meant for, and the last day it is available."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="delingen", verbose_name="document"
    )
    ontvanger_voorziening = models.ForeignKey(
        Voorziening,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="voorziening",
    )
    ontvanger_dienst = models.ForeignKey(
        Dienst,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dienst",
    )
    # The person it is addressed to limits who sees it: a dienst's known medewerker (consulent),
    # or for a personal document one of the persons the voorziening listed.
    ontvanger_gebruiker = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geadresseerde",
    )
    naam = models.CharField("naam medewerker", max_length=200)
    email = models.EmailField("e-mail medewerker")
    delen_tot = models.DateField("delen tot en met")
    mail_status = models.CharField(
        "e-mail", max_length=10, choices=MailStatus.choices, default=MailStatus.WACHTRIJ
    )
    mail_pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    mail_fout = models.CharField("fout bij verzenden", max_length=300, blank=True)

    class Meta:
        verbose_name = "ontvanger"
        verbose_name_plural = "ontvangers"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ontvanger_voorziening__isnull=True) ^ Q(ontvanger_dienst__isnull=True),
                name="deling_een_ontvanger",
                violation_error_message="Kies één dienst per rij.",
            ),
        ]
        indexes = [
            models.Index(fields=["ontvanger_voorziening", "delen_tot"], name="deling_voorziening"),
            models.Index(fields=["ontvanger_dienst", "delen_tot"], name="deling_dienst"),
        ]

    def __str__(self) -> str:
        return f"{self.document} → {self.ontvanger}"

    @property
    def ontvanger(self) -> Voorziening | Dienst | None:
        return self.ontvanger_voorziening or self.ontvanger_dienst


class NietAfgeleverdeMail(Deling):
    """A share as Opgroeien sees it when its e-mail failed: the address and the error, never the
    document's name (a share's own name carries it)."""

    class Meta:
        proxy = True
        verbose_name = "niet afgeleverde e-mail"
        verbose_name_plural = "niet afgeleverde e-mails"

    def __str__(self) -> str:
        return f"E-mail aan {self.email}"


class Opening(models.Model):
    """A read receipt: who opened the document, when."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="openingen", verbose_name="document"
    )
    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="geopend door"
    )
    organisatie = models.CharField("namens", max_length=200)
    tijdstip = models.DateTimeField("geopend op", auto_now_add=True)

    class Meta:
        verbose_name = "opening"
        verbose_name_plural = "openingen"
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["gebruiker", "document"], name="opening_gebruiker")]

    def __str__(self) -> str:
        return f"{self.document} geopend door {self.gebruiker}"


class DocumentBeheerder(models.Model):
    """'Gebruikersbeheer documenten': who of a voorziening may see documents
    Voorzieningenbeleid sent as 'persoonlijk document voor ontvanger'."""

    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.CASCADE, related_name="+", verbose_name="voorziening"
    )
    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="+", verbose_name="persoon"
    )
    toegevoegd_op = models.DateTimeField("toegevoegd op", auto_now_add=True)

    objects = TenantManager()

    class Meta:
        verbose_name = "ontvanger van persoonlijke documenten"
        verbose_name_plural = "gebruikersbeheer documenten"
        ordering = ["gebruiker__last_name", "gebruiker__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorziening", "gebruiker"],
                name="documentbeheerder_eenmaal",
                violation_error_message="Deze persoon staat al in de lijst.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} – {self.voorziening}"
