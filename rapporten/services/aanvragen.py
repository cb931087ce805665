"""On-demand reports (000 §17.1): one request per report, generated in the background once the
request is committed, offered for download when complete, deleted after 7 days."""

import datetime
import logging
import tempfile
import uuid
from functools import partial

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from binc.models import Gebruiker, Voorziening
from binc.tenancy import voorziening_context
from binc.wachtrij import inplannen
from lib.dates import langer_dan_een_jaar
from rapporten import ruwe_data
from rapporten.catalogus import RAPPORTEN, RUWE_DATA, beschikbaar
from rapporten.constants import BEWAARTERMIJN_DAGEN, AanvraagStatus
from rapporten.models import RapportAanvraag
from rapporten.selectors import met_start
from rapporten.tellingen import DEFINITIES, tel
from rapporten.xlsx import bestandsnaam, schrijven

logger = logging.getLogger(__name__)
D = datetime.date
TE_LANG = "Een rapport kan over hoogstens 1 jaar gaan."
OMGEKEERD = "De einddatum ligt vóór de begindatum."
ONBEKEND = "Dit rapport bestaat niet."
MISLUKT = "Het rapport kon niet gemaakt worden door een fout in Binc. Vraag het opnieuw aan."


def periode_fout(van: D, tot: D) -> str:
    if tot < van:
        return OMGEKEERD
    if langer_dan_een_jaar(van, tot):
        return TE_LANG
    return ""


class Overgenomen(Exception):
    """Another worker took the request over (this one seemed lost) and finishes it."""


def rapporten_aanvragen(
    *, voorziening: Voorziening, gebruiker: Gebruiker, van: D, tot: D, soorten: list[str]
) -> list[RapportAanvraag]:
    """[Genereer Rapporten]: a request per report, each queued once the transaction commits."""
    if fout := periode_fout(van, tot):
        raise ValueError(fout)
    if onbekend := [s for s in soorten if s not in beschikbaar(voorziening.is_1g1p)]:
        raise ValueError(f"{ONBEKEND} ({', '.join(onbekend)})")
    with transaction.atomic():
        aanvragen = [
            RapportAanvraag.objects.create(
                voorziening=voorziening, gebruiker=gebruiker, soort=soort, van=van, tot=tot
            )
            for soort in soorten
        ]
        for aanvraag in aanvragen:
            transaction.on_commit(
                partial(inplannen, "rapporten.tasks.rapport_genereren", aanvraag.pk)
            )
    return aanvragen


def rapport_genereren(aanvraag_pk: int) -> None:
    """Builds the file and offers it only once it is complete: a failure leaves the request
    'mislukt' with its reason and no file."""
    rijen = RapportAanvraag._base_manager.filter(pk=aanvraag_pk)
    # Claimed in one statement: a task delivered twice builds the file once. A claim older than
    # the broker's redelivery time belongs to a worker that died: the redelivered task takes it.
    nu = timezone.now()
    verlaten = nu - datetime.timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    vrij = Q(status=AanvraagStatus.WACHTRIJ) | Q(
        status=AanvraagStatus.BEZIG, gestart_op__lt=verlaten
    )
    if not rijen.filter(vrij).update(status=AanvraagStatus.BEZIG, gestart_op=nu):
        return
    aanvraag = rijen.select_related("voorziening").get()
    try:
        with voorziening_context(aanvraag.voorziening), tempfile.TemporaryFile() as bestand:
            _schrijf(aanvraag, bestand)
            bestand.seek(0)
            # A random stored name; the download gets the manual's name (`downloadnaam`). The
            # file and 'klaar' in one transaction: a worker killed halfway offers nothing.
            naam = f"{uuid.uuid4().hex}.{_extensie(aanvraag.soort)}"
            with transaction.atomic():
                aanvraag.bestand.save(naam, File(bestand), save=False)
                # Only while this claim holds: a finisher whose claim was taken over writes
                # nothing, its file rolls back with it.
                if not rijen.filter(status=AanvraagStatus.BEZIG, gestart_op=nu).update(
                    status=AanvraagStatus.KLAAR,
                    bestand=aanvraag.bestand.name,
                    klaar_op=timezone.now(),
                ):
                    raise Overgenomen
    except Overgenomen:
        logger.warning("Rapport %s werd intussen door een andere worker gemaakt", aanvraag.pk)
    except Exception:
        logger.exception("Rapport %s mislukt", aanvraag.pk)
        rijen.filter(status=AanvraagStatus.BEZIG, gestart_op=nu).update(
            status=AanvraagStatus.MISLUKT, reden=MISLUKT
        )


def _extensie(soort: str) -> str:
    return "xml" if soort in RUWE_DATA else "xlsx"


def _schrijf(aanvraag: RapportAanvraag, bestand) -> None:
    if aanvraag.soort in RUWE_DATA:
        definitie, _ = DEFINITIES[RUWE_DATA[aanvraag.soort]]
        # The active voorziening's dossiers (tenancy) of that definition.
        dossiers = met_start().filter(definitie(aanvraag.van, aanvraag.tot))
        ruwe_data.schrijven(
            bestand,
            ruwe_data.dossiers_voor_ruwe_data(dossiers),
            is_1g1p=aanvraag.voorziening.is_1g1p,
        )
        return
    rapport = RAPPORTEN[aanvraag.soort]
    tabellen = [tel(t, aanvraag.voorziening, aanvraag.van, aanvraag.tot) for t in rapport.tellingen]
    schrijven(
        bestand,
        voorziening=aanvraag.voorziening.naam,
        rapport=aanvraag.get_soort_display(),
        van=aanvraag.van,
        tot=aanvraag.tot,
        tabellen=tabellen,
    )


def verlopen_verwijderen(*, nu: datetime.datetime | None = None) -> int:
    """Requests and their files go after 7 days (000 §17.1). Returns how many."""
    grens = (nu or timezone.now()) - datetime.timedelta(days=BEWAARTERMIJN_DAGEN)
    verlopen = list(RapportAanvraag._base_manager.filter(aangemaakt_op__lt=grens))
    for aanvraag in verlopen:
        if aanvraag.bestand:
            aanvraag.bestand.delete(save=False)
        aanvraag.delete()
    return len(verlopen)


def downloadnaam(aanvraag: RapportAanvraag) -> str:
    klaar = timezone.localtime(aanvraag.klaar_op).date() if aanvraag.klaar_op else None
    return bestandsnaam(
        aanvraag.voorziening.naam,
        aanvraag.get_soort_display(),
        klaar or timezone.localdate(),
        _extensie(aanvraag.soort),
    )


def verwijderd_op(aanvraag: RapportAanvraag) -> datetime.datetime:
    return aanvraag.aangemaakt_op + datetime.timedelta(days=BEWAARTERMIJN_DAGEN)
