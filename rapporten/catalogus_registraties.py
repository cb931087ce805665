"""The reports of 000 §17 built on the begin- and eindregistratie (000 §5): each counts only
dossiers whose form was opened at least once (000 §17.2)."""

from collections.abc import Callable

from django.db.models import Q

from binc.constants import Geslacht
from dossiers.constants import NietBegeleid, SoortPleegzorg
from rapporten.constants import Rapportsoort
from rapporten.tellingen import Categorieen, Rapport, Telling
from registratie.constants import Gerealiseerd, Lijst, PositiefNegatief, Soort
from registratie.models import Antwoord


def _lijst(lijst: str, *, filter: Q | None = None) -> Callable[[], Categorieen]:
    """The values of an answer list in their order, retired ones included (old dossiers)."""
    return lambda: tuple(
        (a.label, a.label)
        for a in Antwoord.objects.filter(filter or Q(), lijst=lijst).order_by("volgorde")
    )


JA_NEE: Categorieen = ((True, "Ja"), (False, "Nee"))


def _begin(titel: str, veld: str, categorieen=(), **extra) -> Telling:
    return Telling(
        titel,
        ("opgestart",),
        veld=f"beginregistratie__{veld}",
        categorieen=categorieen,
        geopend=Soort.BEGIN,
        **extra,
    )


BEGINREGISTRATIE = Rapport(
    Rapportsoort.BEGINREGISTRATIE,
    (
        _begin("Dagbesteding", "dagbesteding__label", _lijst(Lijst.DAGBESTEDING)),
        _begin("Opleidingsniveau", "opleidingsniveau__label", _lijst(Lijst.OPLEIDINGSNIVEAU)),
        _begin(
            "Schoolachterstand",
            "schoolachterstand",
            tuple((jaren, f"{jaren} jaar") for jaren in range(16)),
        ),
        _begin("Zwanger bij opname", "zwanger", JA_NEE),
        Telling(
            "Niet begeleide minderjarigen per geslacht",
            ("opgestart",),
            veld="client__geslacht",
            categorieen=tuple(Geslacht.choices),
            uniek=True,
            filter=Q(
                beginregistratie__niet_begeleide_minderjarige__in=[
                    NietBegeleid.NBMV,
                    NietBegeleid.NBEM,
                ]
            ),
            geopend=Soort.BEGIN,
        ),
    ),
)

GEZINSSITUATIE = Rapport(
    Rapportsoort.GEZINSSITUATIE,
    (
        _begin("Gezinssituatie", "gezinssituatie__label", _lijst(Lijst.GEZINSSITUATIE)),
        _begin(
            "Adoptiegezin en gezinssituatie",
            "gezinssituatie__label",
            _lijst(Lijst.GEZINSSITUATIE),
            filter=Q(beginregistratie__adoptiegezin=True),
        ),
        _begin(
            "Pleeggezin en gezinssituatie",
            "gezinssituatie__label",
            _lijst(Lijst.GEZINSSITUATIE),
            filter=Q(beginregistratie__pleeggezin=True),
        ),
        Telling(
            "Pleegzorg",
            ("opgestart",),
            veld="aanmelding__soort_pleegzorg",
            categorieen=tuple(SoortPleegzorg.choices),
            uitleg="Enkel van toepassing voor pleegzorgdiensten.",
        ),
        _begin("Arbeidssituatie", "arbeidssituatie__label", _lijst(Lijst.ARBEIDSSITUATIE)),
        _begin(
            "Opleidingsniveau ouders",
            "opleidingsniveau_ouders__label",
            _lijst(Lijst.OPLEIDINGSNIVEAU_OUDERS),
        ),
        _begin("Huisvesting", "huisvesting", tuple(PositiefNegatief.choices)),
        _begin("Gezondheid", "gezondheid", tuple(PositiefNegatief.choices)),
        _begin("Thuistaal", "thuistaal__label", _lijst(Lijst.THUISTAAL)),
    ),
)


def _einde(titel: str, veld: str, categorieen=(), **extra) -> Telling:
    return Telling(
        titel,
        ("afgesloten",),
        veld=f"eindregistratie__{veld}",
        categorieen=categorieen,
        geopend=Soort.EINDE,
        **extra,
    )


REDEN_EINDE = Rapport(
    Rapportsoort.REDEN_EINDE,
    (
        _einde(
            "Reden einde - uitval",
            "reden__label",
            _lijst(Lijst.REDEN_EINDE),
            filter=Q(eindregistratie__uitval=True),
        ),
        _einde(
            "Reden einde - geen uitval",
            "reden__label",
            _lijst(Lijst.REDEN_EINDE),
            filter=Q(eindregistratie__uitval=False),
        ),
    ),
)

# The samenwerking list has no sector of its own: these codes are the sectors outside welfare
# and health (docs/decisions.md).
ANDERE_SECTOR = ["justitie-of-politie", "onderwijs", "werk-vdab", "andere-sector"]
SAMENWERKING = Rapport(
    Rapportsoort.SAMENWERKING,
    (
        _einde(
            "Gelijktijdig aanbod voor cliënt",
            "gelijktijdig_aanbod__label",
            _lijst(Lijst.GELIJKTIJDIG_AANBOD),
        ),
        _einde(
            "Samenwerking - welzijn en gezondheid",
            "samenwerking__label",
            _lijst(Lijst.SAMENWERKING, filter=~Q(code__in=ANDERE_SECTOR)),
        ),
        _einde(
            "Samenwerking - andere sector",
            "samenwerking__label",
            _lijst(Lijst.SAMENWERKING, filter=Q(code__in=ANDERE_SECTOR)),
        ),
    ),
)

# Aangewezen hulp is one answer; 'binnen en buiten' counts in both tables.
BINNEN_JWZ = ["binnen-jeugdhulp-opgroeien", "binnen-en-buiten-jeugdhulp"]
BUITEN_JWZ = ["buiten-jeugdhulp-welzijn-of-gezondheid", "binnen-en-buiten-jeugdhulp"]
VERVOLGHULP = Rapport(
    Rapportsoort.VERVOLGHULP,
    (
        _einde(
            "Aangewezen hulp binnen JWZ",
            "gerealiseerd",
            tuple(Gerealiseerd.choices),
            filter=Q(eindregistratie__aangewezen_hulp__code__in=BINNEN_JWZ),
            uitleg="Werd de aangewezen hulp binnen de jeugdhulp gerealiseerd?",
        ),
        _einde(
            "Aangewezen hulp buiten JWZ",
            "gerealiseerd",
            tuple(Gerealiseerd.choices),
            filter=Q(eindregistratie__aangewezen_hulp__code__in=BUITEN_JWZ),
            uitleg="Werd de aangewezen hulp buiten de jeugdhulp gerealiseerd?",
        ),
    ),
)
