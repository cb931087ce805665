from dossiers.models.clients import Client, ClientToegang, ContextPersoon
from dossiers.models.dossiers import Aanmelding, Dossier, DossierCodeTeller, HeropenAanvraag
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
    "HeropenAanvraag",
    "Pleegzorger",
    "Schakeling",
    "SchakelingModule",
    "SchakelingWijziging",
    "VerwerktJaar",
]
