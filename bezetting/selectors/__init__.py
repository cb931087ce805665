"""Feeding the engine from PostgreSQL: one voorziening's capacities, schakelingen with their
modules and kwartaal benutting in a few set-based queries, whatever the number of dossiers."""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import Q

from bezetting import weergave
from bezetting.engine.benutting import benutting
from bezetting.engine.bezetting import Bezetting, bezetting, kwartaal_grenzen
from bezetting.engine.formule import CAH_BEGELEIDING, CAH_INTERVENTIE, typemodule
from bezetting.engine.model import (
    Benutting,
    Capaciteit,
    Gegevens,
    Module,
    Schakeling,
    Typemodule,
)
from bezetting.selectors.sql import DOSSIERDAGEN_SQL
from bezetting.selectors.staten import kwartaal_staten
from binc.constants import Functie, Organisatietype
from binc.models import ModuleGoedkeuring, Voorziening
from binc.models import Typemodule as TypemoduleModel
from dossiers.models import SchakelingModule
from kwartaal.models import Capaciteit as CapaciteitModel
from kwartaal.models import TypemoduleInzet
from kwartaal.rules import CKG_PUNTEN_FUNCTIES
from lib.databank import met_werkgeheugen
from lib.dates import iso_of_none

# One module of a schakeling as the engine is fed it.
SCHAKELINGRIJ = (
    "schakeling__dossier__voorziening_id",
    "schakeling_id",
    "schakeling__dossier_id",
    "schakeling__soort",
    "schakeling__begindatum",
    "schakeling__einddatum",
    "module__code",
    "module__typemodule_id",
    "verzekerd_aanbod",
)


def catalogus() -> dict[str, Mapping[str, Any]]:
    """The catalogue's typemodules by code, as plain properties (a worked case may name one by
    code alone)."""
    return {
        t["code"]: t
        for t in TypemoduleModel.objects.values(
            "code",
            "naam",
            "functie",
            "intensiteit",
            "ckg_punten",
            "in_verblijfscapaciteit",
            "geen_benutting_input",
        )
    }


def typemodule_keuzes(
    voorziening: Voorziening, *, ob: bool | None = False
) -> list[tuple[str, str]]:
    """The typemodules with a capacity, by name: without OB (computed per quarter), only OB
    (`ob=True`), or all (`ob=None`)."""
    rijen = CapaciteitModel.objects.filter(voorziening=voorziening)
    # OB per quarter; OB (projectwerking), without benutting input, per day (000 §12).
    per_kwartaal = Q(
        typemodule__functie=Functie.ONDERSTEUNENDE_BEGELEIDING,
        typemodule__geen_benutting_input=False,
    )
    if ob is True:
        rijen = rijen.filter(per_kwartaal)
    elif ob is False:
        rijen = rijen.exclude(per_kwartaal)
    # Without the model's ordering: a typemodule with a capacity history is one choice.
    paren = rijen.order_by().values_list("typemodule__code", "typemodule__naam").distinct()
    return sorted(paren, key=lambda rij: rij[1])


def module_keuzes(voorziening: Voorziening) -> list[tuple[str, str]]:
    """The modules approved for the voorziening (the moduledatabank), by code."""
    paren = (
        ModuleGoedkeuring.objects.filter(voorziening=voorziening)
        .values_list("module__code", "module__naam")
        .distinct()
    )
    return sorted((code, f"{code} {naam}") for code, naam in paren)


def _sinds(voorziening: Voorziening, van: datetime.date) -> datetime.date:
    # A CKG's count in a year depends on the months of the years before (000 §14.4).
    if voorziening.organisatietype == Organisatietype.CKG:
        return datetime.date(van.year - 3, 1, 1)
    return van


