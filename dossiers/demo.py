"""Demo dossiers: 30 per voorziening (open, closed within the year, closed earlier), for
clients from the local national register, with their aanmelding, beslissingen and
schakelingen. Created through the same services the screens use."""

import datetime
import random

from django.core.exceptions import ValidationError
from django.utils import timezone

from binc.constants import Detailvraag, Organisatietype, Provincie
from binc.models import Gebruiker, Medewerker, RijksregisterPersoon, Voorziening
from binc.rijksregister import LokaalRijksregister
from binc.selectors import modules_approved_on
from binc.tenancy import voorziening_context
from dossiers.constants import (
    Aanmelder,
    GemandateerdeVoorziening,
    Hulpfunctie,
    NietBegeleid,
    Omgangstaal,
    Pleegzorgdoelgroep,
    SoortPleegzorg,
    SpecifiekeAanmelding,
)
from dossiers.models import Client, Dossier, VerwerktJaar
from dossiers.rules import ModuleKeuze, SchakelingInvoer
from dossiers.services.beslissingen import beslissing_create
from dossiers.services.clients import client_create
from dossiers.services.dossiers import dossier_create
from dossiers.services.schakelingen import schakeling_add
from lib.dates import leeftijd

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
                p
                for p in people
                if voorziening.is_pleegzorg or leeftijd(p.geboortedatum, today) <= 25
            ]
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
                    voorziening=voorziening,
                    gebruiker=medewerker,
                    client=client,
                    aanmelding=_aanmelding(voorziening, rng, index),
                )
                # Open dossiers are in care; a quarter closed within the year, a few long ago.
                if index % 4 == 1:
                    _care(dossier, medewerker, rng, ended_days_ago=rng.randint(10, 300))
                elif index % 10 == 3:
                    _care(dossier, medewerker, rng, ended_days_ago=rng.randint(400, 700))
                elif index % 5 != 4:
                    _care(dossier, medewerker, rng, ended_days_ago=None)
        stdout.write(f"Demodossiers voor {voorziening.naam} aangemaakt.")


def _care(
    dossier: Dossier, gebruiker: Gebruiker, rng: random.Random, *, ended_days_ago: int | None
) -> None:
    """A beslissing with a Start hulpaanbod, ended for the dossiers the registration demo then
    registers completely and closes."""
    today = timezone.localdate()
    if dossier.voorziening.is_1g1p:
        return  # no beslissingen or schakelingen (001)
    einde = today - datetime.timedelta(days=ended_days_ago) if ended_days_ago else None
    begin = (einde or today) - datetime.timedelta(days=rng.randint(20, 200))
    # Never in a processed year, nor before the child's birth; a long-closed dossier then gets
    # a short schakeling.
    geboren = dossier.client.geboortedatum
    if geboren is not None and (einde or today) <= geboren:
        return
    begin = max(begin, datetime.date(today.year - 1, 1, 2), geboren or begin)
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
        gemandateerde_voorziening=GemandateerdeVoorziening.GEEN,
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


def _keuze(module) -> ModuleKeuze:
    vraag = module.typemodule.detailvraag
    return ModuleKeuze(
        module=module,
        behandeling_gericht_op=["pleegkind"] if vraag == Detailvraag.BEHANDELING_GERICHT_OP else [],
        overbruggingszorg=False if module.vraagt_overbruggingszorg else None,
        ob_vorm="ontheming" if vraag == Detailvraag.OB_VORM else "",
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
