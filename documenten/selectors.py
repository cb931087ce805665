"""Who may see which shared document (000 §18.1, §18.2, §18.3.1), written once: every list,
count and download of this app reads through `delingen_zichtbaar`."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from binc.constants import DienstFunctie
from binc.models import Dienst, DienstMedewerker, Gebruiker, Voorziening
from documenten.models import Deling, Document, DocumentBeheerder, Opening

ONTVANGEN = "ontvangen"
VERZONDEN = "verzonden"


@dataclass(frozen=True)
class Lezer:
    """Who is looking, and on whose behalf: the voorziening chosen for this session (if any)
    and the diensten the person works for. The visibility conditions read the diensten as
    subqueries, so a menu count costs one query."""

    gebruiker: Gebruiker
    voorziening: Voorziening | None

    @cached_property
    def diensten(self) -> dict[int, str]:
        """The person's diensten with their function there."""
        return dict(
            DienstMedewerker.objects.filter(gebruiker=self.gebruiker).values_list(
                "dienst_id", "functie"
            )
        )

    def mijn_diensten(self) -> QuerySet:
        return DienstMedewerker.objects.filter(gebruiker=self.gebruiker).values("dienst")

    def toezicht(self) -> QuerySet:
        """The diensten where this person is administratief medewerker or teamverantwoordelijke:
        they see what was sent to any consulent of it."""
        return self.mijn_diensten().filter(
            functie__in=[DienstFunctie.ADMINISTRATIEF, DienstFunctie.TEAMVERANTWOORDELIJKE]
        )

    @property
    def kan_delen(self) -> bool:
        return self.voorziening is not None or bool(self.diensten)


def lezer(*, gebruiker: Gebruiker, voorziening: Voorziening | None) -> Lezer:
    return Lezer(gebruiker=gebruiker, voorziening=voorziening)


def _als_afzender(lezer: Lezer) -> Q:
    """000 §18.1: the sending voorziening's medewerkers see what it sent, except what a
    colleague sent 'vertrouwelijk' (§18.2). A dienst's documents: only their sender."""
    q = Q(document__afzender=lezer.gebruiker, document__afzender_dienst__in=lezer.mijn_diensten())
    if lezer.voorziening is not None:
        q |= Q(document__afzender_voorziening=lezer.voorziening) & (
            Q(document__vertrouwelijk=False) | Q(document__afzender=lezer.gebruiker)
        )
    return q


def _als_ontvanger(lezer: Lezer) -> Q:
    """000 §18.1: every medewerker of the addressed voorziening; a 'persoonlijk document voor
    ontvanger' only its addressee, one of the persons the voorziening listed, while listed
    (§18.3.1). Sent to a consulent: only the addressee, the administratief medewerker and the
    teamverantwoordelijke of that dienst."""
    q = Q(ontvanger_gebruiker=lezer.gebruiker, ontvanger_dienst__in=lezer.mijn_diensten())
    q |= Q(ontvanger_dienst__in=lezer.toezicht(), document__persoonlijk=False)
    if lezer.voorziening is not None:
        # Scoped by the lezer's own voorziening, explicitly, also outside a request.
        beheerder = DocumentBeheerder._base_manager.filter(
            voorziening=lezer.voorziening, gebruiker=lezer.gebruiker
        )
        q |= Q(ontvanger_voorziening=lezer.voorziening) & (
            Q(document__persoonlijk=False)
            | Q(ontvanger_gebruiker=lezer.gebruiker) & Q(Exists(beheerder))
        )
    return q


def delingen_zichtbaar(
    *, lezer: Lezer, kant: str | None = None, vandaag: datetime.date | None = None
) -> QuerySet[Deling]:
    """The recipient rows this person may see: as sender (`VERZONDEN`), as recipient
    (`ONTVANGEN`) or either. With `vandaag`, only those still available that day: not
    withdrawn, 'delen tot en met' not passed."""
    voorwaarde = {
        VERZONDEN: _als_afzender(lezer),
        ONTVANGEN: _als_ontvanger(lezer),
        None: _als_afzender(lezer) | _als_ontvanger(lezer),
    }[kant]
    delingen = Deling.objects.filter(voorwaarde)
    if vandaag is not None:
        delingen = delingen.filter(delen_tot__gte=vandaag, document__ingetrokken_op__isnull=True)
    return delingen


def _geopend(lezer: Lezer) -> Exists:
    return Exists(Opening.objects.filter(document=OuterRef("document"), gebruiker=lezer.gebruiker))


