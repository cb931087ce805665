"""What Opgroeien does with the kwartalen (000 §12.2): process a whole year each April, and
reopen one kwartaal exceptionally."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from binc.models import Gebruiker
from binc.services.activiteiten import activiteit_log
from dossiers.models import VerwerktJaar
from kwartaal.constants import KwartaalStatus
from kwartaal.models import Kwartaalstaat


@dataclass(frozen=True)
class Voorbeeld:
    """What processing a year would do: how many kwartalen, and which are not sent."""

    jaar: int
    aantal: int
    niet_verzonden: list[Kwartaalstaat]


def jaar_voorbeeld(jaar: int) -> Voorbeeld:
    staten = Kwartaalstaat.objects.filter(jaar=jaar)
    telling = staten.aggregate(
        aantal=Count("pk"), verwerkt=Count("pk", filter=Q(status=KwartaalStatus.VERWERKT))
    )
    niet_verzonden = list(
        staten.exclude(status__in=[KwartaalStatus.VERZONDEN, KwartaalStatus.VERWERKT])
        .select_related("voorziening")
        .order_by("voorziening__naam", "kwartaal")
    )
    return Voorbeeld(jaar, telling["aantal"] - telling["verwerkt"], niet_verzonden)


def jaar_verwerken(*, jaar: int, gebruiker: Gebruiker) -> int:
    """Every kwartaal of the year becomes 'verwerkt' (immutable), and the year a processed year:
    its schakelingen lock (000 §4.2.4.1). Only a year that is over. Returns how many."""
    if jaar >= timezone.localdate().year:
        raise ValidationError({"jaar": ["Enkel een afgelopen jaar kan verwerkt worden."]})
    with transaction.atomic():
        aantal = (
            Kwartaalstaat.objects.filter(jaar=jaar)
            .exclude(status=KwartaalStatus.VERWERKT)
            .update(
                status=KwartaalStatus.VERWERKT, verwerkt_op=timezone.now(), versie=F("versie") + 1
            )
        )
        VerwerktJaar.objects.get_or_create(jaar=jaar)
    return aantal


def heropenen(*, staat_pk: int, gebruiker: Gebruiker) -> Kwartaalstaat:
    """A 'verwerkt' kwartaal reopened exceptionally: the voorziening may change and send it
    again. The year stays processed: its schakelingen stay locked."""
    with transaction.atomic():
        staat = (
            Kwartaalstaat.objects.select_for_update().select_related("voorziening").get(pk=staat_pk)
        )
        if staat.status != KwartaalStatus.VERWERKT:
            raise ValidationError("Enkel een verwerkt kwartaal kan heropend worden.")
        staat.status = KwartaalStatus.HEROPEND
        staat.save(update_fields=["status", "gewijzigd_op"])
        activiteit_log(
            voorziening=staat.voorziening,
            gebruiker=gebruiker,
            actie="kwartaal_heropend",
            omschrijving=f"{staat} heropend door Opgroeien",
            obj=staat,
        )
    return staat
