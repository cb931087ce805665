"""Every screen answers junk input with a message, never a server error (the test client
re-raises any exception a view lets escape)."""

import pytest
from django.urls import reverse

from binc.tenancy import all_voorzieningen
from tests.binc.test_tenancy import NO_OBJECT_URLS, OBJECT_URLS

JUNK = {
    "versie": "x",
    "begindatum": "31/02/abc",
    "einddatum": "-",
    "modules": ["zz", "-1"],
    "nummer": "!!",
    "beslissing": "abc",
    "voorziening": "999999",
    "dossiers": ["x"],
    "zoek": "%" * 50,
    "naam": "<b>x</b>",
    "geboortedatum": "morgen",
    "aanmelder": "niets",
    "via_toegangspoort": "misschien",
    "pagina": "-3",
    "sort": "drop table",
    "tab": "alles",
    "letter": "ÅÅ",
    "arbeidssituatie": ["y"],
    "psycholoog_sessies": "1e9",
    "bevestigd": "maybe",
    "actie": "valideren",
    "relatie": "?",
    "soort": "??",
}


def _all_urls(voorziening):
    with all_voorzieningen():
        for name, (_, build) in OBJECT_URLS.items():
            yield name, reverse(name, kwargs=build(voorziening))
    for name in NO_OBJECT_URLS - {"binc:logout"}:
        yield name, reverse(name)


def test_junk_never_causes_a_server_error(medewerker_client, voorziening):
    for name, url in _all_urls(voorziening):
        for response in (medewerker_client.get(url, JUNK), medewerker_client.post(url, JUNK)):
            assert response.status_code < 500, name


@pytest.mark.parametrize("soort", ["einde", "onbekend"])
def test_registration_forms_take_junk(soort, medewerker_client, voorziening):
    from tests.dossiers.factories import DossierFactory

    dossier = DossierFactory(voorziening=voorziening)
    url = reverse("registratie:formulier", args=[dossier.pk, soort])
    assert medewerker_client.post(url, JUNK).status_code < 500
