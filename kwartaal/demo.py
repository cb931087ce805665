"""Demo capacities (one change in history each) and kwartalen in every status, through the real
services. The kwartaalstaten themselves came with the demo schakelingen."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from binc.constants import Functie, Organisatietype
from binc.models import Gebruiker, Medewerker, ModuleGoedkeuring, Voorziening
from binc.tenancy import voorziening_context
from kwartaal.constants import KwartaalStatus
from kwartaal.models import Capaciteit, Kwartaalstaat, TypemoduleInzet
from kwartaal.rules import Kwartaal, telt_in_ckg_punten
from kwartaal.services.invullen import totalen_opslaan
from kwartaal.services.opgroeien import heropenen, jaar_verwerken

EERSTE_CAPACITEIT = datetime.date(2016, 1, 1)
UITBREIDING = datetime.date(2022, 1, 1)


# 000 §15: a CKG's begeleidingspunten sit on 'Gezinsbegeleiding (CKG)', the other mobile and
# ambulant rows are 0; sized to the demo's load as an erkenningsbesluit would be.
CKG_PUNTENTOTAAL = Decimal(300)


def _erkend(voorziening: Voorziening, typemodule, rng: random.Random) -> Decimal:
    if voorziening.organisatietype == Organisatietype.CKG and telt_in_ckg_punten(
        typemodule.functie, typemodule.ckg_punten or 0
    ):
        return CKG_PUNTENTOTAAL if typemodule.code == "gezinsbegeleiding-ckg" else Decimal(0)
    return Decimal(rng.randint(4, 24))


def _capaciteiten(rng: random.Random) -> None:
    if Capaciteit.objects.exists():
        return
    rijen = []
    for voorziening in Voorziening.objects.filter(actief=True):
        typemodules = {
            g.module.typemodule
            for g in ModuleGoedkeuring.objects.filter(voorziening=voorziening).select_related(
                "module__typemodule"
            )
        }
        for typemodule in sorted(typemodules, key=lambda t: t.naam):
            erkend = _erkend(voorziening, typemodule, rng)
            rijen.append(
                Capaciteit(
                    voorziening=voorziening,
                    typemodule=typemodule,
                    geldig_van=EERSTE_CAPACITEIT,
                    erkende_capaciteit=erkend,
                    verzekerd_aanbod=Decimal(1) if typemodule.functie == Functie.VERBLIJF else 0,
                )
            )
            rijen.append(
                Capaciteit(
                    voorziening=voorziening,
                    typemodule=typemodule,
                    geldig_van=UITBREIDING,
                    erkende_capaciteit=erkend + 2 if erkend else erkend,
                    innovatief_project=Decimal(1) if erkend else Decimal(0),
                    toelichting="Uitbreiding van de erkenning.",
                )
            )
    Capaciteit.objects.bulk_create(rijen)


def _invullen(staat: Kwartaalstaat, gebruiker: Gebruiker, rng: random.Random, verzend: bool):
    inzet = TypemoduleInzet.objects.filter(
        kwartaalstaat=staat,
        typemodule__benutting_is_inzet=False,
        typemodule__geen_benutting_input=False,
    )
    totalen = {i.pk: Decimal(rng.randint(0, 400)) for i in inzet}
    totalen_opslaan(
        staat_pk=staat.pk,
        versie=staat.versie,
        totalen=totalen,
        gebruiker=gebruiker,
        verzenden=verzend,
    )


def seed(*, stdout) -> None:
    rng = random.Random(1212)
    _capaciteiten(rng)
    vandaag = timezone.localdate()
    huidig = Kwartaal.van(vandaag)
    for index, voorziening in enumerate(Voorziening.objects.order_by("erkenningsnummer")):
        gebruiker = Gebruiker.objects.filter(
            pk__in=Medewerker.objects.filter(voorziening=voorziening).values("gebruiker")
        ).first()
        if gebruiker is None:
            continue
        with voorziening_context(voorziening):
            for staat in Kwartaalstaat.objects.filter(status=KwartaalStatus.OPEN).order_by(
                "jaar", "kwartaal"
            ):
                kwartaal = Kwartaal(staat.jaar, staat.kwartaal)
                if kwartaal == huidig or (kwartaal.volgende() == huidig and index % 2):
                    continue  # the current quarter, and for some the previous one, stay open
                _invullen(staat, gebruiker, rng, verzend=True)
                if kwartaal.jaar == vandaag.year and kwartaal.nummer == 2 and index % 3 == 0:
                    staat.refresh_from_db()
                    _invullen(staat, gebruiker, rng, verzend=False)  # changed: te verzenden
    opgroeien = Gebruiker.objects.filter(username="opgroeien").first()
    # Opgroeien processes the previous year each April (000 §12.2), and reopened one kwartaal.
    verwerkt = Kwartaalstaat.objects.filter(
        status__in=[KwartaalStatus.VERWERKT, KwartaalStatus.HEROPEND], jaar=vandaag.year - 1
    )
    if opgroeien is not None and vandaag.month >= 4 and not verwerkt.exists():
        jaar_verwerken(jaar=vandaag.year - 1, gebruiker=opgroeien)
        eerste = Kwartaalstaat.objects.filter(jaar=vandaag.year - 1).order_by("pk").first()
        if eerste is not None:
            heropenen(staat_pk=eerste.pk, gebruiker=opgroeien)
    stdout.write("Demokwartalen en capaciteiten aangemaakt.")
