"""Conditional requests as RFC 9110 says: a GET with the ETag the client holds answers 304
without a body (weak comparison, `*` included); a DELETE, like a PUT, needs the ETag of what it
removes, so a removal never takes away what someone changed meanwhile."""

import pytest

from binc.tenancy import voorziening_context
from dossiers.models import Beslissing, Dossier, Schakeling
from tests.conftest import OP_VANDAAG
from tests.dossiers.zorg_helpers import D, add, beslissing

pytestmark = [OP_VANDAAG, pytest.mark.django_db]


@pytest.fixture
def zorg(omgeving):
    voorziening, gebruiker, dossier = omgeving
    with voorziening_context(voorziening):
        b = beslissing(dossier, gebruiker, codes=("BEGBJB02",))
        s = add(dossier, gebruiker, b, D(2026, 1, 5))
    return dossier, b, s


@pytest.mark.parametrize(
    ("if_none_match", "status"),
    [('"{v}"', 304), ('W/"{v}"', 304), ('"1", "{v}"', 304), ("*", 304), ('"999"', 200)],
)
def test_a_read_of_what_the_client_holds_answers_304(api, zorg, if_none_match, status):
    dossier, b, _ = zorg
    pad = f"dossiers/{dossier.pk}/beslissingen/{b.pk}/"
    etag = api.get(pad)["ETag"]
    response = api.get(pad, **{"If-None-Match": if_none_match.format(v=etag.strip('"'))})
    assert response.status_code == status
    assert response["ETag"] == etag
    if status == 304:
        assert response.content == b""


def test_deleting_a_beslissing_needs_the_etag_of_what_it_removes(api, omgeving):
    voorziening, gebruiker, dossier = omgeving
    with voorziening_context(voorziening):
        b = beslissing(dossier, gebruiker, codes=("BEGBJB02",))
    pad = f"dossiers/{dossier.pk}/beslissingen/{b.pk}/"
    assert api.delete(pad).status_code == 428
    assert api.delete(pad, **{"If-Match": '"999"'}).status_code == 412
    assert Beslissing.objects.filter(pk=b.pk).exists()
    assert api.delete(pad, **{"If-Match": api.get(pad)["ETag"]}).status_code == 204
    assert not Beslissing.objects.filter(pk=b.pk).exists()


def test_deleting_a_schakeling_needs_the_etag_of_what_it_removes(api, zorg):
    dossier, _, s = zorg
    pad = f"dossiers/{dossier.pk}/schakelingen/{s.pk}/"
    assert api.delete(pad).status_code == 428
    assert api.delete(pad, **{"If-Match": 'W/"1"'}).status_code == 412
    assert api.delete(pad, **{"If-Match": "*"}).status_code == 204
    assert not Schakeling.objects.filter(pk=s.pk).exists()


def test_a_dossier_made_by_mistake_is_deleted_under_the_screens_rule(api, omgeving):
    voorziening, gebruiker, dossier = omgeving
    pad = f"dossiers/{dossier.pk}/"
    etag = api.get(pad)["ETag"]
    assert api.delete(pad).status_code == 428
    assert api.delete(pad, **{"If-Match": '"999"'}).status_code == 412
    with voorziening_context(voorziening):
        b = beslissing(dossier, gebruiker, codes=("BEGBJB02",))
    met_zorg = api.delete(pad, **{"If-Match": api.get(pad)["ETag"]})
    assert met_zorg.status_code == 400
    assert "beslissingen of schakelingen" in met_zorg.json()["fouten"][0]["melding"]
    b.delete()
    assert api.delete(pad, **{"If-Match": api.get(pad)["ETag"]}).status_code == 204
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    assert api.get(pad).status_code == 404
    assert etag  # the ETag a client held is now of nothing
