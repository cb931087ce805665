"""Requesting reports (000 §17.1): the form's errors, the queue, the status a user follows, the
download, a failure that offers nothing, the 7-day retention and a real worker."""

import datetime
import io
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from binc.models import Bestand
from binc.tenancy import all_voorzieningen
from rapporten.constants import AanvraagStatus, Rapportsoort
from rapporten.models import RapportAanvraag
from rapporten.services import aanvragen
from tests.broker import BROKER
from tests.conftest import OP_VANDAAG
from tests.rapporten.helpers import D, dossier

pytestmark = OP_VANDAAG
NIEUW = reverse("rapporten:nieuw")
LIJST = reverse("rapporten:lijst")
GELDIG = {"van": "2025-01-01", "tot": "2025-12-31", "rapporten": [Rapportsoort.AANTALLEN]}


def _aanvragen(client, django_capture_on_commit_callbacks, **data):
    # The queueing waits for the commit; captured, not run, so no test talks to the broker.
    with django_capture_on_commit_callbacks(execute=False) as taken:
        response = client.post(NIEUW, {**GELDIG, **data})
    return response, taken


@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        ({"tot": "2026-01-01"}, "tot", "hoogstens 1 jaar"),
        ({"tot": "2024-12-31"}, "tot", "vóór de begindatum"),
        ({"rapporten": []}, "rapporten", "Kies minstens één rapport"),
        ({"van": "morgen"}, "van", "geldige datum"),
    ],
)
def test_the_form_refuses_at_the_field_and_keeps_what_was_typed(
    medewerker_client, django_capture_on_commit_callbacks, data, veld, melding
):
    response, taken = _aanvragen(medewerker_client, django_capture_on_commit_callbacks, **data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{veld}_error"' in html
    assert melding in html
    assert "error-summary" in html
    assert 'value="2025-01-01"' in html or data.get("van") == "morgen"
    assert not taken
    with all_voorzieningen():
        assert not RapportAanvraag.objects.exists()


def test_a_request_is_queued_followed_and_downloaded(
    medewerker_client, voorziening, django_capture_on_commit_callbacks
):
    with all_voorzieningen():
        dossier(voorziening, D(2025, 3, 1))
    response, taken = _aanvragen(medewerker_client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert len(taken) == 1
    with all_voorzieningen():
        aanvraag = RapportAanvraag.objects.get()
    html = medewerker_client.get(response.url).content.decode()
    assert "In wachtrij" in html
    assert "nog geen schatting" in html
    assert 'hx-trigger="every 3s"' in html

    aanvragen.rapport_genereren(aanvraag.pk)
    aanvragen.rapport_genereren(aanvraag.pk)  # delivered twice: built once

    html = medewerker_client.get(response.url).content.decode()
    assert "Klaar" in html
    assert "hx-trigger" not in html
    assert "Wordt verwijderd op 23/03/2026" in html
    download = medewerker_client.get(reverse("rapporten:download", args=[aanvraag.pk]))
    assert download.status_code == 200
    naam = "Jeugdhulp Testhuis - Aantal dossiers en minderjarigen - 16-03-2026.xlsx"
    assert naam in download["Content-Disposition"]
    boek = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert boek["Aantal dossiers"]["B9"].value == 1  # the voorziening's row, opgestart

    # A second request of the same report now has an estimate from the first.
    _aanvragen(medewerker_client, django_capture_on_commit_callbacks)
    assert "duurt meestal minder dan een minuut" in medewerker_client.get(LIJST).content.decode()


def test_a_failed_report_says_why_and_offers_nothing(
    medewerker_client, voorziening, django_capture_on_commit_callbacks, settings, tmp_path
):
    schijf = tmp_path / "vol"
    schijf.write_text("")  # a file where the storage needs a directory: every save fails
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(schijf / "media")},
        },
    }
    _aanvragen(medewerker_client, django_capture_on_commit_callbacks)
    with all_voorzieningen():
        aanvraag = RapportAanvraag.objects.get()

    aanvragen.rapport_genereren(aanvraag.pk)

    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.MISLUKT
    assert not aanvraag.bestand
    assert "Vraag het opnieuw aan" in medewerker_client.get(LIJST).content.decode()
    download = medewerker_client.get(reverse("rapporten:download", args=[aanvraag.pk]))
    assert download.status_code == 404


