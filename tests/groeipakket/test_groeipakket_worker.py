"""The Groeipakket feed on real Celery workers through Redis, delivering to a real receiver over
HTTP with the ksz adapter; a worker killed with SIGKILL mid-delivery loses and duplicates
nothing once the next run delivers the rest."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBericht
from tests.binc.factories import GebruikerFactory, VoorzieningFactory
from tests.broker import BROKER
from tests.databank import databank_url
from tests.groeipakket.groeipakket_ontvanger import Ontvanger
from tests.groeipakket.test_groeipakket_crash import _wijzigingen

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [*BROKER, pytest.mark.django_db(transaction=True)]


def _worker(ontvanger: Ontvanger) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": databank_url(),
        "GROEIPAKKET_BACKEND": "ksz",
        "GROEIPAKKET_URL": ontvanger.url,
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo"]
    command += ["-Q", "groeipakket-test", "--loglevel", "WARNING"]
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own worker


def _wacht(voorwaarde, seconden: float = 60) -> bool:
    deadline = time.monotonic() + seconden
    while time.monotonic() < deadline:
        if voorwaarde():
            return True
        time.sleep(0.2)
    return False


def test_a_worker_killed_mid_delivery_loses_and_duplicates_nothing():
    from groeipakket.tasks import groeipakket_afleveren, groeipakket_dagelijks

    _wijzigingen(VoorzieningFactory(), GebruikerFactory())
    aanvaard = GroeipakketBericht._base_manager.filter(status=BerichtStatus.AANVAARD)
    with Ontvanger() as ontvanger:
        ontvanger.vertraging = 0.01
        eerste = _worker(ontvanger)
        try:
            groeipakket_dagelijks.apply_async(queue="groeipakket-test")
            assert _wacht(lambda: aanvaard.count() >= 100), "the worker delivered nothing"
            eerste.send_signal(signal.SIGKILL)
            eerste.wait(timeout=30)
        finally:
            if eerste.poll() is None:
                eerste.kill()
        halverwege = aanvaard.count()
        tweede = _worker(ontvanger)
        try:
            # The next run (beat retries every 15 minutes) delivers what is left.
            groeipakket_afleveren.apply_async(queue="groeipakket-test")
            assert _wacht(lambda: aanvaard.count() == 1_000, 120), aanvaard.count()
        finally:
            tweede.send_signal(signal.SIGTERM)
            tweede.wait(timeout=30)
    ids = {str(i) for i in GroeipakketBericht._base_manager.values_list("bericht_id", flat=True)}
    print(  # the figures the issue asks to see
        f"\nSIGKILL na {halverwege} aanvaarde berichten; ontvangen "
        f"{sum(ontvanger.ontvangen.values())}, aanvaard {sum(ontvanger.aanvaard.values())}"
    )
    assert 0 < halverwege < 1_000
    assert set(ontvanger.aanvaard) == ids
    assert set(ontvanger.aanvaard.values()) == {1}
