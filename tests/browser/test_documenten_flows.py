"""Documenten delen in Chromium (000 ch. 18): a CKG medewerker shares a handelingsplan from a
dossier with an OCJ consulent; the consulent finds it under 'Ontvangen documenten' and
downloads it; the sender sees the receipt in 'Activiteiten dossier'."""

import re
from pathlib import Path

from playwright.sync_api import expect

from binc.constants import DienstFunctie, Dienstsoort
from documenten import services
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


def test_voorzieningenbeleid_addresses_a_personal_document_to_the_director(
    page, transactional_db, tmp_path, taken_direct
):
    """000 §18.3.1: only the addressee, one of the persons the CKG listed, sees it; the other
    listed person does not, nor its name."""
    ckg = VoorzieningFactory(naam="CKG Het Nestje", ckg=True)
    personen = {}
    for username, voornaam in (("directeur", "Dirk"), ("administratie", "Ann")):
        personen[username] = MedewerkerFactory(
            voorziening=ckg,
            gebruiker=GebruikerFactory(
                username=username,
                first_name=voornaam,
                last_name="Nestje",
                email=f"{username}@nestje.example",
            ),
        ).gebruiker
        services.beheerder_toevoegen(voorziening=ckg, gebruiker=personen[username])
    beleid = dienst("Opgroeien – Voorzieningenbeleid", Dienstsoort.VOORZIENINGENBELEID)
    dienst_medewerker(beleid, DienstFunctie.ADMINISTRATIEF, username="beleid")
    lijst = Path(tmp_path) / "personeelslijst.pdf"
    lijst.write_bytes(PDF)

    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("beleid")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    page.goto("/documenten/nieuw/")
    page.get_by_label("Bestand").set_input_files(lijst)
    page.get_by_label("Persoonlijk document voor ontvanger").check()
    page.get_by_label("Dienst").fill("CKG Het Nestje")
    page.get_by_label("Naam medewerker").fill("Iemand Anders")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("opgaf voor persoonlijke documenten")
    page.get_by_label("Bestand").set_input_files(lijst)
    page.get_by_label("Naam medewerker").fill("Dirk Nestje")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("is gedeeld")).to_be_visible()
    page.get_by_role("button", name="Sluit af").click()

    login(page, "directeur")
    page.goto("/documenten/ontvangen/")
    expect(page.get_by_role("link", name="personeelslijst.pdf")).to_be_visible()
    page.get_by_role("button", name="Sluit af").click()

    login(page, "administratie")
    page.goto("/documenten/ontvangen/")
    expect(page.get_by_role("heading", name="Ontvangen documenten")).to_be_visible()
    expect(page.get_by_text("personeelslijst.pdf")).to_have_count(0)
