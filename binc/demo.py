"""Demo data of the core: one voorziening of every type with its medewerker, the Opgroeien
user, services with a consulent, approved modules (through the real moduledatabank sync) and
people in the local national register. Idempotent: running it again changes nothing."""

import datetime
import random

from django.contrib.auth.models import Group

from binc.constants import (
    DienstFunctie,
    Dienstsoort,
    Geslacht,
    GoedkeuringStatus,
    OpgroeienRol,
    Organisatietype,
    Provincie,
)
from binc.models import (
    Dienst,
    DienstMedewerker,
    Gebruiker,
    Medewerker,
    Module,
    RijksregisterPersoon,
    Voorziening,
)
from binc.services.moduledatabank import (
    FeedGoedkeuring,
    FeedModule,
    feed_render,
    moduledatabank_sync,
)

PASSWORD = "demo"

# Three OVBJ met verblijfsmodules, two of them in Antwerpen: the reports' comparisons with the
# organisatietype in Flanders and in the province (000 §17.2) hold more than the demo's own.
OVBJ_VERBLIJF_MODULES = [
    "VBFBJB04",
    "VBFBJB05",
    "VBFBJB02",
    "VBFBJB16",
    "VBFBJB20",
    "VBFBJB12",
    "BEGBJB01",
    "BEGBJB02",
    "BEGBJB03",
    "BEGBJB04",
    "BEGBJB05",
    "BEGBJB16",
    "DAGBJB01",
    "OBBJB01",
    "OBBJB02",
    "BEGCMP01",
    "BEGCMP02",
]
# username, naam, erkenningsnummer, type, provincie, approved module codes
VOORZIENINGEN = [
    (
        "ovbj",
        "Jeugdhulp De Linde",
        "OVB-1001",
        Organisatietype.OVBJ_VERBLIJF,
        Provincie.ANTWERPEN,
        OVBJ_VERBLIJF_MODULES,
    ),
    (
        "ovbj2",
        "Jeugdhulp De Wilg",
        "OVB-1003",
        Organisatietype.OVBJ_VERBLIJF,
        Provincie.ANTWERPEN,
        OVBJ_VERBLIJF_MODULES,
    ),
    (
        "ovbj3",
        "Jeugdhulp Het Anker",
        "OVB-1004",
        Organisatietype.OVBJ_VERBLIJF,
        Provincie.OOST_VLAANDEREN,
        OVBJ_VERBLIJF_MODULES,
    ),
    (
        "ckg",
        "CKG Het Nestje",
        "CKG-2001",
        Organisatietype.CKG,
        Provincie.OOST_VLAANDEREN,
        [
            "VBFKG01",
            "VBFKG02",
            "VBFKG05",
            "VBFKG06",
            "BEGKG01",
            "DAGKG01",
            "TRNKG01",
            "TRNKG02",
            "BEGCMP01",
        ],
    ),
    (
        "cah",
        "Crisishulp aan Huis Limburg",
        "CAH-3001",
        Organisatietype.CAH,
        Provincie.LIMBURG,
        ["BEGCAH01", "BEGCMP01", "BEGCMP02"],
    ),
    (
        "pleegzorg",
        "Pleegzorg West-Vlaanderen",
        "PLZ-4001",
        Organisatietype.PLEEGZORG,
        Provincie.WEST_VLAANDEREN,
        ["VBFINT01", "VBFINT02", "VBFINT04", "VBFINT05", "VBFINT06", "BHDINT01", "BEGINT01"],
    ),
    (
        "oooc",
        "OOOC De Wissel",
        "OOC-5001",
        Organisatietype.OOOC,
        Provincie.VLAAMS_BRABANT,
        ["VBFBJB06", "VBFBJB07", "DIAOOC01", "DIABJB01", "BEGBJB03", "VBFBJB12"],
    ),
    (
        "cig",
        "CIG Huize Kompas",
        "CIG-6001",
        Organisatietype.CIG,
        Provincie.ANTWERPEN,
        ["VBFCIG01", "BEGCIG01"],
    ),
    (
        "1g1p",
        "1 Gezin 1 Plan Regio Gent",
        "GGP-7001",
        Organisatietype.GEZIN_1G1P,
        Provincie.OOST_VLAANDEREN,
        [],
    ),
    (
        None,
        "CKG De Kangoeroe (meerdere provincies)",
        "CKG-2002",
        Organisatietype.CKG,
        Provincie.VLAAMS_BRABANT,
        ["VBFKG01", "BEGKG01", "DAGKG01"],
    ),
    (
        None,
        "Jeugdhulp Ambulant Brugge",
        "OVB-1002",
        Organisatietype.OVBJ,
        Provincie.WEST_VLAANDEREN,
        ["BEGBJB02", "BEGBJB03", "BEGBJB21", "DAGBJB01", "OBBJB01", "DIABJB01", "DIABJB02"],
    ),
]
MULTI_IN = ["OVB-1002", "CKG-2002"]

