"""Reads of the kwartaal and the capaciteit. Scoped by the tenancy manager: a voorziening sees
only its own kwartaalstaten and capacities."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import Lead
from django.http import Http404

from dossiers.models import SchakelingModule
from kwartaal.models import Capaciteit, ClientInzet, Kwartaalstaat, SoortInzet, TypemoduleInzet
from kwartaal.rules import Inzetregel, Kwartaal, inzetdagen


def inzetregels(
    voorziening_id: int,
    *,
    van: datetime.date | None = None,
    tot: datetime.date | None = None,
    dossier_id: int | None = None,
) -> list[Inzetregel]:
    """Every module of the voorziening's schakelingen (of one dossier) active between `van` and
    `tot`."""
    rows = SchakelingModule.objects.filter(schakeling__dossier__voorziening_id=voorziening_id)
    if dossier_id is not None:
        rows = rows.filter(schakeling__dossier_id=dossier_id)
    if tot is not None:
        rows = rows.filter(schakeling__begindatum__lte=tot)
    if van is not None:
        rows = rows.filter(
            Q(schakeling__einddatum__isnull=True) | Q(schakeling__einddatum__gte=van)
        )
    return [
        Inzetregel(*row)
        for row in rows.values_list(
            "schakeling__dossier_id",
            "module__typemodule_id",
            "schakeling__begindatum",
            "schakeling__einddatum",
        )
    ]


def kwartaalstaten() -> QuerySet[Kwartaalstaat]:
    return Kwartaalstaat.objects.order_by("-jaar", "-kwartaal")


def kwartalen_met_staat(
    vandaag: datetime.date,
) -> list[tuple[Kwartaal, Kwartaalstaat | None]]:
    """'Beheer modulair kwartaal': every quarter from the current one back to the first with a
    kwartaalstaat, newest first; a quarter without one (no schakeling was active) says so."""
    staten = {Kwartaal(s.jaar, s.kwartaal): s for s in kwartaalstaten()}
    if not staten:
        return []
    eerste, kwartaal = min(staten), Kwartaal.van(vandaag)
    result = []
    while eerste <= kwartaal:
        result.append(kwartaal)
        kwartaal = kwartaal.vorige()
    return [(k, staten.get(k)) for k in sorted({*result, *staten}, reverse=True)]


def onverwerkte_jaren(voorziening_id: int) -> set[int]:
    """The years in which the voorziening has a kwartaal that was never processed (not sent when
    Opgroeien processed the year): they do not lock its schakelingen (000 §4.2.4.1). A reopened
    kwartaal was processed: its year stays locked."""
    return set(
        Kwartaalstaat.objects.filter(voorziening_id=voorziening_id, verwerkt_op__isnull=True)
        .values_list("jaar", flat=True)
        .distinct()
    )


def kwartaalstaat_get(*, pk: int, for_update: bool = False) -> Kwartaalstaat:
    staten = Kwartaalstaat.objects.select_related("voorziening")
    if for_update:
        staten = staten.select_for_update(of=("self",))
    staat = staten.filter(pk=pk).first()
    if staat is None:
        raise Http404("Dit kwartaal bestaat niet (meer).")
    return staat


@dataclass
class Rij:
    """One typemodule of a kwartaalstaat as the overview shows it."""

    inzet: TypemoduleInzet
    clienten: int
    berekend: Decimal | None  # benutting = inzet: computed from the schakelingen, not entered

    @property
    def totaal(self) -> Decimal | None:
        return self.berekend if self.inzet.typemodule.benutting_is_inzet else self.inzet.totaal


def overzicht(staat: Kwartaalstaat) -> list[Rij]:
    """The typemodules the voorziening reports on: 'geen benutting-input' ones are stored but
    not shown (000 §12)."""
    inzet = list(
        TypemoduleInzet.objects.filter(kwartaalstaat=staat, typemodule__geen_benutting_input=False)
        .select_related("typemodule")
        .annotate(aantal=Count("clienten"))
        .order_by("typemodule__naam")
    )
    berekend = {}
    if any(i.typemodule.benutting_is_inzet for i in inzet):
        kwartaal = Kwartaal(staat.jaar, staat.kwartaal)
        per_typemodule = defaultdict(list)
        for regel in inzetregels(staat.voorziening_id, van=kwartaal.begin, tot=kwartaal.einde):
            per_typemodule[regel.typemodule_id].append(regel)
        berekend = {
            t: Decimal(inzetdagen(regels, kwartaal)) for t, regels in per_typemodule.items()
        }
    return [
        Rij(
            i,
            i.aantal,
            berekend.get(i.typemodule_id) if i.typemodule.benutting_is_inzet else None,
        )
        for i in inzet
    ]


@dataclass
class Verzonden:
    """One typemodule of a kwartaalstaat as Opgroeien reads it: the total, and the figures per
    client (with the dossier code) or per soort where the voorziening entered them."""

    rij: Rij
    clienten: list[ClientInzet]
    soorten: list[SoortInzet]


def staat_inhoud(staat: Kwartaalstaat) -> list[Verzonden]:
    """Opgroeien's read-only view of a kwartaalstaat (000 §12.2): three queries beside the
    totals, whatever the number of clients."""
    rijen = overzicht(staat)
    ids = [rij.inzet.pk for rij in rijen]
    clienten: dict[int, list[ClientInzet]] = defaultdict(list)
    for client in (
        ClientInzet.objects.filter(inzet_id__in=ids, benutting__isnull=False)
        .select_related("dossier__client")
        .order_by("dossier__client__naam", "dossier__client__voornaam", "dossier_id")
    ):
        clienten[client.inzet_id].append(client)
    soorten: dict[int, list[SoortInzet]] = defaultdict(list)
    for soort in SoortInzet.objects.filter(inzet_id__in=ids, benutting__isnull=False).order_by(
        "soort"
    ):
        soorten[soort.inzet_id].append(soort)
    return [Verzonden(rij, clienten[rij.inzet.pk], soorten[rij.inzet.pk]) for rij in rijen]


def inzet_get(staat: Kwartaalstaat, *, pk: int) -> TypemoduleInzet:
    """One typemodule of this kwartaalstaat, with its clients (or soorten); another
    kwartaalstaat's answers 404, also when the id is tampered with."""
    inzet = (
        TypemoduleInzet.objects.filter(kwartaalstaat=staat, pk=pk)
        .select_related("typemodule")
        .prefetch_related(
            Prefetch(
                "clienten",
                ClientInzet.objects.select_related("dossier__client").order_by(
                    "dossier__client__naam", "dossier__client__voornaam", "dossier_id"
                ),
            ),
            Prefetch("soorten", SoortInzet.objects.order_by("soort")),
        )
        .first()
    )
    if inzet is None or inzet.typemodule.geen_benutting_input:
        raise Http404("Deze typemodule hoort niet bij dit kwartaal.")
    return inzet


