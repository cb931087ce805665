"""What Opgroeien does with the kwartalen (000 §12.2): process a whole year each April, and
reopen one kwartaal exceptionally."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from binc.models import Activiteit, Gebruiker
from binc.services.activiteiten import activiteit_log
from dossiers.models import VerwerktJaar
from kwartaal.constants import NIET_VERZONDEN, KwartaalStatus
from kwartaal.models import Kwartaalstaat


@dataclass(frozen=True)
class Voorbeeld:
    """What processing a year would do: how many sent kwartalen become 'verwerkt', and which
    kwartalen are not sent (they stay as they are)."""

    jaar: int
    aantal: int
    niet_verzonden: list[Kwartaalstaat]


def _voorbij(jaar: int) -> None:
    """Only a year that is over can be processed (000 §12.2: every April, the previous year)."""
    if jaar >= timezone.localdate().year:
        raise ValidationError(
            {"jaar": [f"Enkel een afgelopen jaar kan verwerkt worden: {jaar} is nog niet voorbij."]}
        )


def jaar_voorbeeld(jaar: int) -> Voorbeeld:
    """What 'Verwerk jaar' would do; refused at once for a year that is not over."""
    _voorbij(jaar)
    staten = Kwartaalstaat.objects.filter(jaar=jaar)
    niet_verzonden = list(
        staten.filter(status__in=NIET_VERZONDEN)
        .select_related("voorziening")
        .order_by("voorziening__naam", "kwartaal")
    )
    return Voorbeeld(jaar, staten.filter(status=KwartaalStatus.VERZONDEN).count(), niet_verzonden)


def jaar_verwerken(*, jaar: int, gebruiker: Gebruiker) -> int:
    """The sent kwartalen of a year that is over become 'verwerkt' (immutable); the ones not sent
    stay as they are and keep their place in the work list (000 §12.2: sent kwartalen "zullen
    verwerkt worden als het jaar volledig is afgesloten"). The year becomes a processed year;
    it locks the schakelingen of every voorziening that has no unprocessed kwartaal in it
    (000 §4.2.4.1, `kwartaal.selectors.onverwerkte_jaren`). Processing the same year again
    later takes what was sent since. Returns how many."""
    _voorbij(jaar)
    with transaction.atomic():
        verzonden = Kwartaalstaat.objects.filter(jaar=jaar, status=KwartaalStatus.VERZONDEN)
        voorzieningen = set(verzonden.values_list("voorziening_id", flat=True))
        aantal = verzonden.update(
            status=KwartaalStatus.VERWERKT, verwerkt_op=timezone.now(), versie=F("versie") + 1
        )
        VerwerktJaar.objects.get_or_create(jaar=jaar)
        # Each voorziening's activity log (and so the API's change feed) says it: its
        # schakelingen of that year may now be locked.
        Activiteit.objects.bulk_create(
            Activiteit(
                voorziening_id=voorziening_id,
                gebruiker=gebruiker,
                actie="jaar_verwerkt",
                omschrijving=f"Opgroeien verwerkte de kwartalen van {jaar}",
                gegevens={"jaar": jaar},
            )
            for voorziening_id in sorted(voorzieningen)
        )
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