def test_requests_and_files_go_after_seven_days(
    medewerker_client, voorziening, django_capture_on_commit_callbacks
):
    _aanvragen(medewerker_client, django_capture_on_commit_callbacks)
    _aanvragen(medewerker_client, django_capture_on_commit_callbacks)
    with all_voorzieningen():
        oud, nieuw = RapportAanvraag.objects.order_by("pk")
        for aanvraag in (oud, nieuw):
            aanvragen.rapport_genereren(aanvraag.pk)
        oud.refresh_from_db()
        RapportAanvraag.objects.filter(pk=oud.pk).update(
            aangemaakt_op=timezone.now() - datetime.timedelta(days=7, minutes=1)
        )
        opslag, pad = oud.bestand.storage, oud.bestand.name
        assert opslag.exists(pad)

        assert aanvragen.verlopen_verwijderen() == 1

        assert list(RapportAanvraag.objects.all()) == [nieuw]
        assert not opslag.exists(pad)


def test_the_list_shows_no_other_voorzienings_requests(
    medewerker_client, andere_voorziening, medewerker
):
    with all_voorzieningen():
        RapportAanvraag.objects.create(
            voorziening=andere_voorziening,
            gebruiker=medewerker,
            soort=Rapportsoort.AANTALLEN,
            van=D(2025, 1, 1),
            tot=D(2025, 12, 31),
        )
    html = medewerker_client.get(f"{LIJST}?filter=op-aanvraag").content.decode()
    assert "Er zijn geen aangevraagde rapporten." in html


def test_cleanup_is_scheduled():
    from config.celery import app
    from rapporten.tasks import verlopen_verwijderen

    assert app.conf.beat_schedule["rapporten-opruimen"]["task"] == verlopen_verwijderen.name


@BROKER[0]
@BROKER[1]
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_builds_the_requested_report(medewerker_client, voorziening):
    """Through Redis to a real worker, queued when the request commits."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert medewerker_client.post(NIEUW, GELDIG).status_code == 302
        with all_voorzieningen():
            klaar = RapportAanvraag.objects.filter(status=AanvraagStatus.KLAAR)
            deadline = time.monotonic() + 60
            while not klaar.exists() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert klaar.exists()


def test_the_list_costs_the_same_queries_for_one_request_or_many(
    medewerker_client, voorziening, medewerker, django_assert_num_queries
):
    def aanvraag():
        with all_voorzieningen():
            RapportAanvraag.objects.create(
                voorziening=voorziening,
                gebruiker=medewerker,
                soort=Rapportsoort.AANTALLEN,
                van=D(2025, 1, 1),
                tot=D(2025, 12, 31),
            )

    aanvraag()
    medewerker_client.get(LIJST)  # the session and the user are read from here on
    with CaptureQueriesContext(connection) as een:
        medewerker_client.get(LIJST)
    for _ in range(5):
        aanvraag()
    with django_assert_num_queries(len(een.captured_queries)):
        medewerker_client.get(LIJST)


def test_a_request_whose_worker_died_is_made_once_by_the_redelivered_task(
    medewerker_client, voorziening, django_capture_on_commit_callbacks, settings
):
    """A claim younger than the broker's redelivery time is another worker's: left alone. An
    older one belongs to a worker that died: taken over, and the file offered once."""
    _aanvragen(medewerker_client, django_capture_on_commit_callbacks)
    with all_voorzieningen():
        aanvraag = RapportAanvraag.objects.get()
        bezig = timezone.now() - datetime.timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT - 60)
        RapportAanvraag.objects.filter(pk=aanvraag.pk).update(
            status=AanvraagStatus.BEZIG, gestart_op=bezig
        )
        aanvragen.rapport_genereren(aanvraag.pk)
        aanvraag.refresh_from_db()
        assert (aanvraag.status, bool(aanvraag.bestand)) == (AanvraagStatus.BEZIG, False)

        verlaten = bezig - datetime.timedelta(seconds=120)
        RapportAanvraag.objects.filter(pk=aanvraag.pk).update(gestart_op=verlaten)
        aanvragen.rapport_genereren(aanvraag.pk)
        aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.KLAAR
    assert Bestand.objects.filter(naam=aanvraag.bestand.name).count() == 1
