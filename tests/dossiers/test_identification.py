"""Identifying clients through the national register (000 §3, 001 §1, §4)."""

import datetime

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from binc.constants import Organisatietype
from binc.models import RijksregisterOpzoeking, RijksregisterPersoon
from binc.tenancy import all_voorzieningen
from dossiers.models import Client, ClientToegang, ContextPersoon, Dossier
from tests.binc.factories import MedewerkerFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG, VANDAAG, logged_in_client
from tests.dossiers.factories import ClientFactory, ContextPersoonFactory, DossierFactory

ZOEKEN = reverse("dossiers:client_zoeken")
TODAY = VANDAAG
pytestmark = OP_VANDAAG


def _rrn(geboortedatum: datetime.date, serial: int = 1, *, bis: bool = False) -> str:
    month = geboortedatum.month + (20 if bis else 0)
    base = f"{geboortedatum:%y}{month:02d}{geboortedatum:%d}{serial:03d}"
    numerator = int(("2" if geboortedatum.year >= 2000 else "") + base)
    return f"{base}{97 - numerator % 97:02d}"


def _person(years: int, naam="Peeters", voornaam="Lotte", **extra) -> RijksregisterPersoon:
    geboren = TODAY.replace(year=TODAY.year - years) - datetime.timedelta(days=30)
    return RijksregisterPersoon.objects.create(
        rijksregisternummer=extra.pop("nummer", _rrn(geboren, extra.pop("serial", 2))),
        naam=naam,
        voornaam=voornaam,
        geslacht="V",
        geboortedatum=geboren,
        gemeente="Gent",
        postcode="9000",
        nationaliteit="Belg",
        **extra,
    )


def _search(client, **data):
    return client.post(ZOEKEN, data)


def test_bad_number_is_refused_at_the_field_without_lookup(medewerker_client):
    response = _search(medewerker_client, nummer="12030100112")

    html = response.content.decode()
    assert "Dit is geen geldig rijksregisternummer of BIS-nummer" in html
    assert 'id="id_nummer_error"' in html
    assert 'value="12030100112"' in html  # what was typed stays
    assert not RijksregisterOpzoeking.objects.exists()


@pytest.mark.parametrize("years", [10, 30])  # born after and before 2000: both century rules
def test_number_lookup_finds_the_person_and_is_logged(years, medewerker, voorziening):
    persoon = _person(years if years < 25 else 10)
    client = logged_in_client(medewerker, voorziening)

    response = _search(client, nummer=persoon.rijksregisternummer)

    assert persoon.voornaam in response.content.decode()
    log = RijksregisterOpzoeking.objects.get()
    assert (log.gebruiker, log.voorziening, log.zoekwijze) == (medewerker, voorziening, "nummer")
    assert log.criteria == {"nummer": persoon.rijksregisternummer}
    assert log.aantal_resultaten == 1


def test_number_with_punctuation_is_accepted(medewerker_client):
    persoon = _person(12)
    n = persoon.rijksregisternummer
    response = _search(medewerker_client, nummer=f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}")
    assert persoon.voornaam in response.content.decode()


def test_bis_number_lookup(medewerker_client):
    geboren = datetime.date(2015, 4, 2)
    persoon = _person(10, nummer=_rrn(geboren, 5, bis=True))
    assert (
        persoon.voornaam
        in _search(medewerker_client, nummer=persoon.rijksregisternummer).content.decode()
    )


def test_search_on_name_gender_and_birth_date(medewerker_client):
    persoon = _person(8, naam="Vermeulen")
    response = _search(
        medewerker_client,
        naam="vermeulen",
        geslacht="V",
        geboortedatum=persoon.geboortedatum.isoformat(),
    )
    assert persoon.voornaam in response.content.decode()
    assert RijksregisterOpzoeking.objects.get().zoekwijze == "gegevens"


def test_1g1p_searches_on_name_gender_and_birth_year(db):
    """001 §4.1: 'Vul Naam*, Geslacht* en Geboortejaar* van de cliënt in'."""
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.GEZIN_1G1P)
    client = logged_in_client(MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening)
    persoon = _person(8, naam="Vermeulen")
    html = client.get(ZOEKEN).content.decode()
    assert 'name="geboortejaar"' in html
    assert 'name="geboortedatum"' not in html

    response = _search(
        client, naam="vermeulen", geslacht="V", geboortejaar=persoon.geboortedatum.year
    )

    assert persoon.voornaam in response.content.decode()
    assert RijksregisterOpzoeking.objects.get().criteria == {
        "naam": "vermeulen",
        "geslacht": "V",
        "geboortejaar": str(persoon.geboortedatum.year),
    }
    toekomst = _search(client, naam="vermeulen", geslacht="V", geboortejaar=TODAY.year + 1)
    assert "Het geboortejaar kan niet in de toekomst liggen." in toekomst.content.decode()


