"""Demo dossiers: 30 per voorziening (open, closed within the year, closed earlier), for
clients from the local national register, with their aanmelding filled in. Created through
the same services the screens use."""

import datetime
import random

from django.utils import timezone

from binc.constants import Organisatietype, Provincie
from binc.models import Gebruiker, Medewerker, RijksregisterPersoon, Voorziening
from binc.rijksregister import LokaalRijksregister
from binc.tenancy import voorziening_context
from dossiers.constants import (
    Aanmelder,
    DossierStatus,
    Hulpfunctie,
    NietBegeleid,
    Omgangstaal,
    Pleegzorgdoelgroep,
    SoortPleegzorg,
    SpecifiekeAanmelding,
)
from dossiers.models import Client, Dossier
from dossiers.services.clients import client_create, leeftijd
from dossiers.services.dossiers import dossier_create

PER_VOORZIENING = 30


def seed(*, stdout) -> None:
    rng = random.Random(4242)
    register = LokaalRijksregister()
    people = list(RijksregisterPersoon.objects.order_by("rijksregisternummer"))
    today = timezone.localdate()
    for voorziening in Voorziening.objects.filter(actief=True).order_by("erkenningsnummer"):
        medewerker = (
            Gebruiker.objects.filter(
                pk__in=Medewerker.objects.filter(voorziening=voorziening).values("gebruiker")
            )
            .order_by("username")
            .first()
        )
        if medewerker is None:
            continue
        with voorziening_context(voorziening):
            existing = Dossier.objects.count()
            if existing >= PER_VOORZIENING:
                continue
            candidates = [
                p for p in people
                if voorziening.organisatietype == Organisatietype.PLEEGZORG
                or leeftijd(p.geboortedatum, today) <= 25
            ]  # fmt: skip
            rng.shuffle(candidates)
            for index, persoon in enumerate(candidates[existing:PER_VOORZIENING]):
                client = Client.objects.filter(
                    rijksregisternummer=persoon.rijksregisternummer
                ).first()
                if client is None:
                    client = client_create(
                        voorziening=voorziening,
                        gebruiker=medewerker,
                        persoon=register.zoek_op_nummer(persoon.rijksregisternummer)[0],
                        niet_begeleide_minderjarige=NietBegeleid.NEE,
                        land_van_origine="België"
                        if persoon.nationaliteit == "Belg"
                        else persoon.nationaliteit,
                        omgangstaal=Omgangstaal.NEDERLANDS,
                    )
                dossier = dossier_create(
                    voorziening=voorziening, gebruiker=medewerker, client=client,
                    aanmelding=_aanmelding(voorziening, rng, index),
                )  # fmt: skip
                # A quarter closed within the year, a few closed long ago (closing itself comes
                # with the beslissingen; the demo sets the outcome directly).
                if index % 4 == 1:
                    _close(dossier, today - datetime.timedelta(days=rng.randint(10, 300)))
                elif index % 10 == 3:
                    _close(dossier, today - datetime.timedelta(days=rng.randint(400, 900)))
        stdout.write(f"Demodossiers voor {voorziening.naam} aangemaakt.")


def _close(dossier: Dossier, datum: datetime.date) -> None:
    Dossier.objects.filter(pk=dossier.pk).update(
        status=DossierStatus.AFGESLOTEN, afgesloten_op=datum
    )


def _aanmelding(voorziening: Voorziening, rng: random.Random, index: int) -> dict:
    soort = voorziening.organisatietype
    referentie = (
        f"{rng.choice(['Leefgroep A', 'Leefgroep B', 'Ambulant', 'Thuisbegeleiding'])}-{index:03d}"
    )
    if soort == Organisatietype.GEZIN_1G1P:
        wacht = index % 3 == 0
        return {
            "uw_referentie": referentie,
            "datum_aanmelding": timezone.localdate() - datetime.timedelta(days=rng.randint(5, 600)),
            "aanmelder": rng.choice(
                [Aanmelder.CLB, Aanmelder.KIND_EN_GEZIN, Aanmelder.CAW, Aanmelder.CLIENT]
            ),
            "wachtlijst": wacht,
            "wachtlijst_functies": [Hulpfunctie.BEGELEIDING, Hulpfunctie.DIAGNOSTIEK]
            if wacht
            else [],
        }
    data = {"uw_referentie": referentie, "uitstroom_gi": index % 9 == 0}
    if soort != Organisatietype.CAH:
        via = index % 2 == 0
        data["via_toegangspoort"] = via
        if not via:
            data["aanmelder"] = rng.choice(
                [
                    Aanmelder.CAW,
                    Aanmelder.CLB,
                    Aanmelder.JEUGDRECHTBANK,
                    Aanmelder.CLIENT,
                    Aanmelder.VK,
                ]
            )
    if soort in {Organisatietype.OVBJ, Organisatietype.OVBJ_VERBLIJF} and index % 7 == 5:
        data["specifieke_aanmelding"] = SpecifiekeAanmelding.TIME_OUT
    if soort == Organisatietype.PLEEGZORG:
        data["soort_pleegzorg"] = rng.choice(SoortPleegzorg.values)
        data["pleegzorgdoelgroep"] = (
            Pleegzorgdoelgroep.VOLWASSENPLEEGZORG
            if index % 6 == 0
            else Pleegzorgdoelgroep.JEUGDHULP
        )
    if soort == Organisatietype.CKG and voorziening.meerdere_provincies:
        data["provincie"] = rng.choice(Provincie.values)
    return data
