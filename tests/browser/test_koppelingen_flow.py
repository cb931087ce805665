"""'API-koppelingen' in Chromium (axe-core on every page): a medewerker makes a koppeling for
the voorziening's own system, copies its secret once, and revokes it."""

from playwright.sync_api import expect

from binc.constants import Organisatietype
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import login


def test_a_medewerker_makes_and_revokes_a_koppeling(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))

    login(page, "hulpverlener")
    page.get_by_role("link", name="API-koppelingen").click()
    page.get_by_role("button", name="Koppeling aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Naam")
    page.get_by_label("Naam").fill("Eigen cliëntdossier")
    page.get_by_label("Schrijven").check()
    page.get_by_role("button", name="Koppeling aanmaken").click()
    expect(page.get_by_text("Bewaar het geheim nu")).to_be_visible()
    expect(page.get_by_role("cell", name="lezen schrijven")).to_be_visible()

    page.get_by_role("button", name="Intrekken koppeling Eigen cliëntdossier").click()
    expect(page.get_by_text("werd ingetrokken")).to_be_visible()
    expect(page.get_by_text("Ingetrokken op")).to_be_visible()
