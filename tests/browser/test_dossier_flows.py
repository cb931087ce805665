"""A hulpverlener's day in Chromium: identify a minor, open a dossier, find it, take over a
colleague's dossier and read the activities; and the 1G1P aanmelding."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from binc.constants import Organisatietype
from binc.models import RijksregisterPersoon
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import login
from tests.dossiers.factories import ClientFactory, DossierFactory

NUMMER = "12030100276"  # born 1 March 2012, valid checksum (post-2000 rule)


@pytest.fixture
def register(transactional_db):
    RijksregisterPersoon.objects.create(
        rijksregisternummer=NUMMER,
        naam="Quintelier",
        voornaam="Lotte",
        geslacht="V",
        geboortedatum=datetime.date(2012, 3, 1),
        gemeente="Gent",
        postcode="9000",
        straat="Kerkstraat",
        huisnummer="12",
        nationaliteit="Belg",
    )


def _identify(page):
    page.get_by_role("link", name="Toevoegen nieuwe cliënt/dossier").click()
    page.get_by_label("Rijksregisternummer of BIS-nummer").fill("1203010021")  # a digit short
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("alert")).to_contain_text("Dit is geen geldig rijksregisternummer")
    page.get_by_label("Rijksregisternummer of BIS-nummer").fill(NUMMER)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Toevoegen Lotte Quintelier").click()

    expect(page.get_by_role("heading", name="Cliëntgegevens")).to_be_visible()
    expect(page.get_by_text("Kerkstraat 12, 9000 Gent")).to_be_visible()
    page.get_by_label("Nee", exact=True).check()
    page.get_by_role("button", name="België invullen").click()
    expect(page.get_by_label("Land van origine")).to_have_value("België")
    page.get_by_label("Omgangstaal").select_option(label="Nederlands")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Cliëntcontext: Quintelier Lotte")).to_be_visible()


def test_identify_open_find_take_over_and_read_activities(page, register):
    voorziening = VoorzieningFactory(
        naam="Jeugdhulp De Linde", organisatietype=Organisatietype.OVBJ_VERBLIJF
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))
    collega = MedewerkerFactory(
        voorziening=voorziening, gebruiker=GebruikerFactory(first_name="Cas", last_name="Collega")
    ).gebruiker
    DossierFactory(
        voorziening=voorziening,
        behandelaar=collega,
        client=ClientFactory(naam="Wouters", voornaam="Finn"),
    )

    login(page, "hulpverlener")
    _identify(page)

    page.get_by_role("link", name="Maak nieuw dossier aan").click()
    expect(page.get_by_role("combobox", name=re.compile("^Aanmelder"))).to_be_hidden()
    page.get_by_role("group", name=re.compile("Via toegangspoort")).get_by_label("Nee").check()
    expect(page.get_by_role("combobox", name=re.compile("^Aanmelder"))).to_be_visible()
    page.get_by_role("combobox", name=re.compile("^Aanmelder")).select_option(
        label="CAW (incl. JAC)"
    )
    page.get_by_role("group", name=re.compile("Uitstroom")).get_by_label("Nee").check()
    page.get_by_label("Uw referentie").fill("Leefgroep B-12")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Raadplegen Dossier")).to_be_visible()
    expect(page.get_by_text("Leefgroep B-12")).to_be_visible()
    code = page.locator(".dossierbar__title span").first.inner_text()

    page.get_by_role("link", name="Overzicht Dossiers").first.click()
    page.get_by_role("navigation", name="Dossiers op beginletter").get_by_role(
        "link", name="Q"
    ).click()
    expect(page.get_by_role("link", name=code, exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Wouters")).to_be_hidden()

    page.get_by_role("link", name="Opzoeken dossier").click()
    page.get_by_label("Uw referentie").fill("leefgroep b")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name=f"Beslissing toevoegen aan {code}")).to_be_visible()
    page.get_by_role("link", name=code, exact=True).click()
    expect(page.get_by_role("link", name="Resultaten dossiers")).to_be_visible()

    page.get_by_role("link", name="Overdragen dossier naar mezelf").click()
    page.get_by_role("link", name="Cas Collega").click()
    page.get_by_label(re.compile("Wouters Finn")).check()
    page.get_by_role("button", name="Dossier overdragen naar mezelf").click()
    expect(page.get_by_text("1 dossier(s) overgedragen")).to_be_visible()
    expect(page.get_by_role("link", name="Wouters")).to_be_visible()

    page.get_by_role("link", name="Wouters").click()
    page.get_by_role("link", name=re.compile("BNC_20260101")).click()
    page.get_by_role("link", name="Activiteiten dossier").click()
    expect(
        page.get_by_role("cell", name=re.compile("Dossier overgedragen van Cas Collega"))
    ).to_be_visible()


def test_1g1p_aanmelding_reveals_the_waiting_list_functions(page, register):
    voorziening = VoorzieningFactory(
        naam="1G1P Regio Gent", organisatietype=Organisatietype.GEZIN_1G1P
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="netwerk"))

    login(page, "netwerk")
    _identify(page)
    page.get_by_role("link", name="Maak nieuw dossier aan").click()

    expect(page.get_by_label("Via toegangspoort (NRTJ)?")).to_have_count(0)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Datum aanmelding: Dit veld is verplicht.")

    page.get_by_label("Datum aanmelding").fill("2026-10-01")
    page.get_by_role("combobox", name=re.compile("^Aanmelder")).select_option(label="CLB")
    expect(page.get_by_label("Diagnostiek")).to_be_hidden()
    page.get_by_role("group", name=re.compile("wachtlijst jeugdhulp")).get_by_label("Ja").check()
    page.get_by_label("Diagnostiek").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", name="Raadplegen Dossier")).to_be_visible()
    expect(page.get_by_text("Diagnostiek")).to_be_visible()


def test_unborn_child_context_details_aanmelding_and_delete(page, register):
    voorziening = VoorzieningFactory(naam="CKG Het Nestje", organisatietype=Organisatietype.CKG)
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="ckg"))
    login(page, "ckg")

    page.get_by_role("link", name="Toevoegen nieuwe cliënt/dossier").click()
    page.get_by_role("link", name="Toevoegen ongeboren kind").click()
    page.get_by_role("textbox", name=re.compile("^Naam van de moeder")).fill("Quintelier")
    page.get_by_label("Voornaam van de moeder").fill("Sarah")
    page.get_by_label("Nee", exact=True).check()
    page.get_by_role("button", name="België invullen").click()
    page.get_by_label("Omgangstaal").select_option(label="Nederlands")
    page.get_by_role("button", name="Opslaan").click()
    expect(
        page.get_by_role("heading", name="Cliëntcontext: Quintelier Sarah (ongeboren kind)")
    ).to_be_visible()

    page.get_by_label("Relatie tot de cliënt").select_option(label="Moeder")
    page.get_by_role("textbox", name=re.compile("^Naam")).fill("Quintelier")
    page.get_by_role("textbox", name=re.compile("^Voornaam")).fill("Sarah")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_role("link", name="Verwijderen Quintelier Sarah").click()
    page.get_by_role("button", name="Verwijderen").click()
    expect(page.get_by_text("werd verwijderd uit de cliëntcontext")).to_be_visible()

    page.get_by_role("link", name="Wijzig details").click()
    page.get_by_label("Omgangstaal").select_option(label="Frans")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Frans")).to_be_visible()

    page.get_by_role("link", name="Wijzigen via rijksregisternummer").click()
    page.get_by_label("Rijksregisternummer of BIS-nummer").fill(NUMMER)
    page.get_by_role("button", name="Opzoeken en koppelen").click()
    expect(page.get_by_role("heading", name="Cliëntcontext: Quintelier Lotte")).to_be_visible()

    page.get_by_role("link", name="Maak nieuw dossier aan").click()
    page.get_by_role("group", name=re.compile("Via toegangspoort")).get_by_label("Ja").check()
    page.get_by_role("group", name=re.compile("Uitstroom")).get_by_label("Nee").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Aanmelding wijzigen").click()
    page.get_by_label("Uw referentie").fill("Antenne Oost")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Antenne Oost")).to_be_visible()

    page.get_by_role("link", name="Verwijderen").click()
    page.get_by_role("button", name="Ja, verwijder het dossier").click()
    expect(page.get_by_text("werd definitief verwijderd")).to_be_visible()
