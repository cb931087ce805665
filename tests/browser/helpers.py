from playwright.sync_api import expect


def login(page, username: str, password: str = "geheim-wachtwoord") -> None:
    """Log in as a medewerker of one voorziening: lands on the start page."""
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Overzicht Dossiers")).to_be_visible()


def als_dossierbehandelaar(page, username: str = "omar") -> None:
    """Opgroeien's dossierbehandelaar (made on first use) signs in, in a fresh session."""
    from binc.constants import OpgroeienRol

    als_opgroeien(page, OpgroeienRol.DOSSIERBEHANDELAAR, username)


def als_opgroeien(page, rol: str, username: str) -> None:
    """A member of staff of Opgroeien with this role (made on first use) signs in, in a fresh
    session."""
    from django.contrib.auth.models import Group

    from binc.roles import opgroeien_roles_ensure
    from tests.binc.factories import GebruikerFactory

    opgroeien_roles_ensure()
    gebruiker = GebruikerFactory(username=username, opgroeien=True)
    gebruiker.groups.add(Group.objects.get(name=rol))
    page.context.clear_cookies()
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
