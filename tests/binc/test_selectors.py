import datetime

from binc.constants import GoedkeuringStatus
from binc.selectors import modules_approved_on
from binc.tenancy import voorziening_context
from tests.binc.factories import ModuleFactory, ModuleGoedkeuringFactory


def test_only_approved_active_modules_valid_that_day(
    voorziening, andere_voorziening, cross_voorziening
):
    day = datetime.date(2025, 6, 1)
    ok = ModuleGoedkeuringFactory(voorziening=voorziening).module
    ModuleGoedkeuringFactory(voorziening=voorziening, status=GoedkeuringStatus.AANGEVRAAGD)
    ModuleGoedkeuringFactory(voorziening=voorziening, actief=False)
    ModuleGoedkeuringFactory(voorziening=voorziening, module=ModuleFactory(actief=False))
    ModuleGoedkeuringFactory(voorziening=voorziening, geldig_van=datetime.date(2025, 6, 2))
    ModuleGoedkeuringFactory(voorziening=voorziening, geldig_tot=datetime.date(2025, 5, 31))
    ModuleGoedkeuringFactory(voorziening=andere_voorziening)
    last_day = ModuleGoedkeuringFactory(voorziening=voorziening, geldig_tot=day).module

    assert set(modules_approved_on(voorziening=voorziening, datum=day)) == {ok, last_day}


def test_in_a_request_context_another_voorzienings_modules_stay_out(
    voorziening, andere_voorziening, cross_voorziening
):
    ModuleGoedkeuringFactory(voorziening=andere_voorziening)
    with voorziening_context(voorziening):
        assert not modules_approved_on(
            voorziening=andere_voorziening, datum=datetime.date(2025, 1, 1)
        ).exists()
