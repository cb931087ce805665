"""Read-side queries of the core. Voorziening-scoped models are filtered by the tenancy
manager; these functions add what each screen or service needs on top."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from binc.constants import GoedkeuringStatus, Organisatietype
from binc.models import (
    Activiteit,
    DienstMedewerker,
    Gebruiker,
    Medewerker,
    Module,
    ModuleGoedkeuring,
    Typemodule,
    Voorziening,
)


def voorzieningen_of(*, gebruiker: Gebruiker) -> QuerySet[Voorziening]:
    """The voorzieningen a gebruiker may work for: active memberships of active voorzieningen."""
    return Voorziening.objects.filter(
        actief=True,
        pk__in=Medewerker.objects.filter(gebruiker=gebruiker, actief=True).values("voorziening"),
    ).order_by("naam")


def werkt_voor_een_dienst(*, gebruiker: Gebruiker) -> bool:
    """A medewerker of OCJ, SDJ, a GI or Opgroeien (000 §18): Binc's documents only."""
    return DienstMedewerker.objects.filter(gebruiker=gebruiker).exists()


def lidmaatschap(*, gebruiker: Gebruiker, voorziening_id: int) -> Medewerker | None:
    """The gebruiker's active membership of an active voorziening, with `aantal_voorzieningen`
    they may work for (the same rule as `voorzieningen_of`)."""
    actief = Medewerker.objects.filter(gebruiker=gebruiker, actief=True, voorziening__actief=True)
    aantal = actief.order_by().values("gebruiker").annotate(n=Count("pk")).values("n")[:1]
    return (
        actief.filter(voorziening_id=voorziening_id)
        .select_related("voorziening")
        .annotate(aantal_voorzieningen=Subquery(aantal))
        .first()
    )


def goedkeuring_list(*, zoek: str = "", alleen_actief: bool = True) -> QuerySet[ModuleGoedkeuring]:
    """The active voorziening's modules from the moduledatabank, for the 'Modules' screen."""
    queryset = ModuleGoedkeuring.objects.select_related("module__typemodule")
    if alleen_actief:
        queryset = queryset.filter(actief=True, module__actief=True)
    if zoek:
        queryset = queryset.filter(
            Q(module__code__icontains=zoek)
            | Q(module__naam__icontains=zoek)
            | Q(module__typemodule__naam__icontains=zoek)
        )
    return queryset.order_by("module__typemodule__naam", "module__code")


def goedkeuring_get(*, pk: int) -> ModuleGoedkeuring:
    return get_object_or_404(ModuleGoedkeuring.objects.select_related("module__typemodule"), pk=pk)


def modules_approved_on(*, voorziening: Voorziening, datum: datetime.date) -> QuerySet[Module]:
    """Modules a voorziening may use on a date: approved for it in the moduledatabank, present
    in the latest export, and valid that day (000 §4.2: 'enkel de modules die voor uw
    voorziening zijn goedgekeurd')."""
    approvals = ModuleGoedkeuring.objects.filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum),
        voorziening=voorziening,
        status=GoedkeuringStatus.GOEDGEKEURD,
        actief=True,
        geldig_van__lte=datum,
    )
    return (
        Module.objects.filter(actief=True, pk__in=approvals.values("module"))
        .select_related("typemodule")
        .order_by("typemodule__naam", "code")
    )


def modules_goedgekeurd(voorziening: Voorziening) -> QuerySet[Module]:
    """Modules the voorziening may ever choose (its active approvals); whether one is valid on
    a date is the service's check (`modules_approved_on`)."""
    return (
        Module.objects.filter(actief=True, pk__in=_goedkeuringen(voorziening).values("module"))
        .select_related("typemodule")
        .order_by("typemodule__naam", "code")
    )


def _goedkeuringen(voorziening: Voorziening) -> QuerySet[ModuleGoedkeuring]:
    return ModuleGoedkeuring.objects.filter(
        voorziening=voorziening, actief=True, status=GoedkeuringStatus.GOEDGEKEURD
    )


def modules_met_perioden(voorziening: Voorziening) -> QuerySet[Module]:
    """The same, each with `perioden`: the periods its approvals cover, oldest first."""
    perioden = _goedkeuringen(voorziening).order_by("geldig_van", "pk")
    return modules_goedgekeurd(voorziening).prefetch_related(
        Prefetch("goedkeuringen", queryset=perioden, to_attr="perioden")
    )


def typemodules() -> QuerySet[Typemodule]:
    return Typemodule.objects.order_by("code")


def medewerkers_en(*, voorziening: Voorziening, ook: set[int]) -> list[Gebruiker]:
    """The voorziening's medewerkers and the other persons named (former colleagues who still
    hold its dossiers), by name: one query."""
    return list(
        Gebruiker.objects.filter(Q(lidmaatschappen__voorziening=voorziening) | Q(pk__in=ook))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def module_ids_op_code(codes: list[str]) -> dict[str, int]:
    """The modules' ids by their moduledatabank code; an unknown code is simply absent."""
    return dict(Module.objects.filter(code__in=codes).values_list("code", "pk"))


def laatste_activiteit_id() -> int:
    """The feed's cursor now: a subscription starts here."""
    return Activiteit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def activiteiten_na(na: int, *, voor: datetime.datetime, aantal: int) -> list[Activiteit]:
    """The activity log after the cursor `na`, in order, up to the rows logged before `voor`."""
    return list(
        Activiteit.objects.filter(pk__gt=na, tijdstip__lt=voor)
        .select_related("gebruiker")
        .order_by("pk")[:aantal]
    )


def voorzieningen_met_capaciteit(
    *, organisatietype: str = "", provincie: str = ""
) -> QuerySet[Voorziening]:
    """The active voorzieningen recognised on capacity (every kind but pleegzorg, 000 §14),
    of one type and province if asked."""
    voorzieningen = Voorziening.objects.filter(actief=True).exclude(
        organisatietype=Organisatietype.PLEEGZORG
    )
    if organisatietype:
        voorzieningen = voorzieningen.filter(organisatietype=organisatietype)
    if provincie:
        voorzieningen = voorzieningen.filter(provincie=provincie)
    return voorzieningen


def voorziening_met_capaciteit_get(pk: int) -> Voorziening:
    """One voorziening recognised on capacity, active or not; 404 for pleegzorg."""
    return get_object_or_404(
        Voorziening.objects.exclude(organisatietype=Organisatietype.PLEEGZORG), pk=pk
    )
