from dossiers.models.clients import Client, ClientToegang, ContextPersoon
from dossiers.models.dossiers import Aanmelding, Dossier, DossierCodeTeller, HeropenAanvraag
from dossiers.models.groeipakket import (
    GroeipakketBatch,
    GroeipakketBericht,
    GroeipakketBestand,
)
from dossiers.models.zorg import (
    Beslissing,
    Pleegzorger,
    Schakeling,
    SchakelingModule,
    SchakelingWijziging,
    VerwerktJaar,
)

__all__ = [
    "Aanmelding",
    "Beslissing",
    "Client",
    "ClientToegang",
    "ContextPersoon",
    "Dossier",
    "DossierCodeTeller",
    "GroeipakketBatch",
    "GroeipakketBericht",
    "GroeipakketBestand",
    "HeropenAanvraag",
    "Pleegzorger",
    "Schakeling",
    "SchakelingModule",
    "SchakelingWijziging",
    "VerwerktJaar",
]