def gegevens_per_voorziening(
    voorzieningen: Sequence[Voorziening],
    van: datetime.date,
    tot: datetime.date,
    *,
    schakelingrijen: list[tuple] | None = None,
    typemodules: list[str] | None = None,
) -> dict[int, Gegevens]:
    """Every voorziening's data for a period in four queries, however many there are; given
    `schakelingrijen` (the overview's verzekerd aanbod, read with its dossier-days) it reads
    no schakelingen itself; given `typemodules`, only the schakelingen with those (or with a
    module counted 'in overtal' on one of them)."""
    sinds = min((_sinds(v, van) for v in voorzieningen), default=van)
    ids = [v.pk for v in voorzieningen]
    capaciteit: dict[int, list[CapaciteitModel]] = defaultdict(list)
    typemodule_ids: set[int] = set()
    for erkenning in CapaciteitModel.objects.filter(voorziening_id__in=ids).select_related(
        "overtal_op"
    ):
        capaciteit[erkenning.voorziening_id].append(erkenning)
        typemodule_ids.add(erkenning.typemodule_id)
        if erkenning.overtal_op_id:
            typemodule_ids.add(erkenning.overtal_op_id)
    voorwaarde = Q(schakeling__dossier__voorziening_id__in=ids)
    if typemodules is not None:
        voorwaarde &= Q(module__typemodule__code__in=typemodules) | Q(
            module__typemodule_id__in=[
                c.typemodule_id
                for rijen in capaciteit.values()
                for c in rijen
                if c.overtal_op is not None and c.overtal_op.code in typemodules
            ]
        )
    rijen = (
        schakelingrijen if schakelingrijen is not None else _schakelingrijen(voorwaarde, sinds, tot)
    )
    per_schakeling: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for rij in rijen:
        per_schakeling[rij[0]][rij[1]].append(rij)
        typemodule_ids.add(rij[7])
    bekend = {t.pk: t for t in TypemoduleModel.objects.filter(pk__in=typemodule_ids)}
    benutting: dict[int, list[Benutting]] = defaultdict(list)
    for v, jaar, nummer, t, totaal in TypemoduleInzet.objects.filter(
        kwartaalstaat__voorziening_id__in=ids,
        kwartaalstaat__jaar__gte=van.year,
        kwartaalstaat__jaar__lte=tot.year,
        totaal__isnull=False,
    ).values_list(
        "kwartaalstaat__voorziening_id",
        "kwartaalstaat__jaar",
        "kwartaalstaat__kwartaal",
        "typemodule_id",
        "totaal",
    ):
        if t in bekend and totaal is not None:  # never None: filtered above
            benutting[v].append(Benutting(jaar, nummer, bekend[t].code, totaal))
    result = {}
    for voorziening in voorzieningen:
        eigen_ids = {c.typemodule_id for c in capaciteit[voorziening.pk]} | {
            m[7] for modules in per_schakeling[voorziening.pk].values() for m in modules
        }
        result[voorziening.pk] = Gegevens(
            organisatietype=voorziening.organisatietype.upper(),
            typemodules={
                bekend[t].code: _typemodule(bekend[t], voorziening.organisatietype)
                for t in eigen_ids
            },
            capaciteit=[
                Capaciteit(
                    typemodule=bekend[c.typemodule_id].code,
                    van=c.geldig_van,
                    erkend=c.erkende_capaciteit,
                    innovatief=c.innovatief_project,
                    verzekerd=c.verzekerd_aanbod,
                    overtal_op=bekend[c.overtal_op_id].code if c.overtal_op_id else None,
                )
                for c in capaciteit[voorziening.pk]
            ],
            schakelingen=[
                Schakeling(
                    id=str(pk),
                    dossier=str(modules[0][2]),
                    soort=modules[0][3],
                    begin=modules[0][4],
                    einde=modules[0][5],
                    modules=tuple(
                        Module(module=m[6], typemodule=bekend[m[7]].code, verzekerd_aanbod=m[8])
                        for m in modules
                    ),
                )
                for pk, modules in per_schakeling[voorziening.pk].items()
            ],
            kwartaal=benutting[voorziening.pk],
        )
    return result


def _schakelingrijen(voorwaarde: Q, sinds: datetime.date, tot: datetime.date) -> list[tuple]:
    return list(
        SchakelingModule.objects.filter(voorwaarde)
        .filter(schakeling__begindatum__lte=tot)
        .filter(Q(schakeling__einddatum__isnull=True) | Q(schakeling__einddatum__gte=sinds))
        .values_list(*SCHAKELINGRIJ)
    )


def _per_schakeling_nodig(voorzieningen: Sequence[Voorziening]) -> Q | None:
    """The modules whose formula needs each schakeling rather than dossier-days: a CKG's
    begeleidingspunten (000 §14.4) and a CaH's crisis inzet (000 §14.2)."""
    ckg = [v.pk for v in voorzieningen if v.organisatietype == Organisatietype.CKG]
    cah = [v.pk for v in voorzieningen if v.organisatietype == Organisatietype.CAH]
    voorwaarde = Q(pk__in=[])
    if ckg:
        # The modules kwartaal.rules.telt_in_ckg_punten counts in points, as a filter.
        voorwaarde |= Q(schakeling__dossier__voorziening_id__in=ckg) & (
            Q(module__typemodule__functie__in=CKG_PUNTEN_FUNCTIES)
            | (
                Q(module__typemodule__ckg_punten__gt=0)
                & ~Q(module__typemodule__functie=Functie.VERBLIJF)
            )
        )
    if cah:
        voorwaarde |= Q(
            schakeling__dossier__voorziening_id__in=cah,
            module__typemodule__code__in=CAH_BEGELEIDING | CAH_INTERVENTIE,
        )
    return voorwaarde if ckg or cah else None


def _typemodule(t: TypemoduleModel, organisatietype: str) -> Typemodule:
    return typemodule(
        code=t.code,
        naam=t.naam,
        functie=t.functie,
        organisatietype=organisatietype,
        intensiteit=t.intensiteit,
        ckg_punten=t.ckg_punten or 0,
        in_verblijfscapaciteit=t.in_verblijfscapaciteit,
        geen_benutting_input=t.geen_benutting_input,
    )


