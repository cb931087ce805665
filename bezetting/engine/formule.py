"""Which formula of the manual applies to a typemodule in a voorziening: decided here, from the
catalogue's properties (function, points, code) and the organisation type, for the screens, the
exports, the live preview, Opgroeien's overview and the worked cases alike."""

from decimal import Decimal

from bezetting.engine.model import Typemodule
from kwartaal.rules import telt_in_ckg_punten

# 000 §14.2, §13: the CaH formulas, applied only when the voorziening is a CaH.
CAH_BEGELEIDING = frozenset({"cb-crisis", "crisisbegeleiding-cmp"})
CAH_INTERVENTIE = frozenset({"crisisinterventie-cmp"})
# 000 §13: the functions with a benutting formula for every organisation type.
BENUTTING_FUNCTIES = (
    "verblijf",
    "dagbegeleiding",
    "contextbegeleiding",
    "ondersteunende_begeleiding",
)

# Why a typemodule gets no benuttingsgraad where the manual gives none (000 §13).
GEEN_BENUTTING_CKG = (
    "De mobiele en ambulante werking van een CKG telt in begeleidingspunten: zie de "
    "bezettingsgraad."
)
GEEN_BENUTTING_CRISIS = (
    "Een benuttingsgraad voor crisishulp bestaat enkel bij een dienst crisishulp aan huis."
)
GEEN_BENUTTING_PLEEGZORG = (
    "Voorzieningen pleegzorg kunnen geen benuttingsgraad berekenen: zij worden niet erkend op "
    "basis van capaciteit."
)
GEEN_BENUTTING_INPUT = (
    "Voor deze typemodule wordt geen benutting ingevuld: zie haar bezettingsgraad, berekend uit "
    "de schakelingen."
)
GEEN_BENUTTING_FUNCTIE = "Binc berekent voor deze functie geen benuttingsgraad."


def bezettingsformule(
    code: str,
    functie: str,
    ckg_punten: int,
    organisatietype: str,
    geen_benutting_input: bool = False,
) -> str:
    """Which formula of 000 §14 applies: verblijf, ob, ckg_punten, cah_begeleiding,
    cah_interventie or algemeen."""
    organisatietype = organisatietype.upper()
    if functie == "verblijf":
        return "verblijf"
    if functie == "ondersteunende_begeleiding":
        # 000 §12: no benutting is ever entered for OB (projectwerking) NRTJ, "wel bijgehouden
        # in de databank zodat de bezettingsgraad ... kan berekend worden": per day from the
        # schakelingen, not the OB formula over the (empty) kwartaal.
        return "algemeen" if geen_benutting_input else "ob"
    if organisatietype == "CKG" and telt_in_ckg_punten(functie, ckg_punten):
        return "ckg_punten"
    if organisatietype == "CAH" and code in CAH_BEGELEIDING:
        return "cah_begeleiding"
    if organisatietype == "CAH" and code in CAH_INTERVENTIE:
        return "cah_interventie"
    return "algemeen"


def typemodule(
    *,
    code: str,
    functie: str,
    organisatietype: str,
    naam: str = "",
    intensiteit: Decimal | None = None,
    ckg_punten: int = 0,
    in_verblijfscapaciteit: bool = False,
    geen_benutting_input: bool = False,
) -> Typemodule:
    """A catalogue typemodule as the engine sees it in this voorziening, with its formula."""
    return Typemodule(
        code=code,
        naam=naam,
        functie=functie,
        bezetting=bezettingsformule(
            code, functie, ckg_punten, organisatietype, geen_benutting_input
        ),
        intensiteit=intensiteit if intensiteit is not None else Decimal(1),
        ckg_punten=ckg_punten,
        in_verblijfscapaciteit=in_verblijfscapaciteit,
    )


def benuttingsformule(t: Typemodule, organisatietype: str) -> tuple[str, str]:
    """Which formula of 000 §13 applies, as (function group, "") or ("", why there is none).
    The group is the typemodule's function: verblijf, dagbegeleiding, contextbegeleiding,
    crisishulp (a CaH only) or ondersteunende_begeleiding (its bezettingsgraad)."""
    organisatietype = organisatietype.upper()
    if organisatietype == "PLEEGZORG":
        return "", GEEN_BENUTTING_PLEEGZORG
    if t.bezetting == "ckg_punten":
        return "", GEEN_BENUTTING_CKG
    if t.functie == "ondersteunende_begeleiding" and t.bezetting != "ob":
        return "", GEEN_BENUTTING_INPUT
    if t.functie in BENUTTING_FUNCTIES:
        return t.functie, ""
    if t.functie == "crisishulp":
        return ("crisishulp", "") if organisatietype == "CAH" else ("", GEEN_BENUTTING_CRISIS)
    return "", GEEN_BENUTTING_FUNCTIE
