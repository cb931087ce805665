"""Identifying clients through the national register (000 §3, 001 §4) and keeping their
shared identification and context."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from binc.constants import LEEFTIJDSGRENS_OPZOEKING, Zoekwijze
from binc.models import Gebruiker, RijksregisterOpzoeking, Voorziening
from binc.rijksregister import (
    LokaalRijksregister,
    Persoon,
    Rijksregister,
    RijksregisterUnavailable,
    get_rijksregister,
)
from binc.services.activiteiten import activiteit_log
from dossiers.constants import ONGEBOREN_KIND, ONGEBOREN_TYPES, DossierStatus
from dossiers.models import Client, ClientToegang, ContextPersoon, Dossier
from lib.concurrency import Conflict, save_versioned
from lib.dates import geboortedatum_fout, leeftijd

REGISTER_FIELDS = [
    "rijksregisternummer",
    "naam",
    "voornaam",
    "geslacht",
    "geboortedatum",
    "geboorteplaats",
    "nationaliteit",
    "straat",
    "huisnummer",
    "postcode",
    "gemeente",
]
EXTRA_FIELDS = ["niet_begeleide_minderjarige", "land_van_origine", "omgangstaal"]


@dataclass
class Zoekresultaat:
    personen: list[Persoon]
    gekend: set[str] = field(default_factory=set)
    aantal_geweigerd: int = 0


def rijksregister_testpersonen() -> list[Persoon]:
    """In the demo only (development on the stand-in register): a few people it knows, under
    the age limit, so a new user has someone to look up."""
    register = get_rijksregister()
    if not settings.DEBUG or not isinstance(register, LokaalRijksregister):
        return []
    vandaag = timezone.localdate()
    grens = vandaag.replace(year=vandaag.year - LEEFTIJDSGRENS_OPZOEKING)
    return register.testpersonen(aantal=6, geboren_na=grens)


def rijksregister_zoeken(
    *,
    gebruiker: Gebruiker,
    voorziening: Voorziening,
    nummer: str = "",
    naam: str = "",
    geslacht: str = "",
    geboortedatum: datetime.date | None = None,
    geboortejaar: int | None = None,
    register: Rijksregister | None = None,
) -> Zoekresultaat:
    """Look a person up and log the lookup, whatever its outcome (001 §1).

    Numbers must already be valid (the form checks them with python-stdnum): a bad number is
    never sent. People aged 25 or more are withheld, except for pleegzorg services (000 §3.1).
    """
    register = register or get_rijksregister()
    # By number, or else by the data with a birth date or year.
    geboorte = None if nummer else (geboortedatum or geboortejaar)
    if nummer:
        zoekwijze, criteria = Zoekwijze.NUMMER, {"nummer": nummer}
    else:
        if geboorte is None:  # the form requires one
            raise ValueError("Zoeken op gegevens vraagt een geboortedatum of geboortejaar.")
        zoekwijze = Zoekwijze.GEGEVENS
        criteria = {"naam": naam, "geslacht": geslacht}
        if geboortedatum is not None:
            criteria["geboortedatum"] = geboortedatum.isoformat()
        else:
            criteria["geboortejaar"] = str(geboortejaar)
    try:
        if geboorte is None:
            found = register.zoek_op_nummer(nummer)
        else:
            found = register.zoek_op_gegevens(naam=naam, geslacht=geslacht, geboorte=geboorte)
    except RijksregisterUnavailable as fout:
        # A lookup that failed was still asked: it is logged like any other (001 §1).
        RijksregisterOpzoeking.objects.create(
            gebruiker=gebruiker,
            voorziening=voorziening,
            zoekwijze=zoekwijze,
            criteria=criteria,
            aantal_resultaten=0,
            fout=str(fout)[:300] or fout.__class__.__name__,
        )
        raise
    today = timezone.localdate()
    unlimited = voorziening.is_pleegzorg
    shown = [
        p for p in found if unlimited or leeftijd(p.geboortedatum, today) < LEEFTIJDSGRENS_OPZOEKING
    ]
    RijksregisterOpzoeking.objects.create(
        gebruiker=gebruiker,
        voorziening=voorziening,
        zoekwijze=zoekwijze,
        criteria=criteria,
        aantal_resultaten=len(shown),
        aantal_geweigerd=len(found) - len(shown),
    )
    known = Client.objects.filter(rijksregisternummer__in=[p.rijksregisternummer for p in shown])
    return Zoekresultaat(
        personen=shown,
        gekend={nummer for nummer in known.values_list("rijksregisternummer", flat=True) if nummer},
        aantal_geweigerd=len(found) - len(shown),
    )


def client_toegang_ensure(*, client: Client, voorziening: Voorziening) -> None:
    ClientToegang.objects.get_or_create(client=client, voorziening=voorziening)


def client_known_get(*, rijksregisternummer: str, voorziening: Voorziening) -> Client | None:
    """Client already known in DoMinO: reuse its identification (000 §3.1) and give this
    voorziening access to it."""
    client = Client.objects.filter(rijksregisternummer=rijksregisternummer).first()
    if client is not None:
        client_toegang_ensure(client=client, voorziening=voorziening)
    return client


@transaction.atomic
def client_create(
    *, voorziening: Voorziening, gebruiker: Gebruiker, persoon: Persoon, **extra: str
) -> Client:
    """A client identified in the register, completed with the mandatory extra fields."""
    try:
        with transaction.atomic():
            client = Client.objects.create(
                **{name: getattr(persoon, name) for name in REGISTER_FIELDS},
                **{name: extra[name] for name in EXTRA_FIELDS},
            )
    except IntegrityError:
        # Someone identified the same person meanwhile: reuse that identification.
        client = Client.objects.get(rijksregisternummer=persoon.rijksregisternummer)
    client_toegang_ensure(client=client, voorziening=voorziening)
    activiteit_log(
        voorziening=voorziening,
        gebruiker=gebruiker,
        actie="client_aangemaakt",
        omschrijving=f"Cliënt {client} geïdentificeerd",
        obj=client,
    )
    return client


@transaction.atomic
def client_ongeboren_create(
    *, voorziening: Voorziening, gebruiker: Gebruiker, naam: str, voornaam: str, **extra: str
) -> Client:
    """000 §3.2: CIG, CKG and 1G1P register an unborn child under the mother's name."""
    if voorziening.organisatietype not in ONGEBOREN_TYPES:
        raise ValidationError("Enkel CIG, CKG en 1G1P kunnen een ongeboren kind registreren.")
    if ONGEBOREN_KIND not in voornaam:
        voornaam = f"{voornaam.strip()} {ONGEBOREN_KIND}"
    client = Client.objects.create(
        ongeboren=True,
        naam=naam.strip(),
        voornaam=voornaam,
        geslacht="X",
        **{name: extra[name] for name in EXTRA_FIELDS},
    )
    client_toegang_ensure(client=client, voorziening=voorziening)
    activiteit_log(
        voorziening=voorziening,
        gebruiker=gebruiker,
        actie="client_aangemaakt",
        omschrijving=f"Ongeboren kind {client} manueel geregistreerd",
        obj=client,
    )
    return client


