import pytest

from binc.constants import Organisatietype
from binc.tenancy import voorziening_context
from tests.binc.factories import MedewerkerFactory, ModuleGoedkeuringFactory, VoorzieningFactory
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, m


@pytest.fixture
def omgeving(db):
    """An OVBJ with a few approved modules, a medewerker and an open dossier of a 12-year-old."""
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.OVBJ_VERBLIJF)
    for code in ["VBFBJB04", "VBFBJB05", "BEGBJB02", "BEGBJB05", "OBBJB01", "VBFBJB16"]:
        ModuleGoedkeuringFactory(voorziening=voorziening, module=m(code), geldig_van=D(2015, 1, 1))
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    dossier = DossierFactory(
        voorziening=voorziening, client=ClientFactory(geboortedatum=D(2014, 6, 1))
    )
    with voorziening_context(voorziening):
        yield voorziening, gebruiker, dossier
