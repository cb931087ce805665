"""Logging in, choosing a voorziening (000 §1.1) and 'Sluit af' (000 §1.2)."""

import pytest
from django.urls import reverse

from tests.binc.factories import GebruikerFactory, MedewerkerFactory
from tests.conftest import logged_in_client

LOGIN = reverse("binc:login")


def _login(client, username, password="geheim-wachtwoord"):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.mark.django_db
def test_start_page_requires_login(client):
    response = client.get(reverse("dossiers:overzicht"))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_wrong_password_shows_the_error_above_the_form_and_keeps_the_username(client, medewerker):
    response = _login(client, medewerker.username, "fout")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "Gebruikersnaam en wachtwoord horen niet bij elkaar" in html
    assert f'value="{medewerker.username}"' in html


@pytest.mark.django_db
def test_empty_login_reports_each_field(client):
    html = client.post(LOGIN, {}).content.decode()
    assert "Vul je gebruikersnaam in." in html
    assert "Vul je wachtwoord in." in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_username"' in html


def test_medewerker_of_one_voorziening_lands_on_the_start_page(client, medewerker, voorziening):
    response = _login(client, medewerker.username)
    assert response.url == reverse("binc:kies_voorziening")

    response = client.get(response.url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("dossiers:overzicht")
    assert voorziening.naam in response.content.decode()


def test_medewerker_of_several_voorzieningen_chooses_one(client, voorziening, andere_voorziening):
    multi = MedewerkerFactory(voorziening=voorziening).gebruiker
    MedewerkerFactory(gebruiker=multi, voorziening=andere_voorziening)
    _login(client, multi.username)

    page = client.get(reverse("binc:kies_voorziening")).content.decode()
    assert voorziening.naam in page
    assert andere_voorziening.naam in page

    response = client.post(
        reverse("binc:kies_voorziening"), {"voorziening": andere_voorziening.pk}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dossiers:overzicht")
    assert response.context["actieve_voorziening"] == andere_voorziening


def test_choosing_a_voorziening_one_does_not_belong_to_is_refused(medewerker, andere_voorziening):
    client = logged_in_client(medewerker)

    response = client.post(reverse("binc:kies_voorziening"), {"voorziening": andere_voorziening.pk})

    assert response.status_code == 200
    assert "Je bent geen medewerker van deze voorziening." in response.content.decode()
    assert client.get(reverse("dossiers:overzicht")).status_code == 302


def test_choosing_nothing_asks_for_a_choice(medewerker, voorziening, andere_voorziening):
    MedewerkerFactory(gebruiker=medewerker, voorziening=andere_voorziening)
    client = logged_in_client(medewerker)

    response = client.post(reverse("binc:kies_voorziening"), {})

    assert "Kies de voorziening waarvoor je wil registreren." in response.content.decode()


@pytest.mark.django_db
def test_user_without_voorziening_gets_no_access(client):
    gebruiker = GebruikerFactory()
    _login(client, gebruiker.username)

    response = client.get(reverse("binc:kies_voorziening"))

    assert response.status_code == 403
    assert "Geen toegang tot Binc" in response.content.decode()


def test_opgroeien_staff_go_to_their_own_area(client, opgroeien_gebruiker):
    _login(client, opgroeien_gebruiker.username)

    response = client.get(reverse("binc:kies_voorziening"))

    assert response.url == reverse("opgroeien:index")
    assert client.get(response.url).status_code == 200


def test_sluit_af_logs_out(medewerker_client):
    response = medewerker_client.post(reverse("binc:logout"), follow=True)

    assert "Je bent afgemeld." in response.content.decode()
    assert medewerker_client.get(reverse("dossiers:overzicht")).status_code == 302


def test_logout_is_post_only(medewerker_client):
    assert medewerker_client.get(reverse("binc:logout")).status_code == 405
    assert medewerker_client.get(reverse("dossiers:overzicht")).status_code == 200


def test_after_choosing_a_voorziening_the_page_asked_for_opens(medewerker, voorziening):
    """A deep link (or a session that ended on a form) lands where it was meant to."""
    client = logged_in_client(medewerker)
    gevraagd = reverse("rapporten:nieuw")

    response = client.get(gevraagd)
    assert response.url == f"{reverse('binc:kies_voorziening')}?next=%2Frapporten%2Fnieuw%2F"
    assert client.get(response.url).url == gevraagd


def test_only_this_sites_pages_are_followed_after_choosing(medewerker, voorziening):
    client = logged_in_client(medewerker)

    response = client.get(reverse("binc:kies_voorziening"), {"next": "https://elders.example/"})

    assert response.url == reverse("dossiers:overzicht")
