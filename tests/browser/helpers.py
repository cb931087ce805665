from playwright.sync_api import expect


def login(page, username: str, password: str = "geheim-wachtwoord") -> None:
    """Log in as a medewerker of one voorziening: lands on the start page."""
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Overzicht Dossiers")).to_be_visible()
