"""Headers on every page (ASVS V3, V14), sessions (V7), throttled logins and the
authentication log (V6, V16)."""

import datetime
import logging
import re

import pytest
import time_machine
from django.urls import reverse

from binc.tenancy import all_voorzieningen
from tests.binc.test_tenancy import NO_OBJECT_URLS, OBJECT_URLS
from tests.conftest import logged_in_client

BRUSSEL = datetime.timezone(datetime.timedelta(hours=1))


def _urls(voorziening):
    with all_voorzieningen():
        for name, (_, build) in sorted(OBJECT_URLS.items()):
            yield name, reverse(name, kwargs=build(voorziening))
    for name in sorted(NO_OBJECT_URLS - {"binc:logout"}):
        yield name, reverse(name)


def test_every_page_carries_the_security_headers(medewerker_client, voorziening):
    for name, url in _urls(voorziening):
        response = medewerker_client.get(url)
        assert response.status_code < 500, name
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp, name
        assert "style-src 'self'" in csp, name
        assert "unsafe-inline" not in csp, name
        assert "unsafe-eval" not in csp, name
        assert "frame-ancestors 'none'" in csp, name
        assert "no-store" in response["Cache-Control"], name
        assert "camera=()" in response["Permissions-Policy"], name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["X-Frame-Options"] == "DENY", name
        assert response["Referrer-Policy"] == "same-origin", name


