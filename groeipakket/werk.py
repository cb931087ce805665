"""The work list's kind this app owns (000 §4.2): Groeipakket messages a fund refused or that
could not be delivered; a family's child benefit waits on them."""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer
from dossiers.models import Dossier
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
            datum=timezone.localdate(aangemaakt),
            termijn=False,
            actie="opgroeien:groeipakket_groeipakketbericht_changelist",
            query=urlencode({"status__exact": status, "q": code}),
            voorziening=voorziening,
        )
        for code, status, reden, aangemaakt, voorziening in rijen
    ]


TE_CORRIGEREN = (
    "Het Groeipakket-fonds weigerde het bericht over deze schakeling: {reden}. Controleer het "
    "rijksregisternummer van de cliënt en de begin- en einddatum van de schakeling en verbeter ze; "
    "een wijziging stuurt een nieuw bericht."
)


def _geweigerd(context: Werkcontext) -> list[Werkitem]:
    """The voorziening's own messages a fund refused that no later message about the same
    schakeling replaced: the correction is the voorziening's to make, in the dossier."""
    later = GroeipakketBericht.objects.filter(
        schakeling_id=OuterRef("schakeling_id"), aangemaakt_op__gt=OuterRef("aangemaakt_op")
    )
    rijen = (
        GroeipakketBericht.objects.filter(
            voorziening=context.voorziening, status=BerichtStatus.GEWEIGERD
        )
        .exclude(Exists(later))
        .annotate(
            behandelaar=Subquery(
                Dossier.objects.filter(pk=OuterRef("dossier_id")).values("behandelaar_id")[:1]
            )
        )
        .values_list("dossier_id", "dossier_code", "reden", "aangemaakt_op", "behandelaar")
    )
    return [
        Werkitem(
            soort=GEWEIGERD.sleutel,
            wat=code,
            waarom=TE_CORRIGEREN.format(reden=reden.rstrip(".") or "geen reden opgegeven"),
            datum=timezone.localdate(aangemaakt),
            termijn=False,
            actie="dossiers:dossier_detail",
            args=(dossier_id,),
            behandelaar_id=behandelaar,
        )
        for dossier_id, code, reden, aangemaakt, behandelaar in rijen
    ]


GEWEIGERD = Werksoort(
    "groeipakket", "Groeipakket-bericht geweigerd", Doelgroep.VOORZIENING, _geweigerd
)
BERICHTEN = Werksoort(
    "groeipakket",
    "Groeipakket-bericht",
    Doelgroep.OPGROEIEN,
    _berichten,
    permissie="groeipakket.change_groeipakketbericht",
)


def registreren() -> None:
    registreer(BERICHTEN, GEWEIGERD)
