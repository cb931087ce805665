"""Reads of a dossier's beslissingen and schakelingen, and the facts the rules need."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from binc.models import Module, Voorziening
from binc.selectors import modules_approved_on
from dossiers import hooks, rules
from dossiers.constants import SchakelingSoort
from dossiers.models import (
    Beslissing,
    Dossier,
    Schakeling,
    SchakelingWijziging,
    VerwerktJaar,
)
from dossiers.rules import DossierFeiten, ModuleKeuze, SchakelingInvoer

# Most recent on top: begin date, then creation (000 §4.2.2).
BESLISSING_VOLGORDE = ("-begindatum", "-aangemaakt_op", "-id")
SCHAKELING_VOLGORDE = ("-begindatum", "-id")


def verwerkte_jaren(voorziening_id: int) -> set[int]:
    """The processed years that lock the voorziening's schakelingen (000 §4.2.4.1): the years
    Opgroeien processed (000 §12.2), less those in which the voorziening still has a kwartaal
    that was not sent and so not processed (docs/decisions.md)."""
    jaren = set(VerwerktJaar.objects.values_list("jaar", flat=True))
    return jaren - hooks.onverwerkte_jaren(voorziening_id) if jaren else jaren


def in_pleegzorg(
    *,
    client_id: int,
    begin: datetime.date,
    einde: datetime.date | None,
    behalve: int | None = None,
) -> bool:
    """Whether the client is in a pleeggezin (a pleegzorg typemodule of the catalogue) in any
    dossier, of any voorziening, on a day of [begin, einde] (000 §4.2.7). It answers yes or no
    and shows nothing of the other voorziening, so it reads past the tenancy on purpose."""
    schakelingen = Schakeling._base_manager.filter(
        dossier__client_id=client_id,
        modules__module__typemodule__pleegzorg=True,
        begindatum__lte=einde or datetime.date.max,
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
    if behalve is not None:
        schakelingen = schakelingen.exclude(pk=behalve)
    return schakelingen.exists()


def laatste_beslissing(dossier: Dossier) -> Beslissing | None:
    """The most recent beslissing (begin date, then creation): the only one schakelingen go
    under (000 §4.2.2)."""
    return Beslissing.objects.filter(dossier=dossier).order_by(*BESLISSING_VOLGORDE).first()


def beslissing_get(dossier: Dossier, pk: int) -> Beslissing | None:
    """One beslissing of the dossier; None once a colleague deleted it."""
    return Beslissing.objects.filter(pk=pk, dossier=dossier).first()


def beslissingen_van(dossier: Dossier) -> QuerySet[Beslissing]:
    """The dossier's beslissingen with their modules, most recent first."""
    return (
        Beslissing.objects.filter(dossier=dossier)
        .prefetch_related("modules")
        .order_by(*BESLISSING_VOLGORDE)
    )


def schakelingen_van(dossier: Dossier) -> QuerySet[Schakeling]:
    """The dossier's schakelingen with their modules and pleegzorgers, most recent first."""
    return (
        Schakeling.objects.filter(dossier=dossier)
        .prefetch_related("modules__module", "pleegzorgers")
        .order_by(*SCHAKELING_VOLGORDE)
    )


def schakeling_get(dossier: Dossier, pk: int) -> Schakeling:
    """One schakeling of the dossier with what its form shows; 404 for any other."""
    return get_object_or_404(
        Schakeling.objects.prefetch_related("modules__module__typemodule", "pleegzorgers"),
        pk=pk,
        dossier=dossier,
    )


def heeft_schakeling(dossier: Dossier) -> bool:
    return Schakeling.objects.filter(dossier=dossier).exists()


def eerste_schakeling_begindatum(dossier: Dossier) -> datetime.date | None:
    return (
        Schakeling.objects.filter(dossier=dossier)
        .order_by("begindatum", "id")
        .values_list("begindatum", flat=True)
        .first()
    )


def laatste_schakeling(dossier: Dossier, *, behalve: int | None = None) -> Schakeling | None:
    queryset = Schakeling.objects.filter(dossier=dossier)
    if behalve is not None:
        queryset = queryset.exclude(pk=behalve)
    return (
        queryset.order_by("-begindatum", "-id")
        .prefetch_related("modules__module__typemodule", "pleegzorgers")
        .first()
    )


def schakeling_invoer(schakeling: Schakeling) -> SchakelingInvoer:
    """A stored schakeling as the rules' input, for comparing and copying."""
    return SchakelingInvoer(
        begindatum=schakeling.begindatum,
        einddatum=schakeling.einddatum,
        modules=[
            ModuleKeuze(
                module=sm.module,
                verzekerd_aanbod=sm.verzekerd_aanbod,
                behandeling_gericht_op=list(sm.behandeling_gericht_op),
                overbruggingszorg=sm.overbruggingszorg,
                ob_vorm=sm.ob_vorm,
            )
            for sm in schakeling.modules.select_related("module__typemodule")
        ],
        zwaartepunt_elders=schakeling.zwaartepunt_elders,
        uitbetaling_aan_ouders=schakeling.uitbetaling_aan_ouders,
        pleegzorgers=[(p.rijksregisternummer, p.naam) for p in schakeling.pleegzorgers.all()],
        verlenging=schakeling.soort == SchakelingSoort.VERLENGING,
        aangemaakt_op=timezone.localdate(schakeling.aangemaakt_op),
    )


