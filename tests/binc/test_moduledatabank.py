"""Synchronising the moduledatabank (000 §4.2): a full snapshot, applied whole or not at all."""

import datetime
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from binc.constants import GoedkeuringStatus, SyncStatus
from binc.models import Module, ModuledatabankSync, ModuleGoedkeuring
from binc.services.moduledatabank import (
    FeedGoedkeuring,
    FeedModule,
    feed_render,
    moduledatabank_sync,
)
from binc.tasks import sync_moduledatabank
from tests.binc.factories import ModuleFactory, VoorzieningFactory
from tests.broker import BROKER

pytestmark = pytest.mark.usefixtures("cross_voorziening")

VAN = datetime.date(2024, 1, 1)
NIEUW = FeedModule("NIEUW01", "Nieuwe module", "cb-laagintensief", "rtj")
VERBLIJF = FeedModule(
    "VBFBJB04", "Verblijf voor minderjarigen (hoge frequentie)", "verblijf-minderjarigen", "nrtj"
)
CB = FeedModule("BEGBJB02", "Contextbegeleiding laagintensief", "cb-laagintensief", "rtj")


@pytest.fixture
def linde(db):
    return VoorzieningFactory(erkenningsnummer="OVB-1001", naam="De Linde")


def _catalogue(*extra: FeedModule) -> list[FeedModule]:
    """The whole current catalogue (so nothing is deactivated by accident) plus extras."""
    current = [
        FeedModule(m.code, m.naam, m.typemodule.code, m.toegang)
        for m in Module.objects.select_related("typemodule")
    ]
    return current + list(extra)


def _approve(*codes: str, status=GoedkeuringStatus.GOEDGEKEURD, tot=None):
    return [FeedGoedkeuring(code, status, VAN, tot) for code in codes]


def _state():
    modules = sorted(
        Module.objects.values_list("code", "naam", "typemodule_id", "toegang", "actief")
    )
    approvals = sorted(
        ModuleGoedkeuring.objects.values_list(
            "voorziening_id", "module__code", "status", "geldig_van", "geldig_tot", "actief"
        )
    )
    return modules, approvals


def test_good_feed_adds_modules_and_approvals(linde):
    content = feed_render(
        modules=_catalogue(NIEUW), goedkeuringen={"OVB-1001": _approve("VBFBJB04", "NIEUW01")}
    )

    result = moduledatabank_sync(content=content, bestand="export.xml")

    assert result.status == SyncStatus.GESLAAGD
    assert Module.objects.get(code="NIEUW01").typemodule.code == "cb-laagintensief"
    approved = ModuleGoedkeuring.objects.filter(voorziening=linde, actief=True)
    assert sorted(approved.values_list("module__code", flat=True)) == ["NIEUW01", "VBFBJB04"]
    assert result.telling["goedkeuringen_nieuw"] == 2
    assert result.telling["modules_nieuw"] == 1
    run = ModuledatabankSync.objects.get()
    assert run.status == SyncStatus.GESLAAGD
    assert "De Linde: module VBFBJB04 toegevoegd (Goedgekeurd)." in run.verslag


def test_running_the_same_feed_again_changes_nothing(linde):
    content = feed_render(modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("VBFBJB04")})
    moduledatabank_sync(content=content)
    before = _state()

    result = moduledatabank_sync(content=content)

    assert _state() == before
    assert sum(result.telling.values()) == 0
    assert result.verslag == ["Geen wijzigingen."]


def test_module_leaving_the_feed_is_deactivated_not_deleted(linde):
    moduledatabank_sync(
        content=feed_render(
            modules=_catalogue(NIEUW), goedkeuringen={"OVB-1001": _approve("VBFBJB04", "NIEUW01")}
        )
    )

    result = moduledatabank_sync(
        content=feed_render(
            modules=[m for m in _catalogue() if m.code != "NIEUW01"],
            goedkeuringen={"OVB-1001": _approve("VBFBJB04")},
        )
    )

    module = Module.objects.get(code="NIEUW01")
    assert module.actief is False
    goedkeuring = ModuleGoedkeuring.objects.get(voorziening=linde, module=module)
    assert goedkeuring.actief is False
    assert result.telling["modules_gedeactiveerd"] == 1
    assert result.telling["goedkeuringen_gedeactiveerd"] == 1
    assert ModuleGoedkeuring.objects.get(voorziening=linde, module__code="VBFBJB04").actief


def test_module_that_returns_to_the_feed_is_reactivated(linde):
    both = feed_render(
        modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("VBFBJB04", "BEGBJB02")}
    )
    moduledatabank_sync(content=both)
    moduledatabank_sync(
        content=feed_render(modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("VBFBJB04")})
    )

    moduledatabank_sync(content=both)

    assert ModuleGoedkeuring.objects.filter(voorziening=linde, actief=True).count() == 2
    assert ModuleGoedkeuring.objects.filter(voorziening=linde).count() == 2


