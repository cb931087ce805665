"""The aanmelding's rules per organisatietype (000 §4.1, 001 §5.1).

`AANMELDING` declares the form once: which questions each organisatietype gets, which are
mandatory and which only appear after another answer. The form's fields, '*' and show/hide
come from it, and `aanmelding_clean` (called by the form for its messages and by the services
before every write) checks it. Fields that do not apply to the organisatietype, or that an
answer hides, are reset, so a hidden field never keeps a stale value that reports count.
"""

import datetime
from typing import Any, Protocol

from django.core.exceptions import ValidationError

from binc.constants import Organisatietype
from dossiers.constants import Aanmelder, Pleegzorgdoelgroep, SpecifiekeAanmelding
from lib.dates import zorgdatum_fout
from lib.formschema import Als, Formulier, Invulling, Veld

OVBJ_TYPES = {Organisatietype.OVBJ, Organisatietype.OVBJ_VERBLIJF}
GEZIN = frozenset({Organisatietype.GEZIN_1G1P})
# CaH: the aanmelder is always the crisismeldpunt, never via the toegangspoort.
CAH = frozenset({Organisatietype.CAH})
PLEEGZORG = frozenset({Organisatietype.PLEEGZORG})
ZONDER_TOEGANGSPOORT = Als("via_toegangspoort", waarde=False)
ANDERE_AANMELDER = Als("aanmelder", Aanmelder.ANDERE)
WACHTLIJST = Als("wachtlijst", waarde=True)

AANMELDING = Formulier(
    Veld("uw_referentie"),
    Veld("datum_aanmelding", verplicht=True, enkel_voor=GEZIN),
    Veld("lopend_dossier", niet_voor=GEZIN),
    Veld(
        "startdatum_lopend_dossier",
        niet_voor=GEZIN,
        toon_als=Als("lopend_dossier", waarde=True),
    ),
    Veld("via_toegangspoort", verplicht=True, niet_voor=GEZIN | CAH),
    Veld("aanmelder", verplicht=True, enkel_voor=GEZIN),
    Veld(
        "aanmelder",
        niet_voor=GEZIN | CAH,
        toon_als=ZONDER_TOEGANGSPOORT,
        verplicht_als=ZONDER_TOEGANGSPOORT,
        melding=("Duid aan wie de aanmelder is wanneer de jongere niet via de toegangspoort komt."),
    ),
    Veld(
        "aanmelder_andere",
        niet_voor=CAH,
        toon_als=ANDERE_AANMELDER,
        verplicht_als=ANDERE_AANMELDER,
        melding="Vul in wie de andere aanmelder is.",
    ),
    Veld(
        "gerechtelijk",
        enkel_voor=frozenset({Organisatietype.OOOC}),
        toon_als=Als("aanmelder", Aanmelder.CRISISMELDPUNT),
    ),
    Veld("uitstroom_gi", verplicht=True, niet_voor=GEZIN),
    Veld("specifieke_aanmelding", niet_voor=GEZIN | CAH | PLEEGZORG),
    Veld("soort_pleegzorg", verplicht=True, enkel_voor=PLEEGZORG),
    Veld("pleegzorgdoelgroep", verplicht=True, enkel_voor=PLEEGZORG),
    Veld(
        "provincie",
        verplicht=True,
        enkel_voor=frozenset({Organisatietype.CKG}),
        enkel_met="meerdere_provincies",
    ),
    # 001 §5.1: only Datum aanmelding and Aanmelder carry '*'.
    Veld("wachtlijst", enkel_voor=GEZIN),
    Veld(
        "wachtlijst_functies",
        enkel_voor=GEZIN,
        toon_als=WACHTLIJST,
        verplicht_als=WACHTLIJST,
        melding="Duid aan voor welke hulp het gezin op een wachtlijst staat.",
    ),
)

# What the model stores for a question the form does not ask or an answer hides.
DEFAULTS: dict[str, Any] = {
    "uw_referentie": "",
    "lopend_dossier": False,
    "startdatum_lopend_dossier": None,
    "via_toegangspoort": None,
    "aanmelder": "",
    "aanmelder_andere": "",
    "uitstroom_gi": None,
    "specifieke_aanmelding": SpecifiekeAanmelding.GEEN,
    "gerechtelijk": False,
    "soort_pleegzorg": "",
    "pleegzorgdoelgroep": "",
    "provincie": "",
    "datum_aanmelding": None,
    "wachtlijst": None,
    "wachtlijst_functies": [],
}

SPECIFIEK_NIET_VOOR_TYPE = "Deze specifieke aanmelding bestaat niet voor jouw voorziening."
SPECIFIEK_NIET_MET_CRISISMELDPUNT = (
    "Een specifieke aanmelding kan nooit samen met een aanmelding door het crisismeldpunt."
)


