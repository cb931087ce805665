"""The 'Modules' screens: the voorziening's modules from the moduledatabank."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.binc.factories import ModuleFactory, ModuleGoedkeuringFactory

URL = reverse("binc:module_list")


@pytest.fixture
def goedkeuringen(voorziening, andere_voorziening, cross_voorziening):
    eigen = [
        ModuleGoedkeuringFactory(
            voorziening=voorziening, module=ModuleFactory(code="TSTVBF1", naam="Verblijf hoog")
        ),
        ModuleGoedkeuringFactory(
            voorziening=voorziening, module=ModuleFactory(code="TSTBEG2", naam="Context laag")
        ),
        ModuleGoedkeuringFactory(
            voorziening=voorziening,
            module=ModuleFactory(code="OUD01", naam="Oude module"),
            actief=False,
        ),
    ]
    ModuleGoedkeuringFactory(voorziening=andere_voorziening, module=ModuleFactory(code="ANDER01"))
    return eigen


def test_lists_only_the_active_voorzienings_active_modules(medewerker_client, goedkeuringen):
    html = medewerker_client.get(URL).content.decode()

    assert "TSTVBF1" in html
    assert "TSTBEG2" in html
    assert "OUD01" not in html
    assert "ANDER01" not in html


def test_deactivated_modules_can_be_shown(medewerker_client, goedkeuringen):
    html = medewerker_client.get(URL, {"zoek": ""}).content.decode()  # box unticked
    assert "OUD01" in html
    assert "niet meer in de moduledatabank" in html
    assert "ANDER01" not in html


def test_search_filters_on_code_and_name(medewerker_client, goedkeuringen):
    html = medewerker_client.get(URL, {"zoek": "verblijf", "alleen_actief": "on"}).content.decode()
    assert "TSTVBF1" in html
    assert "TSTBEG2" not in html


def test_htmx_request_gets_only_the_rows(medewerker_client, goedkeuringen):
    response = medewerker_client.get(
        URL, {"zoek": "context", "alleen_actief": "on"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert "<html" not in html
    assert "TSTBEG2" in html
    assert "TSTVBF1" not in html


def test_too_long_search_is_reported_not_failed(medewerker_client, goedkeuringen):
    response = medewerker_client.get(URL, {"zoek": "x" * 101})
    assert response.status_code == 200
    assert "Zorg dat deze waarde niet meer dan 100 tekens bevat" in response.content.decode()


def test_queries_do_not_grow_with_the_number_of_modules(
    medewerker_client, voorziening, cross_voorziening
):
    ModuleGoedkeuringFactory(voorziening=voorziening)
    with CaptureQueriesContext(connection) as few:
        medewerker_client.get(URL)
    ModuleGoedkeuringFactory.create_batch(30, voorziening=voorziening)
    with CaptureQueriesContext(connection) as many:
        response = medewerker_client.get(URL)

    assert response.content.decode().count("<tr>") == 32
    assert len(many) == len(few)


def test_detail_shows_the_typemodule_properties(medewerker_client, voorziening, cross_voorziening):
    from binc.models import Module

    goedkeuring = ModuleGoedkeuringFactory(
        voorziening=voorziening, module=Module.objects.get(code="BEGBJB05")
    )

    html = medewerker_client.get(goedkeuring.get_absolute_url()).content.decode()

    assert "Contextbegeleiding in functie van autonoom wonen" in html
    assert "cliënt jonger dan 18 jaar" in html
    assert 'aria-current="page"' in html


def test_detail_of_unknown_id_is_404(medewerker_client):
    assert (
        medewerker_client.get(reverse("binc:module_detail", kwargs={"pk": 999999})).status_code
        == 404
    )
