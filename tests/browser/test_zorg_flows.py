"""Beslissingen and schakelingen in Chromium, from the first beslissing to heropenen; and a
pleegzorg schakeling with pleegzorgers and the Groeipakket warning."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from binc.constants import Organisatietype
from tests.binc.factories import (
    GebruikerFactory,
    MedewerkerFactory,
    ModuleFactory,
    ModuleGoedkeuringFactory,
    TypemoduleFactory,
    VoorzieningFactory,
)
from tests.browser.helpers import als_dossierbehandelaar, login
from tests.conftest import OP_VANDAAG, VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.groeipakket.groeipakket_ontvanger import Ontvanger

TODAY = VANDAAG
pytestmark = OP_VANDAAG


def _d(days: int) -> str:
    return (TODAY + datetime.timedelta(days=days)).isoformat()


def _modules(voorziening, *specs):
    """Modules by code, created when an earlier transactional test flushed the catalogue."""
    result = []
    for code, naam, typemodule in specs:
        module = ModuleFactory(code=code, naam=naam, typemodule=typemodule)
        ModuleGoedkeuringFactory(
            voorziening=voorziening, module=module, geldig_van=datetime.date(2015, 1, 1)
        )
        result.append(module)
    return result


@pytest.fixture
def ovbj(transactional_db):
    voorziening = VoorzieningFactory(
        naam="Jeugdhulp De Linde", organisatietype=Organisatietype.OVBJ_VERBLIJF
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))
    context = TypemoduleFactory(code="cb-laagintensief", naam="Contextbegeleiding laagintensief")
    _modules(
        voorziening,
        ("TSTCB01", "Contextbegeleiding", context),
        ("TSTCB02", "Contextbegeleiding intensief", context),
    )
    # Referred by the crisismeldpunt: registration is facultative (000 §5.3), so this flow is
    # about care records only; the registration screens have their own flow.
    return DossierFactory(
        voorziening=voorziening,
        client=ClientFactory(naam="Quintelier", voornaam="Lotte"),
        aanmelding__via_toegangspoort=False,
        aanmelding__aanmelder="crisismeldpunt",
    )


def _check_module(page, naam):
    page.get_by_role("group", name=re.compile("^Modules")).get_by_label(re.compile(naam)).check()


def test_from_first_beslissing_to_heropenen(page, ovbj):
    dossier = ovbj
    login(page, "hulpverlener")
    page.goto(dossier.get_absolute_url())

    page.get_by_role("link", name="Beslissing toevoegen").click()
    page.get_by_label("Begindatum").fill(_d(-60))
    page.get_by_label(re.compile(r"Contextbegeleiding \(TSTCB01\)")).check()
    page.get_by_label("Vrijwillig").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", name="Toevoegen Start Hulpaanbod")).to_be_visible()
    page.get_by_label("Begindatum").fill(_d(-60))
    _check_module(page, r"Contextbegeleiding \(TSTCB01\)")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Start hulpaanbod", exact=True)).to_be_visible()

    page.get_by_role("link", name="Schakeling toevoegen").click()
    expect(page.get_by_role("heading", name="Afsluiten vorig hulpaanbod")).to_be_visible()
    page.get_by_label("Einddatum vorige schakeling").fill(_d(-40))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Toevoegen Schakeling")).to_be_visible()
    expect(page.get_by_label("Begindatum")).to_have_value(_d(-40))  # seamless by default
    _check_module(page, r"Contextbegeleiding intensief")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Beslissing toevoegen").click()
    page.get_by_label("Begindatum").fill(_d(-20))
    page.get_by_label(re.compile(r"Contextbegeleiding intensief")).check()
    page.get_by_label("Vrijwillig").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Schakeling toevoegen").click()
    page.get_by_label("Einddatum vorige schakeling").fill(_d(-20))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_label("Begindatum").fill(_d(-20))
    page.get_by_label(re.compile("^Verlenging")).check()
    expect(
        page.get_by_role("group", name=re.compile("^Modules")).get_by_role("checkbox").first
    ).to_be_disabled()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Verlenging", exact=True)).to_be_visible()

    page.get_by_role("link", name="Overzicht Dossiers").first.click()
    row = page.get_by_role("row", name=re.compile("Quintelier"))
    expect(row).to_contain_text((TODAY - datetime.timedelta(days=20)).strftime("%d/%m/%Y"))

    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Afsluiten dossier").click()
    missing = page.get_by_role("alert")
    expect(missing).to_contain_text("heeft nog geen einddatum")
    missing.get_by_role("link").first.click()
    page.get_by_label("Einddatum", exact=True).fill(_d(-1))
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Afsluiten dossier").click()
    page.get_by_label("Ik bevestig dat ik het dossier wil afsluiten").check()
    page.get_by_role("button", name="Afsluiten dossier").click()
    expect(page.get_by_text("werd afgesloten")).to_be_visible()
    expect(page.locator(".dossierbar__title")).to_contain_text("Afgesloten")

    page.get_by_role("button", name="Heropenen").click()
    expect(page.get_by_text("Het dossier werd heropend.")).to_be_visible()
    expect(page.locator(".dossierbar__title")).to_contain_text("Open")


def test_pleegzorg_with_pleegzorgers_the_d227_warning_and_its_delivery(
    page, transactional_db, settings
):
    voorziening = VoorzieningFactory(
        naam="Pleegzorg West", organisatietype=Organisatietype.PLEEGZORG
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="pleegzorg"))
    perspectief = TypemoduleFactory(
        code="pleeggezin-perspectiefbiedend",
        naam="Verblijf in een pleeggezin [perspectiefbiedend]",
        functie="verblijf",
        groeipakket_impact=True,
        groeipakket_leeftijdsgrens=25,
        # The catalogue says which questions this typemodule asks (000 §4.2.7).
        pleegzorgers_gevraagd=True,
        overgangsregeling_pleegzorgtoeslag=True,
    )
    _modules(
        voorziening,
        (
            "VBFINT04",
            "Verblijf in een pleeggezin [perspectiefbiedend – hoge frequentie]",
            perspectief,
        ),
    )
    dossier = DossierFactory(
        voorziening=voorziening,
        client=ClientFactory(naam="Maes", geboortedatum=datetime.date(2015, 2, 2)),
    )

    login(page, "pleegzorg")
    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Beslissing toevoegen").click()
    page.get_by_label("Begindatum").fill(_d(-10))
    page.get_by_label(re.compile("VBFINT04")).check()
    page.get_by_label("Gerechtelijk").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_label("Er is een combinatie met verblijf")).to_be_visible()
    # The start hulpaanbod follows its beslissing: its date and its module, so the pleegzorgers
    # are asked at once.
    expect(page.get_by_label("Begindatum")).to_have_value(_d(-10))
    expect(page.get_by_label(re.compile("VBFINT04"))).to_be_checked()
    expect(page.get_by_label("Pleegzorger 1: rijksregisternummer")).to_be_visible()
    # [Opslaan] and [Annuleren] stand apart: no mistaken tap on a tablet.
    opslaan = page.get_by_role("button", name="Opslaan").bounding_box()
    annuleren = page.get_by_role("link", name="Annuleren").bounding_box()
    assert annuleren["x"] >= opslaan["x"] + opslaan["width"] + 8
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Vul minstens één pleegzorger in")

    page.get_by_label("Pleegzorger 1: rijksregisternummer").fill("85073003328")
    page.get_by_label("Pleegzorger 1: naam").fill("Marc Peeters")
    page.get_by_role("button", name="Opslaan").click()
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("D227")
    page.get_by_role("button", name="Bevestigen en opslaan").click()

    expect(page.get_by_role("link", name="Start hulpaanbod", exact=True)).to_be_visible()
    expect(
        page.get_by_text("Verblijf in een pleeggezin [perspectiefbiedend – hoge frequentie]").first
    ).to_be_visible()
    expect(page.get_by_text("Groeipakket: wacht op verzending vannacht")).to_be_visible()

    # Tonight's batch reaches a fund that rejects it; Opgroeien sends it again the next day.
    with Ontvanger() as fonds:
        settings.GROEIPAKKET_BACKEND, settings.GROEIPAKKET_URL = "ksz", fonds.url
        fonds.weigeren.add(dossier.code)
        call_command("groeipakket_verzenden", stdout=io.StringIO())
        page.reload()
        expect(page.get_by_text(re.compile("geweigerd.*Kind onbekend"))).to_be_visible()

        fonds.weigeren.clear()
        als_dossierbehandelaar(page)
        page.goto("/opgroeien/groeipakket/groeipakketbericht/?status__exact=geweigerd")
        page.locator("input[name=_selected_action]").first.check()
        page.locator("select[name=action]").select_option("opnieuw")
        page.get_by_role("button", name="Uitvoeren").click()
        expect(page.get_by_text("1 berichten staan opnieuw in de wachtrij.")).to_be_visible()
        call_command("groeipakket_verzenden", stdout=io.StringIO())
        assert list(fonds.aanvaard.values()) == [1]

    page.context.clear_cookies()
    login(page, "pleegzorg")
    page.goto(dossier.get_absolute_url())
    expect(page.get_by_text(re.compile("Groeipakket aanmaak .*: aanvaard"))).to_be_visible()


def test_edit_and_delete_beslissingen_and_schakelingen(page, ovbj):
    dossier = ovbj
    login(page, "hulpverlener")
    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Beslissing toevoegen").click()
    page.get_by_label("Begindatum").fill(_d(-30))
    page.get_by_label(re.compile(r"Contextbegeleiding \(TSTCB01\)")).check()
    page.get_by_label("Vrijwillig").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_label("Begindatum").fill(_d(-30))
    _check_module(page, r"Contextbegeleiding \(TSTCB01\)")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name=re.compile("^Beslissing van")).click()
    expect(page.get_by_role("heading", name="Wijzigen Jeugdhulpbeslissing")).to_be_visible()
    page.get_by_label("Gerechtelijk").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De beslissing werd gewijzigd.")).to_be_visible()

    page.get_by_role("link", name=re.compile("^Verwijder Start hulpaanbod")).click()
    page.get_by_role("button", name="Ja, verwijder de schakeling").click()
    expect(page.get_by_text("De schakeling werd verwijderd.")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Verwijder beslissing")).click()
    page.get_by_role("button", name="Ja, verwijder de beslissing").click()
    expect(page.get_by_text("Nog geen beslissingen of schakelingen.")).to_be_visible()

    page.get_by_role("link", name="Eindregistratie").click()
    expect(page.get_by_role("heading", name="Eindregistratie")).to_be_visible()
    expect(page.get_by_text("registratie facultatief")).to_be_visible()  # crisismeldpunt


def test_1g1p_gezinssituatie(page, transactional_db):
    from registratie.models import Antwoord

    Antwoord.objects.get_or_create(
        lijst="gezinssituatie", code="woont-alleen", defaults={"label": "Woont alleen"}
    )
    voorziening = VoorzieningFactory(
        naam="1G1P Regio Gent", organisatietype=Organisatietype.GEZIN_1G1P
    )
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="netwerk"))
    dossier = DossierFactory(voorziening=voorziening)
    login(page, "netwerk")
    page.goto(dossier.get_absolute_url())
    page.get_by_role("link", name="Gezinssituatie").click()
    page.get_by_role("combobox", name=re.compile("^Gezinssituatie")).select_option(
        label="Woont alleen"
    )
    page.get_by_label("Pleeggezin").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(re.compile("Nog niet ingevuld: Aantal kinderen"))).to_be_visible()
    page.get_by_label(re.compile("^Aantal kinderen")).fill("2")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Gezinssituatie opgeslagen en volledig.")).to_be_visible()
