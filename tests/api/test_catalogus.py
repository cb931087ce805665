"""The catalogue through the API: every typemodule with its code, and the modules the
voorziening may use with their periods, so a module code maps to its typemodule without
guessing and a client knows beforehand which modules a schakeling may carry."""

import datetime

import pytest

from binc.models import Typemodule
from tests.binc.factories import ModuleGoedkeuringFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.dossiers.zorg_helpers import m

pytestmark = [OP_VANDAAG, pytest.mark.django_db]


def _alles(api, pad: str) -> list[dict]:
    return api.get(pad, {"limit": 200}).json()["resultaten"]


def test_every_typemodule_is_listed_with_its_code(api):
    typemodules = {t["code"]: t for t in _alles(api, "typemodules/")}
    assert set(typemodules) == set(Typemodule.objects.values_list("code", flat=True))
    verblijf = typemodules[m("VBFBJB04").typemodule.code]
    assert set(verblijf) >= {"code", "naam", "functie", "eenheid"}


def test_the_modules_are_the_voorzienings_own_with_their_periods(api, omgeving):
    voorziening, _, _ = omgeving
    andere = VoorzieningFactory()
    ModuleGoedkeuringFactory(voorziening=andere, module=m("DAGBJB02"))
    ModuleGoedkeuringFactory(
        voorziening=voorziening,
        module=m("DAGBJB01"),
        geldig_van=datetime.date(2024, 1, 1),
        geldig_tot=datetime.date(2024, 12, 31),
    )
    modules = {mod["code"]: mod for mod in _alles(api, "modules/")}
    assert "DAGBJB02" not in modules  # another voorziening's approval
    assert modules["DAGBJB01"]["typemodule"] == m("DAGBJB01").typemodule.code
    assert modules["DAGBJB01"]["perioden"] == [{"van": "2024-01-01", "tot": "2024-12-31"}]
    assert modules["VBFBJB04"]["perioden"] == [{"van": "2015-01-01", "tot": None}]


def test_a_sandbox_lists_whom_its_stand_in_register_knows(api, settings):
    from binc.models import RijksregisterPersoon

    RijksregisterPersoon.objects.create(
        rijksregisternummer="14030112493",
        naam="Aerts",
        voornaam="Mila",
        geslacht="V",
        geboortedatum=datetime.date(2014, 3, 1),
    )
    settings.DEBUG = True
    [persoon] = api.get("testpersonen/").json()
    assert persoon["rijksregisternummer"] == "14030112493"
    identificeren = api.post(
        "clienten/",
        {
            "rijksregisternummer": persoon["rijksregisternummer"],
            "niet_begeleide_minderjarige": "nee",
            "land_van_origine": "België",
            "omgangstaal": "nl",
        },
    )
    assert identificeren.status_code == 201, identificeren.content
    settings.DEBUG = False  # production: the real register, no one to list
    assert api.get("testpersonen/").status_code == 404
