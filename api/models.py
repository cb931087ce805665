"""The registration API's own records: the credentials of the voorzieningen' systems, the
answers kept for repeated requests (Idempotency-Key) and the request counts per minute (rate
limits). All in PostgreSQL, so every web process of the fleet sees the same."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from binc.models import Gebruiker, Voorziening
from binc.tenancy import TenantManager, UnscopedManager


class Scope(models.TextChoices):
    LEZEN = "lezen", "Lezen"
    SCHRIJVEN = "schrijven", "Schrijven"


class Koppeling(models.Model):
    """A voorziening's own system with its OAuth2 client credentials (client_credentials grant).
    Its calls act as `gebruiker`, a user of its own that signs nothing in on the screens, so the
    activity log and the access log name the system."""

    naam = models.CharField("naam", max_length=100)
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.PROTECT, related_name="+", verbose_name="voorziening"
    )
    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        on_delete=models.PROTECT,
        related_name="koppeling",
        verbose_name="client",
    )
    gebruiker = models.OneToOneField(
        Gebruiker, on_delete=models.PROTECT, related_name="koppeling", verbose_name="gebruiker"
    )
    scopes = models.CharField("rechten", max_length=40)
    aangemaakt_door = models.ForeignKey(
        Gebruiker, on_delete=models.PROTECT, related_name="+", verbose_name="aangemaakt door"
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)

    objects = TenantManager()
    alle = UnscopedManager()

    class Meta:
        verbose_name = "API-koppeling"
        verbose_name_plural = "API-koppelingen"
        ordering = ["voorziening__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorziening", "naam"],
                condition=Q(ingetrokken_op__isnull=True),
                name="koppeling_naam_per_voorziening",
                violation_error_message="Deze voorziening heeft al een koppeling met die naam.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.voorziening})"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None


class Antwoord(models.Model):
    """The answer to a POST with an Idempotency-Key: the same key and body get it again, never
    a second dossier. Kept a day."""

    koppeling = models.ForeignKey(Koppeling, on_delete=models.CASCADE, related_name="+")
    sleutel = models.CharField("sleutel", max_length=100)
    vingerafdruk = models.CharField("vingerafdruk van het verzoek", max_length=64)
    status = models.PositiveSmallIntegerField("status")
    inhoud = models.JSONField("inhoud", null=True)
    koppen = models.JSONField("headers", default=dict)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "bewaard antwoord"
        verbose_name_plural = "bewaarde antwoorden"
        constraints = [
            models.UniqueConstraint(fields=["koppeling", "sleutel"], name="antwoord_per_sleutel")
        ]

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.status}"


class Verzoekteller(models.Model):
    """How many requests a koppeling made in a minute (rate limits, shared by the fleet)."""

    koppeling = models.ForeignKey(Koppeling, on_delete=models.CASCADE, related_name="+")
    minuut = models.DateTimeField("minuut")
    aantal = models.PositiveIntegerField("aantal", default=0)

    class Meta:
        verbose_name = "verzoekteller"
        verbose_name_plural = "verzoektellers"
        constraints = [
            models.UniqueConstraint(fields=["koppeling", "minuut"], name="teller_per_minuut")
        ]

    def __str__(self) -> str:
        return f"{self.minuut:%H:%M}: {self.aantal}"


class Abonnement(models.Model):
    """A webhook subscription: the change feed of the koppeling's voorziening, pushed to its
    HTTPS endpoint. A cursor on the feed (the last event delivered), so the feed stays the
    source of truth and a paused subscription resumes where it stopped."""

    koppeling = models.ForeignKey(
        Koppeling, on_delete=models.CASCADE, related_name="abonnementen", verbose_name="koppeling"
    )
    url = models.URLField("adres", max_length=500)
    # Kept as it is: every delivery is signed with it (HMAC), so it cannot be a hash.
    geheim = models.CharField("geheim", max_length=80)
    cursor = models.BigIntegerField("laatst afgeleverd", default=0)
    pogingen = models.PositiveIntegerField("mislukte pogingen", default=0)
    fout_sinds = models.DateTimeField("mislukt sinds", null=True, blank=True)
    laatste_fout = models.CharField("laatste fout", max_length=300, blank=True)
    volgende_poging = models.DateTimeField("volgende poging", null=True, blank=True)
    gepauzeerd_op = models.DateTimeField("gepauzeerd op", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    tenant_path = "koppeling__voorziening"
    objects = TenantManager()
    alle = UnscopedManager()

    class Meta:
        verbose_name = "webhook-abonnement"
        verbose_name_plural = "webhook-abonnementen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.url} ({self.koppeling})"
