"""The work list's kinds this app owns (000 §12.2): for the voorziening the kwartalen that are
over and not sent (Open, Te verzenden, Heropend), with what keeps them from being sent; for
Opgroeien the sent kwartalen waiting to be processed, and the years that can be processed."""

import datetime

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Q
from django.utils import timezone

from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer
from kwartaal.constants import NIET_VERZONDEN, KwartaalStatus
from kwartaal.models import Kwartaalstaat
from kwartaal.rules import Kwartaal


def verzendtermijn(kwartaal: Kwartaal) -> datetime.date:
    """000 §4.2.4.1: everything of a year correct in Binc "vóór 1 maart van het volgende jaar":
    the last day of February."""
    return datetime.date(kwartaal.jaar + 1, 3, 1) - datetime.timedelta(days=1)


def te_verzenden(kwartaal: Kwartaal, *, vandaag: datetime.date) -> bool:
    """A kwartaal is due once it is over: the current one is still being filled."""
    return kwartaal.einde < vandaag


def blokkeert(ontbrekend: list[str]) -> str:
    """What keeps [Verzenden] from succeeding: every typemodule's total must be filled in."""
    if not ontbrekend:
        return "Alle totalen zijn ingevuld: verzend het kwartaal."
    return "Vul eerst het totaal in voor: " + ", ".join(ontbrekend) + " (0 is toegelaten)."


def _niet_verzonden(context: Werkcontext) -> list[Werkitem]:
    # The typemodules the [Verzenden] check reads (kwartaal.selectors.overzicht): shown, and
    # not computed from the schakelingen.
    leeg = Q(
        inzet__totaal__isnull=True,
        inzet__typemodule__geen_benutting_input=False,
        inzet__typemodule__benutting_is_inzet=False,
    )
    rijen = (
        Kwartaalstaat.objects.filter(status__in=NIET_VERZONDEN)
        .annotate(
            ontbrekend=ArrayAgg(
                "inzet__typemodule__naam",
                filter=leeg,
                order_by="inzet__typemodule__naam",
                default=[],
            )
        )
        .values_list("pk", "jaar", "kwartaal", "status", "gewijzigd_op", "ontbrekend")
    )
    items = []
    for pk, jaar, nummer, status, gewijzigd, ontbrekend in rijen:
        kwartaal = Kwartaal(jaar, nummer)
        if not te_verzenden(kwartaal, vandaag=context.vandaag):
            continue
        heropend = status == KwartaalStatus.HEROPEND
        items.append(
            Werkitem(
                soort=NIET_VERZONDEN_SOORT.sleutel,
                wat=f"{kwartaal} ({KwartaalStatus(status).label})",
                waarom=(
                    ("Opgroeien heropende dit kwartaal. " if heropend else "")
                    + blokkeert(ontbrekend)
                ),
                # A reopened kwartaal is due since it was reopened (its last change).
                datum=timezone.localdate(gewijzigd) if heropend else verzendtermijn(kwartaal),
                termijn=not heropend,
                actie="kwartaal:staat",
                args=(pk,),
            )
        )
    return items


def _wacht_op_verwerking(context: Werkcontext) -> list[Werkitem]:
    rijen = Kwartaalstaat.objects.filter(status=KwartaalStatus.VERZONDEN).values_list(
        "pk", "jaar", "kwartaal", "voorziening__naam", "verzonden_op", "gewijzigd_op"
    )
    return [
        Werkitem(
            soort=VERZONDEN.sleutel,
            wat=str(Kwartaal(jaar, nummer)),
            waarom="Verzonden; wordt verwerkt als het jaar volledig is afgesloten.",
            # A kwartaal sent before Binc noted when, by its last change.
            datum=timezone.localdate(verzonden or gewijzigd),
            termijn=False,
            actie="opgroeien:kwartaal_kwartaalstaat_change",
            args=(pk,),
            voorziening=voorziening,
        )
        for pk, jaar, nummer, voorziening, verzonden, gewijzigd in rijen
    ]


def verwerktermijn(jaar: int) -> datetime.date:
    """000 §12.2: Opgroeien processes "telkens begin april voor het volledige vorige jaar"."""
    return datetime.date(jaar + 1, 4, 1)


def _jaren(context: Werkcontext) -> list[Werkitem]:
    rijen = (
        Kwartaalstaat.objects.filter(status=KwartaalStatus.VERZONDEN, jaar__lt=context.vandaag.year)
        .values("jaar")
        .annotate(aantal=Count("pk"))
        .values_list("jaar", "aantal")
        .order_by("jaar")
    )
    return [
        Werkitem(
            soort=JAREN.sleutel,
            wat=f"Jaar {jaar}",
            waarom=f"{aantal} verzonden kwartalen kunnen verwerkt worden (Verwerk jaar).",
            datum=verwerktermijn(jaar),
            actie="opgroeien:kwartaal_verwerken",
        )
        for jaar, aantal in rijen
    ]


NIET_VERZONDEN_SOORT = Werksoort(
    "kwartaal", "Kwartaal verzenden", Doelgroep.VOORZIENING, _niet_verzonden
)
VERZONDEN = Werksoort(
    "kwartaal",
    "Kwartaal wacht op verwerking",
    Doelgroep.OPGROEIEN,
    _wacht_op_verwerking,
    permissie="kwartaal.view_kwartaalstaat",
)
JAREN = Werksoort(
    "jaar",
    "Jaar verwerken",
    Doelgroep.OPGROEIEN,
    _jaren,
    permissie="kwartaal.change_kwartaalstaat",
)


def registreren() -> None:
    registreer(NIET_VERZONDEN_SOORT, VERZONDEN, JAREN)
