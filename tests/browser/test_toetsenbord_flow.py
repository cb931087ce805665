"""A whole task with the keyboard only (WCAG 2.1.1): sign in, skip to the content, request a
report and see it in the list; every focused element shows where the focus is (2.4.7)."""

from playwright.sync_api import expect

from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG

pytestmark = OP_VANDAAG

FOCUS_ZICHTBAAR = (
    "() => { const s = getComputedStyle(document.activeElement);"
    " return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'; }"
)


def _tab_naar(page, tekst: str, *, terug: bool = False) -> None:
    """Tab (or Shift+Tab) until the focused element's label or text starts with `tekst`."""
    for _ in range(80):
        page.keyboard.press("Shift+Tab" if terug else "Tab")
        naam = page.evaluate(
            "() => { const e = document.activeElement; if (e === document.body) return '';"
            " return (e.labels && e.labels[0] ? e.labels[0].innerText : (e.innerText || e.value))"
            " || ''; }"
        )
        if naam.strip().startswith(tekst):
            assert page.evaluate(FOCUS_ZICHTBAAR), f"no visible focus on {tekst}"
            return
    raise AssertionError(f"{tekst} not reached with the keyboard")


def test_request_a_report_with_the_keyboard_only(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="toetsen"))

    page.goto("/aanmelden/")
    _tab_naar(page, "Gebruikersnaam")
    page.keyboard.type("toetsen")
    _tab_naar(page, "Wachtwoord")
    page.keyboard.type("geheim-wachtwoord")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Overzicht Dossiers")).to_be_visible()

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText") == "Naar de inhoud"
    _tab_naar(page, "Nieuw rapport")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Nieuw rapport")).to_be_visible()

    # Day and month alike, so the dates read the same in every locale's field order.
    _tab_naar(page, "Van")
    page.keyboard.type("01012026")
    _tab_naar(page, "Tot en met")
    page.keyboard.type("03032026")
    _tab_naar(page, "Reden einde")
    page.keyboard.press("Space")
    _tab_naar(page, "Genereer Rapporten")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Overzicht Binc Rapporten")).to_be_visible()
    expect(page.get_by_role("cell", name="Reden einde", exact=True)).to_be_visible()
    # Made once the request committed (in-process without a broker): downloaded by keyboard.
    page.reload()
    _tab_naar(page, "Download")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".xlsx")

    _tab_naar(page, "Toegankelijkheidsverklaring")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Toegankelijkheidsverklaring")).to_be_visible()
    expect(page.get_by_text("gedeeltelijk conform")).to_be_visible()
