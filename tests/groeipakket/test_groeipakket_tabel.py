"""Every module of the Groeipakket table (DOMAIN §5, 000 §4.2) against the catalogue: impact,
and the age condition on the begin date, the day before and the day of the 18th and 25th
birthday."""

import datetime

import pytest

from binc.constants import Organisatietype
from binc.models import Module
from dossiers import rules
from dossiers.rules import DossierFeiten, ModuleKeuze, SchakelingInvoer

D = datetime.date
BEGIN = D(2026, 1, 5)
ZONDER_GRENS = [
    "VBFBJB06", "VBFBJB07", "VBFBJB04", "VBFBJB05", "VBFBJB02", "VBFBJB16", "VBFBJB20",
    "VBFBJB17", "VBFBJB19", "VBFKG06",
]  # fmt: skip
MET_GRENS = {"BEGBJB05": 18, "BEGBJB16": 18, "VBFINT06": 25, "VBFINT04": 25, "VBFINT05": 25}


def _meldt(code: str, geboren: datetime.date) -> bool:
    module = Module.objects.select_related("typemodule").get(code=code)
    feiten = DossierFeiten(organisatietype=Organisatietype.OVBJ, geboortedatum=geboren)
    invoer = SchakelingInvoer(begindatum=BEGIN, einddatum=None, modules=[ModuleKeuze(module)])
    return bool(rules.impact(feiten, invoer))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ZONDER_GRENS)
def test_modules_with_impact_at_any_age(code):
    assert _meldt(code, D(2000, 1, 1))
    assert _meldt(code, D(2015, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "grens"), MET_GRENS.items())
def test_the_age_limit_counts_on_the_begin_date(code, grens):
    verjaardag = BEGIN.replace(year=BEGIN.year - grens)
    assert _meldt(code, verjaardag + datetime.timedelta(days=1))  # birthday tomorrow: younger
    assert not _meldt(code, verjaardag)  # the birthday itself: no longer younger


@pytest.mark.django_db
def test_a_module_outside_the_table_has_no_impact():
    assert not _meldt("BEGBJB02", D(2015, 1, 1))
