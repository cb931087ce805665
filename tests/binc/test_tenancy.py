"""The tenancy mechanism, and every URL tried with another voorziening's object."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binc.models import ModuleGoedkeuring
from binc.tenancy import (
    NoActiveVoorziening,
    active_voorziening,
    all_voorzieningen,
    voorziening_context,
)
from tests.binc.factories import MedewerkerFactory, ModuleGoedkeuringFactory
from tests.conftest import logged_in_client

# Every URL that takes an object of a voorziening: how to make one for a given voorziening.
# A new URL pattern must be added here or to NO_OBJECT_URLS (test_every_url_is_classified).
OBJECT_URLS = {
    "binc:module_detail": lambda v: {"pk": ModuleGoedkeuringFactory(voorziening=v).pk},
}
NO_OBJECT_URLS = {
    "binc:login",
    "binc:logout",
    "binc:kies_voorziening",
    "binc:start",
    "binc:module_list",
}
# The Opgroeien admin site is cross-voorziening by design and closed to medewerkers; see
# test_opgroeien_area_is_closed_to_medewerkers.
STAFF_NAMESPACES = {"opgroeien"}


def _url_names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if (entry.namespace or "") in STAFF_NAMESPACES:
                continue
            yield from _url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_classified():
    names = set(_url_names(get_resolver().url_patterns)) - {"oidc_authentication_init"}
    assert names == OBJECT_URLS.keys() | NO_OBJECT_URLS


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_another_voorzienings_object_answers_404(
    name, medewerker_client, voorziening, andere_voorziening
):
    with all_voorzieningen():
        own = OBJECT_URLS[name](voorziening)
        other = OBJECT_URLS[name](andere_voorziening)

    assert medewerker_client.get(reverse(name, kwargs=own)).status_code == 200
    response = medewerker_client.get(reverse(name, kwargs=other))
    assert response.status_code == 404
    assert andere_voorziening.naam not in response.content.decode()


@pytest.mark.django_db
def test_manager_refuses_queries_without_active_voorziening():
    with pytest.raises(NoActiveVoorziening):
        list(ModuleGoedkeuring.objects.all())


def test_manager_scopes_to_the_active_voorziening(
    voorziening, andere_voorziening, cross_voorziening
):
    own = ModuleGoedkeuringFactory(voorziening=voorziening)
    ModuleGoedkeuringFactory(voorziening=andere_voorziening)

    with voorziening_context(voorziening):
        assert list(ModuleGoedkeuring.objects.all()) == [own]
        assert active_voorziening() == voorziening
    assert ModuleGoedkeuring.objects.count() == 2
    assert active_voorziening() is None


def test_scoped_lookup_of_another_voorzienings_object_finds_nothing(
    voorziening, andere_voorziening
):
    with all_voorzieningen():
        other = ModuleGoedkeuringFactory(voorziening=andere_voorziening)
    with voorziening_context(voorziening):
        assert not ModuleGoedkeuring.objects.filter(pk=other.pk).exists()


def test_session_pointing_at_a_foreign_voorziening_activates_nothing(
    medewerker, andere_voorziening
):
    client = logged_in_client(medewerker, andere_voorziening)

    response = client.get(reverse("binc:start"))

    assert response.status_code == 302
    assert response.url == reverse("binc:kies_voorziening")


def test_removed_membership_takes_effect_on_the_next_request(medewerker, voorziening):
    client = logged_in_client(medewerker, voorziening)
    assert client.get(reverse("binc:start")).status_code == 200

    medewerker.lidmaatschappen.update(actief=False)

    assert client.get(reverse("binc:start")).status_code == 302


def test_opgroeien_area_is_closed_to_medewerkers(medewerker_client):
    for url in [
        "/opgroeien/",
        "/opgroeien/binc/modulegoedkeuring/",
        "/opgroeien/binc/voorziening/",
    ]:
        response = medewerker_client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/opgroeien/login/")


def test_opgroeien_staff_see_every_voorziening(
    opgroeien_gebruiker, voorziening, andere_voorziening
):
    with all_voorzieningen():
        ModuleGoedkeuringFactory(voorziening=voorziening)
        ModuleGoedkeuringFactory(voorziening=andere_voorziening)
    client = logged_in_client(opgroeien_gebruiker)

    response = client.get("/opgroeien/binc/modulegoedkeuring/")

    assert response.status_code == 200
    assert voorziening.naam in response.content.decode()
    assert andere_voorziening.naam in response.content.decode()


def test_colleague_sees_the_same_data(collega, medewerker, voorziening):
    with all_voorzieningen():
        goedkeuring = ModuleGoedkeuringFactory(voorziening=voorziening)
    for gebruiker in (medewerker, collega):
        client = logged_in_client(gebruiker, voorziening)
        assert client.get(goedkeuring.get_absolute_url()).status_code == 200


def test_medewerker_of_two_voorzieningen_sees_only_the_active_one(voorziening, andere_voorziening):
    multi = MedewerkerFactory(voorziening=voorziening).gebruiker
    MedewerkerFactory(gebruiker=multi, voorziening=andere_voorziening)
    with all_voorzieningen():
        other = ModuleGoedkeuringFactory(voorziening=andere_voorziening)

    client = logged_in_client(multi, voorziening)

    assert client.get(other.get_absolute_url()).status_code == 404
