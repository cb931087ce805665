"""Hostile input on every form of the Opgroeien area, as `tests/test_fuzz.py` does for a
voorziening's pages: the area is crawled from its index over the demo data (one page per kind
of URL), and every POST form gets generated hostile values. Never a server error; markup comes
back escaped; a refused submission changes nothing."""

import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.core.management import call_command
from django.urls import reverse

from binc.models import Gebruiker
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.test_fuzz import _formulieren, alles_bestoken

pytestmark = [OP_VANDAAG, pytest.mark.django_db, pytest.mark.traag]

# Links that end the run or only lead to a confirmation or a history, not to a form of their own.
OVERSLAAN = re.compile(r"logout|afmelden|/delete/|/history/|/password/|export|\?")


def _soort(pad: str) -> str:
    """One page per kind of URL: every change page of a model has the same form."""
    return re.sub(r"/\d+/", "/N/", pad)


def _kruip(client, begin: str, *, maximum: int = 150) -> list[str]:
    gezien, te_doen, pagina_s = {_soort(begin)}, [begin], []
    while te_doen and len(pagina_s) < maximum:
        pad = te_doen.pop(0)
        response = client.get(pad)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        pagina_s.append(pad)
        for link in lxml.html.fromstring(response.content).xpath("//a/@href"):
            volgend = urlsplit(urljoin(pad, link)).path
            if not volgend.startswith(begin) or OVERSLAAN.search(link):
                continue
            if _soort(volgend) not in gezien:
                gezien.add(_soort(volgend))
                te_doen.append(volgend)
    return pagina_s


@pytest.fixture
def formulieren(settings):
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", verbosity=0)
    beheerder = Gebruiker.objects.get(username="opgroeien")
    beheerder.is_superuser = True
    beheerder.save(update_fields=["is_superuser"])
    settings.DEBUG = False
    client = logged_in_client(beheerder)
    gevonden = {}
    for pad in _kruip(client, reverse("opgroeien:index")):
        html = client.get(pad).content.decode()
        for actie, velden in _formulieren(html, pad):
            if not OVERSLAAN.search(actie):
                gevonden.setdefault((urljoin(pad, actie), tuple(sorted(velden))), velden)
    assert len(gevonden) >= 15, "the crawl found too few forms to mean anything"
    return client, gevonden


def test_hostile_values_on_every_opgroeien_form(formulieren):
    alles_bestoken(*formulieren)
