"""Read-side queries of the API's own records: the koppelingen a voorziening manages."""

from django.db.models import QuerySet

from api.models import Koppeling


def koppelingen_lijst() -> QuerySet[Koppeling]:
    """The active voorziening's koppelingen (the tenancy manager scopes them), with their
    maker and OAuth application."""
    return Koppeling.objects.select_related("aangemaakt_door", "application")


def koppeling_actief(pk: int) -> Koppeling | None:
    """One of the voorziening's koppelingen that is not revoked; None otherwise."""
    return Koppeling.objects.filter(pk=pk, ingetrokken_op__isnull=True).first()
