"""Webhooks: the change feed pushed to a voorziening's endpoint, as the Standard Webhooks
convention signs it (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC
-SHA256 of id.timestamp.body>`). At least once, in the feed's order (a failed event stops its
subscription until it is delivered, so no later event overtakes it), retried with backoff for
a day, then paused with a work-list item. The event id is the feed's cursor: stable, so a
receiver deduplicates a repeat."""

import base64
import datetime
import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from api.models import Abonnement, Koppeling
from api.serializers import WijzigingSerializer
from binc.selectors import activiteiten_na, laatste_activiteit_id
from binc.tenancy import voorziening_context

PER_KEER = 100
TIMEOUT = 10
OPGEVEN_NA = datetime.timedelta(days=1)
# Events younger than this wait, as in the feed: an id handed out before its commit.
RIJPING = datetime.timedelta(seconds=10)


def geheim_maken() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def handtekening(geheim: str, bericht_id: str, tijdstip: int, inhoud: bytes) -> str:
    """`v1,<signature>` over `id.timestamp.body`, keyed with the secret's bytes."""
    sleutel = base64.b64decode(geheim.removeprefix("whsec_"))
    te_tekenen = f"{bericht_id}.{tijdstip}.".encode() + inhoud
    return "v1," + base64.b64encode(hmac.new(sleutel, te_tekenen, hashlib.sha256).digest()).decode()


def adres_controleren(url: str) -> None:
    """HTTPS to a public address: Binc never posts into its own network (SSRF)."""
    delen = urlsplit(url)
    if settings.WEBHOOKS_ENKEL_HTTPS and delen.scheme != "https":
        raise ValidationError({"url": "Geef een https-adres."})
    if not settings.WEBHOOKS_ENKEL_PUBLIEK:
        return
    try:
        adressen = {info[4][0] for info in socket.getaddrinfo(delen.hostname or "", None)}
    except (socket.gaierror, UnicodeError):
        raise ValidationError({"url": "Dit adres bestaat niet."}) from None
    if not all(ipaddress.ip_address(a).is_global for a in adressen):
        raise ValidationError({"url": "Geef een publiek adres, geen adres van een intern net."})


@transaction.atomic
def abonnement_maken(*, koppeling: Koppeling, url: str) -> tuple[Abonnement, str]:
    """A subscription from now on (what happened before is in the feed), and its secret."""
    adres_controleren(url)
    geheim = geheim_maken()
    with voorziening_context(koppeling.voorziening):
        vanaf = laatste_activiteit_id()
    abonnement = Abonnement.objects.create(
        koppeling=koppeling, url=url, geheim=geheim, cursor=vanaf
    )
    return abonnement, geheim


def abonnement_verwijderen(abonnement: Abonnement) -> None:
    abonnement.delete()


def abonnement_hervatten(abonnement: Abonnement) -> None:
    """After a pause: from the event it stopped at, at once."""
    Abonnement.objects.filter(pk=abonnement.pk).update(
        gepauzeerd_op=None, pogingen=0, fout_sinds=None, volgende_poging=None
    )


def _wachten(pogingen: int) -> datetime.timedelta:
    # 1, 2, 4 … minutes, at most an hour: about 30 attempts in the day before the pause.
    return datetime.timedelta(minutes=min(2 ** (pogingen - 1), 60))


def afleveren(nu: datetime.datetime | None = None) -> int:
    """Every subscription that is due, each locked by the worker that takes it (another worker
    skips it); the number of events delivered."""
    nu = nu or timezone.now()
    geleverd = 0
    # The worker serves every voorziening: each subscription is then read and delivered under
    # its own voorziening's context (`_een`), so its events are only ever its own.
    for pk in Abonnement.alle.filter(gepauzeerd_op__isnull=True).values_list("pk", flat=True):
        geleverd += _een(pk, nu)
    return geleverd


def _een(pk: int, nu: datetime.datetime) -> int:
    with transaction.atomic():
        abonnement = (
            Abonnement.alle.select_for_update(skip_locked=True)  # before any context: see above
            .select_related("koppeling__voorziening")
            .filter(pk=pk, gepauzeerd_op__isnull=True, koppeling__ingetrokken_op__isnull=True)
            .first()
        )
        if abonnement is None or (abonnement.volgende_poging and abonnement.volgende_poging > nu):
            return 0
        with voorziening_context(abonnement.koppeling.voorziening):
            rijen = activiteiten_na(abonnement.cursor, voor=nu - RIJPING, aantal=PER_KEER)
            geleverd = 0
            for rij in rijen:
                gebeurtenis = {"type": f"binc.{rij.actie}", "data": WijzigingSerializer(rij).data}
                fout = _posten(abonnement, str(rij.pk), gebeurtenis, nu)
                if fout:
                    _mislukt(abonnement, fout, nu)
                    break
                abonnement.cursor, abonnement.pogingen = rij.pk, 0
                abonnement.fout_sinds = abonnement.volgende_poging = None
                geleverd += 1
            abonnement.save()
        return geleverd


def _posten(abonnement: Abonnement, bericht_id: str, gebeurtenis: dict, nu) -> str:
    """'' when the endpoint took it (any 2xx); otherwise why not."""
    inhoud = json.dumps(gebeurtenis, separators=(",", ":")).encode()
    tijdstip = int(nu.timestamp())
    koppen = {
        "content-type": "application/json",
        "webhook-id": bericht_id,
        "webhook-timestamp": str(tijdstip),
        "webhook-signature": handtekening(abonnement.geheim, bericht_id, tijdstip, inhoud),
    }
    try:
        adres_controleren(abonnement.url)  # the name may point elsewhere by now
        antwoord = requests.post(
            abonnement.url, data=inhoud, headers=koppen, timeout=TIMEOUT, allow_redirects=False
        )
    except (requests.RequestException, ValidationError) as fout:
        return f"Niet bereikbaar: {type(fout).__name__}"
    if 200 <= antwoord.status_code < 300:
        return ""
    return f"Antwoord {antwoord.status_code}"


def _mislukt(abonnement: Abonnement, fout: str, nu: datetime.datetime) -> None:
    abonnement.pogingen += 1
    abonnement.fout_sinds = abonnement.fout_sinds or nu
    abonnement.laatste_fout = fout[:300]
    abonnement.volgende_poging = nu + _wachten(abonnement.pogingen)
    if nu - abonnement.fout_sinds >= OPGEVEN_NA:
        abonnement.gepauzeerd_op = nu