def test_name_search_needs_all_three_fields(medewerker_client):
    html = _search(medewerker_client, naam="Peeters").content.decode()
    assert "Vul ook dit veld in om op gegevens te zoeken." in html
    assert not RijksregisterOpzoeking.objects.exists()


def test_empty_result_is_logged(medewerker_client):
    response = _search(medewerker_client, nummer=_rrn(datetime.date(2014, 1, 1), 7))
    assert "Niemand gevonden" in response.content.decode()
    assert RijksregisterOpzoeking.objects.get().aantal_resultaten == 0


@pytest.mark.parametrize("years", [25, 26])
def test_only_people_younger_than_25_are_found_and_the_refusal_logged(years, medewerker_client):
    """000 §3.1 'tot 25 jaar': a 25-year-old is no longer shown to an OVBJ."""
    persoon = _person(years)

    response = _search(medewerker_client, nummer=persoon.rijksregisternummer)

    assert persoon.voornaam not in response.content.decode()
    log = RijksregisterOpzoeking.objects.get()
    assert (log.aantal_resultaten, log.aantal_geweigerd) == (0, 1)


def test_pleegzorg_finds_adults(db):
    voorziening = VoorzieningFactory(pleegzorg=True)
    medewerker = MedewerkerFactory(voorziening=voorziening).gebruiker
    persoon = _person(40)

    response = _search(
        logged_in_client(medewerker, voorziening), nummer=persoon.rijksregisternummer
    )

    assert persoon.voornaam in response.content.decode()


def test_unknown_person_is_completed_with_the_mandatory_fields(medewerker_client, voorziening):
    persoon = _person(14)
    _search(medewerker_client, nummer=persoon.rijksregisternummer)

    response = medewerker_client.post(
        reverse("dossiers:client_toevoegen"), {"nummer": persoon.rijksregisternummer}
    )
    form_url = response.url
    assert form_url == reverse("dossiers:client_nieuw")  # the number stays on the server
    html = medewerker_client.get(form_url).content.decode()
    assert persoon.rijksregisternummer in html
    assert "Gent" in html

    response = medewerker_client.post(form_url, {"land_van_origine": "België"})
    html = response.content.decode()
    assert "Het formulier bevat fouten" in html
    assert 'value="België"' in html
    assert not Client.objects.exists()

    response = medewerker_client.post(
        form_url,
        {"niet_begeleide_minderjarige": "nee", "land_van_origine": "België", "omgangstaal": "nl"},
    )
    client = Client.objects.get()
    assert response.url == client.get_absolute_url()
    assert (client.rijksregisternummer, client.naam, client.gemeente) == (
        persoon.rijksregisternummer,
        "Peeters",
        "Gent",
    )
    with all_voorzieningen():
        assert ClientToegang.objects.filter(client=client, voorziening=voorziening).exists()


def test_known_client_is_reused_and_opens_the_client_context(medewerker_client, voorziening):
    persoon = _person(9)
    bestaand = ClientFactory(rijksregisternummer=persoon.rijksregisternummer)
    _search(medewerker_client, nummer=persoon.rijksregisternummer)

    response = medewerker_client.post(
        reverse("dossiers:client_toevoegen"), {"nummer": persoon.rijksregisternummer}
    )

    assert response.url == bestaand.get_absolute_url()
    assert Client.objects.count() == 1
    assert medewerker_client.get(response.url).status_code == 200


def test_adding_a_person_not_looked_up_is_refused(medewerker_client):
    persoon = _person(9)
    response = medewerker_client.post(
        reverse("dossiers:client_toevoegen"), {"nummer": persoon.rijksregisternummer}
    )
    assert response.url == ZOEKEN
    assert not Client.objects.exists()


def test_client_context_reveals_no_other_voorziening(
    medewerker_client, voorziening, andere_voorziening
):
    client = ClientFactory(toegang=voorziening)
    DossierFactory(client=client, voorziening=andere_voorziening)

    html = medewerker_client.get(client.get_absolute_url()).content.decode()

    assert andere_voorziening.naam not in html
    assert "Nog geen dossier in je voorziening." in html