class Aanmeldingsprofiel(Protocol):
    """What of the voorziening decides its aanmelding form."""

    organisatietype: str
    meerdere_provincies: bool


def aanmelding_formulier(voorziening: Aanmeldingsprofiel) -> Invulling:
    """The aanmelding form as this voorziening sees it, in the manual's order."""
    kenmerken = ["meerdere_provincies"] if voorziening.meerdere_provincies else []
    return AANMELDING.voor(voorziening.organisatietype, kenmerken)


def specifieke_choices(voorziening: Aanmeldingsprofiel) -> list[tuple[str, str]]:
    # 'Enkel ondersteunende begeleiding' is only for OVBJ (000 §4.1).
    return [
        (value, label)
        for value, label in SpecifiekeAanmelding.choices
        if value != SpecifiekeAanmelding.ENKEL_OB or voorziening.organisatietype in OVBJ_TYPES
    ]


AANMELDING_DATA = ("startdatum_lopend_dossier", "datum_aanmelding")


def aanmelding_clean(
    data: dict[str, Any],
    *,
    voorziening: Aanmeldingsprofiel,
    vandaag: datetime.date | None = None,
) -> dict[str, Any]:
    """Return the complete, consistent aanmelding for `data`, or raise ValidationError with a
    message per field."""
    formulier = aanmelding_formulier(voorziening)
    fields = formulier.namen()
    clean = {**DEFAULTS, **{k: v for k, v in data.items() if k in fields and v is not None}}
    if voorziening.organisatietype == Organisatietype.CAH:
        clean["via_toegangspoort"] = False
        clean["aanmelder"] = Aanmelder.CRISISMELDPUNT
    for name in formulier.verborgen(clean):
        clean[name] = DEFAULTS[name]
    errors = formulier.fouten(clean)
    for name in AANMELDING_DATA:
        if clean.get(name) and (
            # An aanmelding may precede the birth: families are helped before it (000 §3.2).
            fout := zorgdatum_fout(clean[name], vandaag=vandaag)
        ):
            errors.setdefault(name, fout)
    if "specifieke_aanmelding" in fields:
        if clean["specifieke_aanmelding"] not in dict(specifieke_choices(voorziening)):
            errors["specifieke_aanmelding"] = SPECIFIEK_NIET_VOOR_TYPE
        elif (
            clean["specifieke_aanmelding"] != SpecifiekeAanmelding.GEEN
            and clean["aanmelder"] == Aanmelder.CRISISMELDPUNT
        ):
            errors["specifieke_aanmelding"] = SPECIFIEK_NIET_MET_CRISISMELDPUNT
    if errors:
        raise ValidationError({name: [message] for name, message in errors.items()})
    return clean


NIEUW_DOSSIER_VOOR_REGULIER = (
    "Dit dossier startte vanuit {oorsprong} en bevat al schakelingen. Voor een reguliere "
    "begeleiding maak je een nieuw dossier aan."
)


def _specifiek(aanmelding: dict[str, Any]) -> bool:
    return (
        aanmelding["aanmelder"] == Aanmelder.CRISISMELDPUNT
        or aanmelding["specifieke_aanmelding"] != SpecifiekeAanmelding.GEEN
    )


def check_geen_overgang_naar_regulier(
    voor: dict[str, Any], na: dict[str, Any], *, heeft_schakelingen: bool
) -> None:
    """000 §4.1: a dossier that started from a specifieke aanmelding or from the crisismeldpunt
    and became regular care needs a new dossier; once it has schakelingen, its aanmelding cannot
    be edited into regular care."""
    if not heeft_schakelingen or not _specifiek(voor) or _specifiek(na):
        return
    if voor["specifieke_aanmelding"] != SpecifiekeAanmelding.GEEN:
        veld, oorsprong = "specifieke_aanmelding", "een specifieke aanmelding"
    else:
        veld, oorsprong = "aanmelder", "het crisismeldpunt"
    raise ValidationError({veld: [NIEUW_DOSSIER_VOOR_REGULIER.format(oorsprong=oorsprong)]})


def registratie_facultatief(aanmelding: dict[str, Any], *, voorziening: Aanmeldingsprofiel) -> bool:
    """000 §5.3: begin- and eindregistratie are optional for these aanmeldingen."""
    return (
        aanmelding["aanmelder"] == Aanmelder.CRISISMELDPUNT
        or aanmelding["specifieke_aanmelding"] != SpecifiekeAanmelding.GEEN
        or aanmelding["pleegzorgdoelgroep"] == Pleegzorgdoelgroep.VOLWASSENPLEEGZORG
        or voorziening.organisatietype == Organisatietype.GEZIN_1G1P
    )
