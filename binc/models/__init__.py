"""The cross-cutting core: voorzieningen, their medewerkers, the module catalogue and the
activity log. Domain apps build on these."""

from binc.models.audit import Activiteit, Inzage, RijksregisterOpzoeking, RijksregisterPersoon
from binc.models.bestanden import Bestand, BestandDeel
from binc.models.catalogus import Module, ModuledatabankSync, ModuleGoedkeuring, Typemodule
from binc.models.organisaties import Dienst, DienstMedewerker, Gebruiker, Medewerker, Voorziening

__all__ = [
    "Activiteit",
    "Bestand",
    "BestandDeel",
    "Dienst",
    "DienstMedewerker",
    "Gebruiker",
    "Inzage",
    "Medewerker",
    "Module",
    "ModuleGoedkeuring",
    "ModuledatabankSync",
    "RijksregisterOpzoeking",
    "RijksregisterPersoon",
    "Typemodule",
    "Voorziening",
]
