"""Feeding the engine from PostgreSQL: one voorziening's capacities, schakelingen with their
modules and kwartaal benutting in a few set-based queries, whatever the number of dossiers."""

import dataclasses
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
from binc.databank import met_werkgeheugen
from binc.dates import iso_of_none
from binc.models import ModuleGoedkeuring, Voorziening
from binc.models import Typemodule as TypemoduleModel
from dossiers.models import SchakelingModule
from kwartaal.models import Capaciteit as CapaciteitModel
from kwartaal.models import TypemoduleInzet

CAH_BEGELEIDING = {"cb-crisis", "crisisbegeleiding-cmp"}
CAH_INTERVENTIE = {"crisisinterventie-cmp"}
CKG_PUNTEN = {Functie.BEGELEIDING, Functie.TRAINING, Functie.DAGOPVANG}
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


def _sinds(voorziening: Voorziening, van: datetime.date) -> datetime.date:
    # A CKG's count in a year depends on the months of the years before (000 §14.4).
    if voorziening.organisatietype == Organisatietype.CKG:
        return datetime.date(van.year - 3, 1, 1)
    return van


def gegevens_per_voorziening(
    voorzieningen: list[Voorziening],
    van: datetime.date,
    tot: datetime.date,
    *,
    schakelingrijen: list[tuple] | None = None,
) -> dict[int, Gegevens]:
    """Every voorziening's data for a period in four queries, however many there are; given
    `schakelingrijen` (the overview's verzekerd aanbod, read with its dossier-days) it reads
    no schakelingen itself."""
    sinds = min((_sinds(v, van) for v in voorzieningen), default=van)
    ids = [v.pk for v in voorzieningen]
    capaciteit: dict[int, list[CapaciteitModel]] = defaultdict(list)
    typemodule_ids = set()
    for rij in CapaciteitModel.objects.filter(voorziening_id__in=ids):
        capaciteit[rij.voorziening_id].append(rij)
        typemodule_ids.add(rij.typemodule_id)
        if rij.overtal_op_id:
            typemodule_ids.add(rij.overtal_op_id)
    rijen = (
        schakelingrijen
        if schakelingrijen is not None
        else _schakelingrijen(Q(schakeling__dossier__voorziening_id__in=ids), sinds, tot)
    )
    per_schakeling: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for rij in rijen:
        per_schakeling[rij[0]][rij[1]].append(rij)
        typemodule_ids.add(rij[7])
    typemodules = {t.pk: t for t in TypemoduleModel.objects.filter(pk__in=typemodule_ids)}
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
        if t in typemodules:
            benutting[v].append(Benutting(jaar, nummer, typemodules[t].code, totaal))
    result = {}
    for voorziening in voorzieningen:
        eigen_ids = {c.typemodule_id for c in capaciteit[voorziening.pk]} | {
            m[7] for modules in per_schakeling[voorziening.pk].values() for m in modules
        }
        result[voorziening.pk] = Gegevens(
            organisatietype=voorziening.organisatietype.upper(),
            typemodules={
                typemodules[t].code: _typemodule(typemodules[t], voorziening.organisatietype)
                for t in eigen_ids
            },
            capaciteit=[
                Capaciteit(
                    typemodule=typemodules[c.typemodule_id].code,
                    van=c.geldig_van,
                    erkend=c.erkende_capaciteit,
                    innovatief=c.innovatief_project,
                    verzekerd=c.verzekerd_aanbod,
                    overtal_op=typemodules[c.overtal_op_id].code if c.overtal_op_id else None,
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
                        Module(
                            module=m[6], typemodule=typemodules[m[7]].code, verzekerd_aanbod=m[8]
                        )
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


def _per_schakeling_nodig(voorzieningen: list[Voorziening]) -> Q | None:
    """The modules whose formula needs each schakeling rather than dossier-days: a CKG's
    begeleidingspunten (000 §14.4) and a CaH's crisis inzet (000 §14.2)."""
    ckg = [v.pk for v in voorzieningen if v.organisatietype == Organisatietype.CKG]
    cah = [v.pk for v in voorzieningen if v.organisatietype == Organisatietype.CAH]
    voorwaarde = Q(pk__in=[])
    if ckg:
        voorwaarde |= Q(
            schakeling__dossier__voorziening_id__in=ckg,
            module__typemodule__functie__in=CKG_PUNTEN,
        )
    if cah:
        voorwaarde |= Q(
            schakeling__dossier__voorziening_id__in=cah,
            module__typemodule__code__in=CAH_BEGELEIDING | CAH_INTERVENTIE,
        )
    return voorwaarde if ckg or cah else None


def _typemodule(t: TypemoduleModel, organisatietype: str) -> Typemodule:
    return Typemodule(
        code=t.code,
        naam=t.naam,
        functie=t.functie,
        bezetting=formule(t, organisatietype),
        intensiteit=t.intensiteit or Decimal(1),
        ckg_punten=t.ckg_punten or 0,
        in_verblijfscapaciteit=t.in_verblijfscapaciteit,
    )


def gegevens_voor(voorziening: Voorziening, van: datetime.date, tot: datetime.date) -> Gegevens:
    """One voorziening's data for a period."""
    return gegevens_per_voorziening([voorziening], van, tot)[voorziening.pk]


# One walk over the voorzieningen's schakelingen in the period: the dossier-days per typemodule
# and beside them the modules used as verzekerd aanbod, which the engine needs one by one. Each
# dossier's intervals, in order of begin date, count only their days after the latest end so far
# (the union's length: a shared boundary day once). One sort, one window, one aggregate, no
# materialised intermediate: PostgreSQL runs the joins and the sort in parallel. Rows:
# (voorziening, typemodule, dossier-days, [[schakeling, dossier, soort, begin, end, module]…]).
DOSSIERDAGEN_SQL = """
SELECT v, t, sum(greatest(0, e - greatest(b, vorig + 1) + 1)),
    json_agg(json_build_array(sch, dos, soort, begindatum, einddatum, code))
        FILTER (WHERE verzekerd)
FROM (
    SELECT d.voorziening_id AS v, m.typemodule_id AS t, s.dossier_id AS dos, s.id AS sch,
        s.soort, s.begindatum, s.einddatum, m.code, sm.verzekerd_aanbod AS verzekerd,
        greatest(s.begindatum, %(van)s) AS b,
        least(coalesce(s.einddatum, %(tot)s), %(tot)s) AS e,
        max(least(coalesce(s.einddatum, %(tot)s), %(tot)s)) OVER (
            PARTITION BY s.dossier_id, m.typemodule_id ORDER BY s.begindatum, s.einddatum
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS vorig
    FROM dossiers_dossier d
    JOIN dossiers_schakeling s ON s.dossier_id = d.id
    JOIN dossiers_schakelingmodule sm ON sm.schakeling_id = s.id
    JOIN binc_module m ON m.id = sm.module_id
    WHERE d.voorziening_id = ANY(%(ids)s)
      AND s.begindatum <= %(tot)s AND coalesce(s.einddatum, %(tot)s) >= %(van)s
) x
GROUP BY v, t
"""


def gegevens_overzicht(
    voorzieningen: list[Voorziening], van: datetime.date, tot: datetime.date
) -> dict[int, Gegevens]:
    """The voorzieningen's data for a bezetting over a period (the screen, the overview, the
    preview), with PostgreSQL summing the dossier-days per typemodule (the sweep in SQL: each
    dossier's intervals merged, a shared day once); only verzekerd aanbod and the CKG and CaH
    formulas need schakelingen in Python."""
    if not voorzieningen:
        return {}
    with met_werkgeheugen() as cursor:
        ids = [v.pk for v in voorzieningen]
        cursor.execute(DOSSIERDAGEN_SQL, {"van": van, "tot": tot, "ids": ids})
        rijen = cursor.fetchall()
    codes = dict(TypemoduleModel.objects.values_list("pk", "code"))
    dagen: dict[int, dict[str, int]] = defaultdict(dict)
    apart = []
    for v, t, aantal, verzekerd in rijen:
        dagen[v][codes[t]] = int(aantal)
        for sch, dossier, soort, begin, einde, module in verzekerd or ():
            begin, einde = iso_of_none(begin), iso_of_none(einde)
            apart.append((v, sch, dossier, soort, begin, einde, module, t, True))
    if (voorwaarde := _per_schakeling_nodig(voorzieningen)) is not None:
        sinds = min(_sinds(v, van) for v in voorzieningen)
        gelezen = {(rij[1], rij[6]) for rij in apart}
        apart += [
            rij
            for rij in _schakelingrijen(voorwaarde, sinds, tot)
            if (rij[1], rij[6]) not in gelezen
        ]
    gegevens = gegevens_per_voorziening(voorzieningen, van, tot, schakelingrijen=apart)
    return {
        pk: dataclasses.replace(g, dossierdagen=dagen[pk], periode=(van, tot))
        for pk, g in gegevens.items()
    }


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
