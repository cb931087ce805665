"""Shared steps for the beslissingen and schakelingen tests."""

import datetime

from binc.models import Module
from dossiers.models import Schakeling
from dossiers.rules import ModuleKeuze, SchakelingInvoer
from dossiers.services.beslissingen import beslissing_create
from dossiers.services.schakelingen import schakeling_add

D = datetime.date


def m(code: str) -> Module:
    return Module.objects.get(code=code)


def beslissing(dossier, gebruiker, begin=None, codes=("VBFBJB04",)):
    begin = begin or D(2026, 1, 5)
    return beslissing_create(
        dossier_pk=dossier.pk,
        gebruiker=gebruiker,
        modules=[m(c) for c in codes],
        begindatum=begin,
        verwijzingsgrond="vrijwillig",
        gemandateerde_voorziening="geen",
    )


def invoer(begin, einde=None, codes=("BEGBJB02",), **extra):
    keuzes = extra.pop("keuzes", None) or [ModuleKeuze(m(c)) for c in codes]
    return SchakelingInvoer(begindatum=begin, einddatum=einde, modules=keuzes, **extra)


def add(dossier, gebruiker, b, begin, einde=None, codes=("BEGBJB02",), **extra):
    result = schakeling_add(
        dossier_pk=dossier.pk,
        beslissing_pk=b.pk,
        invoer=invoer(begin, einde, codes, **extra),
        gebruiker=gebruiker,
        bevestigd=True,
    )
    assert isinstance(result.object, Schakeling), result
    return result.object
