"""Demo kwartalen in every status, through the real services: each filled with what a
voorziening of its capacity would register (a benuttingsgraad of 60 to 95 %), some sent, some
changed after sending, and Opgroeien's processing of the previous year. The capacities came
with kwartaal's demo, the kwartaalstaten with the demo schakelingen."""

import dataclasses
import random
from decimal import Decimal
from fractions import Fraction

from django.utils import timezone

from bezetting.engine.benutting import benutting
from bezetting.engine.bezetting import kwartaal_grenzen
from bezetting.selectors import gegevens_voor
from binc.models import Gebruiker, Medewerker, Voorziening
from binc.tenancy import voorziening_context
from kwartaal.constants import KwartaalStatus
from kwartaal.models import Kwartaalstaat, TypemoduleInzet
from kwartaal.rules import Kwartaal
from kwartaal.services.invullen import totalen_opslaan
from kwartaal.services.opgroeien import heropenen, jaar_verwerken


def _totalen(staat: Kwartaalstaat, rng: random.Random) -> dict[int, Decimal | None]:
    """Per row the total that brings its benuttingsgraad to a plausible figure: the engine's own
    denominator for the quarter, less what it counts without input (OB's reserved places)."""
    inzet = list(
        TypemoduleInzet.objects.filter(
            kwartaalstaat=staat,
            typemodule__benutting_is_inzet=False,
            typemodule__geen_benutting_input=False,
        ).select_related("typemodule")
    )
    gegevens = gegevens_voor(staat.voorziening, *kwartaal_grenzen(staat.jaar, staat.kwartaal))
    leeg = dataclasses.replace(gegevens, kwartaal=[])
    codes = [i.typemodule.code for i in inzet]
    ratios = benutting(leeg, [(staat.jaar, staat.kwartaal)], codes).typemodules
    # The verblijf typemodules share one denominator: each fills its part of it.
    gedeeld = sum(i.typemodule.in_verblijfscapaciteit for i in inzet) or 1
    totalen: dict[int, Decimal | None] = {}
    for i in inzet:
        ratio = ratios[i.typemodule.code]
        doel = ratio.noemer * Fraction(rng.randint(60, 95), 100) - ratio.teller
        if i.typemodule.in_verblijfscapaciteit:
            doel /= gedeeld
        totalen[i.pk] = Decimal(max(0, round(doel)))
    return totalen


def _invullen(staat: Kwartaalstaat, gebruiker: Gebruiker, rng: random.Random, verzend: bool):
    totalen_opslaan(
        staat_pk=staat.pk,
        versie=staat.versie,
        totalen=_totalen(staat, rng),
        gebruiker=gebruiker,
        verzenden=verzend,
    )


def seed(*, stdout) -> None:
    rng = random.Random(1212)
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
    stdout.write("Demokwartalen ingevuld en verwerkt.")