def test_status_and_validity_changes_are_applied(linde):
    moduledatabank_sync(
        content=feed_render(modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("VBFBJB04")})
    )
    einde = datetime.date(2026, 6, 30)

    moduledatabank_sync(
        content=feed_render(
            modules=_catalogue(),
            goedkeuringen={
                "OVB-1001": _approve("VBFBJB04", status=GoedkeuringStatus.STOPGEZET, tot=einde)
            },
        )
    )

    goedkeuring = ModuleGoedkeuring.objects.get(voorziening=linde, module__code="VBFBJB04")
    assert goedkeuring.status == GoedkeuringStatus.STOPGEZET
    assert goedkeuring.geldig_tot == einde


FEEDS = Path(__file__).parent / "feeds"
# file in tests/binc/feeds -> what the report must say
BAD_FEEDS = {
    "malformed.xml": "Het bestand is geen geldige XML",
    "not_the_schema.xml": "Regel 4: volgt het schema niet",
    "unknown_voorziening.xml": "Voorziening met erkenningsnummer ONB-9999 is onbekend in Binc.",
    "duplicate_module_code.xml": "Regel 5: modulecode VBFBJB04 komt meer dan eens voor.",
    "unknown_typemodule.xml": "Module XYZ01: typemodule 'bestaat-niet' is onbekend in Binc.",
    "approval_without_module.xml": "Regel 5: module VBFBJB04 staat niet in de lijst met modules.",
    "validity_reversed.xml": "Regel 7: geldigTot ligt vóór geldigVan voor module VBFBJB04.",
}


@pytest.mark.parametrize("case", sorted(BAD_FEEDS))
def test_bad_feed_is_rejected_whole_and_changes_nothing(case, linde):
    moduledatabank_sync(
        content=feed_render(modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("VBFBJB04")})
    )
    before = _state()
    result = moduledatabank_sync(content=(FEEDS / case).read_bytes())

    assert result.status == SyncStatus.GEWEIGERD
    assert any(BAD_FEEDS[case] in line for line in result.verslag), result.verslag
    assert _state() == before
    assert ModuledatabankSync.objects.filter(status=SyncStatus.GEWEIGERD).count() == 1


def test_partly_bad_feed_applies_none_of_its_good_part(linde):
    """A good new module next to an unknown voorziening: the good part is not applied either."""
    before = _state()
    content = feed_render(
        modules=_catalogue(NIEUW),
        goedkeuringen={"OVB-1001": _approve("NIEUW01"), "ONB-1": _approve("NIEUW01")},
    )

    result = moduledatabank_sync(content=content)

    assert result.status == SyncStatus.GEWEIGERD
    assert _state() == before
    assert not Module.objects.filter(code="NIEUW01").exists()


def test_external_entities_are_never_resolved(linde):
    hostname = Path("/etc/hostname").read_text().strip()

    moduledatabank_sync(content=(FEEDS / "external_entity.xml").read_bytes())

    assert not Module.objects.filter(naam__contains=hostname).exists()


def test_command_applies_a_file_and_reports(linde, tmp_path, capsys):
    path = tmp_path / "export.xml"
    path.write_bytes(
        feed_render(modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("BEGBJB02")})
    )

    call_command("sync_moduledatabank", str(path))

    assert "De Linde: module BEGBJB02 toegevoegd" in capsys.readouterr().out
    assert ModuleGoedkeuring.objects.filter(voorziening=linde, module__code="BEGBJB02").exists()


def test_command_fails_on_a_bad_file(linde):
    with pytest.raises(CommandError, match="niets gewijzigd"):
        call_command("sync_moduledatabank", str(FEEDS / "malformed.xml"))


def test_command_fails_on_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("sync_moduledatabank", str(tmp_path / "weg.xml"))
    assert "kon niet gelezen worden" in ModuledatabankSync.objects.get().verslag


def test_nightly_job_without_a_configured_feed_records_a_skipped_run(db, settings):
    settings.MODULEDATABANK_FEED_PATH = ""

    sync_moduledatabank()

    assert ModuledatabankSync.objects.get().status == SyncStatus.OVERGESLAGEN


def test_nightly_job_is_scheduled():
    from config.celery import app

    schedule = app.conf.beat_schedule["moduledatabank-sync"]
    assert schedule["task"] == sync_moduledatabank.name
    assert sync_moduledatabank.name in app.tasks


@BROKER[0]
@BROKER[1]
@pytest.mark.django_db(transaction=True)
def test_nightly_job_runs_on_a_real_worker(settings, tmp_path):
    """Through Redis to a real worker: the task finds the file and applies it."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    with_linde = VoorzieningFactory(erkenningsnummer="OVB-1001")
    # A transactional test before this one may have emptied the catalogue the migrations load.
    ModuleFactory(code="VBFBJB04")
    path = tmp_path / "export.xml"
    path.write_bytes(
        feed_render(modules=_catalogue(), goedkeuringen={"OVB-1001": _approve("VBFBJB04")})
    )
    settings.MODULEDATABANK_FEED_PATH = str(path)

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        sync_moduledatabank.delay()
        deadline = time.monotonic() + 30
        while not ModuledatabankSync.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.2)

    sync = ModuledatabankSync.objects.get()
    assert sync.status == SyncStatus.GESLAAGD, sync.verslag
    assert ModuleGoedkeuring.objects.filter(
        voorziening=with_linde, module__code="VBFBJB04"
    ).exists()