def gegevens_voor(
    voorziening: Voorziening,
    van: datetime.date,
    tot: datetime.date,
    *,
    typemodules: list[str] | None = None,
) -> Gegevens:
    """One voorziening's data for a period (the schakelingen of only `typemodules`, if given)."""
    return gegevens_per_voorziening([voorziening], van, tot, typemodules=typemodules)[
        voorziening.pk
    ]


Periode = tuple[datetime.date, datetime.date]


def bezetting_van(
    voorziening: Voorziening, van: datetime.date, tot: datetime.date, codes: list[str]
) -> tuple[Gegevens, Bezetting]:
    """'Bereken bezettingsgraad' (000 §14.1) over the voorziening's own data for a period, as
    the screen, its export and the API show it; with the data, which the screen explains."""
    gegevens = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
    return gegevens, bezetting(gegevens, van, tot, codes)


def benutting_van(
    voorziening: Voorziening, kwartalen: list[tuple[int, int]], codes: list[str], namen: dict
) -> weergave.Benutting:
    """'Bereken benuttingsgraad' (000 §13) over the voorziening's own data for whole quarters,
    per function group as the screen, its export and the API show it."""
    van = kwartaal_grenzen(*kwartalen[0])[0]
    tot = kwartaal_grenzen(*kwartalen[-1])[1]
    gegevens = gegevens_voor(voorziening, van, tot)
    groepen = weergave.benutting_groepen(benutting(gegevens, kwartalen, codes), gegevens, namen)
    groepen.staten, leeg = kwartaal_staten(voorziening, kwartalen, codes, namen)
    groepen.niet_ingevuld(leeg)
    return groepen


def gegevens_overzicht(
    voorzieningen: Sequence[Voorziening],
    van: datetime.date,
    tot: datetime.date,
    *,
    typemodules: list[str] | None = None,
) -> dict[int, Gegevens]:
    """The voorzieningen's data for a bezetting over a period (the screen, the overview), with
    PostgreSQL summing the dossier-days per typemodule (the sweep in SQL: each dossier's
    intervals merged, a shared day once); only verzekerd aanbod and the CKG and CaH formulas
    need schakelingen in Python."""
    return gegevens_per_periode(voorzieningen, [(van, tot)], typemodules=typemodules)[0]


def gegevens_per_periode(
    voorzieningen: Sequence[Voorziening],
    perioden: list[Periode],
    *,
    typemodules: list[str] | None = None,
) -> list[dict[int, Gegevens]]:
    """`gegevens_overzicht` for several periods in one walk (the live preview). Given
    `typemodules`, the dossier-days of only those (and of what counts on them) are summed."""
    if not voorzieningen:
        return [{} for _ in perioden]
    van, tot = min(p[0] for p in perioden), max(p[1] for p in perioden)
    with met_werkgeheugen() as cursor:
        cursor.execute(
            DOSSIERDAGEN_SQL,
            {
                "van": van,
                "tot": tot,
                "vans": [p[0] for p in perioden],
                "tots": [p[1] for p in perioden],
                "ids": [v.pk for v in voorzieningen],
                "codes": typemodules,
            },
        )
        rijen = cursor.fetchall()
    codes = dict(TypemoduleModel.objects.values_list("pk", "code"))
    dagen: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    apart: dict[tuple[int, str], tuple] = {}
    for i, v, t, aantal, verzekerd in rijen:
        if aantal:
            dagen[i - 1, v][codes[t]] = int(aantal)
        for sch, dossier, soort, begin, einde, module in verzekerd or ():
            begin, einde = iso_of_none(begin), iso_of_none(einde)
            apart[sch, module] = (v, sch, dossier, soort, begin, einde, module, t, True)
    if (voorwaarde := _per_schakeling_nodig(voorzieningen)) is not None:
        sinds = min(_sinds(v, van) for v in voorzieningen)
        for rij in _schakelingrijen(voorwaarde, sinds, tot):
            apart.setdefault((rij[1], rij[6]), rij)
    gegevens = gegevens_per_voorziening(
        voorzieningen, van, tot, schakelingrijen=list(apart.values())
    )
    return [
        {
            pk: dataclasses.replace(g, dossierdagen=dagen[i, pk], periode=periode)
            for pk, g in gegevens.items()
        }
        for i, periode in enumerate(perioden)
    ]


def schakelingen_van_dossier(dossier_id: int) -> list[Schakeling]:
    """One dossier's schakelingen with their modules, for the live preview."""
    per: dict[int, list] = defaultdict(list)
    for rij in SchakelingModule.objects.filter(schakeling__dossier_id=dossier_id).values_list(
        "schakeling_id",
        "schakeling__begindatum",
        "schakeling__einddatum",
        "module__code",
        "module__typemodule__code",
        "verzekerd_aanbod",
    ):
        per[rij[0]].append(rij)
    return [
        Schakeling(
            id=str(pk),
            dossier=str(dossier_id),
            begin=rijen[0][1],
            einde=rijen[0][2],
            modules=tuple(Module(r[3], r[4], r[5]) for r in rijen),
        )
        for pk, rijen in per.items()
    ]
