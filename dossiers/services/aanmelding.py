"""The aanmelding's rules per organisatietype (000 §4.1, 001 §5.1).

`aanmelding_clean` is the one place the rules live: forms call it for their messages, the
services call it before every write. Fields that do not apply to the organisatietype (or that
an answer hides) are reset, so a hidden field never keeps a stale value that reports count.
"""

from typing import Any

from django.core.exceptions import ValidationError

from binc.constants import Organisatietype
from binc.models import Voorziening
from dossiers.constants import Aanmelder, Pleegzorgdoelgroep, SpecifiekeAanmelding

OVBJ_TYPES = {Organisatietype.OVBJ, Organisatietype.OVBJ_VERBLIJF}
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

VERPLICHT = "Dit veld is verplicht."
WACHTLIJST_FUNCTIES = "Duid aan voor welke hulp het gezin op een wachtlijst staat."
AANMELDER_ZONDER_TOEGANGSPOORT = (
    "Duid aan wie de aanmelder is wanneer de jongere niet via de toegangspoort komt."
)
STARTDATUM_ENKEL_LOPEND = "Vul een startdatum enkel in bij een lopend dossier (na een fusie)."
SPECIFIEK_NIET_VOOR_TYPE = "Deze specifieke aanmelding bestaat niet voor jouw voorziening."
SPECIFIEK_NIET_MET_CRISISMELDPUNT = (
    "Een specifieke aanmelding kan nooit samen met een aanmelding door het crisismeldpunt."
)
GERECHTELIJK_ENKEL_CRISISMELDPUNT = (
    "'Gerechtelijk' kan enkel bij een aanmelding door het crisismeldpunt."
)


def aanmelding_fields(voorziening: Voorziening) -> list[str]:
    """The fields of the aanmelding form for this voorziening, in the manual's order."""
    soort = voorziening.organisatietype
    if soort == Organisatietype.GEZIN_1G1P:
        return [
            "uw_referentie",
            "datum_aanmelding",
            "aanmelder",
            "aanmelder_andere",
            "wachtlijst",
            "wachtlijst_functies",
        ]
    fields = ["uw_referentie", "lopend_dossier", "startdatum_lopend_dossier"]
    if soort != Organisatietype.CAH:  # CaH: the aanmelder is always the crisismeldpunt
        fields += ["via_toegangspoort", "aanmelder", "aanmelder_andere"]
    if soort == Organisatietype.OOOC:
        fields.append("gerechtelijk")
    fields.append("uitstroom_gi")
    if soort not in {Organisatietype.CAH, Organisatietype.PLEEGZORG}:
        fields.append("specifieke_aanmelding")
    if soort == Organisatietype.PLEEGZORG:
        fields += ["soort_pleegzorg", "pleegzorgdoelgroep"]
    if soort == Organisatietype.CKG and voorziening.meerdere_provincies:
        fields.append("provincie")
    return fields


def specifieke_choices(voorziening: Voorziening) -> list[tuple[str, str]]:
    # 'Enkel ondersteunende begeleiding' is only for OVBJ (000 §4.1).
    return [
        (value, label)
        for value, label in SpecifiekeAanmelding.choices
        if value != SpecifiekeAanmelding.ENKEL_OB or voorziening.organisatietype in OVBJ_TYPES
    ]


def aanmelding_clean(data: dict[str, Any], *, voorziening: Voorziening) -> dict[str, Any]:
    """Return the complete, consistent aanmelding for `data`, or raise ValidationError with a
    message per field."""
    fields = aanmelding_fields(voorziening)
    clean = {**DEFAULTS, **{k: v for k, v in data.items() if k in fields and v is not None}}
    errors: dict[str, str] = {}
    soort = voorziening.organisatietype

    if soort == Organisatietype.CAH:
        clean["via_toegangspoort"] = False
        clean["aanmelder"] = Aanmelder.CRISISMELDPUNT
    if soort == Organisatietype.GEZIN_1G1P:
        if clean["datum_aanmelding"] is None:
            errors["datum_aanmelding"] = VERPLICHT
        if not clean["aanmelder"]:
            errors["aanmelder"] = VERPLICHT
        if clean["wachtlijst"] is None:
            errors["wachtlijst"] = VERPLICHT
        elif clean["wachtlijst"] and not clean["wachtlijst_functies"]:
            errors["wachtlijst_functies"] = WACHTLIJST_FUNCTIES
        elif not clean["wachtlijst"]:
            clean["wachtlijst_functies"] = []
    else:
        if "via_toegangspoort" in fields:
            if clean["via_toegangspoort"] is None:
                errors["via_toegangspoort"] = VERPLICHT
            elif clean["via_toegangspoort"]:
                clean["aanmelder"] = ""
            elif not clean["aanmelder"]:
                errors["aanmelder"] = AANMELDER_ZONDER_TOEGANGSPOORT
        if clean["uitstroom_gi"] is None:
            errors["uitstroom_gi"] = VERPLICHT
        if clean["startdatum_lopend_dossier"] and not clean["lopend_dossier"]:
            errors["startdatum_lopend_dossier"] = STARTDATUM_ENKEL_LOPEND
        if clean["specifieke_aanmelding"] not in dict(specifieke_choices(voorziening)):
            errors["specifieke_aanmelding"] = SPECIFIEK_NIET_VOOR_TYPE
        elif (
            clean["specifieke_aanmelding"] != SpecifiekeAanmelding.GEEN
            and clean["aanmelder"] == Aanmelder.CRISISMELDPUNT
        ):
            errors["specifieke_aanmelding"] = SPECIFIEK_NIET_MET_CRISISMELDPUNT
        if clean["gerechtelijk"] and clean["aanmelder"] != Aanmelder.CRISISMELDPUNT:
            errors["gerechtelijk"] = GERECHTELIJK_ENKEL_CRISISMELDPUNT
        if soort == Organisatietype.PLEEGZORG:
            for name in ("soort_pleegzorg", "pleegzorgdoelgroep"):
                if not clean[name]:
                    errors[name] = VERPLICHT
        if "provincie" in fields and not clean["provincie"]:
            errors["provincie"] = VERPLICHT

    if clean["aanmelder"] == Aanmelder.ANDERE:
        if not clean["aanmelder_andere"].strip():
            errors["aanmelder_andere"] = "Vul in wie de andere aanmelder is."
    else:
        clean["aanmelder_andere"] = ""
    if errors:
        raise ValidationError({name: [message] for name, message in errors.items()})
    return clean


def registratie_facultatief(aanmelding: dict[str, Any], *, voorziening: Voorziening) -> bool:
    """000 §5.3: begin- and eindregistratie are optional for these aanmeldingen."""
    return (
        aanmelding["aanmelder"] == Aanmelder.CRISISMELDPUNT
        or aanmelding["specifieke_aanmelding"] != SpecifiekeAanmelding.GEEN
        or aanmelding["pleegzorgdoelgroep"] == Pleegzorgdoelgroep.VOLWASSENPLEEGZORG
        or voorziening.organisatietype == Organisatietype.GEZIN_1G1P
    )
