"""The four registration forms declared once (000 §5.1–§5.2, 001 §5.2–§5.3): per form the fields in
order, for which organisatietypes, which carry '*', and which appear (and count) only after
another answer. The form's visibility and '*', [Valideren], the server-side mandatory check, the
clearing of hidden answers, the closing gate and the BR icon are all derived from this table."""

from collections.abc import Mapping
from typing import Any

from binc.constants import Organisatietype
from lib.formschema import Als, Formulier, Veld
from registratie.constants import Soort

GEEN_VERVOLGHULP = "geen-vervolghulp-nodig"
OOOC = frozenset({Organisatietype.OOOC})

BEGELEIDING = Als("begeleiding")
PSYCHOLOOG = Als("eerstelijnspsycholoog")
GESPECIALISEERD = Als("gespecialiseerde_hulp", gegeven="ja")

SCHEMA: dict[str, Formulier] = {
    Soort.BEGIN: Formulier(
        Veld("niet_begeleide_minderjarige", verplicht=True),
        Veld("dagbesteding", verplicht=True),
        Veld("opleidingsniveau", verplicht=True),
        # NVT for buitengewoon onderwijs (000 §5.1).
        Veld(
            "schoolachterstand",
            nvt_als=Als("opleidingsniveau", kenmerk="buitengewoon_onderwijs"),
        ),
        # Hidden for pleegzorg, mandatory only for the CIG (000 §5.1).
        Veld(
            "zwanger",
            niet_voor=frozenset({Organisatietype.PLEEGZORG}),
            verplicht_voor=frozenset({Organisatietype.CIG}),
        ),
        Veld("gezinssituatie", verplicht=True),
        Veld("pleeggezin"),
        Veld("adoptiegezin"),
        # 000 §5.1: minimum 1, maximum 2.
        Veld(
            "arbeidssituatie",
            verplicht=True,
            maximum=2,
            melding_maximum="Duid hoogstens twee inkomensbronnen aan.",
        ),
        Veld("opleidingsniveau_ouders", verplicht=True),
        Veld("huisvesting", verplicht=True),
        Veld("gezondheid", verplicht=True),
        Veld("schuldenlast", verplicht=True),
        Veld("thuistaal", verplicht=True),
    ),
    Soort.EINDE: Formulier(
        Veld("gelijktijdig_aanbod", verplicht=True),
        Veld("samenwerking", verplicht=True),
        Veld("doelstellingen_bereikt", verplicht=True),
        Veld("uitval", verplicht=True),
        Veld("reden", verplicht=True),
        # OOOC since 2022: eindadvies and overbruggingsadvies instead of vervolghulp (000 §5.2).
        Veld("aangewezen_hulp", verplicht=True, niet_voor=OOOC),
        Veld(
            "gerealiseerd",
            niet_voor=OOOC,
            verplicht_als=Als("aangewezen_hulp", niet=GEEN_VERVOLGHULP),
        ),
        Veld("eindadvies", verplicht=True, enkel_voor=OOOC),
        Veld("overbruggingsadvies", enkel_voor=OOOC),
    ),
    Soort.GEZINSSITUATIE: Formulier(
        Veld("gezinssituatie", verplicht=True),
        Veld("adoptiegezin"),
        Veld("pleeggezin"),
        Veld("aantal_kinderen", verplicht=True),
    ),
    Soort.TRAJECT: Formulier(
        Veld("datum_eerste_gesprek", verplicht=True),
        Veld("gemandateerde_voorziening", verplicht=True),
        Veld("betrokkenheid_sdj"),
        Veld("betrokkenheid_crisisnetwerk"),
        Veld("begeleiding"),
        Veld("begeleiding_start", toon_als=BEGELEIDING, verplicht_als=BEGELEIDING),
        Veld("begeleiding_einde", toon_als=BEGELEIDING),
        Veld(
            "begeleiding_reden_einde",
            toon_als=BEGELEIDING,
            verplicht_als=Als("begeleiding_einde"),
        ),
        Veld(
            "begeleiding_reden_andere",
            toon_als=Als("begeleiding_reden_einde", "andere"),
            verplicht_als=BEGELEIDING,
        ),
        Veld("gezinsplan_opgesteld", toon_als=BEGELEIDING),
        Veld("eerstelijnspsycholoog"),
        Veld("psycholoog_start", toon_als=PSYCHOLOOG, verplicht_als=PSYCHOLOOG),
        Veld("psycholoog_einde", toon_als=PSYCHOLOOG),
        Veld("psycholoog_sessies", toon_als=PSYCHOLOOG),
        Veld("eigen_kracht"),
        Veld("gespecialiseerde_hulp"),
        Veld("hulp_functies", toon_als=GESPECIALISEERD, verplicht_als=GESPECIALISEERD),
        Veld(
            "hulp_andere",
            toon_als=Als("hulp_functies", "andere"),
            verplicht_als=GESPECIALISEERD,
        ),
        # Per chosen function 'gerealiseerd?' (001 §5.3); the service keeps only chosen ones.
        Veld("hulp_gerealiseerd", toon_als=GESPECIALISEERD),
        Veld("gezinsplan_vervolg"),
        Veld("formeel_netwerk"),
        Veld("informeel_netwerk"),
    ),
}


def velden(soort: str, organisatietype: str) -> list[str]:
    """The fields of this form for this organisatietype, in the form's order."""
    return SCHEMA[soort].voor(organisatietype).namen()


def altijd_verplicht(soort: str, organisatietype: str) -> list[str]:
    return SCHEMA[soort].voor(organisatietype).altijd_verplicht()


def verborgen(soort: str, organisatietype: str, data: Mapping[str, Any]) -> list[str]:
    return SCHEMA[soort].voor(organisatietype).verborgen(data)


def show_when(soort: str, organisatietype: str) -> dict[str, str]:
    return SCHEMA[soort].voor(organisatietype).show_when()


def te_veel(soort: str, organisatietype: str, data: Mapping[str, Any]) -> dict[str, str]:
    return SCHEMA[soort].voor(organisatietype).te_veel(data)


def ontbrekend(soort: str, organisatietype: str, data: Mapping[str, Any]) -> list[str]:
    return SCHEMA[soort].voor(organisatietype).ontbrekend(data)
