"""Reports in Chromium (000 §17.1): request two reports, follow their status as it changes
without reloading, download one and open it in LibreOffice."""

import contextlib
import os
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect

from binc.tenancy import all_voorzieningen
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import login
from tests.conftest import OP_VANDAAG
from tests.rapporten.helpers import D, dossier, libreoffice_opent

pytestmark = OP_VANDAAG


def _worker():
    """A real worker through the broker when there is one (CI); without, tasks run in-process."""
    if not os.environ.get("CELERY_BROKER_URL"):
        return contextlib.nullcontext()
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    return start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10)


def test_a_medewerker_requests_follows_and_downloads_reports(page, transactional_db, tmp_path):
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))
    with all_voorzieningen():
        dossier(voorziening, D(2025, 3, 1))

    login(page, "hulpverlener")
    page.get_by_role("link", name="Nieuw rapport").click()
    page.get_by_label("Van").fill("2025-01-01")
    page.get_by_label("Tot en met").fill("2026-01-01")
    page.get_by_label("Aantal dossiers en minderjarigen").check()
    page.get_by_role("button", name="Genereer Rapporten").click()
    expect(page.get_by_text("hoogstens 1 jaar").first).to_be_visible()

    page.get_by_label("Tot en met").fill("2025-12-31")
    page.get_by_label("Reden einde").check()
    with _worker():
        page.get_by_role("button", name="Genereer Rapporten").click()
        expect(page.get_by_role("heading", name="Overzicht Binc Rapporten")).to_be_visible()
        expect(page.get_by_role("row")).to_have_count(3)  # the header and two requests
        # The list refreshes itself until both are ready.
        expect(page.get_by_role("link", name="Download")).to_have_count(2, timeout=60_000)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download Aantal dossiers en minderjarigen").click()
    naam = download.value.suggested_filename
    assert naam == "De Linde - Aantal dossiers en minderjarigen - 16-03-2026.xlsx"
    pad = Path(tmp_path) / naam
    download.value.save_as(pad)
    assert load_workbook(pad)["Aantal dossiers"]["B9"].value == 1
    libreoffice_opent(pad)


def test_the_list_follows_a_queued_request_until_it_is_ready_and_then_stops(page, transactional_db):
    """What a user with a busy worker sees: 'In wachtrij' turns into a download by itself."""
    from rapporten.constants import AanvraagStatus, Rapportsoort
    from rapporten.models import RapportAanvraag
    from rapporten.services.aanvragen import rapport_genereren

    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))
    with all_voorzieningen():
        aanvraag = RapportAanvraag.objects.create(
            voorziening=voorziening,
            soort=Rapportsoort.AANTALLEN,
            van=D(2025, 1, 1),
            tot=D(2025, 12, 31),
            status=AanvraagStatus.WACHTRIJ,
        )

    login(page, "hulpverlener")
    page.goto("/rapporten/?filter=op-aanvraag")
    lijst = page.locator("#aanvragen")
    expect(lijst.get_by_role("cell", name="In wachtrij", exact=False)).to_be_visible()
    expect(lijst).to_have_attribute("hx-trigger", "every 3s")

    with all_voorzieningen():
        rapport_genereren(aanvraag.pk)  # the worker, meanwhile, elsewhere
    expect(lijst.get_by_role("link", name="Download")).to_be_visible(timeout=10_000)
    expect(lijst.get_by_role("cell", name="Klaar", exact=False)).to_be_visible()
    expect(page.locator("#aanvragen[hx-trigger]")).to_have_count(0)
