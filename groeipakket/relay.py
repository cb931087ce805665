"""Delivering the queued messages at least once; the receiver deduplicates on the message id,
so the effect is exactly once.

Each message is claimed with SELECT … FOR UPDATE SKIP LOCKED inside the transaction that records
its outcome: two relays never send the same message at the same time, and a crash anywhere
before the commit leaves it queued, to be sent (again) by the next run. Transient failures wait
a doubling pause (1, 2, 4 … minutes) and become 'mislukt' after GROEIPAKKET_MAX_POGINGEN, for
a person to act on."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from groeipakket.adapters import (
    Antwoord,
    KszGroeipakket,
    LokaalGroeipakket,
    OngeldigAntwoordbestand,
    TijdelijkeFout,
    antwoorden_uit,
    bestand_bewaren,
    get_adapter,
)
from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBericht, GroeipakketBestand

logger = logging.getLogger(__name__)
BLOK = 500


@dataclass
class Telling:
    aanvaard: int = 0
    geweigerd: int = 0
    verzonden: int = 0
    uitgesteld: int = 0
    mislukt: int = 0


def _te_versturen(nu: datetime.datetime):
    return GroeipakketBericht.objects.filter(status=BerichtStatus.WACHTRIJ).filter(
        Q(volgende_poging_op__isnull=True) | Q(volgende_poging_op__lte=nu)
    )


def _antwoord_vastleggen(bericht: GroeipakketBericht, antwoord: Antwoord, nu) -> None:
    bericht.status = antwoord.status
    bericht.reden = antwoord.reden
    bericht.beantwoord_op = nu
    bericht.verzonden_op = bericht.verzonden_op or nu
    bericht.pogingen += 1
    bericht.save(update_fields=["status", "reden", "beantwoord_op", "verzonden_op", "pogingen"])


def _uitstellen(bericht: GroeipakketBericht, fout: Exception, nu, telling: Telling) -> None:
    bericht.pogingen += 1
    bericht.reden = str(fout)[:1000]
    if bericht.pogingen >= settings.GROEIPAKKET_MAX_POGINGEN:
        bericht.status = BerichtStatus.MISLUKT
        telling.mislukt += 1
    else:
        bericht.volgende_poging_op = nu + datetime.timedelta(minutes=2 ** (bericht.pogingen - 1))
        telling.uitgesteld += 1
    bericht.save(update_fields=["pogingen", "reden", "status", "volgende_poging_op"])


def _per_bericht(adapter: KszGroeipakket, telling: Telling, limiet: int | None) -> None:
    while limiet is None or limiet > 0:
        nu = timezone.now()
        with transaction.atomic():
            bericht = _te_versturen(nu).select_for_update(skip_locked=True).order_by("id").first()
            if bericht is None:
                return
            try:
                antwoord = adapter.versturen(bericht)
            except TijdelijkeFout as fout:
                _uitstellen(bericht, fout, nu, telling)
            else:
                _antwoord_vastleggen(bericht, antwoord, nu)
                setattr(telling, antwoord.status, getattr(telling, antwoord.status) + 1)
        if limiet is not None:
            limiet -= 1


def _per_batch(adapter: LokaalGroeipakket, telling: Telling) -> None:
    while True:
        nu = timezone.now()
        with transaction.atomic():
            berichten = list(
                _te_versturen(nu)
                .select_for_update(skip_locked=True)
                .order_by("batch_id", "id")[:BLOK]
            )
            if not berichten:
                return
            per_batch: dict[int, list[GroeipakketBericht]] = {}
            for bericht in berichten:
                per_batch.setdefault(bericht.batch_id, []).append(bericht)
            for batch_id, deel in per_batch.items():
                adapter.batch_versturen(batch_id, deel)
            GroeipakketBericht.objects.filter(pk__in=[b.pk for b in berichten]).update(
                status=BerichtStatus.VERZONDEN, verzonden_op=nu
            )
            telling.verzonden += len(berichten)


def antwoordbestand_verwerken(naam: str, inhoud: bytes) -> Telling:
    """One answer file of the funds, from the exchange folder or uploaded by Opgroeien: kept
    and applied in one transaction, each answer once (a message already answered keeps its
    answer). A file that is not an answer file is refused whole and changes nothing."""
    antwoorden = antwoorden_uit(inhoud)
    telling = Telling()
    with transaction.atomic():
        bestand_bewaren(GroeipakketBestand.Soort.ANTWOORD, naam, inhoud)
        berichten = {
            str(b.bericht_id): b
            for b in GroeipakketBericht.objects.select_for_update().filter(
                bericht_id__in=[a.bericht_id for a in antwoorden],
                status__in=[BerichtStatus.VERZONDEN, BerichtStatus.WACHTRIJ],
            )
        }
        nu = timezone.now()
        for antwoord in antwoorden:
            if bericht := berichten.get(antwoord.bericht_id):
                _antwoord_vastleggen(bericht, antwoord, nu)
                setattr(telling, antwoord.status, getattr(telling, antwoord.status) + 1)
    return telling


def antwoorden_verwerken(adapter: LokaalGroeipakket) -> Telling:
    """The funds' answer files in the exchange folder, each then moved aside. An unreadable one
    stays where it is, for an operator to see, and the others go on."""
    telling = Telling()
    for pad, inhoud in adapter.antwoorden_lezen():
        try:
            deel = antwoordbestand_verwerken(pad.name, inhoud)
        except OngeldigAntwoordbestand:
            logger.warning("Groeipakket: antwoordbestand %s geweigerd", pad.name)
            continue
        telling.aanvaard += deel.aanvaard
        telling.geweigerd += deel.geweigerd
        adapter.antwoord_verwerkt(pad)
    return telling


def afleveren(*, limiet: int | None = None) -> Telling:
    """Deliver every queued message that is due; with the lokaal adapter, also read answers."""
    adapter = get_adapter()
    telling = Telling()
    if isinstance(adapter, KszGroeipakket):
        _per_bericht(adapter, telling, limiet)
    else:
        _per_batch(adapter, telling)
        beantwoord = antwoorden_verwerken(adapter)
        telling.aanvaard, telling.geweigerd = beantwoord.aanvaard, beantwoord.geweigerd
    return telling


def opnieuw_versturen(bericht_ids: list[int]) -> int:
    """Opgroeien's retry of rejected or failed messages: queued again under the same id."""
    return GroeipakketBericht.objects.filter(
        pk__in=bericht_ids, status__in=[BerichtStatus.GEWEIGERD, BerichtStatus.MISLUKT]
    ).update(status=BerichtStatus.WACHTRIJ, pogingen=0, volgende_poging_op=None)