def client_update(
    *, client: Client, versie: int, voorziening: Voorziening, gebruiker: Gebruiker, **values
) -> None:
    """Change the fields Binc owns (register fields come from the register)."""
    allowed = set(EXTRA_FIELDS) | ({"naam", "voornaam"} if client.ongeboren else set())
    for name, value in values.items():
        if name not in allowed:
            raise ValueError(f"{name} is not editable")
        setattr(client, name, value)
    with transaction.atomic():
        save_versioned(client, versie=versie, fields=[*values, "gewijzigd_op"])
        activiteit_log(
            voorziening=voorziening,
            gebruiker=gebruiker,
            actie="client_gewijzigd",
            omschrijving=f"Cliëntgegevens van {client} gewijzigd",
            obj=client,
        )


def client_koppelen(
    *,
    client: Client,
    versie: int,
    nummer: str,
    voorziening: Voorziening,
    gebruiker: Gebruiker,
    register: Rijksregister | None = None,
) -> Client:
    """'Wijzigen via rijksregisternummer' (000 §3.2): give an unborn child its identity, as the
    national register knows it. Not atomic on purpose: the lookup stays logged even when the
    linking itself is refused.

    If DoMinO already knows that person, the unborn record is merged into it (dossiers,
    context and access move over) instead of creating a duplicate.
    """
    found = rijksregister_zoeken(
        gebruiker=gebruiker, voorziening=voorziening, nummer=nummer, register=register
    ).personen
    if not found:
        raise ValidationError({"nummer": ["Dit nummer werd niet gevonden in het rijksregister."]})
    return _koppelen(
        client=client,
        versie=versie,
        persoon=found[0],
        voorziening=voorziening,
        gebruiker=gebruiker,
    )


