"""OpenID Connect (eHealth/itsme stand-in) matches people by rijksregisternummer only."""

import pytest

from binc.oidc import RijksregisternummerOIDCBackend
from tests.binc.factories import GebruikerFactory


@pytest.fixture
def backend(settings):
    settings.OIDC_RIJKSREGISTERNUMMER_CLAIM = "rrn"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.invalid/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.invalid/userinfo"
    settings.OIDC_RP_CLIENT_ID = "binc"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    return RijksregisternummerOIDCBackend()


@pytest.mark.django_db
def test_matches_the_gebruiker_with_that_number(backend):
    gebruiker = GebruikerFactory(rijksregisternummer="85073003328")
    GebruikerFactory(rijksregisternummer="90020199741")

    assert list(backend.filter_users_by_claims({"rrn": "85.07.30-033.28"})) == [gebruiker]


@pytest.mark.django_db
def test_unknown_or_malformed_numbers_match_nobody(backend):
    GebruikerFactory(rijksregisternummer="85073003328")

    assert not backend.filter_users_by_claims({"rrn": "12345"}).exists()
    assert not backend.filter_users_by_claims({"rrn": "90020199741"}).exists()
    assert not backend.verify_claims({"email": "a@b.c"})


@pytest.mark.django_db
def test_inactive_gebruiker_is_not_matched(backend):
    GebruikerFactory(rijksregisternummer="85073003328", is_active=False)
    assert not backend.filter_users_by_claims({"rrn": "85073003328"}).exists()
