"""Read-side queries of the API's own records: the koppelingen a voorziening manages."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from api.models import Abonnement, Koppeling


def koppelingen_lijst() -> QuerySet[Koppeling]:
    """The active voorziening's koppelingen (the tenancy manager scopes them), with their
    maker and OAuth application."""
    return Koppeling.objects.select_related("aangemaakt_door", "application")


def koppeling_actief(pk: int) -> Koppeling | None:
    """One of the voorziening's koppelingen that is not revoked; None otherwise."""
    return Koppeling.objects.filter(pk=pk, ingetrokken_op__isnull=True).first()


def abonnementen_van(koppeling: Koppeling) -> QuerySet[Abonnement]:
    return Abonnement.objects.filter(koppeling=koppeling)


def abonnement_get(koppeling: Koppeling, pk: int) -> Abonnement:
    """One of the koppeling's own subscriptions; another's answers 404."""
    return get_object_or_404(Abonnement.objects.filter(koppeling=koppeling), pk=pk)


def koppelingen_actief() -> QuerySet[Koppeling]:
    return Koppeling.objects.filter(ingetrokken_op__isnull=True).order_by("naam")


def abonnementen_lijst() -> QuerySet[Abonnement]:
    """The active voorziening's subscriptions, with their koppeling."""
    return Abonnement.objects.select_related("koppeling").order_by("koppeling__naam", "pk")


def abonnement_van_voorziening(pk: int) -> Abonnement:
    return get_object_or_404(Abonnement.objects.select_related("koppeling"), pk=pk)
