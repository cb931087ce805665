"""Log in, pick a voorziening, see the start page, log out — in Chromium, with the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory


@pytest.fixture
def multi(transactional_db):
    eerste = VoorzieningFactory(naam="Jeugdhulp De Linde")
    tweede = VoorzieningFactory(naam="CKG Het Nestje")
    gebruiker = GebruikerFactory(username="multi", first_name="Mia", last_name="Meervoud")
    MedewerkerFactory(gebruiker=gebruiker, voorziening=eerste)
    MedewerkerFactory(gebruiker=gebruiker, voorziening=tweede)
    return gebruiker


def test_login_choose_voorziening_start_page_and_logout(page, multi):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/aanmelden/"))

    page.get_by_label("Gebruikersnaam").fill("multi")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()

    expect(page.get_by_role("heading", name="Kies je voorziening")).to_be_visible()
    page.get_by_label("CKG Het Nestje").check()
    page.get_by_role("button", name="Aanmelden").click()

    expect(page.get_by_role("heading", name="Overzicht Dossiers")).to_be_visible()
    expect(page.locator(".topbar__voorziening")).to_have_text("CKG Het Nestje")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(page.get_by_text("Medewerker: Mia Meervoud")).to_be_visible()

    page.get_by_role("link", name="Wissel voorziening").click()
    page.get_by_label("Jeugdhulp De Linde").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".topbar__voorziening")).to_have_text("Jeugdhulp De Linde")

    page.get_by_role("button", name="Sluit af").click()
    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/aanmelden/"))


def test_login_errors_are_summarised_focused_and_linked_to_the_field(page, multi):
    page.goto("/aanmelden/")
    page.get_by_role("button", name="Aanmelden").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Vul je gebruikersnaam in.")
    expect(page.get_by_label("Gebruikersnaam")).to_have_attribute("aria-invalid", "true")

    summary.get_by_role("link", name=re.compile("Gebruikersnaam")).click()
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()


def test_whole_login_works_with_the_keyboard(page, multi):
    page.goto("/aanmelden/")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()  # autofocus
    page.keyboard.type("multi")
    page.keyboard.press("Tab")
    page.keyboard.type("geheim-wachtwoord")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Kies je voorziening")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.get_by_label("Jeugdhulp De Linde").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Overzicht Dossiers")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    expect(page.locator("main")).to_be_focused()