def test_lookup_log_is_append_only(medewerker_client):
    _search(medewerker_client, nummer=_rrn(datetime.date(2014, 1, 1), 7))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        RijksregisterOpzoeking.objects.update(aantal_resultaten=5)


def test_opgroeien_reads_and_filters_the_lookup_log(medewerker_client, opgroeien_gebruiker):
    _search(medewerker_client, nummer=_rrn(datetime.date(2014, 1, 1), 7))
    opgroeien = logged_in_client(opgroeien_gebruiker)

    response = opgroeien.get(
        "/opgroeien/binc/rijksregisteropzoeking/", {"zoekwijze__exact": "nummer"}
    )

    assert response.status_code == 200
    assert "1 opzoeking in het rijksregister" in response.content.decode()
    assert medewerker_client.get("/opgroeien/binc/rijksregisteropzoeking/").status_code == 403


# --- Unborn child -------------------------------------------------------------------------------


@pytest.fixture
def ckg(db):
    voorziening = VoorzieningFactory(ckg=True)
    return voorziening, logged_in_client(
        MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening
    )


def test_unborn_child_only_for_cig_ckg_and_1g1p(medewerker_client, ckg):
    assert medewerker_client.get(reverse("dossiers:client_ongeboren")).status_code == 403
    assert ckg[1].get(reverse("dossiers:client_ongeboren")).status_code == 200


def test_unborn_child_is_registered_under_the_mothers_name(ckg):
    _, client = ckg
    client.post(
        reverse("dossiers:client_ongeboren"),
        {
            "naam": "Peeters",
            "voornaam": "Sarah",
            "niet_begeleide_minderjarige": "nee",
            "land_van_origine": "België",
            "omgangstaal": "nl",
        },
    )
    kind = Client.objects.get()
    assert (kind.naam, kind.voornaam, kind.ongeboren, kind.rijksregisternummer) == (
        "Peeters",
        "Sarah (ongeboren kind)",
        True,
        None,
    )


def test_linking_an_unborn_child_to_a_new_number_keeps_the_same_client(ckg):
    voorziening, client = ckg
    kind = ClientFactory(ongeboren_kind=True, toegang=voorziening)
    persoon = _person(0, voornaam="Mila", serial=40)

    client.post(
        reverse("dossiers:client_koppelen", args=[kind.pk]),
        {"nummer": persoon.rijksregisternummer, "versie": kind.versie},
    )

    kind.refresh_from_db()
    assert (kind.ongeboren, kind.rijksregisternummer, kind.voornaam) == (
        False,
        persoon.rijksregisternummer,
        "Mila",
    )
    assert Client.objects.count() == 1


def test_linking_to_a_person_already_known_merges_instead_of_duplicating(ckg, cross_voorziening):
    voorziening, client = ckg
    kind = ClientFactory(ongeboren_kind=True, toegang=voorziening)
    dossier = DossierFactory(client=kind, voorziening=voorziening)
    ContextPersoonFactory(client=kind)
    persoon = _person(0, voornaam="Mila", serial=42)
    bekend = ClientFactory(rijksregisternummer=persoon.rijksregisternummer)

    response = client.post(
        reverse("dossiers:client_koppelen", args=[kind.pk]),
        {"nummer": persoon.rijksregisternummer, "versie": kind.versie},
    )

    assert response.url == bekend.get_absolute_url()
    assert not Client.objects.filter(pk=kind.pk).exists()
    assert Dossier.objects.get(pk=dossier.pk).client == bekend
    assert ContextPersoon.objects.get().client == bekend


def test_linking_with_a_bad_number_changes_nothing(ckg):
    voorziening, client = ckg
    kind = ClientFactory(ongeboren_kind=True, toegang=voorziening)

    response = client.post(
        reverse("dossiers:client_koppelen", args=[kind.pk]),
        {"nummer": "123", "versie": kind.versie},
    )

    assert "Dit is geen geldig rijksregisternummer" in response.content.decode()
    assert Client.objects.get().ongeboren


# --- Client context ---------------------------------------------------------------------------


def test_adding_a_context_person_is_logged(medewerker_client, voorziening, medewerker):
    client = ClientFactory(toegang=voorziening)

    medewerker_client.post(
        reverse("dossiers:context_toevoegen", args=[client.pk]),
        {"relatie": "moeder", "naam": "Peeters", "voornaam": "Sarah"},
    )

    persoon = ContextPersoon.objects.get()
    assert persoon.toegevoegd_door == medewerker


