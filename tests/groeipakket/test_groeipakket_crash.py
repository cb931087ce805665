"""Crash injection on the Groeipakket feed: over 1,000 changes, the batch build and the delivery
fail at five points (after building the batch, mid-delivery, after the receiver accepted but
before the status is recorded, while recording the answer, and two relays at once as after a
broker or worker restart that redelivers the task); the system then recovers and runs again.
The receiver must have accepted each message id exactly once, and every change must be in
exactly one message."""

import threading
import uuid

import pytest
from django.db import connection

from binc.tenancy import all_voorzieningen
from dossiers.constants import WijzigingActie
from dossiers.models import SchakelingWijziging
from groeipakket import batch as batch_module
from groeipakket import relay
from groeipakket.adapters import KszGroeipakket
from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBericht
from tests.binc.factories import GebruikerFactory, VoorzieningFactory
from tests.groeipakket.groeipakket_ontvanger import Ontvanger

AANTAL = 1_000


class Crash(Exception):
    """Stands for the process dying at this point: the transaction never commits."""


def _wijzigingen(voorziening, gebruiker) -> None:
    SchakelingWijziging._base_manager.bulk_create(
        SchakelingWijziging(
            voorziening=voorziening,
            dossier_id=n,
            schakeling_id=10_000 + n,
            actie=WijzigingActie.AANGEMAAKT,
            voor=None,
            na={
                "impact": ["VBFBJB04"],
                "client": f"{12030100000 + n:011d}",
                "dossier": f"BNC_20260316_{n:05d}",
                "begindatum": "2026-01-05",
                "einddatum": None,
                "verwijzingsgrond": "vrijwillig",
            },
            gebruiker=gebruiker,
            groeipakket=True,
        )
        for n in range(AANTAL)
    )


def _eenmalig(monkeypatch, target, name, *, na_aanroepen: int, voor: bool = True):
    """Make target.name raise Crash once, on its n-th call (before or after doing its work)."""
    original = getattr(target, name)
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == na_aanroepen and voor:
            raise Crash(name)
        result = original(*args, **kwargs)
        if calls["n"] == na_aanroepen:
            raise Crash(name)
        return result

    monkeypatch.setattr(target, name, wrapper)
    return lambda: monkeypatch.setattr(target, name, original)


def _run(stap):
    try:
        with all_voorzieningen():
            stap()
    except Crash as crash:
        return str(crash)
    finally:
        connection.close()
    return None


@pytest.mark.traag  # a crash at every step in turn
@pytest.mark.django_db(transaction=True)
def test_no_message_is_lost_or_accepted_twice_whatever_crashes(monkeypatch, settings, capsys):
    voorziening = VoorzieningFactory()
    _wijzigingen(voorziening, GebruikerFactory())
    monkeypatch.setattr(batch_module, "CHUNK", 250)
    crashes = []

    with Ontvanger() as ontvanger:
        settings.GROEIPAKKET_BACKEND = "ksz"
        settings.GROEIPAKKET_URL = ontvanger.url

        # 1. After building part of the batch: the whole batch rolls back.
        herstel = _eenmalig(monkeypatch, batch_module, "_laatst_gemeld", na_aanroepen=3)
        crashes.append(_run(batch_module.batch_maken))
        herstel()
        assert not GroeipakketBericht._base_manager.exists()
        crashes.append(_run(batch_module.batch_maken) or "batch gebouwd")

        # 2. Mid-delivery: the message being sent is not recorded.
        herstel = _eenmalig(monkeypatch, KszGroeipakket, "versturen", na_aanroepen=150)
        crashes.append(_run(relay.afleveren))
        herstel()
        # 3. After the receiver accepted, before the status is recorded.
        herstel = _eenmalig(monkeypatch, KszGroeipakket, "versturen", na_aanroepen=200, voor=False)
        crashes.append(_run(relay.afleveren))
        herstel()
        # 4. While recording the answer.
        herstel = _eenmalig(
            monkeypatch, relay, "_antwoord_vastleggen", na_aanroepen=250, voor=False
        )
        crashes.append(_run(relay.afleveren))
        herstel()
        # 5. Two relays at once, as when a restarted broker or worker redelivers the task.
        threads = [
            threading.Thread(target=_run, args=(lambda: relay.afleveren(limiet=300),))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # Recovery: the nightly job runs again.
        _run(batch_module.batch_maken)
        _run(relay.afleveren)

    berichten = list(
        GroeipakketBericht._base_manager.values_list("bericht_id", "status", "wijzigingen")
    )
    ids = {str(b) for b, _, _ in berichten}
    in_berichten = [w for _, _, wijzigingen in berichten for w in wijzigingen]
    print(
        f"\n{AANTAL} wijzigingen, {len(berichten)} berichten, {sum(ontvanger.ontvangen.values())} "
        f"ontvangen (waarvan {sum(ontvanger.ontvangen.values()) - len(ids)} herhaald), "
        f"{sum(ontvanger.aanvaard.values())} aanvaard; crashes: {crashes}"
    )
    assert len(berichten) == AANTAL
    assert sorted(in_berichten) == sorted(
        SchakelingWijziging._base_manager.values_list("id", flat=True)
    )
    assert {status for _, status, _ in berichten} == {BerichtStatus.AANVAARD}
    assert set(ontvanger.aanvaard) == ids
    assert set(ontvanger.aanvaard.values()) == {1}
    assert all(isinstance(uuid.UUID(i), uuid.UUID) for i in ids)
