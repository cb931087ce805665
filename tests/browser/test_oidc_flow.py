"""Login through a real certified OpenID provider (npm oidc-provider, started here on
127.0.0.1) with the national number as claim: login -> the voorziening -> logout; an unknown
number is refused; a tampered or expired token is refused. Binc runs as its own server, since
OIDC is switched on by settings read at start-up."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
import pytest
import requests
from django.core.exceptions import SuspiciousOperation
from playwright.sync_api import expect

from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.databank import databank_url

ROOT = Path(__file__).resolve().parents[2]
PROVIDER = ROOT / "tests" / "oidc" / "provider.mjs"
NUMMER = "85073003328"
ONBEKEND = "90020199741"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wacht(url: str) -> None:
    for _ in range(150):
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise AssertionError(f"{url} antwoordt niet")


def _provider(binc: str, **env) -> tuple[subprocess.Popen, str]:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        if os.environ.get("CI"):
            pytest.fail("oidc-provider ontbreekt: `make axe` installeert de npm-testtools.")
        pytest.skip("node or oidc-provider missing")
    poort = _vrije_poort()
    proces = subprocess.Popen(  # noqa: S603 - our own provider script
        ["node", str(PROVIDER)],  # noqa: S607
        env={
            **os.environ,
            "OIDC_PORT": str(poort),
            "OIDC_REDIRECT": f"{binc}/oidc/callback/",
            "OIDC_ACCOUNTS": json.dumps({"anna": NUMMER, "onbekend": ONBEKEND}),
            **env,
        },
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{poort}"
    _wacht(f"{url}/.well-known/openid-configuration")
    return proces, url


def _oidc_env(provider: str) -> dict[str, str]:
    return {
        "OIDC_RP_CLIENT_ID": "binc",
        "OIDC_RP_CLIENT_SECRET": "binc-test-geheim",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{provider}/auth",
        "OIDC_OP_TOKEN_ENDPOINT": f"{provider}/token",
        "OIDC_OP_USER_ENDPOINT": f"{provider}/me",
        "OIDC_OP_JWKS_ENDPOINT": f"{provider}/jwks",
        "OIDC_RP_SIGN_ALGO": "RS256",
    }


@pytest.fixture
def omgeving(transactional_db):
    """The provider and Binc, as two servers; a medewerker whose number the provider vouches."""
    voorziening = VoorzieningFactory(naam="De Linde")
    MedewerkerFactory(
        voorziening=voorziening,
        gebruiker=GebruikerFactory(
            first_name="Anna", last_name="Aerts", rijksregisternummer=NUMMER
        ),
    )
    poort = _vrije_poort()
    binc = f"http://127.0.0.1:{poort}"
    provider, provider_url = _provider(binc)
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{poort}", "--noreload"],
        cwd=ROOT,
        env={
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": databank_url(),
            **_oidc_env(provider_url),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wacht(f"{binc}/aanmelden/")
        yield binc, provider_url
    finally:
        server.terminate()
        provider.terminate()
        server.wait(timeout=10)
        provider.wait(timeout=10)


def _aanmelden_bij_provider(page, login: str) -> None:
    page.get_by_role("link", name="Aanmelden via eHealth (eID of itsme)").click()
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("om-het-even")
    page.locator("button[type=submit]").click()
    page.locator("button[type=submit]").click()  # consent: 'Continue'


def test_login_through_the_provider_then_logout(browser, omgeving):
    binc, _ = omgeving
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.goto(f"{binc}/aanmelden/")

    _aanmelden_bij_provider(page, "anna")

    expect(page.get_by_role("heading", name="Overzicht Dossiers")).to_be_visible()
    expect(page.get_by_text("Medewerker: Anna Aerts")).to_be_visible()
    page.get_by_role("button", name="Sluit af").click()
    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()
    context.close()


def test_an_unknown_national_number_is_refused(browser, omgeving):
    binc, _ = omgeving
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.goto(f"{binc}/aanmelden/")

    _aanmelden_bij_provider(page, "onbekend")

    expect(page.get_by_role("heading", name="Aanmelden bij Binc")).to_be_visible()
    assert urlsplit(page.url).path == "/aanmelden/"
    context.close()


def _id_token(provider: str, redirect: str) -> tuple[str, str]:
    """A real id_token from the provider, by its own login and consent pages."""
    sessie = requests.Session()
    nonce = "n-" + str(time.time())
    antwoord = sessie.get(
        f"{provider}/auth",
        params={
            "client_id": "binc",
            "response_type": "code",
            "scope": "openid profile",
            "redirect_uri": redirect,
            "nonce": nonce,
            "state": "s",
        },
    )
    for ingevuld in ({"login": "anna", "password": "x"}, {}):  # login, then consent
        form = lxml.html.fromstring(antwoord.text).forms[0]
        velden = {**dict(form.form_values()), **ingevuld}
        antwoord = sessie.post(
            urljoin(antwoord.url, form.action), data=velden, allow_redirects=False
        )
        while antwoord.is_redirect and not antwoord.headers["Location"].startswith(redirect):
            antwoord = sessie.get(
                urljoin(antwoord.url, antwoord.headers["Location"]), allow_redirects=False
            )
    code = parse_qs(urlsplit(antwoord.headers["Location"]).query)["code"][0]
    tokens = sessie.post(
        f"{provider}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect,
            "client_id": "binc",
            "client_secret": "binc-test-geheim",
        },
    ).json()
    return tokens["id_token"], nonce


@pytest.mark.django_db
def test_a_tampered_or_expired_token_is_refused(settings):
    from binc.oidc import RijksregisternummerOIDCBackend

    redirect = "http://127.0.0.1:1/oidc/callback/"
    provider, url = _provider("http://127.0.0.1:1", OIDC_ID_TOKEN_TTL="2")
    try:
        for naam, waarde in _oidc_env(url).items():
            setattr(settings, naam, waarde)
        backend = RijksregisternummerOIDCBackend()
        token, nonce = _id_token(url, redirect)
        assert backend.verify_token(token, nonce=nonce)["sub"] == "anna"

        kop, inhoud, handtekening = token.split(".")
        vervalst = ".".join(
            [kop, inhoud[:-4] + ("AAAA" if inhoud[-4:] != "AAAA" else "BBBB"), handtekening]
        )
        with pytest.raises(SuspiciousOperation):
            backend.verify_token(vervalst, nonce=nonce)

        time.sleep(3)  # the provider gave this token 2 seconds
        with pytest.raises(SuspiciousOperation):
            backend.verify_token(token, nonce=nonce)
    finally:
        provider.terminate()
        provider.wait(timeout=10)