DIENSTEN = [
    ("OCJ Antwerpen", Dienstsoort.OCJ),
    ("SDJ Gent", Dienstsoort.SDJ),
    ("Campus De Zande", Dienstsoort.GI),
    ("Opgroeien – Voorzieningenbeleid", Dienstsoort.VOORZIENINGENBELEID),
]

ACHTERNAMEN = [
    "Aerts",
    "Bogaert",
    "Claes",
    "De Smet",
    "Declercq",
    "Dubois",
    "Engels",
    "Francken",
    "Goossens",
    "Hermans",
    "Iliescu",
    "Janssens",
    "Jacobs",
    "Kaya",
    "Lambrechts",
    "Maes",
    "Mertens",
    "Nijs",
    "Ooms",
    "Peeters",
    "Quintelier",
    "Renard",
    "Segers",
    "Smets",
    "Thys",
    "Uyttendaele",
    "Vermeulen",
    "Willems",
    "Wouters",
    "Yilmaz",
    "Zeghers",
    "El Amrani",
    "Van Damme",
]
VOORNAMEN = {
    Geslacht.MAN: [
        "Lucas",
        "Noah",
        "Arthur",
        "Louis",
        "Adam",
        "Mohamed",
        "Jules",
        "Finn",
        "Milan",
        "Victor",
        "Elias",
        "Rayan",
        "Stan",
        "Wout",
        "Yusuf",
    ],
    Geslacht.VROUW: [
        "Olivia",
        "Emma",
        "Marie",
        "Louise",
        "Mila",
        "Nora",
        "Lina",
        "Ella",
        "Fleur",
        "Yasmine",
        "Hanne",
        "Lotte",
        "Amira",
        "Julie",
        "Zoë",
    ],
}
GEMEENTEN = [
    ("2000", "Antwerpen"),
    ("9000", "Gent"),
    ("3500", "Hasselt"),
    ("8000", "Brugge"),
    ("3000", "Leuven"),
    ("2800", "Mechelen"),
    ("8500", "Kortrijk"),
    ("9300", "Aalst"),
]
NATIONALITEITEN = ["Belg"] * 8 + ["Marokkaan", "Turk", "Roemeen", "Syriër", "Afghaan"]


def seed(*, stdout) -> None:
    _diensten()
    _voorzieningen_en_gebruikers()
    _goedkeuringen()
    _rijksregister()
    stdout.write(
        "Demo-aanmeldingen (wachtwoord 'demo'): "
        + ", ".join(v[0] for v in VOORZIENINGEN if v[0])
        + ", multi (twee voorzieningen), opgroeien (Opgroeien), consulent (OCJ)."
    )


def _user(username: str, voornaam: str, naam: str, **extra) -> Gebruiker:
    gebruiker, created = Gebruiker.objects.get_or_create(
        username=username, defaults={"first_name": voornaam, "last_name": naam, **extra}
    )
    if created:
        gebruiker.set_password(PASSWORD)
        gebruiker.save(update_fields=["password"])
    return gebruiker


