"""Documenten delen in Chromium (000 ch. 18): a CKG medewerker shares a handelingsplan from a
dossier with an OCJ consulent; the consulent finds it under 'Ontvangen documenten' and
downloads it; the sender sees the receipt in 'Activiteiten dossier'."""

import re
from pathlib import Path

from playwright.sync_api import expect

from binc.constants import DienstFunctie
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import login
from tests.documenten.helpers import PDF, dienst, dienst_medewerker
from tests.dossiers.factories import ClientFactory, DossierFactory


def test_ckg_shares_a_handelingsplan_with_the_consulent(
    page, transactional_db, tmp_path, mailoutbox, taken_direct
):
    ckg = VoorzieningFactory(naam="CKG Het Nestje", ckg=True)
    MedewerkerFactory(voorziening=ckg, gebruiker=GebruikerFactory(username="ckg"))
    dossier = DossierFactory(voorziening=ckg, client=ClientFactory(naam="Wouters", voornaam="Finn"))
    dienst_medewerker(
        dienst(),
        DienstFunctie.CONSULENT,
        username="consulent",
        first_name="Sofie",
        last_name="Peeters",
        email="sofie@ocj.example",
    )
    plan = Path(tmp_path) / "handelingsplan Finn.pdf"
    plan.write_bytes(PDF)

    login(page, "ckg")
    page.goto(dossier.get_absolute_url())
    page.get_by_role("navigation", name="Dossier").get_by_role(
        "link", name="Delen documenten"
    ).click()
    page.get_by_label("Beschrijving").fill("Handelingsplan maart")
    page.get_by_label("Bestand").set_input_files(plan)
    page.get_by_label("Dienst").fill("OCJ Antw")  # not a known service yet
    page.get_by_label("Naam medewerker").fill("Sofie Peeters")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies een dienst uit de lijst")

    page.get_by_label("Bestand").set_input_files(plan)  # a browser never keeps a chosen file
    page.get_by_label("Dienst").fill("OCJ Antwerpen")
    page.get_by_role("button", name="Ontvanger toevoegen").click()
    expect(page.get_by_role("group", name="Ontvanger 2")).to_be_visible()
    page.get_by_role("button", name="Opslaan").click()  # the empty second row is ignored
    expect(page.get_by_role("heading", name="Delen documenten")).to_be_visible()
    expect(page.get_by_text("is gedeeld")).to_be_visible()
    expect(page.get_by_role("cell", name="Sofie Peeters (sofie@ocj.example)")).to_be_visible()
    assert [m.to for m in mailoutbox] == [["sofie@ocj.example"]]
    page.get_by_role("button", name="Sluit af").click()

    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("consulent")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Ontvangen documenten")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Ontvangen documenten 1"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="handelingsplan Finn.pdf").click()
    assert download.value.suggested_filename == "handelingsplan Finn.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    page.get_by_role("button", name="Sluit af").click()

    login(page, "ckg")
    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Activiteiten dossier").click()
    expect(page.get_by_text("gedeeld met OCJ Antwerpen (Sofie Peeters)")).to_be_visible()
    expect(page.get_by_text("bekeken door Sofie Peeters (OCJ Antwerpen)")).to_be_visible()
