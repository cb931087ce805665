"""Input no client should send, on every endpoint: deep nesting, a lone surrogate, numbers of
thousands of digits, NUL characters, every OAuth grant type, each path with and without its
trailing slash. Binc refuses each with an answer of its own (4xx), never a server error, and a
POST is never redirected."""

import base64

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from tests.api.conftest import koppeling_met_api
from tests.conftest import OP_VANDAAG

pytestmark = [OP_VANDAAG, pytest.mark.django_db, pytest.mark.traag]  # a fuzzer

DIEP = "[" * 1000 + "]" * 1000
SURROGAAT = (
    '{"rijksregisternummer": "\\ud800", "naam": "\\udfff", "begindatum": "\\ud800", '
    '"modules": ["\\ud800"], "verwijzingsgrond": "\\udc00"}'
)
CIJFERS = '{"rijksregisternummer": "' + "1" * 5000 + '", "client": ' + "9" * 5000 + "}"
NUL = '{"rijksregisternummer": "\\u0000", "modules": ["\\u0000"], "naam": "a\\u0000b"}'
LICHAMEN = {"diep": DIEP, "surrogaat": SURROGAAT, "cijfers": CIJFERS, "nul": NUL}


def _paden(dossier_pk: int) -> list[str]:
    """Every API route, with real ids where it takes one."""
    api = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "api")
    paden = set()
    for patroon in api.url_patterns:
        assert isinstance(patroon, URLPattern)
        route = str(patroon.pattern)
        for naam, waarde in (("<int:pk>", dossier_pk), ("<int:beslissing_pk>", 1)):
            route = route.replace(naam, str(waarde))
        route = route.replace("<int:schakeling_pk>", "1").replace("<str:soort>", "begin")
        paden.add("/api/v1/" + route)
    return sorted(paden)


@pytest.fixture
def systeem(omgeving):
    voorziening, _, dossier = omgeving
    _, api = koppeling_met_api(voorziening)
    return api.client, dossier


@pytest.mark.parametrize("soort", sorted(LICHAMEN))
def test_a_hostile_body_is_refused_on_every_write(systeem, soort):
    client, dossier = systeem
    for pad in _paden(dossier.pk):
        for methode in (client.post, client.put):
            antwoord = methode(pad, LICHAMEN[soort], content_type="application/json")
            assert antwoord.status_code < 500, (soort, methode.__name__, pad)
            assert antwoord.status_code not in (301, 302, 308), (pad, "a write is redirected")


def test_every_path_answers_with_and_without_its_slash(systeem):
    client, dossier = systeem
    for pad in _paden(dossier.pk):
        for variant in (pad, pad.removesuffix("/")):
            for methode in (client.get, client.delete):
                assert methode(variant).status_code < 500, variant
            antwoord = client.post(variant, "{}", content_type="application/json")
            assert antwoord.status_code < 500, variant
            assert antwoord.status_code not in (301, 302, 308), variant


@pytest.mark.parametrize(
    "grant",
    [
        "client_credentials",
        "password",
        "authorization_code",
        "refresh_token",
        "implicit",
        "urn:ietf:params:oauth:grant-type:device_code",
        "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "",
    ],
)
def test_the_token_endpoint_answers_every_grant_type_as_oauth_says(grant):
    antwoord = Client().post("/api/v1/token/", {"grant_type": grant, "client_id": "x"})
    assert antwoord.status_code in (400, 401), antwoord.content
    assert "error" in antwoord.json()


@pytest.mark.parametrize("waar", ["client_id", "basic", "grant_type", "client_secret"])
def test_a_nul_in_the_token_request_is_an_invalid_request(waar):
    data = {"grant_type": "client_credentials", "client_id": "abc", "client_secret": "geheim"}
    koppen = {}
    if waar == "basic":
        koppen["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(b"ab\x00c:geheim").decode()
    else:
        data[waar] = data[waar] + "\x00"
    antwoord = Client().post("/api/v1/token/", data, **koppen)
    assert antwoord.status_code == 400, antwoord.content
    assert antwoord.json()["error"] == "invalid_request"


def test_an_idempotency_key_over_its_maximum_is_refused_not_cut(systeem):
    """Cut to 100 characters, two long keys sharing their start would be one request."""
    client, _ = systeem
    sleutel = "k" * 100
    for lang in (sleutel + "a", sleutel + "b"):
        antwoord = client.post(
            "/api/v1/clienten/", "{}", content_type="application/json", HTTP_IDEMPOTENCY_KEY=lang
        )
        assert antwoord.status_code == 400
        assert antwoord.json()["fouten"][0]["veld"] == "Idempotency-Key"


def test_an_empty_filter_is_refused_like_a_bad_one(systeem):
    client, _ = systeem
    antwoord = client.get("/api/v1/dossiers/", {"gewijzigd_na": ""})
    assert antwoord.status_code == 400
    assert antwoord.json()["fouten"][0]["veld"] == "gewijzigd_na"