def dossier_start(dossier: Dossier) -> datetime.date | None:
    """'Startdatum lopend dossier', else the first schakeling's begin (000 §4.1)."""
    if dossier.aanmelding.startdatum_lopend_dossier:
        return dossier.aanmelding.startdatum_lopend_dossier
    return (
        Schakeling.objects.filter(dossier=dossier)
        .order_by("begindatum")
        .values_list("begindatum", flat=True)
        .first()
    )


def dossier_feiten(dossier: Dossier) -> DossierFeiten:
    aanmelding = dossier.aanmelding
    return DossierFeiten(
        organisatietype=dossier.voorziening.organisatietype,
        aanmelder=aanmelding.aanmelder,
        specifieke_aanmelding=aanmelding.specifieke_aanmelding,
        geboortedatum=dossier.client.geboortedatum,
        afgesloten_op=dossier.afgesloten_op,
        start=dossier_start(dossier),
        vandaag=timezone.localdate(),
    )


def approved_module_ids(*, voorziening: Voorziening, datum: datetime.date) -> set[int]:
    return set(
        modules_approved_on(voorziening=voorziening, datum=datum).values_list("pk", flat=True)
    )


def modules_by_pk(pks: list[int]) -> list[Module]:
    return list(Module.objects.filter(pk__in=pks).select_related("typemodule"))


@dataclass
class Zorg:
    """The dossier's beslissingen, latest on top, each with its schakelingen, latest on top."""

    beslissingen: list
    laatste_schakeling_id: int | None
    laatste_beslissing_id: int | None
    verwerkt: set[int]
    # Per schakeling, its Groeipakket messages (newest first) and whether a change still waits
    # for tonight's batch.
    groeipakket: dict[int, list[Any]]
    wacht: set[int]
    # What the page offers, by the same rules the services check (000 §4.2.4.1, §9).
    laatste_wijzigbaar: bool = True
    laatste_verwijderbaar: bool = True
    schakeling_toevoegbaar: bool = True


def dossier_zorg(*, dossier: Dossier) -> Zorg:
    schakelingen = Schakeling.objects.order_by("-begindatum", "-id").prefetch_related(
        "modules__module", "pleegzorgers"
    )
    beslissingen = list(
        Beslissing.objects.filter(dossier=dossier)
        .order_by(*BESLISSING_VOLGORDE)
        .prefetch_related("modules", Prefetch("schakelingen", queryset=schakelingen))
    )
    alle = [s for b in beslissingen for s in b.schakelingen.all()]
    laatste = max(alle, key=lambda s: (s.begindatum, s.pk), default=None)
    # The Groeipakket app's messages per schakeling (000 §4.2), through the hook it fills.
    groeipakket = hooks.groeipakket_berichten(dossier.pk)
    wacht = set(
        SchakelingWijziging.objects.filter(
            dossier_id=dossier.pk, groeipakket=True, verzonden_op__isnull=True
        ).values_list("schakeling_id", flat=True)
    )
    verwerkt = verwerkte_jaren(dossier.voorziening_id)
    return Zorg(
        beslissingen=beslissingen,
        laatste_schakeling_id=laatste.pk if laatste else None,
        laatste_beslissing_id=beslissingen[0].pk if beslissingen else None,
        verwerkt=verwerkt,
        groeipakket=groeipakket,
        wacht=wacht,
        laatste_wijzigbaar=laatste is not None and rules.schakeling_wijzigbaar(laatste, verwerkt),
        laatste_verwijderbaar=laatste is not None
        and rules.schakeling_verwijderbaar(laatste, verwerkt),
        schakeling_toevoegbaar=rules.schakeling_toevoegbaar(
            laatste, afgesloten_op=dossier.afgesloten_op, verwerkt=verwerkt
        ),
    )


def schakeling_voorstel(beslissing: Beslissing, vorige: Schakeling | None) -> dict:
    """The new schakeling's defaults: it follows the beslissing (000 §4.2), so the first one
    under a beslissing offers its begin date and modulair aanbod; a follow-up starts on the
    previous end date (a seamless follow-up shares that day) or the beslissing's, the later."""
    data = [d for d in (beslissing.begindatum, vorige.einddatum if vorige else None) if d]
    voorstel: dict = {"begindatum": max(data)}
    if vorige is None or vorige.beslissing_id != beslissing.pk:
        voorstel["modules"] = list(beslissing.modules.all())
    return voorstel


def verlenging_mogelijk(
    dossier: Dossier, beslissing: Beslissing, vorige: Schakeling | None
) -> bool:
    """Whether a new schakeling under `beslissing` may be a verlenging of `vorige`."""
    return rules.verlenging_mogelijk(
        vorige,
        onder_andere_beslissing=vorige is not None and vorige.beslissing_id != beslissing.pk,
        verwerkt=verwerkte_jaren(dossier.voorziening_id),
    )
