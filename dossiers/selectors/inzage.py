"""Who looked at a child's file, for a family's request (GDPR art. 15, ASVS V16): every opening
and every national-register lookup about one client. Opgroeien sees all of it; a voorziening's
privacy contact sees what concerns that voorziening."""

from django.db.models import Q, QuerySet

from binc.constants import Zoekwijze
from binc.models import Inzage, RijksregisterOpzoeking, Voorziening
from dossiers.models import Client, Dossier


def client_op_nummer(*, rijksregisternummer: str, voorziening: Voorziening | None) -> Client | None:
    """The client with this number; for a voorziening only one it knows, so the screen never
    tells where else a child is known."""
    clients = Client.objects.filter(rijksregisternummer=rijksregisternummer)
    if voorziening is not None:
        clients = clients.filter(toegangen__voorziening=voorziening)
    return clients.first()


def inzages(*, client: Client, voorziening: Voorziening | None) -> QuerySet[Inzage]:
    # Across voorzieningen on purpose: a family's request covers all of them; a privacy contact's
    # view is narrowed to their own voorziening just below.
    dossiers = Dossier.alle.filter(client=client)
    if voorziening is not None:
        dossiers = dossiers.filter(voorziening=voorziening)
    over_client = Q(client_id=client.pk) | Q(dossier_id__in=dossiers.values("pk"))
    rijen = Inzage.objects.filter(over_client)
    if voorziening is not None:
        rijen = rijen.filter(Q(voorziening=voorziening) | Q(dossier_id__in=dossiers.values("pk")))
    return rijen.select_related("gebruiker", "voorziening").order_by("-tijdstip", "-id")


def opzoekingen(
    *, client: Client, voorziening: Voorziening | None
) -> QuerySet[RijksregisterOpzoeking]:
    """Lookups by this number, or by this name with this birth date or year."""
    op_gegevens = Q(zoekwijze=Zoekwijze.GEGEVENS, criteria__naam__iexact=client.naam) & (
        Q(criteria__geboortedatum=client.geboortedatum.isoformat())
        | Q(criteria__geboortejaar=str(client.geboortedatum.year))
        if client.geboortedatum
        else Q(pk__in=[])
    )
    rijen = RijksregisterOpzoeking.objects.filter(
        Q(zoekwijze=Zoekwijze.NUMMER, criteria__nummer=client.rijksregisternummer) | op_gegevens
    )
    if voorziening is not None:
        rijen = rijen.filter(voorziening=voorziening)
    return rijen.select_related("gebruiker", "voorziening").order_by("-tijdstip", "-id")