def test_the_opgroeien_area_carries_them_too(opgroeien_gebruiker):
    response = logged_in_client(opgroeien_gebruiker).get("/opgroeien/")

    assert "no-store" in response["Cache-Control"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_pages_carry_no_inline_script_or_style(medewerker_client, voorziening):
    for name, url in _urls(voorziening):
        response = medewerker_client.get(url)
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        assert "<script>" not in html, name
        assert " style=" not in html, name
        assert "<style" not in html, name


@pytest.mark.django_db
def test_the_login_page_is_public_and_cacheable_headers_still_strict(client):
    response = client.get(reverse("binc:login"))

    assert response.status_code == 200
    assert "Content-Security-Policy" in response


def _login(client, username, password="geheim-wachtwoord", adres="10.0.0.1"):
    return client.post(
        reverse("binc:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=adres,
    )


def test_an_idle_session_ends_after_30_minutes(medewerker, voorziening, client):
    with time_machine.travel(datetime.datetime(2026, 3, 16, 9, 0, tzinfo=BRUSSEL), tick=False) as t:
        assert _login(client, medewerker.username).status_code == 302
        client.get(reverse("binc:kies_voorziening"))
        t.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("dossiers:overzicht")).status_code == 200
        t.shift(datetime.timedelta(minutes=29))  # active 29 minutes ago: still fine
        assert client.get(reverse("dossiers:overzicht")).status_code == 200
        t.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("dossiers:overzicht"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("binc:login"))
    assert "_auth_user_id" not in client.session


def test_polling_does_not_keep_a_session_alive(medewerker, voorziening, client):
    with time_machine.travel(datetime.datetime(2026, 3, 16, 9, 0, tzinfo=BRUSSEL), tick=False) as t:
        _login(client, medewerker.username)
        client.get(reverse("binc:kies_voorziening"))
        for _ in range(4):
            t.shift(datetime.timedelta(minutes=10))
            response = client.get(reverse("rapporten:lijst"), HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("binc:login")


def test_staying_signed_in_counts_as_activity(medewerker, voorziening, client):
    with time_machine.travel(datetime.datetime(2026, 3, 16, 9, 0, tzinfo=BRUSSEL), tick=False) as t:
        _login(client, medewerker.username)
        t.shift(datetime.timedelta(minutes=26))
        assert client.post(reverse("binc:sessie_verlengen")).json() == {"aangemeld": True}
        t.shift(datetime.timedelta(minutes=26))
        assert client.get(reverse("binc:kies_voorziening")).status_code == 302  # -> overzicht
        assert "_auth_user_id" in client.session


def test_a_session_ends_after_8_hours_however_active(medewerker, voorziening, client):
    with time_machine.travel(datetime.datetime(2026, 3, 16, 8, 0, tzinfo=BRUSSEL), tick=False) as t:
        _login(client, medewerker.username)
        for _ in range(8 * 4 + 1):
            t.shift(datetime.timedelta(minutes=15))
            response = client.get(reverse("binc:kies_voorziening"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("binc:login"))


def test_choosing_a_voorziening_gives_a_new_session_id(medewerker, voorziening, client):
    _login(client, medewerker.username)
    voor = client.session.session_key

    client.get(reverse("binc:kies_voorziening"))  # one voorziening: chosen at once

    assert client.session.session_key != voor


def test_login_gives_a_new_session_id(medewerker, client):
    client.get(reverse("binc:login"))
    client.session["x"] = 1
    voor = client.cookies.get("sessionid")

    _login(client, medewerker.username)

    assert client.cookies["sessionid"].value != (voor.value if voor else None)


def test_a_deactivated_user_is_out_on_the_next_request(medewerker_client, medewerker):
    assert medewerker_client.get(reverse("dossiers:overzicht")).status_code == 200

    medewerker.is_active = False
    medewerker.save()

    assert medewerker_client.get(reverse("dossiers:overzicht")).status_code == 302


def test_password_guessing_locks_the_account_with_a_dutch_page(medewerker, client):
    for _ in range(4):
        assert _login(client, medewerker.username, "fout").status_code == 200
    assert _login(client, medewerker.username, "fout").status_code == 429  # the fifth

    response = _login(client, medewerker.username)  # even the right password now

    assert response.status_code == 429
    assert "Aanmelden tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_locked_account_does_not_lock_its_colleagues_on_the_same_address(
    medewerker, collega, client
):
    """A voorziening's staff share one public address: five typing errors lock one account."""
    for _ in range(5):
        _login(client, medewerker.username, "fout")
    assert _login(client, medewerker.username).status_code == 429

    assert _login(client, collega.username).status_code == 302


def test_one_address_guessing_many_accounts_is_locked_after_its_own_limit(db, client, settings):
    for i in range(settings.AXES_ADRES_LIMIT - 1):
        assert _login(client, f"iemand{i}", "fout", adres="10.0.0.9").status_code == 200

    assert _login(client, "nog-iemand", "fout", adres="10.0.0.9").status_code == 429
    assert _login(client, "nog-iemand", "fout", adres="10.0.0.10").status_code == 200


def test_opgroeien_unlocks_a_locked_account(medewerker, opgroeien_gebruiker, client):
    from axes.models import AccessAttempt

    for _ in range(5):
        _login(client, medewerker.username, "fout")
    staff = logged_in_client(opgroeien_gebruiker)
    lijst = staff.get("/opgroeien/axes/accessattempt/")
    assert medewerker.username in lijst.content.decode()

    staff.post(
        "/opgroeien/axes/accessattempt/",
        {
            "action": "deblokkeren",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
        },
    )

    assert _login(client, medewerker.username).status_code == 302


def test_authentication_events_are_logged_in_utc_without_secrets(
    medewerker, voorziening, client, caplog
):
    medewerker.rijksregisternummer = "85073003328"
    medewerker.save()
    with caplog.at_level(logging.INFO, logger="binc.beveiligingslog"):
        _login(client, "85073003328", "geheim-fout")
        _login(client, medewerker.username)
        client.get(reverse("binc:kies_voorziening"))
        client.post(reverse("binc:logout"))

    regels = [r.getMessage() for r in caplog.records if r.name == "binc.beveiligingslog"]
    soorten = [r.split()[0] for r in regels]
    assert soorten == ["aanmelding_mislukt", "aanmelding", "voorziening_gekozen", "afmelding"]
    assert all(re.search(r" tijd=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ adres=[\d.]+ ", r) for r in regels)
    assert "adres=10.0.0.1" in regels[0]
    tekst = "\n".join(regels)
    assert "85073003328" not in tekst
    assert "geheim" not in tekst
