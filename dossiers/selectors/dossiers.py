"""Read-side queries for clients and dossiers. Dossier queries are scoped by the tenancy
manager; clients are reached only through the active voorziening's ClientToegang."""

import datetime
import string
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.db.models.functions import Left, Upper
from django.http import Http404
from django.utils import timezone

from binc.models import Activiteit, Gebruiker
from binc.tenancy import active_voorziening
from dossiers.constants import DOSSIER_WEG, AanvraagStatus, DossierStatus
from dossiers.models import Client, ClientToegang, ContextPersoon, Dossier, HeropenAanvraag
from lib.errors import PublicNotFound

LETTERS = list(string.ascii_uppercase)


class DossierGone(PublicNotFound):
    """Not found, with the manual's message (000 §11); says nothing about other voorzieningen."""

    def __init__(self) -> None:
        super().__init__(DOSSIER_WEG)


def dossier_get(*, pk: int, for_update: bool = False) -> Dossier:
    # Not the aanmelding: locked with the dossier it would be read as before the lock waited,
    # and a concurrent change to it missed.
    queryset = Dossier.objects.select_related("client", "voorziening", "behandelaar")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    dossier = queryset.filter(pk=pk).first()
    if dossier is None:
        raise DossierGone()
    return dossier


def client_get(*, pk: int) -> Client:
    """A client the active voorziening identified or serves; others answer 404."""
    if not ClientToegang.objects.filter(client_id=pk).exists():
        raise Http404("Cliënt niet gevonden.")
    return Client.objects.get(pk=pk)


def client_context(*, client: Client) -> QuerySet[ContextPersoon]:
    return client.context.select_related("toegevoegd_door")


def context_persoon_get(*, client: Client, pk: int) -> ContextPersoon:
    persoon = client.context.filter(pk=pk).first()
    if persoon is None:
        raise Http404("Persoon niet gevonden.")
    return persoon


def dossier_activiteiten(*, dossier: Dossier) -> QuerySet[Activiteit]:
    """'Activiteiten dossier' (000 §7): every change, newest first."""
    return Activiteit.objects.filter(dossier_id=dossier.pk).select_related("gebruiker")


def client_dossiers(*, client: Client) -> QuerySet[Dossier]:
    """Only this voorziening's dossiers of the client: nothing reveals where else it is known."""
    return Dossier.objects.filter(client=client).order_by("-aangemaakt_op")


# The start page's sortable columns: key -> ordering. Ties break on name and code.
SORTS: dict[str, list[str | OrderBy]] = {
    "naam": ["client__naam", "client__voornaam"],
    "voornaam": ["client__voornaam", "client__naam"],
    "geboortedatum": [F("client__geboortedatum").asc(nulls_first=True)],
    "code": ["code"],
    "gewijzigd": ["gewijzigd_op"],
    "status": ["status"],
    "br": ["br_status"],
    # 000 §2 FAQ: sorting on the beslissing column shows dossiers without a decision first.
    "beslissing": [F("laatste_beslissing_begindatum").asc(nulls_first=True)],
    "schakeling_begin": [F("laatste_schakeling_begindatum").asc(nulls_first=True)],
    "schakeling_einde": [F("laatste_schakeling_einddatum").asc(nulls_first=True)],
}
TABS = {"alle", "mijn", "afgesloten"}


@dataclass(frozen=True)
class Overzicht:
    tab: str = "alle"
    letter: str = ""
    sort: str = "naam"
    desc: bool = False


def _descending(order: str | OrderBy) -> str | OrderBy:
    if isinstance(order, str):
        return f"-{order}"
    assert isinstance(order.expression, F)  # the nullable date columns of SORTS
    return F(order.expression.name).desc(nulls_last=True)


