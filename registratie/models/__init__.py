from registratie.models.basis import Antwoord, Geopend, Registratie
from registratie.models.begin_einde import Beginregistratie, Eindregistratie
from registratie.models.een_gezin import Gezinssituatie, Trajectinformatie

__all__ = [
    "Antwoord",
    "Beginregistratie",
    "Eindregistratie",
    "Geopend",
    "Gezinssituatie",
    "Registratie",
    "Trajectinformatie",
]
