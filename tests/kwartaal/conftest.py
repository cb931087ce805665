import pytest

from binc.constants import Organisatietype
from binc.tenancy import voorziening_context
from tests.binc.factories import MedewerkerFactory, ModuleGoedkeuringFactory, VoorzieningFactory
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, m

MODULES = ["VBFBJB04", "BEGBJB02", "BEGBJB05", "OBBJB01", "DAGBJB01"]


@pytest.fixture
def omgeving(db):
    """An OVBJ with approved modules, a medewerker and three open dossiers."""
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.OVBJ_VERBLIJF)
    for code in MODULES:
        ModuleGoedkeuringFactory(voorziening=voorziening, module=m(code), geldig_van=D(2015, 1, 1))
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    dossiers = [
        DossierFactory(voorziening=voorziening, client=ClientFactory(geboortedatum=D(2012, 6, 1)))
        for _ in range(3)
    ]
    with voorziening_context(voorziening):
        yield voorziening, gebruiker, dossiers