def dossier_overview(*, gebruiker: Gebruiker, overzicht: Overzicht) -> QuerySet[Dossier]:
    queryset = Dossier.objects.select_related("client")
    if overzicht.tab == "afgesloten":
        # 000 §2: closed dossiers stay a year in this list; older ones only through search.
        since = timezone.localdate() - datetime.timedelta(days=365)
        queryset = queryset.filter(status=DossierStatus.AFGESLOTEN, afgesloten_op__gte=since)
    else:
        queryset = queryset.filter(status=DossierStatus.OPEN)
        if overzicht.tab == "mijn":
            queryset = queryset.filter(behandelaar=gebruiker)
    if overzicht.letter:
        queryset = queryset.filter(client__naam__istartswith=overzicht.letter)
    ordering = SORTS.get(overzicht.sort, SORTS["naam"])
    if overzicht.desc:
        ordering = [_descending(o) for o in ordering]
    return queryset.order_by(*ordering, "client__naam", "client__voornaam", "code")


def letters_in_use(*, gebruiker: Gebruiker, overzicht: Overzicht) -> set[str]:
    """Initials of the names in the current tab, for the letter bar (greyed when unused)."""
    queryset = dossier_overview(gebruiker=gebruiker, overzicht=Overzicht(tab=overzicht.tab))
    return set(
        queryset.order_by()
        .annotate(letter=Upper(Left("client__naam", 1)))
        .values_list("letter", flat=True)
        .distinct()
    )


def dossier_search(
    *,
    naam: str = "",
    voornaam: str = "",
    geboortedatum: datetime.date | None = None,
    code: str = "",
    uw_referentie: str = "",
) -> QuerySet[Dossier]:
    """'Opzoeken dossier' (000 §2.1): open and closed dossiers, every term must match."""
    conditions = Q()
    if naam:
        conditions &= Q(client__naam__icontains=naam)
    if voornaam:
        conditions &= Q(client__voornaam__icontains=voornaam)
    if geboortedatum:
        conditions &= Q(client__geboortedatum=geboortedatum)
    if code:
        conditions &= Q(code__icontains=code)
    if uw_referentie:
        conditions &= Q(aanmelding__uw_referentie__icontains=uw_referentie)
    return (
        Dossier.objects.filter(conditions)
        .select_related("client")
        .order_by("client__naam", "client__voornaam", "-aangemaakt_op")
    )


def colleagues_with_open_dossiers(*, gebruiker: Gebruiker) -> list[tuple[Gebruiker, int]]:
    """000 §6: everyone else holding open dossiers of this voorziening, with how many. Former
    colleagues stay listed, so their dossiers can still be taken over."""
    counts = dict(
        Dossier.objects.filter(status=DossierStatus.OPEN)
        .exclude(behandelaar=gebruiker)
        .order_by()
        .values("behandelaar")
        .annotate(n=Count("pk"))
        .values_list("behandelaar", "n")
    )
    colleagues = Gebruiker.objects.filter(pk__in=counts).order_by("last_name", "first_name")
    return [(colleague, counts[colleague.pk]) for colleague in colleagues]


def colleague_get(*, pk: int) -> Gebruiker:
    """A medewerker of the active voorziening or a holder of its dossiers; others: 404."""
    in_voorziening = Q(lidmaatschappen__voorziening=active_voorziening()) | Q(
        pk__in=Dossier.objects.values("behandelaar")
    )
    colleague = Gebruiker.objects.filter(in_voorziening, pk=pk).distinct().first()
    if colleague is None:
        raise Http404("Collega niet gevonden.")
    return colleague


def heropenaanvraag_ingediend(dossier: Dossier) -> HeropenAanvraag | None:
    """The dossier's reopen request still waiting for Opgroeien (000 §10), if any."""
    return HeropenAanvraag.objects.filter(dossier=dossier, status=AanvraagStatus.INGEDIEND).first()


def dossiers_gefilterd(
    *, code: str = "", referentie: str = "", gewijzigd_na: datetime.datetime | None = None
) -> QuerySet[Dossier]:
    """The voorziening's dossiers by (part of) the code, (part of) 'uw referentie' and changed
    after a moment, with what a dossier's summary shows."""
    voorwaarden = Q()
    if code:
        voorwaarden &= Q(code__icontains=code)
    if referentie:
        voorwaarden &= Q(aanmelding__uw_referentie__icontains=referentie)
    if gewijzigd_na is not None:
        voorwaarden &= Q(gewijzigd_op__gt=gewijzigd_na)
    return Dossier.objects.select_related("client", "aanmelding", "behandelaar").filter(voorwaarden)
