"""Every refusal under /api/ is a problem detail an integrator can code against: a Dutch
`title`, a `type` that opens a page of the site explaining it, a stable `code` per field, the
`instance` it is about and the request id that is also a header of every answer (and in the
access log)."""

import json
import re

import pytest
from django.test import Client

from binc.models import Inzage
from tests.conftest import OP_VANDAAG

pytestmark = [OP_VANDAAG, pytest.mark.django_db]

PROBLEEM = "application/problem+json"
SLUG = re.compile(r"^[a-z]+(_[a-z]+)*$")


def _probleem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEEM
    return response.json()


def _type_opent_een_uitleg(probleem: dict) -> None:
    pad = probleem["type"].removeprefix("http://testserver")
    code = pad.rstrip("/").rsplit("/", 1)[-1]
    assert SLUG.match(code), code  # one language, one form
    pagina = Client().get(pad)
    assert pagina.status_code == 200
    assert probleem["title"] in pagina.content.decode()


def test_a_body_over_the_limit_answers_413_as_a_problem(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api.post("clienten/", json.dumps({"naam": "x" * 2000}))
    probleem = _probleem(response, 413)
    assert probleem["title"] == "Verzoek te groot"
    _type_opent_een_uitleg(probleem)


def test_a_refused_field_carries_a_stable_code_beside_its_message(api, omgeving):
    _, _, dossier = omgeving
    response = api.post(f"dossiers/{dossier.pk}/beslissingen/", {"verwijzingsgrond": "x"})
    probleem = _probleem(response, 400)
    fouten = {f["veld"]: f for f in probleem["fouten"]}
    assert fouten["begindatum"]["code"] == "verplicht"
    assert fouten["verwijzingsgrond"]["code"] == "onbekende_keuze"
    assert all(SLUG.match(f["code"]) for f in probleem["fouten"])
    _type_opent_een_uitleg(probleem)


@pytest.mark.parametrize(
    ("methode", "pad", "koppen", "status"),
    [
        ("get", "dossiers/", {"Accept": "text/csv"}, 406),
        ("post", "clienten/", {"Content-Type": "text/plain"}, 415),
        ("patch", "dossiers/", {}, 405),
        ("get", "bestaat-niet/", {}, 404),
    ],
)
def test_protocol_refusals_are_dutch_problems_with_a_page(api, methode, pad, koppen, status):
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in koppen.items()}
    if "HTTP_CONTENT_TYPE" in extra:
        extra["content_type"] = extra.pop("HTTP_CONTENT_TYPE")
    response = getattr(api.client, methode)(f"/api/v1/{pad}", **extra)
    probleem = _probleem(response, status)
    assert SLUG.match(probleem["type"].rstrip("/").rsplit("/", 1)[-1])
    _type_opent_een_uitleg(probleem)


def test_every_answer_carries_a_request_id_the_problem_and_the_access_log_repeat(api, omgeving):
    _, _, dossier = omgeving
    gelezen = api.get(f"dossiers/{dossier.pk}/")
    assert gelezen.status_code == 200
    verzoek_id = gelezen["X-Request-ID"]
    assert Inzage.objects.filter(verzoek_id=verzoek_id, dossier_id=dossier.pk).exists()

    fout = api.get("dossiers/999999/")
    probleem = _probleem(fout, 404)
    assert probleem["instance"] == "/api/v1/dossiers/999999/"
    assert probleem["verzoek_id"] == fout["X-Request-ID"] != verzoek_id


def test_a_request_id_sent_by_the_proxy_is_kept_and_a_strange_one_replaced(api):
    eigen = api.get("dossiers/", **{"X-Request-ID": "lb-4f1c2a"})
    assert eigen["X-Request-ID"] == "lb-4f1c2a"
    vreemd = api.get("dossiers/", **{"X-Request-ID": "a b\r\nSet-Cookie: x" + "y" * 200})
    assert re.fullmatch(r"[0-9a-f]{32}", vreemd["X-Request-ID"])
    assert Client().get("/")["X-Request-ID"]  # the screens too


def test_the_problem_pages_list_every_code():
    pagina = Client().get("/api/v1/problemen/")
    assert pagina.status_code == 200
    for code in ("ongeldig", "bevestigen", "intussen_gewijzigd", "te_veel_verzoeken"):
        assert f'id="{code}"' in pagina.content.decode()
    assert Client().get("/api/v1/problemen/bestaat_niet/").status_code == 404
