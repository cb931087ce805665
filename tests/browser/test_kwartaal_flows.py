"""The modulair kwartaal in Chromium (000 §12): per client, Bereken totaal, Verzenden, a change
that makes it 'te verzenden', Opgroeien processes the year, and its schakelingen are locked."""

import datetime
import re

from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from binc.constants import OpgroeienRol, Organisatietype
from binc.roles import opgroeien_roles_ensure
from binc.tenancy import voorziening_context
from dossiers.constants import EINDIGT_IN_VERWERKT_JAAR
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
from tests.browser.helpers import login
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory

pytestmark = OP_VANDAAG
D = datetime.date


def _schakeling(dossier, gebruiker, module):
    b = beslissing_create(
        dossier_pk=dossier.pk,
        gebruiker=gebruiker,
        modules=[module],
        begindatum=D(2025, 10, 1),
        verwijzingsgrond="vrijwillig",
        gemandateerde_voorziening="geen",
    )
    keuze = [ModuleKeuze(module)]
    invoer = SchakelingInvoer(begindatum=D(2025, 10, 1), einddatum=D(2025, 12, 15), modules=keuze)
    schakeling_add(
        dossier_pk=dossier.pk,
        beslissing_pk=b.pk,
        invoer=invoer,
        gebruiker=gebruiker,
        bevestigd=True,
    )


def _omar(page):
    """Opgroeien's dossierbehandelaar signs in and opens the kwartaal work list."""
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("omar")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    page.goto("/opgroeien/kwartaal/kwartaalstaat/")


def test_a_kwartaal_from_per_client_figures_to_a_processed_year(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    gebruiker = MedewerkerFactory(
        voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener")
    ).gebruiker
    typemodule = TypemoduleFactory(
        code="cb-laagintensief", naam="Contextbegeleiding laagintensief", afronding="kwart"
    )
    module = ModuleFactory(code="TSTCB01", naam="Contextbegeleiding", typemodule=typemodule)
    ModuleGoedkeuringFactory(voorziening=voorziening, module=module, geldig_van=D(2015, 1, 1))
    with voorziening_context(voorziening):
        dossiers = [
            DossierFactory(voorziening=voorziening, client=ClientFactory(naam=naam))
            for naam in ("Aerts", "Bosmans")
        ]
        for dossier in dossiers:
            _schakeling(dossier, gebruiker, module)

    login(page, "hulpverlener")
    page.get_by_role("link", name="Beheer modulair kwartaal").click()
    page.get_by_role("link", name="Kwartaal 4 - 2025", exact=True).click()
    page.get_by_role("link", name="Contextbegeleiding laagintensief", exact=True).click()
    page.get_by_label(re.compile("^Aerts")).fill("3,5")
    page.get_by_label(re.compile("^Bosmans")).fill("2,3")
    page.get_by_role("button", name="Bereken totaal").click()
    expect(page.get_by_role("alert")).to_contain_text("kwart eenheid")  # 2,3 is refused
    page.get_by_label(re.compile("^Bosmans")).fill("2,25")
    page.get_by_role("button", name="Bereken totaal").click()
    # The total is computed and the page stays, with each client's dossier code.
    expect(page.get_by_text("Totale benutting: 5,75")).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Aerts .*\(BNC_"))).to_have_value("3,5")
    page.get_by_role("link", name="Terug naar het kwartaal").click()
    expect(page.get_by_role("cell", name="5,75")).to_be_visible()

    page.get_by_role("button", name="Verzenden").click()
    row = page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))
    expect(row).to_contain_text("Verzonden")

    page.get_by_role("link", name="Kwartaal 4 - 2025", exact=True).click()
    page.get_by_label(re.compile("^Contextbegeleiding laagintensief")).fill("6")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Te verzenden")).to_be_visible()

    opgroeien_roles_ensure()
    opgroeien = GebruikerFactory(username="omar", opgroeien=True)
    opgroeien.groups.add(Group.objects.get(name=OpgroeienRol.DOSSIERBEHANDELAAR))
    page.get_by_role("button", name="Sluit af").click()
    _omar(page)
    # The work list fits a 1280 px screen, its last column included.
    page.set_viewport_size({"width": 1280, "height": 800})
    kolom = page.get_by_role("columnheader", name="Verwerkt op").bounding_box()
    assert kolom is not None
    assert kolom["x"] + kolom["width"] <= 1280
    # From the work list to 'Verwerk jaar': the changed kwartaal is not sent, nothing to process.
    page.get_by_role("link", name="Verwerk jaar").click()
    page.get_by_label("Jaar").fill("2025")
    page.get_by_role("button", name="Toon wat verwerkt wordt").click()
    expect(page.get_by_text("Nog niet verzonden (1)")).to_be_visible()
    expect(
        page.get_by_text("Er is niets te verwerken: geen enkel kwartaal van 2025 is verzonden.")
    ).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Verwerk de verzonden"))).to_have_count(0)
    page.get_by_role("link", name="Terug naar de kwartalen").click()

    page.context.clear_cookies()
    login(page, "hulpverlener")
    page.goto("/kwartaal/")
    page.get_by_role("link", name="Kwartaal 4 - 2025", exact=True).click()
    page.get_by_role("button", name="Verzenden").click()
    expect(page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))).to_contain_text(
        "Verzonden"
    )

    page.context.clear_cookies()
    _omar(page)
    # Opgroeien reads what it processes: the total the voorziening sent, per client too.
    page.get_by_role("link", name="De Linde").first.click()
    totalen = page.get_by_role("table", name="Totalen per typemodule")
    expect(totalen.get_by_role("row", name=re.compile("Contextbegeleiding"))).to_contain_text("6")
    expect(page.get_by_role("cell", name=re.compile(r"Aerts .*\(BNC_"))).to_be_visible()
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)
    page.get_by_role("link", name="Kwartaalstaten").first.click()
    page.get_by_role("link", name="Verwerk jaar").click()
    page.get_by_label("Jaar").fill("2025")
    page.get_by_role("button", name="Toon wat verwerkt wordt").click()
    expect(page.get_by_text("Alle kwartalen van dit jaar zijn verzonden.")).to_be_visible()
    page.get_by_role("button", name="Verwerk de verzonden kwartalen van 2025").click()
    expect(page.get_by_text("1 verzonden kwartalen van 2025 werden verwerkt.")).to_be_visible()

    page.context.clear_cookies()
    login(page, "hulpverlener")
    page.goto("/kwartaal/")
    expect(page.get_by_role("row", name=re.compile("Kwartaal 4 - 2025"))).to_contain_text(
        "Verwerkt"
    )
    page.goto(dossiers[0].get_absolute_url())
    # The schakeling ends in the processed year: the page says so and offers no change.
    expect(page.get_by_text(EINDIGT_IN_VERWERKT_JAAR)).to_be_visible()
    expect(page.get_by_role("link", name="Start hulpaanbod", exact=True)).to_have_count(0)
    # Reached by its address all the same, the change is refused with the manual's message.
    with voorziening_context(dossiers[0].voorziening):
        schakeling = dossiers[0].schakelingen.get()
    page.goto(reverse("dossiers:schakeling_wijzigen", args=[dossiers[0].pk, schakeling.pk]))
    page.get_by_label("Einddatum", exact=True).fill("2026-01-10")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(EINDIGT_IN_VERWERKT_JAAR)