def test_context_person_with_bad_number_is_refused(medewerker_client, voorziening):
    client = ClientFactory(toegang=voorziening)
    response = medewerker_client.post(
        reverse("dossiers:context_toevoegen", args=[client.pk]),
        {"relatie": "vader", "naam": "Peeters", "voornaam": "Tom", "rijksregisternummer": "999"},
    )
    assert "Dit is geen geldig rijksregisternummer" in response.content.decode()
    assert not ContextPersoon.objects.exists()


def test_removing_someone_elses_context_person_needs_confirmation(medewerker_client, voorziening):
    from binc.models import Activiteit

    persoon = ContextPersoonFactory(client=ClientFactory(toegang=voorziening))
    url = reverse("dossiers:context_verwijderen", args=[persoon.client_id, persoon.pk])

    assert "door een andere gebruiker toegevoegd" in medewerker_client.get(url).content.decode()
    response = medewerker_client.post(url, {})
    assert "Bevestig dat je hem of haar wil verwijderen" in response.content.decode()
    assert ContextPersoon.objects.exists()

    medewerker_client.post(url, {"bevestigd": "ja"})

    assert not ContextPersoon.objects.exists()
    with all_voorzieningen():
        assert Activiteit.objects.get(actie="context_verwijderd").gegevens["naam"] == "Peeters"


def test_removing_ones_own_context_person_needs_no_extra_confirmation(
    medewerker_client, voorziening, medewerker
):
    persoon = ContextPersoonFactory(
        client=ClientFactory(toegang=voorziening), toegevoegd_door=medewerker
    )
    medewerker_client.post(
        reverse("dossiers:context_verwijderen", args=[persoon.client_id, persoon.pk]), {}
    )
    assert not ContextPersoon.objects.exists()


def test_client_details_change_with_optimistic_locking(medewerker_client, voorziening):
    client = ClientFactory(toegang=voorziening)
    url = reverse("dossiers:client_wijzigen", args=[client.pk])
    data = {
        "niet_begeleide_minderjarige": "nbmv",
        "land_van_origine": "Syrië",
        "omgangstaal": "ar",
        "versie": 1,
    }

    assert medewerker_client.post(url, data).status_code == 302
    response = medewerker_client.post(url, {**data, "omgangstaal": "fr"})  # still version 1

    assert response.status_code == 409
    assert "De gevraagde actie kon niet uitgevoerd worden." in response.content.decode()
    client.refresh_from_db()
    assert (client.land_van_origine, client.omgangstaal) == ("Syrië", "ar")


@pytest.mark.parametrize("soort", [Organisatietype.CIG, Organisatietype.GEZIN_1G1P])
def test_other_types_allowed_to_register_unborn(soort, db):
    voorziening = VoorzieningFactory(organisatietype=soort)
    client = logged_in_client(MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening)
    assert client.get(reverse("dossiers:client_ongeboren")).status_code == 200


def test_linking_to_a_number_unknown_to_the_register_is_refused_but_logged(ckg):
    voorziening, client = ckg
    kind = ClientFactory(ongeboren_kind=True, toegang=voorziening)

    response = client.post(
        reverse("dossiers:client_koppelen", args=[kind.pk]),
        {"nummer": _rrn(datetime.date(2026, 1, 1), 99), "versie": kind.versie},
    )

    assert "Dit nummer werd niet gevonden in het rijksregister." in response.content.decode()
    assert Client.objects.get().ongeboren
    assert RijksregisterOpzoeking.objects.get().aantal_resultaten == 0


def test_the_demo_says_whom_its_stand_in_register_knows(medewerker_client, settings):
    """On the demo (development, the local register) a new user sees whom to look up; never
    elsewhere."""
    persoon = _person(10, naam="Wuyts", voornaam="Lien")
    url = reverse("dossiers:client_zoeken")
    settings.DEBUG = True
    html = medewerker_client.get(url).content.decode()
    assert "Demo: wie kent het testregister?" in html
    assert f"{persoon.rijksregisternummer} &ndash; Wuyts Lien (vrouw" in html
    assert "De volledige familienaam, exact zoals in het rijksregister." in html
    settings.DEBUG = False
    assert "testregister" not in medewerker_client.get(url).content.decode()