@transaction.atomic
def _koppelen(
    *, client: Client, versie: int, persoon: Persoon, voorziening: Voorziening, gebruiker: Gebruiker
) -> Client:
    client = Client.objects.select_for_update().get(pk=client.pk)
    if not client.ongeboren:
        raise ValidationError("Deze cliënt is al gekoppeld aan een rijksregisternummer.")
    if client.versie != versie:
        raise Conflict()
    existing = (
        Client.objects.select_for_update()
        .filter(rijksregisternummer=persoon.rijksregisternummer)
        .first()
    )
    if existing is None:
        for name in REGISTER_FIELDS:
            setattr(client, name, getattr(persoon, name))
        client.ongeboren = False
        save_versioned(
            client, versie=versie, fields=[*REGISTER_FIELDS, "ongeboren", "gewijzigd_op"]
        )
        target = client
    else:
        # Merging reaches every voorziening that knows either record: a clash anywhere blocks
        # it, and every dossier and access moves to the identified client.
        open_here = Dossier.alle.filter(status=DossierStatus.OPEN)
        clash = (
            open_here.filter(client=client)
            .values("voorziening")
            .intersection(open_here.filter(client=existing).values("voorziening"))
        )
        if clash.exists():
            raise ValidationError(
                "Deze persoon heeft al een open dossier in een voorziening waar ook het ongeboren "
                "kind een open dossier heeft. Sluit eerst één van beide dossiers af."
            )
        Dossier.alle.filter(client=client).update(client=existing)
        ContextPersoon.objects.filter(client=client).update(client=existing)
        for toegang in ClientToegang.alle.filter(client=client):
            ClientToegang.alle.get_or_create(client=existing, voorziening_id=toegang.voorziening_id)
        client.delete()
        target = existing
    client_toegang_ensure(client=target, voorziening=voorziening)
    activiteit_log(
        voorziening=voorziening,
        gebruiker=gebruiker,
        actie="client_gekoppeld",
        omschrijving=f"Ongeboren kind gekoppeld aan rijksregisternummer ({target})",
        obj=target,
    )
    return target


def context_persoon_add(
    *, client: Client, voorziening: Voorziening, gebruiker: Gebruiker, **values
) -> ContextPersoon:
    geboren = values.get("geboortedatum")
    if geboren and (fout := geboortedatum_fout(geboren, vandaag=timezone.localdate())):
        raise ValidationError({"geboortedatum": [fout]})
    with transaction.atomic():
        persoon = ContextPersoon.objects.create(client=client, toegevoegd_door=gebruiker, **values)
        activiteit_log(
            voorziening=voorziening,
            gebruiker=gebruiker,
            actie="context_toegevoegd",
            omschrijving=f"{persoon} toegevoegd aan de context van {client}",
            obj=persoon,
        )
    return persoon


def context_persoon_remove(
    *, persoon: ContextPersoon, voorziening: Voorziening, gebruiker: Gebruiker, bevestigd: bool
) -> None:
    """Others may rely on the shared context (000 §3.3.2): removing a person someone else
    added needs an explicit confirmation, and every removal is logged."""
    if persoon.toegevoegd_door_id != gebruiker.pk and not bevestigd:
        raise ValidationError(
            "Deze persoon werd door iemand anders toegevoegd. Bevestig dat je hem of haar wil "
            "verwijderen uit de gedeelde cliëntcontext."
        )
    with transaction.atomic():
        activiteit_log(
            voorziening=voorziening,
            gebruiker=gebruiker,
            actie="context_verwijderd",
            omschrijving=f"{persoon} verwijderd uit de context van {persoon.client}",
            obj=persoon,
            gegevens={
                "toegevoegd_door": persoon.toegevoegd_door_id,
                "naam": persoon.naam,
                "voornaam": persoon.voornaam,
                "relatie": persoon.relatie,
            },
        )
        persoon.delete()