def _diensten() -> None:
    for naam, soort in DIENSTEN:
        Dienst.objects.get_or_create(naam=naam, defaults={"soort": soort})
    consulent = _user("consulent", "Sofie", "Consulent")
    DienstMedewerker.objects.get_or_create(
        gebruiker=consulent,
        dienst=Dienst.objects.get(naam="OCJ Antwerpen"),
        defaults={"functie": DienstFunctie.CONSULENT},
    )


def _voorzieningen_en_gebruikers() -> None:
    for username, naam, nummer, soort, provincie, _ in VOORZIENINGEN:
        voorziening, _ = Voorziening.objects.get_or_create(
            erkenningsnummer=nummer,
            defaults={
                "naam": naam,
                "organisatietype": soort,
                "provincie": provincie,
                "meerdere_provincies": nummer == "CKG-2002",
            },
        )
        if username:
            gebruiker = _user(username, "Demo", naam)
            Medewerker.objects.get_or_create(gebruiker=gebruiker, voorziening=voorziening)
    multi = _user("multi", "Mia", "Meervoud")
    for nummer in MULTI_IN:
        Medewerker.objects.get_or_create(
            gebruiker=multi, voorziening=Voorziening.objects.get(erkenningsnummer=nummer)
        )
    opgroeien = _user("opgroeien", "Omar", "Opgroeien", is_staff=True)
    opgroeien.groups.add(*Group.objects.filter(name__in=OpgroeienRol.values))


def _goedkeuringen() -> None:
    """Approve each demo voorziening's modules the way production does: through a feed."""
    modules = [
        FeedModule(m.code, m.naam, m.typemodule.code, m.toegang)
        for m in Module.objects.filter(actief=True).select_related("typemodule")
    ]
    start = datetime.date(2015, 1, 1)
    goedkeuringen = {
        nummer: [
            FeedGoedkeuring(code, GoedkeuringStatus.GOEDGEKEURD, start, None) for code in codes
        ]
        for _, _, nummer, _, _, codes in VOORZIENINGEN
    }
    content = feed_render(modules=modules, goedkeuringen=goedkeuringen)
    moduledatabank_sync(content=content, bestand="seed_demo")


def _rrn(geboortedatum: datetime.date, volgnummer: int, *, bis: bool = False) -> str:
    """A valid rijksregisternummer (or BIS number: month + 20) for the given birth date."""
    month = geboortedatum.month + (20 if bis else 0)
    base = f"{geboortedatum:%y}{month:02d}{geboortedatum:%d}{volgnummer:03d}"
    numerator = int(("2" if geboortedatum.year >= 2000 else "") + base)
    return f"{base}{97 - numerator % 97:02d}"


def _rijksregister() -> None:
    # A fixed seed and anchor date: the same people on every run, whatever the day.
    rng = random.Random(2026)
    anchor = datetime.date(2025, 12, 31)
    people = []
    for index in range(120):
        geslacht = Geslacht.MAN if index % 2 else Geslacht.VROUW
        age_days = rng.randint(0, 30 * 365)
        geboortedatum = anchor - datetime.timedelta(days=age_days)
        volgnummer = 2 * rng.randint(1, 498) + (1 if geslacht == Geslacht.MAN else 0)
        postcode, gemeente = rng.choice(GEMEENTEN)
        people.append(
            RijksregisterPersoon(
                rijksregisternummer=_rrn(geboortedatum, volgnummer, bis=index % 20 == 7),
                naam=ACHTERNAMEN[index % len(ACHTERNAMEN)],
                voornaam=rng.choice(VOORNAMEN[geslacht]),
                geslacht=geslacht,
                geboortedatum=geboortedatum,
                geboorteplaats=gemeente,
                nationaliteit=rng.choice(NATIONALITEITEN),
                straat=rng.choice(["Kerkstraat", "Stationsstraat", "Dorpsstraat", "Schoolstraat"]),
                huisnummer=str(rng.randint(1, 180)),
                postcode=postcode,
                gemeente=gemeente,
            )
        )
    RijksregisterPersoon.objects.bulk_create(people, ignore_conflicts=True)
