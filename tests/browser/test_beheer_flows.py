"""The managing screens in Chromium: 'Gebruikersbeheer documenten' (000 §18.3.1), 'Wie zag een
dossier?' for a voorziening's privacy contact, and the warning before an idle session ends,
which keeps what was typed."""

from django.utils import timezone
from playwright.sync_api import expect

from binc.models import Medewerker
from binc.tenancy import all_voorzieningen
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import login
from tests.dossiers.factories import ClientFactory, DossierFactory

NUMMER = "85073003328"


def test_list_who_sees_personal_documents(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="linde"))
    GebruikerFactory(
        first_name="Dirk",
        last_name="Directeur",
        rijksregisternummer=NUMMER,
        last_login=timezone.now(),
    )

    login(page, "linde")
    page.get_by_role("link", name="Gebruikersbeheer documenten").click()
    page.get_by_label("Zoek persoon").fill("12345678901")
    page.get_by_role("button", name="Zoek persoon").click()
    expect(page.get_by_role("alert")).to_contain_text("geen geldig rijksregisternummer")
    expect(page.get_by_label("Zoek persoon")).to_have_value("12345678901")

    page.get_by_label("Zoek persoon").fill("85.07.30-033.28")
    page.get_by_role("button", name="Zoek persoon").click()
    expect(page.get_by_text("Gevonden: Dirk Directeur")).to_be_visible()
    page.get_by_role("button", name="Voeg toe").click()
    expect(page.get_by_role("cell", name="Dirk Directeur", exact=True)).to_be_visible()
    assert NUMMER not in page.url

    page.get_by_role("button", name="Verwijder Dirk Directeur").click()
    expect(page.get_by_text("Nog niemand")).to_be_visible()


def test_the_privacy_contact_answers_a_familys_request(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde")
    contact = MedewerkerFactory(
        voorziening=voorziening,
        gebruiker=GebruikerFactory(username="privacy", first_name="Pia", last_name="Privacy"),
    )
    Medewerker.objects.filter(pk=contact.pk).update(privacycontact=True)
    with all_voorzieningen():
        client = ClientFactory(toegang=voorziening, naam="Wouters", voornaam="Finn")
        dossier = DossierFactory(voorziening=voorziening, client=client)

    login(page, "privacy")
    page.goto(dossier.get_absolute_url())  # an opening: one access row
    page.get_by_role("link", name="Wie zag een dossier?").click()
    page.get_by_label("Rijksregisternummer of BIS-nummer van de cliënt").fill(
        client.rijksregisternummer
    )
    page.get_by_role("button", name="Opzoeken").click()

    expect(page.get_by_role("heading", name="Wouters Finn")).to_be_visible()
    expect(page.get_by_role("cell", name="Pia Privacy")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren (csv)").click()
    assert download.value.suggested_filename.endswith(".csv")


def test_an_idle_session_warns_and_keeps_what_was_typed(page, transactional_db, settings):
    settings.SESSION_IDLE_SECONDS = 8
    settings.SESSION_WARN_SECONDS = 6
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="traag"))

    login(page, "traag")
    waarschuwing = page.get_by_role("alertdialog")
    expect(waarschuwing).to_contain_text("Je sessie verloopt binnenkort", timeout=6_000)
    expect(page.get_by_role("button", name="Aangemeld blijven")).to_be_focused()
    page.keyboard.press("Enter")
    expect(waarschuwing).to_be_hidden()

    page.get_by_role("link", name="Nieuw rapport").click()
    page.get_by_label("Van").fill("2025-01-01")
    # Nobody stays signed in: the page reloads at the limit and the server asks to sign in.
    expect(page.get_by_role("heading", name="Aanmelden bij Binc")).to_be_visible(timeout=15_000)
    page.get_by_label("Gebruikersnaam").fill("traag")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()

    expect(page.get_by_role("heading", name="Nieuw rapport")).to_be_visible()
    expect(page.get_by_text("staat terug in het formulier")).to_be_visible()
    expect(page.get_by_label("Van")).to_have_value("2025-01-01")
