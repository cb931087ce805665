"""The work list's kind this app owns (000 §4.2): Groeipakket messages a fund refused or that
could not be delivered; a family's child benefit waits on them."""

from urllib.parse import urlencode

from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer
from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBericht

AANDACHT = [BerichtStatus.GEWEIGERD, BerichtStatus.MISLUKT]


def bericht_waarom(status: str, reden: str) -> str:
    if status == BerichtStatus.GEWEIGERD:
        return f"Geweigerd door het fonds: {reden}. Laat corrigeren of verstuur opnieuw."
    return f"Kon niet afgeleverd worden: {reden}. Verstuur opnieuw."


def _berichten(context: Werkcontext) -> list[Werkitem]:
    rijen = GroeipakketBericht.objects.filter(status__in=AANDACHT).values_list(
        "dossier_code", "status", "reden", "aangemaakt_op", "voorziening__naam"
    )
    return [
        Werkitem(
            soort=BERICHTEN.sleutel,
            wat=code,
            waarom=bericht_waarom(status, reden),
            datum=aangemaakt.date(),
            termijn=False,
            actie="opgroeien:groeipakket_groeipakketbericht_changelist",
            query=urlencode({"status__exact": status, "q": code}),
            voorziening=voorziening,
        )
        for code, status, reden, aangemaakt, voorziening in rijen
    ]


BERICHTEN = Werksoort(
    "groeipakket",
    "Groeipakket-bericht",
    Doelgroep.OPGROEIEN,
    _berichten,
    permissie="groeipakket.change_groeipakketbericht",
)


def registreren() -> None:
    registreer(BERICHTEN)
