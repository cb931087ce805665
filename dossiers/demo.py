"""Demo dossiers: 30 per voorziening (open, closed within the year, closed earlier), for
clients from the local national register, with their aanmelding, beslissingen and
schakelingen. Created through the same services the screens use."""

import datetime
import random

from django.core.exceptions import ValidationError
from django.utils import timezone

from binc.constants import Organisatietype, Provincie
from binc.models import Gebruiker, Medewerker, RijksregisterPersoon, Voorziening
from binc.rijksregister import LokaalRijksregister
from binc.selectors import modules_approved_on
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
from dossiers.models import Client, Dossier, HeropenAanvraag
from dossiers.services.afsluiten import (
    dossier_afsluiten,
    dossier_heropenen,
    heropenen_direct,
    heropenen_mogelijk,
)
from dossiers.services.clients import client_create, leeftijd
from dossiers.services.dossiers import dossier_create
from dossiers.services.zorg import ModuleKeuze, SchakelingInvoer, beslissing_create, schakeling_add
from kwartaal.models import VerwerktJaar
from registratie import demo as registratie_demo

PER_VOORZIENING = 30


def seed(*, stdout) -> None:
    # Opgroeien processes the previous year's kwartalen every April (000 §12.2).
    for jaar in range(2015, timezone.localdate().year - 1):
        VerwerktJaar.objects.get_or_create(jaar=jaar)
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
                # Open dossiers are in care; a quarter closed within the year, a few long ago.
                if index % 4 == 1:
                    _care(dossier, medewerker, rng, ended_days_ago=rng.randint(10, 300))
                elif index % 10 == 3:
                    _care(dossier, medewerker, rng, ended_days_ago=rng.randint(400, 700))
                elif index % 5 != 4:
                    _care(dossier, medewerker, rng, ended_days_ago=None)
        if voorziening.organisatietype != Organisatietype.GEZIN_1G1P:
            _reopen_request(voorziening, medewerker)
        stdout.write(f"Demodossiers voor {voorziening.naam} aangemaakt.")


def _care(
    dossier: Dossier, gebruiker: Gebruiker, rng: random.Random, *, ended_days_ago: int | None
) -> None:
    """A beslissing with a Start hulpaanbod (and for a closed dossier its end and closing)."""
    today = timezone.localdate()
    if dossier.voorziening.organisatietype == Organisatietype.GEZIN_1G1P:
        # No beslissingen or schakelingen (001): closing needs only the registration.
        if ended_days_ago:
            _close(dossier, gebruiker, rng, today - datetime.timedelta(days=ended_days_ago))
        return
    einde = today - datetime.timedelta(days=ended_days_ago) if ended_days_ago else None
    begin = (einde or today) - datetime.timedelta(days=rng.randint(20, 200))
    # Never in a processed year; a long-closed dossier then gets a short schakeling.
    begin = max(begin, datetime.date(today.year - 1, 1, 2))
    if einde is not None and einde < begin:
        einde = begin + datetime.timedelta(days=10)
    modules = list(modules_approved_on(voorziening=dossier.voorziening, datum=begin)[:3])
    if not modules:
        return
    module = rng.choice(modules)
    beslissing = beslissing_create(
        dossier_pk=dossier.pk,
        gebruiker=gebruiker,
        modules=[module],
        begindatum=begin,
        verwijzingsgrond=rng.choice(["vrijwillig", "vrijwillig", "gerechtelijk"]),
        gemandateerde_voorziening="geen",
    )
    invoer = SchakelingInvoer(begindatum=begin, einddatum=einde, modules=[_keuze(module)])
    try:
        schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=beslissing.pk,
            invoer=invoer,
            gebruiker=gebruiker,
            bevestigd=True,
        )
    except ValidationError:
        return  # a module asking for detail the demo does not fill (e.g. pleegzorgers)
    if einde is not None:
        _close(dossier, gebruiker, rng, einde)


def _close(
    dossier: Dossier, gebruiker: Gebruiker, rng: random.Random, datum: datetime.date
) -> None:
    """Register completely, close, and backdate the closing so some closed long ago."""
    registratie_demo.complete(dossier, gebruiker, rng)
    if dossier_afsluiten(dossier_pk=dossier.pk, gebruiker=gebruiker, bevestigd=True) is None:
        Dossier.objects.filter(pk=dossier.pk).update(afgesloten_op=datum)


def _keuze(module) -> ModuleKeuze:
    typemodule = module.typemodule.code
    return ModuleKeuze(
        module=module,
        behandeling_gericht_op=["pleegkind"] if typemodule == "behandelpleegzorg" else [],
        overbruggingszorg=False if module.code == "VBFINT01" else None,
        ob_vorm="ontheming" if typemodule == "ondersteunende-begeleiding" else "",
    )


def _reopen_request(voorziening: Voorziening, gebruiker: Gebruiker) -> None:
    """One request for the Opgroeien dossierbehandelaar's work list."""
    if HeropenAanvraag.objects.exists():
        return
    closed = (
        Dossier.objects.filter(
            status=DossierStatus.AFGESLOTEN, laatste_schakeling_einddatum__isnull=False
        )
        .order_by("laatste_schakeling_einddatum")
        .first()
    )
    if closed and not heropenen_direct(closed) and heropenen_mogelijk(closed):
        dossier_heropenen(dossier_pk=closed.pk, gebruiker=gebruiker)


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
