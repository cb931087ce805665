"""The work list's kind this app owns: a webhook subscription paused after a day of failed
deliveries. Its events wait in the feed; resuming delivers them from where it stopped."""

from django.utils import timezone

from api.models import Abonnement
from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer


def _gepauzeerd(context: Werkcontext) -> list[Werkitem]:
    rijen = Abonnement.objects.filter(gepauzeerd_op__isnull=False).values_list(
        "url", "laatste_fout", "gepauzeerd_op", "koppeling__naam"
    )
    return [
        Werkitem(
            soort=GEPAUZEERD.sleutel,
            wat=f"{koppeling}: {url}",
            waarom="De wijzigingen konden een dag lang niet afgeleverd worden "
            f"({fout}); ze wachten. Herstel het adres en hervat het abonnement.",
            datum=timezone.localdate(sinds),
            termijn=False,
            actie="koppelingen:webhooks",
        )
        for url, fout, sinds, koppeling in rijen
    ]


GEPAUZEERD = Werksoort("webhook", "Webhook gepauzeerd", Doelgroep.VOORZIENING, _gepauzeerd)


def registreren() -> None:
    registreer(GEPAUZEERD)
