"""Who looked at a child's file (ASVS V16, GDPR art. 15): each opening writes one access row in
the request itself; Opgroeien and a voorziening's privacy contact can list and export them with
the national-register lookups, by a number that is posted, never in a URL."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binc.constants import Zoekwijze
from binc.models import Inzage, Medewerker, RijksregisterOpzoeking
from binc.tenancy import all_voorzieningen
from tests.conftest import logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(voorziening):
    return DossierFactory(voorziening=voorziening, client=ClientFactory(toegang=voorziening))


def _inserts(queries) -> int:
    return sum('INSERT INTO "binc_inzage"' in q["sql"] for q in queries)


@pytest.mark.parametrize(
    ("url", "soort"),
    [
        (lambda d: reverse("dossiers:dossier_detail", args=[d.pk]), Inzage.Soort.DOSSIER),
        (lambda d: reverse("dossiers:client_detail", args=[d.client_id]), Inzage.Soort.CLIENT),
        (
            lambda d: reverse("registratie:formulier", args=[d.pk, "begin"]),
            Inzage.Soort.REGISTRATIE,
        ),
    ],
    ids=["dossier", "client", "registratie"],
)
def test_each_opening_writes_exactly_one_access_row(
    medewerker_client, medewerker, voorziening, dossier, url, soort
):
    with CaptureQueriesContext(connection) as queries:
        assert medewerker_client.get(url(dossier)).status_code == 200

    assert _inserts(queries.captured_queries) == 1
    rij = Inzage.objects.get()
    assert (rij.gebruiker, rij.voorziening, rij.soort, rij.client_id) == (
        medewerker,
        voorziening,
        soort,
        dossier.client_id,
    )


def test_the_access_log_cannot_be_rewritten(medewerker_client, dossier):
    medewerker_client.get(reverse("dossiers:dossier_detail", args=[dossier.pk]))

    for poging in (
        lambda: Inzage.objects.update(object_id=0),
        lambda: Inzage.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            poging()
    assert Inzage.objects.get().object_id == dossier.pk


def test_opgroeien_lists_and_exports_every_access_and_lookup(
    opgroeien_gebruiker, medewerker, voorziening, andere_voorziening, buitenstaander, dossier
):
    client = dossier.client
    with all_voorzieningen():
        elders = DossierFactory(voorziening=andere_voorziening, client=client)
    logged_in_client(medewerker, voorziening).get(
        reverse("dossiers:dossier_detail", args=[dossier.pk])
    )
    logged_in_client(buitenstaander, andere_voorziening).get(
        reverse("dossiers:dossier_detail", args=[elders.pk])
    )
    RijksregisterOpzoeking.objects.create(
        gebruiker=medewerker,
        voorziening=voorziening,
        zoekwijze=Zoekwijze.NUMMER,
        criteria={"nummer": client.rijksregisternummer},
        aantal_resultaten=1,
    )
    staff = logged_in_client(opgroeien_gebruiker)
    url = reverse("dossiers_opgroeien:inzage")

    html = staff.post(url, {"rijksregisternummer": client.rijksregisternummer}).content.decode()

    assert client.rijksregisternummer not in url
    assert medewerker.get_full_name() in html
    assert buitenstaander.get_full_name() in html
    assert andere_voorziening.naam in html
    export = staff.post(url, {"rijksregisternummer": client.rijksregisternummer, "exporteren": "1"})
    assert export["Content-Type"].startswith("text/csv")
    regels = export.content.decode("utf-8-sig").strip().splitlines()
    assert len(regels) == 1 + 2 + 1  # header, two openings, one lookup
    assert "no-store" in export["Cache-Control"]


def test_a_medewerker_cannot_open_the_opgroeien_screen(medewerker_client):
    response = medewerker_client.get(reverse("dossiers_opgroeien:inzage"))

    assert response.status_code == 403  # signed in, not staff: no access, no login loop


def test_the_privacy_contact_sees_only_their_voorzienings_accesses(
    medewerker, voorziening, andere_voorziening, buitenstaander, dossier
):
    with all_voorzieningen():
        elders = DossierFactory(voorziening=andere_voorziening, client=dossier.client)
    logged_in_client(medewerker, voorziening).get(
        reverse("dossiers:dossier_detail", args=[dossier.pk])
    )
    logged_in_client(buitenstaander, andere_voorziening).get(
        reverse("dossiers:dossier_detail", args=[elders.pk])
    )
    url = reverse("dossiers:privacy_inzage")
    client = logged_in_client(medewerker, voorziening)
    assert client.get(url).status_code == 403

    Medewerker.objects.filter(gebruiker=medewerker).update(privacycontact=True)
    html = client.post(
        url, {"rijksregisternummer": dossier.client.rijksregisternummer}
    ).content.decode()

    assert medewerker.get_full_name() in html
    assert buitenstaander.get_full_name() not in html
    assert andere_voorziening.naam not in html


def test_the_privacy_contact_cannot_learn_where_else_a_child_is_known(
    medewerker, voorziening, andere_voorziening
):
    with all_voorzieningen():
        elders = DossierFactory(
            voorziening=andere_voorziening, client=ClientFactory(toegang=andere_voorziening)
        )
    Medewerker.objects.filter(gebruiker=medewerker).update(privacycontact=True)

    response = logged_in_client(medewerker, voorziening).post(
        reverse("dossiers:privacy_inzage"),
        {"rijksregisternummer": elders.client.rijksregisternummer},
    )

    assert "Geen cliënt met dit rijksregisternummer gekend" in response.content.decode()


def test_a_bad_number_is_refused_at_the_field(opgroeien_gebruiker):
    response = logged_in_client(opgroeien_gebruiker).post(
        reverse("dossiers_opgroeien:inzage"), {"rijksregisternummer": "123"}
    )

    assert "geen geldig rijksregisternummer" in response.content.decode()
