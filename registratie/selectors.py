"""The registration rules as pure reads: which fields each form has for a voorziening, which
of them are mandatory given the answers, what is still missing, and the start page's BR icon.
Forms, views, the closing gate and the services all ask these functions."""

import datetime
from typing import Any

from django.urls import reverse

from binc.constants import Organisatietype
from dossiers.constants import BrStatus
from dossiers.models import Dossier, Schakeling
from dossiers.selectors import Ontbrekend
from dossiers.services.aanmelding import registratie_facultatief
from registratie.constants import Soort
from registratie.models import (
    Beginregistratie,
    Eindregistratie,
    Gezinssituatie,
    Trajectinformatie,
)

MODELS = {
    Soort.BEGIN: Beginregistratie,
    Soort.EINDE: Eindregistratie,
    Soort.GEZINSSITUATIE: Gezinssituatie,
    Soort.TRAJECT: Trajectinformatie,
}
GEEN_VERVOLGHULP = "geen-vervolghulp-nodig"
BR_TERMIJN_MAANDEN = 3  # 000 §5.1: within three months after the start


def soorten(dossier: Dossier) -> list[str]:
    """The forms of this dossier: 1G1P has its own (001 §5.2–5.3)."""
    if dossier.voorziening.organisatietype == Organisatietype.GEZIN_1G1P:
        return [Soort.GEZINSSITUATIE, Soort.TRAJECT]
    return [Soort.BEGIN, Soort.EINDE]


def velden(soort: str, organisatietype: str) -> list[str]:
    if soort == Soort.BEGIN:
        fields = [
            "niet_begeleide_minderjarige",
            "dagbesteding",
            "opleidingsniveau",
            "schoolachterstand",
        ]
        if organisatietype != Organisatietype.PLEEGZORG:  # hidden for pleegzorg (000 §5.1)
            fields.append("zwanger")
        return [
            *fields,
            "gezinssituatie",
            "pleeggezin",
            "adoptiegezin",
            "arbeidssituatie",
            "opleidingsniveau_ouders",
            "huisvesting",
            "gezondheid",
            "schuldenlast",
            "thuistaal",
        ]
    if soort == Soort.EINDE:
        fields = [
            "gelijktijdig_aanbod",
            "samenwerking",
            "doelstellingen_bereikt",
            "uitval",
            "reden",
        ]
        if organisatietype == Organisatietype.OOOC:  # since 2022: advice instead of vervolghulp
            return [*fields, "eindadvies", "overbruggingsadvies"]
        return [*fields, "aangewezen_hulp", "gerealiseerd"]
    if soort == Soort.GEZINSSITUATIE:
        return ["gezinssituatie", "adoptiegezin", "pleeggezin", "aantal_kinderen"]
    return [
        "datum_eerste_gesprek",
        "gemandateerde_voorziening",
        "betrokkenheid_sdj",
        "betrokkenheid_crisisnetwerk",
        "begeleiding",
        "begeleiding_start",
        "begeleiding_einde",
        "begeleiding_reden_einde",
        "begeleiding_reden_andere",
        "gezinsplan_opgesteld",
        "eerstelijnspsycholoog",
        "psycholoog_start",
        "psycholoog_einde",
        "psycholoog_sessies",
        "eigen_kracht",
        "gespecialiseerde_hulp",
        "hulp_functies",
        "hulp_andere",
        "hulp_gerealiseerd",
        "gezinsplan_vervolg",
        "formeel_netwerk",
        "informeel_netwerk",
    ]


def altijd_verplicht(soort: str, organisatietype: str) -> list[str]:
    """The fields marked '*' in the manual for this organisatietype."""
    if soort == Soort.BEGIN:
        fields = [
            "niet_begeleide_minderjarige",
            "dagbesteding",
            "opleidingsniveau",
            "gezinssituatie",
            "arbeidssituatie",
            "opleidingsniveau_ouders",
            "huisvesting",
            "gezondheid",
            "schuldenlast",
            "thuistaal",
        ]
        if organisatietype == Organisatietype.CIG:  # 'Zwanger' is mandatory only for CIG
            fields.append("zwanger")
        return fields
    if soort == Soort.EINDE:
        fields = [
            "gelijktijdig_aanbod",
            "samenwerking",
            "doelstellingen_bereikt",
            "uitval",
            "reden",
        ]
        return fields + (
            ["eindadvies"] if organisatietype == Organisatietype.OOOC else ["aangewezen_hulp"]
        )
    if soort == Soort.GEZINSSITUATIE:
        return ["gezinssituatie", "aantal_kinderen"]
    return ["datum_eerste_gesprek", "gemandateerde_voorziening"]


