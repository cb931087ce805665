"""'Antwoordbestand opladen' in Chromium (axe-core on every page): Opgroeien's
dossierbehandelaar uploads the funds' answer to last night's batch. A file that is no answer
is refused at the field and changes nothing; the answer is applied and the message says so."""

import datetime
import json

from playwright.sync_api import expect

from binc.constants import Organisatietype
from binc.tenancy import all_voorzieningen, voorziening_context
from groeipakket.batch import batch_maken
from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBericht
from groeipakket.relay import afleveren
from tests.binc.factories import (
    MedewerkerFactory,
    ModuleFactory,
    ModuleGoedkeuringFactory,
    TypemoduleFactory,
    VoorzieningFactory,
)
from tests.browser.helpers import als_dossierbehandelaar
from tests.conftest import OP_VANDAAG, VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import add, beslissing

pytestmark = OP_VANDAAG


def _verzonden_bericht(tmp_path, settings) -> GroeipakketBericht:
    """A placement in a verblijf module, in last night's batch, delivered."""
    settings.GROEIPAKKET_UITGAAND = str(tmp_path / "uit")
    settings.GROEIPAKKET_ANTWOORDEN = str(tmp_path / "antwoorden")
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.OVBJ_VERBLIJF)
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    verblijf = TypemoduleFactory(code="verblijf-test", functie="verblijf", groeipakket_impact=True)
    module = ModuleFactory(code="VBFTST01", naam="Verblijf", typemodule=verblijf)
    ModuleGoedkeuringFactory(
        voorziening=voorziening, module=module, geldig_van=datetime.date(2015, 1, 1)
    )
    begin = VANDAAG - datetime.timedelta(days=30)
    with voorziening_context(voorziening):
        dossier = DossierFactory(
            voorziening=voorziening, client=ClientFactory(geboortedatum=datetime.date(2014, 6, 1))
        )
        b = beslissing(dossier, gebruiker, begin=begin, codes=("VBFTST01",))
        add(dossier, gebruiker, b, begin, codes=("VBFTST01",))
    with all_voorzieningen():
        batch_maken()
        afleveren()
        return GroeipakketBericht.objects.get(status=BerichtStatus.VERZONDEN)


def test_opgroeien_uploads_the_answer_file(page, transactional_db, tmp_path, settings):
    bericht = _verzonden_bericht(tmp_path, settings)

    als_dossierbehandelaar(page)
    page.goto("/opgroeien/groeipakket/groeipakketbestand/")
    page.get_by_role("link", name="Antwoordbestand opladen").click()
    veld = page.get_by_label("Antwoordbestand (JSON)")
    veld.set_input_files(
        files=[{"name": "antwoord.json", "mimeType": "application/json", "buffer": b"[1, 2]"}]
    )
    page.get_by_role("button", name="Opladen en verwerken").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("Dit is geen antwoordbestand")).to_be_visible()
    with all_voorzieningen():
        assert GroeipakketBericht.objects.get().status == BerichtStatus.VERZONDEN

    antwoord = json.dumps([{"bericht_id": str(bericht.bericht_id), "status": "aanvaard"}])
    page.get_by_label("Antwoordbestand (JSON)").set_input_files(
        files=[
            {"name": "antwoord.json", "mimeType": "application/json", "buffer": antwoord.encode()}
        ]
    )
    page.get_by_role("button", name="Opladen en verwerken").click()
    expect(page.get_by_text("Antwoordbestand verwerkt: 1 aanvaard, 0 geweigerd.")).to_be_visible()
    with all_voorzieningen():
        assert GroeipakketBericht.objects.get().status == BerichtStatus.AANVAARD