# --- Capaciteit ---------------------------------------------------------------------------------


def capaciteit_op(datum: datetime.date) -> list[Capaciteit]:
    """The active voorziening's capacity per typemodule on a day: per typemodule the latest row
    from before it (one index scan on capaciteit_op_dag)."""
    return list(
        Capaciteit.objects.filter(geldig_van__lte=datum)
        .order_by("typemodule_id", "-geldig_van")
        .distinct("typemodule_id")
        .select_related("typemodule", "overtal_op")
    )


def verblijfscapaciteit(rijen: list[Capaciteit]) -> Decimal:
    """000 §15: all verblijf typemodules are summed except Veilig verblijf and Verblijf in een
    gezinshuis."""
    return sum(
        (r.erkende_capaciteit for r in rijen if r.typemodule.in_verblijfscapaciteit), Decimal(0)
    )


def capaciteit_historiek(*, typemodule_id: int) -> QuerySet[Capaciteit]:
    return Capaciteit.objects.filter(typemodule_id=typemodule_id).order_by("-geldig_van")


def capaciteiten_in_periode(
    begin: datetime.date, einde: datetime.date, voorziening_ids: list[int] | None = None
) -> list[Capaciteit]:
    """Every capacity row in force at some day of the period, for many voorzieningen in one
    query: each row knows until when it holds (`geldig_tot`, the next row's date, exclusive)."""
    rows = Capaciteit.objects.annotate(
        geldig_tot=Window(
            Lead("geldig_van"),
            partition_by=[F("voorziening_id"), F("typemodule_id")],
            order_by=F("geldig_van").asc(),
        )
    ).filter(geldig_van__lte=einde)
    if voorziening_ids is not None:
        rows = rows.filter(voorziening_id__in=voorziening_ids)
    return [r for r in rows if r.geldig_tot is None or r.geldig_tot > begin]
