"""Demo registrations: complete ones for closed dossiers, a mix of complete, partial and none
for open ones, so the start page shows green and red icons. Through the real service."""

import random

from binc.constants import Organisatietype
from binc.models import Gebruiker
from binc.tenancy import voorziening_context
from dossiers.constants import DossierStatus
from dossiers.models import Dossier
from registratie.constants import Lijst, Soort
from registratie.models import Antwoord
from registratie.selectors import MODELS, soorten, velden
from registratie.services import registratie_opslaan


def _answer(lijst: str, rng: random.Random) -> Antwoord:
    return rng.choice(list(Antwoord.objects.filter(lijst=lijst, actief=True)))


def answers(soort: str, organisatietype: str, rng: random.Random) -> dict:
    """A plausible, complete set of answers for one form."""
    if soort == Soort.BEGIN:
        values = {
            "niet_begeleide_minderjarige": "nee",
            "dagbesteding": _answer(Lijst.DAGBESTEDING, rng),
            "opleidingsniveau": _answer(Lijst.OPLEIDINGSNIVEAU, rng),
            "schoolachterstand": rng.choice([0, 0, 1, 2]),
            "gezinssituatie": _answer(Lijst.GEZINSSITUATIE, rng),
            "arbeidssituatie": [_answer(Lijst.ARBEIDSSITUATIE, rng)],
            "opleidingsniveau_ouders": _answer(Lijst.OPLEIDINGSNIVEAU_OUDERS, rng),
            "huisvesting": rng.choice(["positief", "negatief"]),
            "gezondheid": rng.choice(["positief", "negatief"]),
            "schuldenlast": rng.random() < 0.3,
            "thuistaal": _answer(Lijst.THUISTAAL, rng),
        }
        if organisatietype == Organisatietype.CIG:
            values["zwanger"] = False
        return values
    if soort == Soort.EINDE:
        values = {
            "gelijktijdig_aanbod": [_answer(Lijst.GELIJKTIJDIG_AANBOD, rng)],
            "samenwerking": [_answer(Lijst.SAMENWERKING, rng)],
            "doelstellingen_bereikt": rng.choice(["ja", "gedeeltelijk", "nee"]),
            "uitval": rng.random() < 0.2,
            "reden": _answer(Lijst.REDEN_EINDE, rng),
        }
        if organisatietype == Organisatietype.OOOC:
            values["eindadvies"] = _answer(Lijst.OOOC_ADVIES, rng)
        else:
            values.update(aangewezen_hulp=_answer(Lijst.AANGEWEZEN_HULP, rng), gerealiseerd="ja")
        return values
    if soort == Soort.GEZINSSITUATIE:
        return {
            "gezinssituatie": _answer(Lijst.GEZINSSITUATIE, rng),
            "aantal_kinderen": rng.randint(1, 4),
        }
    return {"datum_eerste_gesprek": None, "gemandateerde_voorziening": "geen", "eigen_kracht": "ja"}


def complete(dossier: Dossier, gebruiker: Gebruiker, rng: random.Random) -> None:
    """Fill in every form of the dossier completely (before closing it)."""
    organisatietype = dossier.voorziening.organisatietype
    for soort in soorten(dossier):
        values = answers(soort, organisatietype, rng)
        if soort == Soort.TRAJECT:
            values["datum_eerste_gesprek"] = (
                dossier.aanmelding.datum_aanmelding or dossier.aangemaakt_op.date()
            )
        instance = MODELS[soort].objects.filter(dossier=dossier).first()
        registratie_opslaan(
            dossier=dossier,
            soort=soort,
            versie=instance.versie if instance else 0,
            values={k: v for k, v in values.items() if k in velden(soort, organisatietype)},
            gebruiker=gebruiker,
        )


def seed(*, stdout) -> None:
    rng = random.Random(515)
    for dossier in Dossier.objects.filter(status=DossierStatus.OPEN).select_related(
        "voorziening", "behandelaar"
    ):
        with voorziening_context(dossier.voorziening):
            first = soorten(dossier)[0]
            if MODELS[first].objects.filter(dossier=dossier).exists():
                continue  # idempotent
            roll = rng.random()
            if roll < 0.5:
                complete(dossier, dossier.behandelaar, rng)
            elif roll < 0.75:  # partly filled in: red on the start page
                values = answers(first, dossier.voorziening.organisatietype, rng)
                partial = dict(list(values.items())[:3])
                registratie_opslaan(
                    dossier=dossier,
                    soort=first,
                    versie=0,
                    values=partial,
                    gebruiker=dossier.behandelaar,
                )
    stdout.write("Demoregistraties aangemaakt.")
