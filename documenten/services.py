"""Sending, opening, withdrawing and clearing shared documents (000 ch. 18). The stored file
and its rows exist together or not at all; the e-mail goes after commit and a failed one is
tried again without touching the share."""

import datetime
import logging
import uuid
from dataclasses import dataclass
from functools import partial
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone

from binc.constants import Dienstsoort
from binc.models import Dienst, DienstMedewerker, Gebruiker, Voorziening
from binc.services.activiteiten import activiteit_log
from binc.tenancy import voorziening_context
from binc.wachtrij import inplannen
from documenten.bestanden import controleren, veilige_naam
from documenten.constants import MAX_DAGEN, MAX_MAILPOGINGEN, MailStatus
from documenten.models import Deling, Document, DocumentBeheerder, Opening
from documenten.selectors import Lezer

logger = logging.getLogger(__name__)

TE_LAAT = "Documenten kunnen hoogstens 30 dagen gedeeld worden: kies {max:%d/%m/%Y} of vroeger."
VOORBIJ = "Deze datum ligt in het verleden."
GEEN_ONTVANGER = "Voeg minstens één ontvanger toe."
VERTROUWELIJK_IN_DOSSIER = (
    "Een document uit een dossier is cliëntgebonden; vertrouwelijke documenten deel je vanuit "
    "de startpagina."
)
PERSOONLIJK_ENKEL_VB = "Enkel Voorzieningenbeleid deelt persoonlijke documenten voor ontvanger."
TE_GROOT = "Het bestand is groter dan 10 MB ({max} bytes)."
ONBEKENDE_GEADRESSEERDE = "Kies een gekende medewerker van {dienst}."
GEEN_PERSOONLIJKE_ONTVANGER = (
    "Kies een persoon die {voorziening} opgaf voor persoonlijke documenten (Gebruikersbeheer "
    "documenten)."
)


def opslag():
    return storages["documenten"]


def delen_tot_uiterlijk(vandaag: datetime.date) -> datetime.date:
    """000 §18.1: 'delen tot en met' is filled with, and may not pass, today + 30 days."""
    return vandaag + datetime.timedelta(days=MAX_DAGEN)


def delen_tot_fout(datum: datetime.date, vandaag: datetime.date) -> str:
    if datum < vandaag:
        return VOORBIJ
    if datum > delen_tot_uiterlijk(vandaag):
        return TE_LAAT.format(max=delen_tot_uiterlijk(vandaag))
    return ""


@dataclass(frozen=True)
class Ontvanger:
    """One recipient row as the form resolved it."""

    organisatie: Voorziening | Dienst
    naam: str
    email: str
    delen_tot: datetime.date
    geadresseerde: Gebruiker | None = None


def afzender_dienst(lezer: Lezer) -> Dienst | None:
    """A dienst medewerker without a voorziening sends on behalf of their (first) dienst."""
    if lezer.voorziening is not None or not lezer.diensten:
        return None
    return Dienst.objects.get(pk=min(lezer.diensten))


def mag_persoonlijk(lezer: Lezer) -> bool:
    """000 §18.3.1: only Voorzieningenbeleid marks a 'persoonlijk document voor ontvanger'."""
    dienst = afzender_dienst(lezer)
    return dienst is not None and dienst.soort == Dienstsoort.VOORZIENINGENBELEID


def document_delen(
    *,
    lezer: Lezer,
    bestand: IO[bytes],
    bestandsnaam: str,
    grootte: int,
    ontvangers: list[Ontvanger],
    beschrijving: str = "",
    dossier_id: int | None = None,
    vertrouwelijk: bool = False,
    persoonlijk: bool = False,
) -> Document:
    """[Opslaan] (000 §18.1, §18.2): one file to one or more recipients."""
    _controleren(
        lezer, bestand, bestandsnaam, grootte, ontvangers, dossier_id, vertrouwelijk, persoonlijk
    )
    naam = uuid.uuid4().hex
    try:
        with transaction.atomic():
            # In the transaction of its rows: with the default storage (PostgreSQL) the file
            # and its rows are committed together or not at all.
            naam = opslag().save(naam, bestand)
            document = Document.objects.create(
                afzender=lezer.gebruiker,
                afzender_voorziening=lezer.voorziening,
                afzender_dienst=afzender_dienst(lezer),
                dossier_id=dossier_id,
                beschrijving=beschrijving,
                bestandsnaam=veilige_naam(bestandsnaam),
                opslagnaam=naam,
                grootte=grootte,
                vertrouwelijk=vertrouwelijk,
                persoonlijk=persoonlijk,
            )
            for ontvanger in ontvangers:
                deling = Deling.objects.create(
                    document=document,
                    ontvanger_voorziening=_als(ontvanger.organisatie, Voorziening),
                    ontvanger_dienst=_als(ontvanger.organisatie, Dienst),
                    ontvanger_gebruiker=ontvanger.geadresseerde,
                    naam=ontvanger.naam,
                    email=ontvanger.email,
                    delen_tot=ontvanger.delen_tot,
                )
                _log(document, lezer.gebruiker, "document_gedeeld", _gedeeld_tekst(deling))
                transaction.on_commit(
                    partial(inplannen, "documenten.tasks.deling_mailen", deling.pk)
                )
    except BaseException:
        # Nothing half-made: a storage outside the database (S3) drops the file itself.
        opslag().delete(naam)
        raise
    return document


