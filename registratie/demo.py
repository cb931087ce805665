"""Demo registrations: complete ones for closed dossiers, a mix of complete, partial and none
for open ones, so the start page shows green and red icons. Through the real service."""

import datetime
import random

from django.utils import timezone

from binc.constants import Organisatietype
from binc.models import Gebruiker, Voorziening
from binc.tenancy import voorziening_context
from dossiers.constants import DossierStatus
from dossiers.models import Dossier
from dossiers.services.afsluiten import (
    dossier_afsluiten,
    dossier_heropenen,
    heropenen_direct,
    heropenen_mogelijk,
)
from registratie.constants import Lijst, Soort
from registratie.models import Antwoord
from registratie.schema import velden
from registratie.selectors import MODELS, soorten
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
            dossier_pk=dossier.pk,
            soort=soort,
            versie=instance.versie if instance else 0,
            values={k: v for k, v in values.items() if k in velden(soort, organisatietype)},
            gebruiker=gebruiker,
        )


def _close_ended(rng: random.Random) -> None:
    """Dossiers whose care has ended are registered completely and closed, on the day their
    last schakeling ended; for 1G1P (no schakelingen) a quarter of them, some long ago. Then
    one reopen request per voorziening for the Opgroeien dossierbehandelaar's work list."""
    today = timezone.localdate()
    for voorziening in Voorziening.objects.filter(actief=True).order_by("erkenningsnummer"):
        with voorziening_context(voorziening):
            if Dossier.objects.filter(status=DossierStatus.AFGESLOTEN).exists():
                continue  # idempotent
            een_gezin = voorziening.is_1g1p
            for index, dossier in enumerate(
                Dossier.objects.filter(status=DossierStatus.OPEN)
                .select_related("voorziening", "behandelaar", "client")
                .order_by("code")
            ):
                if een_gezin:
                    if index % 4 != 1:
                        continue
                    datum = today - datetime.timedelta(days=rng.choice([30, 200, 500]))
                elif dossier.laatste_schakeling_einddatum is None:
                    continue
                else:
                    datum = dossier.laatste_schakeling_einddatum
                complete(dossier, dossier.behandelaar, rng)
                resultaat = dossier_afsluiten(
                    dossier_pk=dossier.pk, gebruiker=dossier.behandelaar, bevestigd=True
                )
                if resultaat.afgesloten:
                    # Backdated, so some dossiers closed long ago.
                    Dossier.objects.filter(pk=dossier.pk).update(afgesloten_op=datum)
            if not een_gezin:
                _reopen_request()


def _reopen_request() -> None:
    closed = (
        Dossier.objects.filter(
            status=DossierStatus.AFGESLOTEN, laatste_schakeling_einddatum__isnull=False
        )
        .select_related("voorziening", "behandelaar")
        .order_by("laatste_schakeling_einddatum")
        .first()
    )
    if closed and not heropenen_direct(closed) and heropenen_mogelijk(closed):
        dossier_heropenen(dossier_pk=closed.pk, gebruiker=closed.behandelaar)


def seed(*, stdout) -> None:
    rng = random.Random(515)
    _close_ended(rng)
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
                    dossier_pk=dossier.pk,
                    soort=first,
                    versie=0,
                    values=partial,
                    gebruiker=dossier.behandelaar,
                )
    stdout.write("Demoregistraties aangemaakt.")