def ontvangen(*, lezer: Lezer) -> QuerySet[Deling]:
    """'Ontvangen documenten' (000 §18.3), newest first, marked when this person opened it."""
    return (
        delingen_zichtbaar(lezer=lezer, kant=ONTVANGEN, vandaag=timezone.localdate())
        .select_related(
            "document__afzender",
            "document__afzender_voorziening",
            "document__afzender_dienst",
            "ontvanger_voorziening",
            "ontvanger_dienst",
        )
        .annotate(geopend=_geopend(lezer))
        .order_by("-document__aangemaakt_op", "-id")
    )


def ongeopend_aantal(*, lezer: Lezer) -> int:
    """The count beside 'Ontvangen documenten': received documents this person has not opened."""
    return (
        delingen_zichtbaar(lezer=lezer, kant=ONTVANGEN, vandaag=timezone.localdate())
        .filter(~_geopend(lezer))
        .values("document")
        .distinct()
        .count()
    )


def verzonden(*, lezer: Lezer) -> QuerySet[Document]:
    """'Beheer documenten' (000 §18.1): what this person may see as sender, with the rows and
    the receipts prefetched."""
    ids = delingen_zichtbaar(lezer=lezer, kant=VERZONDEN).values("document")
    return (
        Document.objects.filter(pk__in=ids)
        .select_related("afzender", "afzender_voorziening", "afzender_dienst")
        .prefetch_related(
            "delingen__ontvanger_voorziening",
            "delingen__ontvanger_dienst",
            "openingen__gebruiker",
        )
        .order_by("-aangemaakt_op", "-id")
    )


def document_beschikbaar(*, lezer: Lezer, pk: int) -> Document:
    """A document this person may open today; 404 otherwise, to the outsider and after the
    last day alike."""
    ids = delingen_zichtbaar(lezer=lezer, vandaag=timezone.localdate()).values("document")
    document = (
        Document.objects.filter(pk=pk, pk__in=ids, bestand_verwijderd_op__isnull=True)
        .select_related("afzender_voorziening", "afzender_dienst")
        .first()
    )
    if document is None:
        raise Http404("Document niet gevonden.")
    return document


def document_als_afzender(*, lezer: Lezer, pk: int) -> Document:
    """A document this person may manage (withdraw) as sender; 404 otherwise."""
    ids = delingen_zichtbaar(lezer=lezer, kant=VERZONDEN).values("document")
    document = Document.objects.filter(pk=pk, pk__in=ids).first()
    if document is None:
        raise Http404("Document niet gevonden.")
    return document


def diensten_gekend() -> list[tuple[str, Voorziening | Dienst]]:
    """000 §18.1 'Dienst': the known services, by name: every active voorziening and every
    dienst (OCJ, SDJ, GI 'campus', Voorzieningenbeleid)."""
    voorzieningen = Voorziening.objects.filter(actief=True).order_by("naam")
    diensten = Dienst.objects.order_by("naam")
    return sorted(
        [(v.naam, v) for v in voorzieningen] + [(d.naam, d) for d in diensten],
        key=lambda paar: paar[0].casefold(),
    )


def dienst_medewerkers(*, dienst: Dienst) -> QuerySet[DienstMedewerker]:
    """The known people of a dienst, for autocompleting name and e-mail (000 §18.1)."""
    return (
        DienstMedewerker.objects.filter(dienst=dienst)
        .select_related("gebruiker")
        .order_by("gebruiker__last_name", "gebruiker__first_name")
    )


def personen_gekend() -> QuerySet[DienstMedewerker]:
    """Everyone known at a dienst, for the name and e-mail suggestions of a recipient row."""
    return DienstMedewerker.objects.select_related("gebruiker", "dienst").order_by(
        "gebruiker__last_name", "gebruiker__first_name"
    )


def diensten_van(*, lezer: Lezer) -> QuerySet[Dienst]:
    return Dienst.objects.filter(pk__in=lezer.mijn_diensten())


def beheerders(*, voorziening: Voorziening) -> QuerySet[DocumentBeheerder]:
    return DocumentBeheerder.objects.filter(voorziening=voorziening).select_related("gebruiker")


def ontvangers_persoonlijk(
    *, voorziening: Voorziening | None = None
) -> QuerySet[DocumentBeheerder]:
    """The persons voorzieningen listed for personal documents (000 §18.3.1): whom
    Voorzieningenbeleid may address one to, from outside any voorziening."""
    rijen = DocumentBeheerder._base_manager.select_related("gebruiker", "voorziening")
    if voorziening is not None:
        rijen = rijen.filter(voorziening=voorziening)
    return rijen.order_by("gebruiker__last_name", "gebruiker__first_name")


def opgezochte_persoon(*, rijksregisternummer: str) -> Gebruiker | None:
    """'Zoek persoon' (000 §18.3.1): a known person who logged in to Binc at least once."""
    return Gebruiker.objects.filter(
        rijksregisternummer=rijksregisternummer, last_login__isnull=False, is_active=True
    ).first()
