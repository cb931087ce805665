"""'Werklijst' in Chromium: a medewerker opens 'Mijn werk' from the start page, follows an
item to its action, the team's kwartaal is sent from its item and is gone from the list;
Opgroeien reads its own list. axe-core checks every page on the way."""

import datetime
import re

from playwright.sync_api import expect

from binc.constants import Organisatietype
from binc.tenancy import voorziening_context
from dossiers.rules import ModuleKeuze, SchakelingInvoer
from dossiers.services.beslissingen import beslissing_create
from dossiers.services.schakelingen import schakeling_add
from tests.binc.factories import (
    GebruikerFactory,
    MedewerkerFactory,
    ModuleFactory,
    ModuleGoedkeuringFactory,
    TypemoduleFactory,
    VoorzieningFactory,
)
from tests.browser.helpers import als_dossierbehandelaar, login
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory

pytestmark = OP_VANDAAG
D = datetime.date


def test_from_my_work_to_the_action_and_the_item_is_gone(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    gebruiker = MedewerkerFactory(
        voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener")
    ).gebruiker
    typemodule = TypemoduleFactory(code="cb-laagintensief", naam="Contextbegeleiding laagintensief")
    module = ModuleFactory(code="TSTCB01", naam="Contextbegeleiding", typemodule=typemodule)
    ModuleGoedkeuringFactory(voorziening=voorziening, module=module, geldig_van=D(2015, 1, 1))
    with voorziening_context(voorziening):
        dossier = DossierFactory(
            voorziening=voorziening, behandelaar=gebruiker, client=ClientFactory(naam="Aerts")
        )
        b = beslissing_create(
            dossier_pk=dossier.pk,
            gebruiker=gebruiker,
            modules=[module],
            begindatum=D(2025, 10, 1),
            verwijzingsgrond="vrijwillig",
            gemandateerde_voorziening="geen",
        )
        schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=b.pk,
            invoer=SchakelingInvoer(D(2025, 10, 1), D(2025, 12, 15), [ModuleKeuze(module)]),
            gebruiker=gebruiker,
            bevestigd=True,
        )

    login(page, "hulpverlener")
    # Mine: the beginregistratie (late since 1 January) and closing the dossier; the team's
    # also the fourth kwartaal of 2025, due before 1 March.
    expect(page.get_by_role("link", name="Werk van het team: 3")).to_be_visible()
    page.get_by_role("link", name="Mijn werk: 2").click()
    expect(page.get_by_role("heading", name="Werklijst")).to_be_visible()
    expect(page.get_by_label("Van wie")).to_have_value("mij")
    br = page.get_by_role("row", name=re.compile("Beginregistratie ontbreekt"))
    expect(br).to_contain_text("te laat")
    expect(page.get_by_role("row", name=re.compile("Dossier afsluiten"))).to_contain_text(
        "Vul eerst de beginregistratie en de eindregistratie volledig in"
    )
    br.get_by_role("link").click()
    expect(page.get_by_role("heading", name=re.compile("Beginregistratie"))).to_be_visible()

    page.get_by_role("link", name="Werklijst").click()
    page.get_by_label("Soort").select_option(label="Kwartaal verzenden")
    page.get_by_role("button", name="Filteren").click()
    kwartaal = page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))
    expect(kwartaal).to_contain_text(
        "Vul eerst het totaal in voor: Contextbegeleiding laagintensief"
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer naar Excel").click()
    assert download.value.suggested_filename.startswith("Werklijst De Linde")
    kwartaal.get_by_role("link").click()
    page.get_by_label(re.compile("^Contextbegeleiding laagintensief")).fill("6")
    page.get_by_role("button", name="Verzenden").click()
    expect(page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))).to_contain_text(
        "Verzonden"
    )

    page.get_by_role("link", name="Werklijst").click()
    expect(page.get_by_text("2 te doen.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))).to_have_count(0)

    # Opgroeien now has the sent kwartaal waiting, and the year 2025 to process.
    als_dossierbehandelaar(page)
    page.get_by_role("link", name="Werklijst").click()
    expect(page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))).to_contain_text(
        "De Linde"
    )
    page.get_by_role("row", name=re.compile("Jaar 2025")).get_by_role("link").click()
    expect(page.get_by_role("heading", name="Verwerk jaar")).to_be_visible()
