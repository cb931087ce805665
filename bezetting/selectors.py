"""Feeding the engine from PostgreSQL: one voorziening's capacities, schakelingen with their
modules and kwartaal benutting in a few set-based queries, whatever the number of dossiers."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from bezetting.engine.model import (
    Benutting,
    Capaciteit,
    Gegevens,
    Module,
    Schakeling,
    Typemodule,
)
from binc.constants import Functie, Organisatietype
from binc.models import ModuleGoedkeuring, Voorziening
from binc.models import Typemodule as TypemoduleModel
from dossiers.models import SchakelingModule
from kwartaal.models import Capaciteit as CapaciteitModel
from kwartaal.models import TypemoduleInzet

CAH_BEGELEIDING = {"cb-crisis", "crisisbegeleiding-cmp"}
CAH_INTERVENTIE = {"crisisinterventie-cmp"}
CKG_PUNTEN = {Functie.BEGELEIDING, Functie.TRAINING, Functie.DAGOPVANG}


def formule(typemodule: TypemoduleModel, organisatietype: str) -> str:
    """Which formula of 000 §14 applies to the typemodule in this voorziening."""
    if typemodule.functie == Functie.VERBLIJF:
        return "verblijf"
    if typemodule.functie == Functie.ONDERSTEUNENDE_BEGELEIDING:
        return "ob"
    if organisatietype == Organisatietype.CKG and typemodule.functie in CKG_PUNTEN:
        return "ckg_punten"
    if typemodule.code in CAH_BEGELEIDING:
        return "cah_begeleiding"
    if typemodule.code in CAH_INTERVENTIE:
        return "cah_interventie"
    return "algemeen"


def typemodule_keuzes(
    voorziening: Voorziening, *, ob: bool | None = False
) -> list[tuple[str, str]]:
    """The typemodules with a capacity, by name: without OB (computed per quarter), only OB
    (`ob=True`), or all (`ob=None`)."""
    rijen = CapaciteitModel.objects.filter(voorziening=voorziening)
    if ob is True:
        rijen = rijen.filter(typemodule__functie=Functie.ONDERSTEUNENDE_BEGELEIDING)
    elif ob is False:
        rijen = rijen.exclude(typemodule__functie=Functie.ONDERSTEUNENDE_BEGELEIDING)
    paren = rijen.values_list("typemodule__code", "typemodule__naam").distinct()
    return sorted(paren, key=lambda rij: rij[1])


def module_keuzes(voorziening: Voorziening) -> list[tuple[str, str]]:
    """The modules approved for the voorziening (the moduledatabank), by code."""
    paren = (
        ModuleGoedkeuring.objects.filter(voorziening=voorziening)
        .values_list("module__code", "module__naam")
        .distinct()
    )
    return sorted((code, f"{code} {naam}") for code, naam in paren)


def gegevens_voor(
    voorziening: Voorziening, van: datetime.date, tot: datetime.date, *, sinds: datetime.date
) -> Gegevens:
    """The voorziening's data for a period; schakelingen from `sinds` (earlier for the CKG's
    carry-over into the year)."""
    capaciteit = list(
        CapaciteitModel.objects.filter(voorziening=voorziening).select_related("typemodule")
    )
    rijen = (
        SchakelingModule.objects.filter(schakeling__dossier__voorziening=voorziening)
        .filter(schakeling__begindatum__lte=tot)
        .filter(Q(schakeling__einddatum__isnull=True) | Q(schakeling__einddatum__gte=sinds))
        .values_list(
            "schakeling_id",
            "schakeling__dossier_id",
            "schakeling__soort",
            "schakeling__begindatum",
            "schakeling__einddatum",
            "module__code",
            "module__typemodule_id",
            "verzekerd_aanbod",
        )
    )
    per_schakeling: dict[int, list] = defaultdict(list)
    typemodule_ids = {c.typemodule_id for c in capaciteit}
    for rij in rijen:
        per_schakeling[rij[0]].append(rij)
        typemodule_ids.add(rij[6])
    typemodules = {t.pk: t for t in TypemoduleModel.objects.filter(pk__in=typemodule_ids)}
    schakelingen = [
        Schakeling(
            id=str(pk),
            dossier=str(modules[0][1]),
            soort=modules[0][2],
            begin=modules[0][3],
            einde=modules[0][4],
            modules=tuple(
                Module(module=m[5], typemodule=typemodules[m[6]].code, verzekerd_aanbod=m[7])
                for m in modules
            ),
        )
        for pk, modules in per_schakeling.items()
    ]
    benutting = [
        Benutting(jaar, nummer, typemodules[t].code, totaal)
        for jaar, nummer, t, totaal in TypemoduleInzet.objects.filter(
            kwartaalstaat__voorziening=voorziening,
            kwartaalstaat__jaar__gte=van.year,
            kwartaalstaat__jaar__lte=tot.year,
            totaal__isnull=False,
        ).values_list("kwartaalstaat__jaar", "kwartaalstaat__kwartaal", "typemodule_id", "totaal")
        if t in typemodules
    ]
    return Gegevens(
        organisatietype=voorziening.organisatietype.upper(),
        typemodules={
            t.code: Typemodule(
                code=t.code,
                naam=t.naam,
                functie=t.functie,
                bezetting=formule(t, voorziening.organisatietype),
                intensiteit=t.intensiteit or Decimal(1),
                ckg_punten=t.ckg_punten or 0,
                in_verblijfscapaciteit=t.in_verblijfscapaciteit,
            )
            for t in typemodules.values()
        },
        capaciteit=[
            Capaciteit(
                typemodule=c.typemodule.code,
                van=c.geldig_van,
                erkend=c.erkende_capaciteit,
                innovatief=c.innovatief_project,
                verzekerd=c.verzekerd_aanbod,
            )
            for c in capaciteit
        ],
        schakelingen=schakelingen,
        kwartaal=benutting,
    )
