"""Reads of the registration: a dossier's forms and answers, what is still missing (for the
closing gate) and the start page's BR icon. The rules per field are in `registratie.schema`."""

from typing import Any

from django.db import models
from django.urls import reverse

from dossiers.constants import BrStatus
from dossiers.hooks import Ontbrekend
from dossiers.models import Dossier, Schakeling
from dossiers.rules.aanmelding import registratie_facultatief
from lib.dates import add_months
from registratie.constants import Soort
from registratie.models import (
    Beginregistratie,
    Eindregistratie,
    Gezinssituatie,
    Trajectinformatie,
)
from registratie.schema import ontbrekend

Registratie = Beginregistratie | Eindregistratie | Gezinssituatie | Trajectinformatie
RegistratieModel = type[Registratie]
MODELS: dict[str, RegistratieModel] = {
    Soort.BEGIN: Beginregistratie,
    Soort.EINDE: Eindregistratie,
    Soort.GEZINSSITUATIE: Gezinssituatie,
    Soort.TRAJECT: Trajectinformatie,
}
BR_TERMIJN_MAANDEN = 3  # 000 §5.1: within three months after the start


def soorten(dossier: Dossier) -> list[str]:
    """The forms of this dossier: 1G1P has its own (001 §5.2–5.3)."""
    if dossier.voorziening.is_1g1p:
        return [Soort.GEZINSSITUATIE, Soort.TRAJECT]
    return [Soort.BEGIN, Soort.EINDE]


def registratie_get(dossier: Dossier, soort: str) -> Registratie | None:
    return MODELS[soort].objects.filter(dossier=dossier).first()


def waarden(instance: models.Model | None) -> dict[str, Any]:
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


def br_status_column(dossier: Dossier) -> dict[str, Any]:
    """The start page's column this app keeps current (registered in `RegistratieConfig`)."""
    return {"br_status": br_status(dossier)}


def br_status(dossier: Dossier) -> str:
    """The start page's icon (000 §2, §5.1): green when complete and completed within three
    months after the first schakeling's start, red when incomplete or late, none when not
    required. Stored on the dossier by every change that can alter it."""
    if dossier.voorziening.is_1g1p or facultatief(dossier):
        return BrStatus.NIET_VEREIST
    volledig_op = (
        Beginregistratie.objects.filter(dossier=dossier)
        .values_list("volledig_op", flat=True)
        .first()
    )
    if volledig_op is None:
        return BrStatus.ONVOLLEDIG
    eerste = (
        Schakeling.objects.filter(dossier_id=dossier.pk)
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
        instance = model._default_manager.filter(dossier=dossier).first()
        url = reverse("registratie:formulier", args=[dossier.pk, soort])
        for name in ontbrekend(soort, organisatietype, waarden(instance)):
            label = getattr(model._meta.get_field(name), "verbose_name", name)
            missing.append(
                Ontbrekend(f"{Soort(soort).label}: '{label}' is niet ingevuld.", f"{url}#id_{name}")
            )
    return missing