def _controleren(
    lezer: Lezer,
    bestand: IO[bytes],
    bestandsnaam: str,
    grootte: int,
    ontvangers: list[Ontvanger],
    dossier_id: int | None,
    vertrouwelijk: bool,
    persoonlijk: bool,
) -> None:
    fouten: dict[str, list[str]] = {}
    if grootte > settings.UPLOAD_MAX_BYTES:
        fouten["bestand"] = [TE_GROOT.format(max=settings.UPLOAD_MAX_BYTES)]
    elif reden := controleren(bestandsnaam, bestand):
        fouten["bestand"] = [reden]
    if not ontvangers:
        fouten["__all__"] = [GEEN_ONTVANGER]
    vandaag = timezone.localdate()
    for ontvanger in ontvangers:
        if reden := delen_tot_fout(ontvanger.delen_tot, vandaag):
            fouten.setdefault("delen_tot", []).append(reden)
    if onbekend := _onbekende_geadresseerden(ontvangers):
        fouten.setdefault("naam", []).extend(
            ONBEKENDE_GEADRESSEERDE.format(dienst=d) for d in onbekend
        )
    if vertrouwelijk and dossier_id is not None:
        fouten["vertrouwelijk"] = [VERTROUWELIJK_IN_DOSSIER]
    if persoonlijk and not mag_persoonlijk(lezer):
        fouten["persoonlijk"] = [PERSOONLIJK_ENKEL_VB]
    elif persoonlijk and (zonder := _zonder_persoonlijke_ontvanger(ontvangers)):
        fouten.setdefault("naam", []).extend(
            GEEN_PERSOONLIJKE_ONTVANGER.format(voorziening=v.naam) for v in zonder
        )
    if fouten:
        raise ValidationError(fouten)


def _onbekende_geadresseerden(ontvangers: list[Ontvanger]) -> list[Dienst]:
    """000 §18.1: a dienst's staff are known in Binc; a row for a dienst names one of them
    (their visibility rule depends on it). One query for all rows."""
    rijen = [
        (o.organisatie, o.geadresseerde) for o in ontvangers if isinstance(o.organisatie, Dienst)
    ]
    gekend = set(
        DienstMedewerker.objects.filter(
            dienst__in=[d for d, _ in rijen], gebruiker__in=[g for _, g in rijen if g]
        ).values_list("dienst_id", "gebruiker_id")
    )
    return [d for d, g in rijen if g is None or (d.pk, g.pk) not in gekend]


def _zonder_persoonlijke_ontvanger(ontvangers: list[Ontvanger]) -> list[Voorziening]:
    """000 §18.3.1: a personal document's row for a voorziening names one of the persons it
    listed; only they see it. One query for all rows."""
    rijen = [
        (o.organisatie, o.geadresseerde)
        for o in ontvangers
        if isinstance(o.organisatie, Voorziening)
    ]
    gelijst = set(
        DocumentBeheerder._base_manager.filter(
            voorziening__in=[v for v, _ in rijen], gebruiker__in=[g for _, g in rijen if g]
        ).values_list("voorziening_id", "gebruiker_id")
    )
    return [v for v, g in rijen if g is None or (v.pk, g.pk) not in gelijst]


def _als(organisatie, model):
    return organisatie if isinstance(organisatie, model) else None


def _gedeeld_tekst(deling: Deling) -> str:
    return (
        f"Document '{deling.document.bestandsnaam}' gedeeld met {deling.ontvanger} "
        f"({deling.naam}), beschikbaar tot en met {deling.delen_tot:%d/%m/%Y}."
    )


def _log(document: Document, gebruiker: Gebruiker, actie: str, tekst: str) -> None:
    """000 §18.1.1: the sending voorziening's 'Activiteiten dossier' shows what was sent and
    who opened it. A dienst's documents have no such log; their receipts stay on the share."""
    voorziening = document.afzender_voorziening
    if voorziening is None:
        return
    # A receipt by another voorziening or a dienst belongs in the sender's log: written in
    # the sender's context, on purpose.
    with voorziening_context(voorziening):
        activiteit_log(
            voorziening=voorziening,
            gebruiker=gebruiker,
            actie=actie,
            omschrijving=tekst,
            obj=document,
            dossier_id=document.dossier_id,
        )


