"""Webhooks delivered to a real HTTP receiver on this machine: signed as Standard Webhooks
says (checked here with the receiver's own code, not Binc's), in the feed's order, at least
once with a stable id, retried with backoff, paused after a day with a work-list item, and
never to another voorziening's endpoint."""

import base64
import datetime
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from api.models import Abonnement
from api.services import koppeling_maken
from api.tasks import webhooks_afleveren
from binc import werk
from binc.tenancy import voorziening_context
from tests.api.conftest import Api, koppeling_met_api, token_halen
from tests.binc.factories import VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import beslissing

pytestmark = [OP_VANDAAG, pytest.mark.django_db]


class Ontvanger:
    """A voorziening's endpoint: keeps what it received, answers the statuses it is told."""

    def __init__(self) -> None:
        self.ontvangen: list[dict] = []
        self.antwoorden: list[int] = []
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                inhoud = self.rfile.read(int(self.headers["Content-Length"]))
                status = ontvanger.antwoorden.pop(0) if ontvanger.antwoorden else 204
                if status < 300:
                    ontvanger.ontvangen.append({"koppen": dict(self.headers), "inhoud": inhoud})
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/binc"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def ids(self) -> list[int]:
        return [int(o["koppen"]["webhook-id"]) for o in self.ontvangen]


def _echt(geheim: str, ontvangen: dict) -> bool:
    """The receiver's check (standardwebhooks.com): HMAC-SHA256 over id.timestamp.body."""
    koppen = ontvangen["koppen"]
    sleutel = base64.b64decode(geheim.removeprefix("whsec_"))
    tekst = f"{koppen['webhook-id']}.{koppen['webhook-timestamp']}.".encode() + ontvangen["inhoud"]
    verwacht = base64.b64encode(hmac.new(sleutel, tekst, hashlib.sha256).digest()).decode()
    return any(
        hmac.compare_digest(h.removeprefix("v1,"), verwacht)
        for h in koppen["webhook-signature"].split()
    )


@pytest.fixture
def ontvanger(settings):
    settings.WEBHOOKS_ENKEL_HTTPS = False  # the test receiver is plain HTTP on this machine
    settings.WEBHOOKS_ENKEL_PUBLIEK = False
    o = Ontvanger()
    yield o
    o.server.shutdown()


def _abonneren(api, url: str) -> dict:
    antwoord = api.post("abonnementen/", {"url": url})
    assert antwoord.status_code == 201, antwoord.content
    return antwoord.json()


def _wijzigen(omgeving, aantal: int) -> None:
    voorziening, gebruiker, dossier = omgeving
    with voorziening_context(voorziening):
        for _ in range(aantal):
            beslissing(dossier, gebruiker, codes=("BEGBJB02",))


def test_changes_arrive_signed_in_order_once(api, omgeving, ontvanger, time_machine):
    abonnement = _abonneren(api, ontvanger.url)
    _wijzigen(omgeving, 3)
    time_machine.shift(datetime.timedelta(seconds=11))  # the feed's settling time
    assert webhooks_afleveren.apply().get() == 3  # the real task, run here
    assert len(ontvanger.ontvangen) == 3
    assert ontvanger.ids() == sorted(ontvanger.ids())
    assert all(_echt(abonnement["geheim"], o) for o in ontvanger.ontvangen)
    gebeurtenis = json.loads(ontvanger.ontvangen[0]["inhoud"])
    assert gebeurtenis["type"] == "binc." + gebeurtenis["data"]["actie"]
    assert gebeurtenis["data"]["cursor"] == ontvanger.ids()[0]
    # What the feed gives after the subscription's start, and nothing twice.
    feed = api.get("wijzigingen/", {"cursor": 0, "limit": 200}).json()["resultaten"]
    assert ontvanger.ids() == [w["cursor"] for w in feed][-3:]
    assert webhooks_afleveren.apply().get() == 0
    assert not _echt("whsec_" + base64.b64encode(b"x" * 32).decode(), ontvanger.ontvangen[0])


