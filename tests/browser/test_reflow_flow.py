"""On a phone (WCAG 2.1 AA 1.4.10 Reflow, 320 CSS px): the content comes first, the main menu
folds behind one button, and a wide table scrolls in its own box with its first column in view.
Every page of every browser flow is also measured at 320 px (conftest.Toegankelijkheid)."""

from playwright.sync_api import expect

from binc.tenancy import all_voorzieningen
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.conftest import PAGINABREEDTE, SMAL
from tests.browser.helpers import login
from tests.conftest import OP_VANDAAG
from tests.rapporten.helpers import D, dossier

pytestmark = OP_VANDAAG


def test_on_a_phone_the_menu_folds_and_a_wide_table_scrolls_in_its_own_box(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="gsm"))
    with all_voorzieningen():
        dossier(voorziening, D(2025, 3, 1))
    page.set_viewport_size(SMAL)
    login(page, "gsm")

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    knop = menu.get_by_role("button", name="Menu")
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Werklijst")).to_be_hidden()
    # The heading is on the first screen, not below a screenful of menu.
    kop = page.get_by_role("heading", name="Overzicht Dossiers").bounding_box()
    assert kop["y"] + kop["height"] < SMAL["height"]

    knop.focus()
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    menu.get_by_role("link", name="Werklijst").click()
    expect(page.get_by_role("heading", name="Werklijst")).to_be_visible()
    page.go_back()

    assert page.evaluate(PAGINABREEDTE) <= SMAL["width"]
    tabel = page.locator(".table-wrap").first
    assert tabel.evaluate("e => e.scrollWidth > e.clientWidth"), "the table is wider than 320 px"
    eerste = page.get_by_role("row").nth(1).get_by_role("cell").first
    links = eerste.bounding_box()["x"]
    tabel.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    assert eerste.bounding_box()["x"] == links, "the first column stays in view"
    assert page.evaluate(PAGINABREEDTE) <= SMAL["width"]


def test_on_a_wide_screen_the_menu_shows_without_a_button(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="breed"))
    login(page, "breed")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("button", name="Menu")).to_be_hidden()
    expect(menu.get_by_role("link", name="Werklijst")).to_be_visible()
