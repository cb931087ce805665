import random

from registratie import demo
from registratie.schema import velden
from registratie.selectors import soorten
from registratie.services import registratie_opslaan


def registreer_volledig(dossier, gebruiker) -> None:
    """Fill in every registration form of the dossier completely, through the service."""
    rng = random.Random(1)
    organisatietype = dossier.voorziening.organisatietype
    for soort in soorten(dossier):
        values = demo.answers(soort, organisatietype, rng)
        if soort == "traject":
            values["datum_eerste_gesprek"] = dossier.aangemaakt_op.date()
        values = {k: v for k, v in values.items() if k in velden(soort, organisatietype)}
        registratie_opslaan(
            dossier_pk=dossier.pk, soort=soort, versie=0, values=values, gebruiker=gebruiker
        )
