"""The work list's kinds this app owns (000 §18): received documents nobody of the voorziening
opened yet, before they expire; for Opgroeien the shares whose e-mail could not be delivered."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer
from documenten.constants import MAX_MAILPOGINGEN, MailStatus
from documenten.models import Deling, Opening
from documenten.selectors import ONTVANGEN, delingen_zichtbaar, lezer

# 000 §18.3: documents stay at most 30 days; the last week is the one to warn about.
BIJNA_VERLOPEN = datetime.timedelta(days=7)


def ophalen_waarom(delen_tot: datetime.date, *, vandaag: datetime.date) -> str:
    """Documents are sent, not kept (000 §18): the recipient must save them in time."""
    tot = f"beschikbaar tot en met {delen_tot:%d/%m/%Y}"
    if delen_tot - vandaag <= BIJNA_VERLOPEN:
        return f"Verloopt binnen 7 dagen ({tot}): open en bewaar het nu."
    return f"Nog niet geopend: open het document en bewaar het ({tot})."


def _ongeopend(context: Werkcontext) -> list[Werkitem]:
    # Opening it is saving it (a download); once anyone of the voorziening did, it is done.
    geopend = Opening.objects.filter(
        document=OuterRef("document"),
        gebruiker__lidmaatschappen__voorziening=context.voorziening,
    )
    rijen = (
        delingen_zichtbaar(
            lezer=lezer(gebruiker=context.gebruiker, voorziening=context.voorziening),
            kant=ONTVANGEN,
            vandaag=context.vandaag,
        )
        .filter(~Exists(geopend))
        .values_list("document_id", "document__bestandsnaam", "delen_tot", "ontvanger_gebruiker_id")
    )
    return [
        Werkitem(
            soort=ONGEOPEND.sleutel,
            wat=naam,
            waarom=ophalen_waarom(delen_tot, vandaag=context.vandaag),
            datum=delen_tot,
            actie="documenten:downloaden",
            args=(document,),
            behandelaar_id=geadresseerde,
        )
        for document, naam, delen_tot, geadresseerde in rijen
    ]


def _niet_afgeleverd(context: Werkcontext) -> list[Werkitem]:
    # Binc tries again every 15 minutes; after the last attempt a person must look.
    rijen = Deling.objects.filter(
        mail_status=MailStatus.MISLUKT,
        mail_pogingen__gte=MAX_MAILPOGINGEN,
        delen_tot__gte=context.vandaag,
        document__ingetrokken_op__isnull=True,
    ).values_list(
        "pk",
        "email",
        "mail_fout",
        "document__aangemaakt_op",
        "document__afzender_voorziening__naam",
        "document__afzender_dienst__naam",
    )
    return [
        Werkitem(
            soort=NIET_AFGELEVERD.sleutel,
            wat=email,
            waarom=f"De e-mail over een gedeeld document kon niet afgeleverd worden: {fout}",
            datum=timezone.localdate(verzonden),
            termijn=False,
            actie="opgroeien:documenten_nietafgeleverdemail_change",
            args=(pk,),
            voorziening=voorziening or dienst or "",
        )
        for pk, email, fout, verzonden, voorziening, dienst in rijen
    ]


ONGEOPEND = Werksoort("document", "Ontvangen document", Doelgroep.VOORZIENING, _ongeopend)
NIET_AFGELEVERD = Werksoort(
    "deling",
    "Gedeeld document niet afgeleverd",
    Doelgroep.OPGROEIEN,
    _niet_afgeleverd,
    permissie="documenten.change_nietafgeleverdemail",
)


def registreren() -> None:
    registreer(ONGEOPEND, NIET_AFGELEVERD)
