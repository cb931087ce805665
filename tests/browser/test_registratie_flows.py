"""Registration in Chromium: a beginregistratie filled in gradually until the start page icon
turns green, and a 1G1P trajectinformatie that reveals fields as they become relevant."""

import re

import pytest
from playwright.sync_api import expect

from binc.constants import Organisatietype
from registratie.constants import Lijst
from registratie.models import Antwoord
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import login
from tests.dossiers.factories import ClientFactory, DossierFactory

ANSWERS = {
    Lijst.DAGBESTEDING: "Lager onderwijs",
    Lijst.OPLEIDINGSNIVEAU: "Lager onderwijs (gewoon)",
    Lijst.GEZINSSITUATIE: "Eénoudergezin (moeder)",
    Lijst.ARBEIDSSITUATIE: "Leefloon",
    Lijst.OPLEIDINGSNIVEAU_OUDERS: "Hoger secundair onderwijs",
    Lijst.THUISTAAL: "Nederlands",
}


@pytest.fixture
def answers(transactional_db):
    # Transactional tests flush what the data migration loaded: make sure the answers exist.
    for lijst, label in ANSWERS.items():
        Antwoord.objects.get_or_create(
            lijst=lijst, code=re.sub(r"\W+", "-", label.lower()), defaults={"label": label}
        )


def _select(page, question, answer):
    page.get_by_role("combobox", name=re.compile(f"^{question}")).select_option(label=answer)


def _radio(page, question, answer):
    page.get_by_role("group", name=re.compile(f"^{question}")).get_by_label(
        answer, exact=True
    ).check()


def test_beginregistratie_from_partial_to_a_green_icon(page, answers):
    voorziening = VoorzieningFactory(
        naam="Jeugdhulp De Linde", organisatietype=Organisatietype.OVBJ_VERBLIJF
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))
    dossier = DossierFactory(
        voorziening=voorziening, client=ClientFactory(naam="Quintelier", voornaam="Lotte")
    )
    login(page, "hulpverlener")
    expect(
        page.get_by_role("row", name=re.compile("Quintelier")).locator(".br--nok")
    ).to_be_visible()

    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Beginregistratie").click()
    _select(page, "Dagbesteding", ANSWERS[Lijst.DAGBESTEDING])
    _radio(page, "Huisvesting", "Positief")
    page.locator("details.help summary").first.click()
    expect(page.get_by_text("verblijfswet").first).to_be_visible()  # the manual's contextual help
    page.get_by_role("button", name="Opslaan").click()
    expect(
        page.get_by_text(re.compile("Beginregistratie opgeslagen. Nog niet ingevuld: "))
    ).to_be_visible()

    page.get_by_role("button", name="Valideren").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Opleidingsniveau: Dit veld is verplicht.")
    expect(summary).to_contain_text("Thuistaal: Dit veld is verplicht.")
    expect(summary).not_to_contain_text("Dagbesteding")

    _radio(page, "Niet begeleide minderjarige", "Nee")
    _select(page, r"Opleidingsniveau \(verplicht\)", ANSWERS[Lijst.OPLEIDINGSNIVEAU])
    _select(page, "Gezinssituatie", ANSWERS[Lijst.GEZINSSITUATIE])
    page.get_by_role("group", name=re.compile("^Arbeidssituatie")).get_by_label(
        ANSWERS[Lijst.ARBEIDSSITUATIE]
    ).check()
    _select(page, "Opleidingsniveau ouders", ANSWERS[Lijst.OPLEIDINGSNIVEAU_OUDERS])
    _radio(page, "Gezondheid", "Negatief")
    _radio(page, "Schuldenlast", "Nee")
    _select(page, "Thuistaal", ANSWERS[Lijst.THUISTAAL])
    page.get_by_role("button", name="Valideren").click()
    expect(page.get_by_text("Alle verplichte velden zijn ingevuld.")).to_be_visible()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Beginregistratie opgeslagen en volledig.")).to_be_visible()

    page.get_by_role("link", name="Overzicht Dossiers").first.click()
    expect(
        page.get_by_role("row", name=re.compile("Quintelier")).locator(".br--ok")
    ).to_be_visible()


def test_1g1p_trajectinformatie_reveals_begeleiding_fields(page, answers):
    voorziening = VoorzieningFactory(
        naam="1G1P Regio Gent", organisatietype=Organisatietype.GEZIN_1G1P
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="netwerk"))
    dossier = DossierFactory(voorziening=voorziening)
    login(page, "netwerk")
    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Trajectinformatie").click()

    expect(page.get_by_label("Startdatum begeleiding")).to_be_hidden()
    page.get_by_label("Begeleiding '1 Gezin, 1 Plan'").check()
    expect(page.get_by_label("Startdatum begeleiding")).to_be_visible()
    page.get_by_label("Datum eerste (perspectiefbiedend) gesprek").fill("2026-09-01")
    _radio(page, "Gemandateerde voorziening", "Geen")
    page.get_by_role("button", name="Valideren").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Startdatum begeleiding: Dit veld is verplicht."
    )

    page.get_by_label("Startdatum begeleiding").fill("2026-09-15")
    _radio(page, "Moet er gespecialiseerde hulp", "Ja")
    page.get_by_role("group", name=re.compile("^Welke gespecialiseerde hulp")).get_by_label(
        "Verblijf"
    ).check()
    page.get_by_label("Verblijf: gerealiseerd?").select_option(
        label="Nee maar met engagement vanuit vervolghulp"
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Trajectinformatie opgeslagen en volledig.")).to_be_visible()
    expect(page.get_by_label("Startdatum begeleiding")).to_have_value("2026-09-15")
