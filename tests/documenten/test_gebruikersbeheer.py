"""'Gebruikersbeheer documenten' (000 §18.3.1): every medewerker finds a person by national
number (known, logged in at least once), adds and removes them; the number never enters a URL."""

import pytest
from django.urls import reverse
from django.utils import timezone

from documenten.models import DocumentBeheerder
from tests.binc.factories import GebruikerFactory

pytestmark = pytest.mark.django_db
URL = "documenten:gebruikersbeheer"
NUMMER = "85073003328"


@pytest.fixture
def directeur():
    return GebruikerFactory(
        first_name="Dirk",
        last_name="Directeur",
        rijksregisternummer=NUMMER,
        last_login=timezone.now(),
    )


def _beheerders():
    return list(
        DocumentBeheerder._base_manager.values_list("voorziening__naam", "gebruiker__last_name")
    )


def test_find_add_and_remove_a_person(medewerker_client, directeur, voorziening):
    gevonden = medewerker_client.post(reverse(URL), {"rijksregisternummer": "85.07.30-033.28"})
    assert "Gevonden: <strong>Dirk Directeur</strong>" in gevonden.content.decode()
    assert not _beheerders()

    response = medewerker_client.post(
        reverse(URL), {"rijksregisternummer": "85.07.30-033.28", "toevoegen": "1"}
    )
    assert response.status_code == 302
    assert NUMMER not in response.url
    assert _beheerders() == [(voorziening.naam, "Directeur")]
    assert "Dirk Directeur" in medewerker_client.get(reverse(URL)).content.decode()

    pk = DocumentBeheerder._base_manager.get().pk
    medewerker_client.post(reverse(URL), {"verwijderen": str(pk)})
    assert not _beheerders()


def test_adding_twice_keeps_one_row(medewerker_client, directeur):
    for _ in range(2):
        medewerker_client.post(reverse(URL), {"rijksregisternummer": NUMMER, "toevoegen": "1"})

    assert len(_beheerders()) == 1


@pytest.mark.parametrize(
    ("nummer", "fout"),
    [
        ("12345678901", "geen geldig rijksregisternummer"),
        ("", "Vul een rijksregisternummer in"),
    ],
)
def test_bad_numbers_are_refused_at_the_field(medewerker_client, nummer, fout):
    response = medewerker_client.post(
        reverse(URL), {"rijksregisternummer": nummer, "toevoegen": "1"}
    )

    assert fout in response.content.decode()
    assert not _beheerders()


def test_a_person_who_never_logged_in_is_not_found(medewerker_client, directeur):
    directeur.last_login = None
    directeur.save()

    response = medewerker_client.post(
        reverse(URL), {"rijksregisternummer": NUMMER, "toevoegen": "1"}
    )

    assert "minstens één keer in Binc aangemeld" in response.content.decode()
    assert not _beheerders()


def test_another_voorzienings_row_cannot_be_removed(
    medewerker_client, directeur, andere_voorziening
):
    andere = DocumentBeheerder._base_manager.create(
        voorziening=andere_voorziening, gebruiker=directeur
    )

    medewerker_client.post(reverse(URL), {"verwijderen": str(andere.pk)})
    medewerker_client.post(reverse(URL), {"verwijderen": "²"})

    assert DocumentBeheerder._base_manager.filter(pk=andere.pk).exists()