def verplicht(soort: str, organisatietype: str, data: dict[str, Any]) -> list[str]:
    """Mandatory fields given the answers: some questions only count after another answer."""
    fields = altijd_verplicht(soort, organisatietype)
    if soort == Soort.EINDE and "aangewezen_hulp" in fields:
        hulp = data.get("aangewezen_hulp")
        if hulp is not None and getattr(hulp, "code", hulp) != GEEN_VERVOLGHULP:
            fields.append("gerealiseerd")
    if soort == Soort.TRAJECT:
        if data.get("begeleiding"):
            fields.append("begeleiding_start")
            if data.get("begeleiding_einde"):
                fields.append("begeleiding_reden_einde")
            if data.get("begeleiding_reden_einde") == "andere":
                fields.append("begeleiding_reden_andere")
        if data.get("eerstelijnspsycholoog"):
            fields.append("psycholoog_start")
        if data.get("gespecialiseerde_hulp"):
            fields.append("hulp_functies")
            if "andere" in (data.get("hulp_functies") or []):
                fields.append("hulp_andere")
    return fields


def _empty(value: Any) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    return hasattr(value, "exists") and not value.exists()


def ontbrekend(soort: str, organisatietype: str, data: dict[str, Any]) -> list[str]:
    """The mandatory fields still blank, in the form's order."""
    missing = [name for name in verplicht(soort, organisatietype, data) if _empty(data.get(name))]
    order = velden(soort, organisatietype)
    return sorted(missing, key=order.index)


def waarden(instance) -> dict[str, Any]:
    """A saved registration as the answers the rules read."""
    if instance is None:
        return {}
    data = {f.name: getattr(instance, f.name) for f in instance._meta.concrete_fields}
    for field in instance._meta.many_to_many:
        data[field.name] = getattr(instance, field.name).all()
    return data


def facultatief(dossier: Dossier) -> bool:
    """000 §5.3: nothing is mandatory for these dossiers; the forms stay available."""
    aanmelding = dossier.aanmelding
    values = {
        name: getattr(aanmelding, name)
        for name in ("aanmelder", "specifieke_aanmelding", "pleegzorgdoelgroep")
    }
    return registratie_facultatief(values, voorziening=dossier.voorziening)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def br_status(dossier: Dossier) -> str:
    """The start page's icon (000 §2, §5.1): green when complete and completed within three
    months after the first schakeling's start, red when incomplete or late, none when not
    required. Stored on the dossier by every change that can alter it."""
    if dossier.voorziening.organisatietype == Organisatietype.GEZIN_1G1P or facultatief(dossier):
        return BrStatus.NIET_VEREIST
    volledig_op = (
        Beginregistratie.objects.filter(dossier=dossier)
        .values_list("volledig_op", flat=True)
        .first()
    )
    if volledig_op is None:
        return BrStatus.ONVOLLEDIG
    eerste = (
        Schakeling._base_manager.filter(dossier_id=dossier.pk)
        .order_by("begindatum")
        .values_list("begindatum", flat=True)
        .first()
    )
    if eerste is not None and volledig_op > add_months(eerste, BR_TERMIJN_MAANDEN):
        return BrStatus.ONVOLLEDIG
    return BrStatus.VOLLEDIG


def registratie_ontbrekend(dossier: Dossier) -> list[Ontbrekend]:
    """Every mandatory registration field still blank, each linked to its field; nothing when
    registration is facultative (000 §9, 001 §6)."""
    soort_van_dossier = soorten(dossier)
    if soort_van_dossier[0] == Soort.BEGIN and facultatief(dossier):
        return []
    organisatietype = dossier.voorziening.organisatietype
    missing = []
    for soort in soort_van_dossier:
        model = MODELS[soort]
        instance = model.objects.filter(dossier=dossier).first()
        url = reverse("registratie:formulier", args=[dossier.pk, soort])
        for name in ontbrekend(soort, organisatietype, waarden(instance)):
            label = model._meta.get_field(name).verbose_name
            missing.append(
                Ontbrekend(f"{Soort(soort).label}: '{label}' is niet ingevuld.", f"{url}#id_{name}")
            )
    return missing