def deling_mailen(deling_pk: int) -> bool:
    """Send the recipient the manual's e-mail (000 §18.1). A failure is noted on the row, for
    the sender to see and for `openstaande_mails_verzenden` to try again; the share itself stays."""
    deling = (
        Deling.objects.select_related(
            "document__afzender", "document__afzender_voorziening", "document__afzender_dienst"
        )
        .filter(pk=deling_pk)
        .exclude(mail_status=MailStatus.VERZONDEN)
        .first()
    )
    if deling is None:
        return True
    context = {"deling": deling, "document": deling.document, "site_url": settings.SITE_URL}
    bericht = EmailMultiAlternatives(
        subject=render_to_string("documenten/mail/onderwerp.txt", context).strip(),
        body=render_to_string("documenten/mail/bericht.txt", context),
        to=[deling.email],
    )
    bericht.attach_alternative(
        render_to_string("documenten/mail/bericht.html", context), "text/html"
    )
    try:
        bericht.send()
    except Exception as fout:  # SMTP and network errors alike; the row keeps the reason
        logger.warning("E-mail voor deling %s mislukt: %s", deling.pk, fout)
        Deling.objects.filter(pk=deling.pk).update(
            mail_status=MailStatus.MISLUKT,
            mail_pogingen=deling.mail_pogingen + 1,
            mail_fout=str(fout)[:300] or fout.__class__.__name__,
        )
        return False
    Deling.objects.filter(pk=deling.pk).update(
        mail_status=MailStatus.VERZONDEN, mail_pogingen=deling.mail_pogingen + 1, mail_fout=""
    )
    return True


def openstaande_mails_verzenden() -> int:
    """The e-mails still to send (a failure, or a queue that lost its task), while the share is
    available and the attempts are not used up."""
    te_doen = Deling.objects.filter(
        mail_status__in=[MailStatus.WACHTRIJ, MailStatus.MISLUKT],
        mail_pogingen__lt=MAX_MAILPOGINGEN,
        delen_tot__gte=timezone.localdate(),
        document__ingetrokken_op__isnull=True,
        document__aangemaakt_op__lt=timezone.now() - datetime.timedelta(minutes=5),
    ).values_list("pk", flat=True)
    return sum(deling_mailen(pk) for pk in list(te_doen))


def mislukte_mails_herstarten(deling_pks: list[int]) -> int:
    """Opgroeien's retry of notifications that failed after every attempt: they get their
    attempts back and are queued once more. Returns how many."""
    with transaction.atomic():
        pks = list(
            Deling.objects.filter(pk__in=deling_pks, mail_status=MailStatus.MISLUKT).values_list(
                "pk", flat=True
            )
        )
        Deling.objects.filter(pk__in=pks).update(mail_status=MailStatus.WACHTRIJ, mail_pogingen=0)
        for pk in pks:
            transaction.on_commit(partial(inplannen, "documenten.tasks.deling_mailen", pk))
    return len(pks)


def document_geopend(*, lezer: Lezer, document: Document, namens: str) -> Opening:
    """Every opening is a receipt (000 §18.1.1), also in the sender's 'Activiteiten dossier'."""
    with transaction.atomic():
        opening = Opening.objects.create(
            document=document, gebruiker=lezer.gebruiker, organisatie=namens
        )
        _log(
            document,
            lezer.gebruiker,
            "document_geopend",
            f"Document '{document.bestandsnaam}' bekeken door {lezer.gebruiker} ({namens}).",
        )
    return opening


def document_intrekken(*, lezer: Lezer, document: Document) -> None:
    """The sender withdraws a share before it expires: it answers 404 at once and its bytes go."""
    with transaction.atomic():
        bijgewerkt = Document.objects.filter(pk=document.pk, ingetrokken_op__isnull=True).update(
            ingetrokken_op=timezone.now()
        )
        if not bijgewerkt:
            return
        _log(
            document,
            lezer.gebruiker,
            "document_ingetrokken",
            f"Delen van document '{document.bestandsnaam}' ingetrokken.",
        )
        transaction.on_commit(partial(bytes_verwijderen, [document.pk]))


def verlopen_opruimen(vandaag: datetime.date) -> int:
    """Day 31: the bytes of documents whose last 'delen tot en met' has passed, or that were
    withdrawn, are deleted; the rows and receipts stay."""
    ids = (
        Document.objects.filter(bestand_verwijderd_op__isnull=True)
        .annotate(laatste=Max("delingen__delen_tot"))
        .filter(Q(laatste__lt=vandaag) | Q(ingetrokken_op__isnull=False) | Q(laatste__isnull=True))
        .values_list("pk", flat=True)
    )
    return bytes_verwijderen(list(ids))


def bytes_verwijderen(ids: list[int]) -> int:
    aantal = 0
    for document in Document.objects.filter(pk__in=ids, bestand_verwijderd_op__isnull=True):
        opslag().delete(document.opslagnaam)
        Document.objects.filter(pk=document.pk).update(bestand_verwijderd_op=timezone.now())
        aantal += 1
    return aantal


def beheerder_toevoegen(*, voorziening: Voorziening, gebruiker: Gebruiker) -> DocumentBeheerder:
    beheerder, _ = DocumentBeheerder._base_manager.get_or_create(
        voorziening=voorziening, gebruiker=gebruiker
    )
    return beheerder


def beheerder_verwijderen(*, voorziening: Voorziening, pk: int) -> None:
    DocumentBeheerder.objects.filter(voorziening=voorziening, pk=pk).delete()
