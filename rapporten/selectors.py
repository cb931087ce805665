"""The report definitions of 000 §17.2, each written once as a selector that returns the set of
dossiers it counts; every table of every report is built from these sets. `basis` is the
dossiers to choose from: the active voorziening's (the default, scoped by tenancy) or, for the
comparison columns, those of an organisatietype in Flanders or a province."""

import datetime
from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet

from dossiers.constants import DossierStatus
from dossiers.models import Dossier
from rapporten.constants import AanvraagStatus
from rapporten.models import RapportAanvraag

D = datetime.date
if TYPE_CHECKING:
    from typing import TypedDict

    from django_stubs_ext import WithAnnotations

    class _Start(TypedDict):
        eerste_schakeling: D
        start: D

    # Dossiers with the annotations of `met_start`, which the definitions filter on.
    MetStart = QuerySet[WithAnnotations[Dossier, _Start]]


def met_start(basis: QuerySet[Dossier] | None = None) -> "MetStart":
    """Each dossier with `eerste_schakeling` (the start of 'Start hulpaanbod') and `start`
    ('startdatum lopend dossier', else that first schakeling's start): columns the dossier
    keeps (dossier_summary_refresh), read from one index over the organisatietype."""
    queryset = basis if basis is not None else Dossier.objects.all()
    return queryset.annotate(
        eerste_schakeling=F("eerste_schakeling_begindatum"),
        start=F("startdatum"),
    )


def opgestart_q(van: D, tot: D) -> Q:
    """000 §17.2 'opgestart': 'startdatum lopend dossier' in the period; when blank, the start
    of 'Start hulpaanbod' (the first schakeling) in the period. Over `met_start`."""
    return Q(start__gte=van, start__lte=tot)


def afgesloten_q(van: D, tot: D) -> Q:
    """000 §17.2 'afgesloten': the end of the care (the last schakeling) in the period and
    status 'Afgesloten': an end date alone does not close a dossier."""
    return Q(
        status=DossierStatus.AFGESLOTEN,
        laatste_schakeling_einddatum__gte=van,
        laatste_schakeling_einddatum__lte=tot,
    )


def lopend_q(van: D, tot: D) -> Q:
    """000 §17.2 'lopend': the first schakeling started before the period, status 'Open'."""
    return Q(eerste_schakeling__lt=van, status=DossierStatus.OPEN)


def alle_q(van: D, tot: D) -> Q:
    """000 §17.2 'alle': opgestart, afgesloten or lopend, each dossier once."""
    return opgestart_q(van, tot) | afgesloten_q(van, tot) | lopend_q(van, tot)


def opgestarte(van: D, tot: D, basis: QuerySet[Dossier] | None = None) -> QuerySet[Dossier]:
    return met_start(basis).filter(opgestart_q(van, tot))


def afgesloten(van: D, tot: D, basis: QuerySet[Dossier] | None = None) -> QuerySet[Dossier]:
    return met_start(basis).filter(afgesloten_q(van, tot))


def lopende(van: D, tot: D, basis: QuerySet[Dossier] | None = None) -> QuerySet[Dossier]:
    return met_start(basis).filter(lopend_q(van, tot))


def alle(van: D, tot: D, basis: QuerySet[Dossier] | None = None) -> QuerySet[Dossier]:
    return met_start(basis).filter(alle_q(van, tot))


def aanvragen() -> QuerySet[RapportAanvraag]:
    """The active voorziening's requests, newest first (scoped by tenancy)."""
    return RapportAanvraag.objects.select_related("gebruiker")


def aanvraag_get(*, pk: int) -> RapportAanvraag | None:
    return RapportAanvraag.objects.select_related("voorziening").filter(pk=pk).first()


def geschatte_duur(soort: str) -> datetime.timedelta | None:
    """How long this report took lately, from start to finish (the median of the last ten,
    any voorziening): an honest estimate for a request still waiting or running."""
    duren = sorted(
        klaar - gestart
        for gestart, klaar in RapportAanvraag._base_manager.filter(
            soort=soort, status=AanvraagStatus.KLAAR
        )
        .exclude(gestart_op=None)
        .exclude(klaar_op=None)
        .order_by("-klaar_op")
        .values_list("gestart_op", "klaar_op")[:10]
        if gestart and klaar
    )
    return duren[len(duren) // 2] if duren else None
