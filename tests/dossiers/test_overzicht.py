"""The start page 'Overzicht Dossiers' (000 §2) and 'Opzoeken dossier' (000 §2.1)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.dossiers.factories import ClientFactory, DossierFactory

URL = reverse("dossiers:overzicht")


def _dossier(voorziening, naam, voornaam="Jan", **extra):
    return DossierFactory(
        voorziening=voorziening, client=ClientFactory(naam=naam, voornaam=voornaam), **extra
    )


def _names(response):
    return [d.client.naam for d in response.context["page"].object_list]


def test_open_dossiers_alphabetically(medewerker_client, voorziening, andere_voorziening):
    for naam in ["Peeters", "Aerts", "Maes"]:
        _dossier(voorziening, naam)
    _dossier(voorziening, "Claes", afgesloten=True)
    _dossier(andere_voorziening, "Bogaert")

    assert _names(medewerker_client.get(URL)) == ["Aerts", "Maes", "Peeters"]


def test_letter_bar_jumps_and_greys_unused_letters(medewerker_client, voorziening):
    _dossier(voorziening, "Aerts")
    _dossier(voorziening, "van Damme")

    response = medewerker_client.get(URL, {"letter": "v"})

    assert _names(response) == ["van Damme"]
    letters = dict(response.context["letters"])
    assert letters["A"]
    assert letters["V"]
    assert not letters["B"]
    assert 'aria-disabled="true">B' in response.content.decode()


def test_mijn_dossiers_and_afgesloten(medewerker_client, voorziening, medewerker):
    _dossier(voorziening, "Mijn", behandelaar=medewerker)
    _dossier(voorziening, "Collega")
    today = datetime.date.today()
    _dossier(
        voorziening,
        "Recent",
        status="afgesloten",
        afgesloten_op=today - datetime.timedelta(days=100),
    )
    _dossier(
        voorziening, "Oud", status="afgesloten", afgesloten_op=today - datetime.timedelta(days=400)
    )

    assert _names(medewerker_client.get(URL, {"tab": "mijn"})) == ["Mijn"]
    assert _names(medewerker_client.get(URL, {"tab": "afgesloten"})) == ["Recent"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("naam", ["Aerts", "Boon", "Claes"]),
        ("-naam", ["Claes", "Boon", "Aerts"]),
        ("voornaam", ["Claes", "Boon", "Aerts"]),
        ("geboortedatum", ["Boon", "Claes", "Aerts"]),
        ("beslissing", ["Claes", "Aerts", "Boon"]),  # without a beslissing first
        ("-beslissing", ["Boon", "Aerts", "Claes"]),
        ("schakeling_einde", ["Claes", "Boon", "Aerts"]),
        ("br", ["Claes", "Aerts", "Boon"]),
        ("onbekend", ["Aerts", "Boon", "Claes"]),
    ],
)
def test_every_column_sorts(sort, expected, medewerker_client, voorziening):
    DossierFactory(
        voorziening=voorziening,
        br_status="onvolledig",
        client=ClientFactory(naam="Aerts", voornaam="Zoë", geboortedatum=datetime.date(2015, 1, 1)),
        laatste_beslissing_begindatum=datetime.date(2025, 1, 1),
        laatste_schakeling_einddatum=datetime.date(2026, 5, 1),
    )
    DossierFactory(
        voorziening=voorziening,
        br_status="volledig",
        client=ClientFactory(naam="Boon", voornaam="Mila", geboortedatum=datetime.date(2010, 1, 1)),
        laatste_beslissing_begindatum=datetime.date(2026, 1, 1),
        laatste_schakeling_einddatum=datetime.date(2026, 1, 1),
    )
    DossierFactory(
        voorziening=voorziening,
        br_status="niet_vereist",
        client=ClientFactory(
            naam="Claes", voornaam="Arne", geboortedatum=datetime.date(2012, 1, 1)
        ),
    )

    assert _names(medewerker_client.get(URL, {"sort": sort})) == expected


def test_sorted_column_is_announced(medewerker_client, voorziening):
    _dossier(voorziening, "Aerts")
    html = medewerker_client.get(URL, {"sort": "-code"}).content.decode()
    assert 'aria-sort="descending"><a href="?sort=code">Dossiercode' in html


def test_pages_of_fifty(medewerker_client, voorziening):
    for i in range(55):
        _dossier(voorziening, f"Naam{i:02d}")

    first = medewerker_client.get(URL)
    second = medewerker_client.get(URL, {"pagina": 2})

    assert len(first.context["page"].object_list) == 50
    assert _names(second) == [f"Naam{i}" for i in range(50, 55)]
    assert "Pagina 1 van 2" in first.content.decode()


def test_queries_do_not_grow_with_the_number_of_dossiers(medewerker_client, voorziening):
    _dossier(voorziening, "Aerts")
    with CaptureQueriesContext(connection) as few:
        medewerker_client.get(URL)
    for i in range(40):
        _dossier(voorziening, f"Naam{i}")
    with CaptureQueriesContext(connection) as many:
        response = medewerker_client.get(URL)

    assert len(response.context["page"].object_list) == 41
    assert len(many) == len(few)


def test_br_icon_states(medewerker_client, voorziening):
    _dossier(voorziening, "Groen", br_status="volledig")
    _dossier(voorziening, "Rood", br_status="onvolledig")
    _dossier(voorziening, "Geen", br_status="niet_vereist")
    html = medewerker_client.get(URL).content.decode()
    assert html.count("br--ok") == 1
    assert html.count("br--nok") == 1
    assert "Beginregistratie niet verplicht" in html


# --- Opzoeken dossier ---------------------------------------------------------------------------

ZOEKEN = reverse("dossiers:dossier_zoeken")


def test_search_needs_at_least_one_term(medewerker_client):
    response = medewerker_client.post(ZOEKEN, {"naam": ""})
    assert "Vul minstens 1 zoekterm in." in response.content.decode()


@pytest.mark.parametrize(
    "term",
    [
        {"naam": "peet"},
        {"voornaam": "lotte"},
        {"geboortedatum": "2011-05-04"},
        {"code": "BNC_2026"},
        {"uw_referentie": "leefgroep b"},
    ],
)
def test_search_on_each_term_finds_open_and_old_closed_dossiers(
    term, medewerker_client, voorziening, andere_voorziening
):
    klant = ClientFactory(naam="Peeters", voornaam="Lotte", geboortedatum=datetime.date(2011, 5, 4))
    oud = DossierFactory(
        voorziening=voorziening,
        client=klant,
        code="BNC_20260101_00777",
        status="afgesloten",
        afgesloten_op=datetime.date(2022, 1, 1),
        aanmelding__uw_referentie="Leefgroep B-7",
    )
    DossierFactory(
        voorziening=andere_voorziening,
        client=klant,
        code="BNC_20260101_00778",
        aanmelding__uw_referentie="Leefgroep B-7",
    )

    response = medewerker_client.post(ZOEKEN, term)

    assert list(response.context["resultaten"]) == [oud]


def test_search_results_can_be_returned_to_from_the_dossier(medewerker_client, voorziening):
    dossier = _dossier(voorziening, "Peeters")
    medewerker_client.post(ZOEKEN, {"naam": "Peeters"})
    html = medewerker_client.get(dossier.get_absolute_url()).content.decode()
    assert "Resultaten dossiers" in html
    assert f"{ZOEKEN}?terug=1" in html
    assert "naam=" not in html
    terug = medewerker_client.get(f"{ZOEKEN}?terug=1")
    assert list(terug.context["resultaten"]) == [dossier]


def test_search_terms_never_enter_a_url(medewerker_client):
    """A minor's name and birth date would land in access logs, history and Referer."""
    html = medewerker_client.get(ZOEKEN).content.decode()
    assert '<form method="post"' in html
    assert medewerker_client.get(ZOEKEN, {"naam": "Peeters"}).context["resultaten"] is None


def test_search_results_link_to_adding_a_beslissing_and_a_schakeling(
    medewerker_client, voorziening
):
    """000 §2.1: from the results one adds beslissingen or schakelingen directly."""
    zonder = _dossier(voorziening, "Peeters")
    met = _dossier(voorziening, "Peeters", laatste_beslissing_begindatum=datetime.date(2026, 1, 5))
    html = medewerker_client.post(ZOEKEN, {"naam": "Peeters"}).content.decode()
    for dossier in (zonder, met):
        assert reverse("dossiers:beslissing_nieuw", args=[dossier.pk]) in html
    assert reverse("dossiers:schakeling_nieuw", args=[met.pk]) in html
    assert reverse("dossiers:schakeling_nieuw", args=[zonder.pk]) not in html