def test_a_failure_is_retried_later_and_nothing_overtakes_it(
    api, omgeving, ontvanger, time_machine
):
    _abonneren(api, ontvanger.url)
    _wijzigen(omgeving, 2)
    time_machine.shift(datetime.timedelta(seconds=11))
    ontvanger.antwoorden = [500]
    assert webhooks_afleveren.apply().get() == 0  # the first failed: the second waits too
    assert ontvanger.ontvangen == []
    with voorziening_context(omgeving[0]):
        abonnement = Abonnement.objects.get()
    assert abonnement.pogingen == 1
    assert abonnement.laatste_fout == "Antwoord 500"
    assert webhooks_afleveren.apply().get() == 0  # not due yet (backoff)
    time_machine.shift(datetime.timedelta(minutes=2))
    assert webhooks_afleveren.apply().get() == 2
    assert ontvanger.ids() == sorted(ontvanger.ids())


def test_a_day_of_failures_pauses_it_with_a_work_item_and_resuming_delivers(
    omgeving, ontvanger, time_machine
):
    voorziening, gebruiker, _ = omgeving
    koppeling, geheim = koppeling_maken(
        voorziening=voorziening, naam="Eigen DMS", scopes=["lezen", "schrijven"], door=gebruiker
    )
    client_id = koppeling.application.client_id

    def api():  # a token lasts an hour: a new one after a day
        return Api(token_halen(client_id, geheim)["access_token"])

    abonnement = _abonneren(api(), ontvanger.url)
    _wijzigen(omgeving, 1)
    ontvanger.antwoorden = [503] * 100
    for _ in range(40):  # a day and more of attempts, each after its backoff
        time_machine.shift(datetime.timedelta(hours=1))
        webhooks_afleveren.apply()
    gepauzeerd = api().get("abonnementen/").json()["resultaten"][0]
    assert gepauzeerd["gepauzeerd_op"] is not None
    vandaag = timezone.localdate()
    context = werk.Werkcontext(vandaag=vandaag, gebruiker=gebruiker, voorziening=voorziening)
    items = werk.werklijst(context, werk.Doelgroep.VOORZIENING)
    assert any(i.soort == "webhook" and ontvanger.url in i.wat for i in items)

    ontvanger.antwoorden = []
    hervat = api().post(f"abonnementen/{abonnement['id']}/hervatten/")
    assert hervat.json()["gepauzeerd_op"] is None
    assert webhooks_afleveren.apply().get() == 1
    items = werk.werklijst(context, werk.Doelgroep.VOORZIENING)
    assert not any(i.soort == "webhook" for i in items)


def test_another_voorzienings_endpoint_never_receives_an_event(
    api, omgeving, ontvanger, time_machine
):
    andere = VoorzieningFactory()
    with voorziening_context(andere):
        _, vreemd = koppeling_met_api(andere)
        DossierFactory(voorziening=andere, client=ClientFactory())
    _abonneren(vreemd, ontvanger.url)
    _wijzigen(omgeving, 2)  # changes of the first voorziening only
    time_machine.shift(datetime.timedelta(seconds=11))
    webhooks_afleveren.apply()
    assert ontvanger.ontvangen == []
    assert vreemd.get("abonnementen/").json()["resultaten"][0]["id"]
    eigen = api.get("abonnementen/").json()["resultaten"]
    assert eigen == []  # and one koppeling does not see another's subscriptions


@pytest.mark.parametrize(
    ("url", "melding"),
    [
        ("http://binc.example.org/ontvang", "https"),
        ("https://127.0.0.1/ontvang", "publiek"),
        ("https://10.1.2.3/ontvang", "publiek"),
    ],
)
def test_only_https_to_a_public_address(api, url, melding):
    antwoord = api.post("abonnementen/", {"url": url})
    assert antwoord.status_code == 400
    assert melding in antwoord.json()["fouten"][0]["melding"]
