"""The work list's screens: the start page's counts, 'Werklijst' with its filters and export,
tenancy, and the number of queries, which does not grow with the data."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from binc.tenancy import voorziening_context
from tests.binc.factories import (
    MedewerkerFactory,
    ModuleGoedkeuringFactory,
    VoorzieningFactory,
)
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing, m
from tests.rapporten.helpers import libreoffice_opent

pytestmark = [OP_VANDAAG, pytest.mark.django_db]

WERK = reverse("binc:werklijst")
START = reverse("dossiers:overzicht")
TELLINGEN = reverse("binc:werk_tellingen")


def zorg(dossier, gebruiker, begin):
    add(dossier, gebruiker, beslissing(dossier, gebruiker, begin), begin)


@pytest.fixture
def team(omgeving):
    """On 16 March 2026: my dossier's beginregistratie is late (due 1 February), a colleague's is
    due on 10 April, and the fourth kwartaal of 2025 is still open (the team's)."""
    voorziening, gebruiker, dossier = omgeving
    collega = MedewerkerFactory(voorziening=voorziening).gebruiker
    dossier.behandelaar = gebruiker
    dossier.save()
    zorg(dossier, gebruiker, D(2025, 11, 1))
    van_collega = DossierFactory(
        voorziening=voorziening,
        behandelaar=collega,
        client=ClientFactory(naam="Collega", geboortedatum=D(2015, 1, 1)),
    )
    zorg(van_collega, collega, D(2026, 1, 10))
    return voorziening, gebruiker, collega, dossier, van_collega


def test_the_start_page_counts_my_work_and_the_teams(team):
    voorziening, gebruiker, collega, *_ = team
    start = logged_in_client(gebruiker, voorziening).get(START).content.decode()
    # The counts come in after the page; without script the link to the list is there.
    assert f'hx-get="{TELLINGEN}" hx-trigger="load"' in start
    assert f'href="{WERK}">Naar de werklijst</a>' in start
    html = logged_in_client(gebruiker, voorziening).get(TELLINGEN).content.decode()
    assert 'Mijn werk: 1</a> <span class="tag">1 te laat</span>' in html
    assert 'Werk van het team: 3</a> <span class="tag">2 te laat</span>' in html

    html = logged_in_client(collega, voorziening).get(TELLINGEN).content.decode()
    assert "Mijn werk: 1</a></li>" in html  # not late


def test_the_list_most_urgent_first_with_whose_it_is(team):
    voorziening, gebruiker, collega, dossier, van_collega = team
    response = logged_in_client(gebruiker, voorziening).get(WERK)
    rijen = response.context["rijen"]
    # Late first (the kwartaal was due before 1 March), then the nearest deadline.
    assert [(i.soort, i.datum) for i, *_ in rijen] == [
        ("beginregistratie", D(2026, 2, 1)),
        ("kwartaal", D(2026, 2, 28)),
        ("beginregistratie", D(2026, 4, 10)),
    ]
    assert rijen[0][0].wat.startswith(dossier.code)
    assert rijen[2][0].wat.startswith(van_collega.code)
    assert [naam for *_, naam in rijen] == [
        gebruiker.get_full_name(),
        "Team",
        collega.get_full_name(),
    ]
    html = response.content.decode()
    assert '<span class="tag">te laat</span>' in html
    assert f'href="/dossiers/{dossier.pk}/registratie/begin/"' in html


@pytest.mark.parametrize(
    ("filters", "soorten"),
    [
        ({"wie": "mij"}, ["beginregistratie"]),
        ({"wie": "team"}, ["kwartaal"]),
        ({"soort": "kwartaal"}, ["kwartaal"]),
        ({"soort": "beginregistratie", "wie": "mij"}, ["beginregistratie"]),
    ],
)
def test_filters_by_kind_and_by_whose(team, filters, soorten):
    voorziening, gebruiker, *_ = team
    response = logged_in_client(gebruiker, voorziening).get(WERK, filters)
    assert [i.soort for i, *_ in response.context["rijen"]] == soorten


def test_filter_on_a_colleague(team):
    voorziening, gebruiker, collega, _, van_collega = team
    response = logged_in_client(gebruiker, voorziening).get(WERK, {"wie": collega.pk})
    [(item, _, naam)] = response.context["rijen"]
    assert item.wat.startswith(van_collega.code)
    assert naam == collega.get_full_name()


def test_a_bad_filter_says_so_and_filters_nothing(team):
    voorziening, gebruiker, *_ = team
    response = logged_in_client(gebruiker, voorziening).get(WERK, {"wie": "999999", "soort": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert len(response.context["rijen"]) == 3


def test_another_voorzienings_work_is_not_shown(team):
    voorziening, gebruiker, *_ = team
    andere = VoorzieningFactory(naam="Elders")
    for code in ("VBFBJB04", "BEGBJB02"):
        ModuleGoedkeuringFactory(voorziening=andere, module=m(code), geldig_van=D(2015, 1, 1))
    buiten = MedewerkerFactory(voorziening=andere).gebruiker
    with voorziening_context(andere):
        eigen = DossierFactory(voorziening=andere, behandelaar=buiten)
        zorg(eigen, buiten, D(2025, 10, 1))
    rijen = logged_in_client(gebruiker, voorziening).get(WERK).context["rijen"]
    assert eigen.code not in " ".join(i.wat for i, *_ in rijen)
    anderen = logged_in_client(buiten, andere).get(WERK).context["rijen"]
    assert [i.wat.split(" ")[0] for i, *_ in anderen if i.soort == "beginregistratie"] == [
        eigen.code
    ]
    # Another voorziening's colleague is no choice in the filter either.
    response = logged_in_client(gebruiker, voorziening).get(WERK, {"wie": buiten.pk})
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.traag  # LibreOffice opens the file
def test_export_is_the_list_as_shown(team, tmp_path):
    voorziening, gebruiker, *_ = team
    response = logged_in_client(gebruiker, voorziening).get(WERK, {"wie": "mij", "export": "1"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"Werklijst {voorziening.naam}" in response["Content-Disposition"]
    blad = load_workbook(io.BytesIO(response.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[3] == ("Soort", "Wat", "Waarom", "Datum", "Te laat", "Voorziening", "Behandelaar")
    assert rijen[4][0] == "Beginregistratie ontbreekt"
    assert rijen[4][3].date() == D(2026, 2, 1)
    assert rijen[4][4] == "ja"
    assert len(rijen) == 5
    pad = tmp_path / "werklijst.xlsx"
    pad.write_bytes(response.content)
    libreoffice_opent(pad)


def test_the_export_carries_a_name_that_looks_like_a_formula_as_text(team):
    """A medewerker named '=HYPERLINK(...)' must not run in the exporter's spreadsheet."""
    voorziening, gebruiker, *_ = team
    naam = '=HYPERLINK("http://aanval.example";"Open")'
    gebruiker.first_name, gebruiker.last_name = naam, ""
    gebruiker.save()
    response = logged_in_client(gebruiker, voorziening).get(WERK, {"wie": "mij", "export": "1"})
    blad = load_workbook(io.BytesIO(response.content)).active
    behandelaar = blad.cell(5, 7)
    assert behandelaar.value == naam
    assert behandelaar.data_type == "s"


def test_queries_do_not_grow_with_the_work(team):
    voorziening, gebruiker, collega, *_ = team
    client = logged_in_client(gebruiker, voorziening)
    with CaptureQueriesContext(connection) as weinig_lijst:
        client.get(WERK)
    with CaptureQueriesContext(connection) as weinig_start:
        client.get(TELLINGEN)
    for i in range(15):
        dossier = DossierFactory(
            voorziening=voorziening,
            behandelaar=collega if i % 2 else gebruiker,
            client=ClientFactory(geboortedatum=D(2014, 4, 1)),  # 12 on 1 April: due too
        )
        zorg(dossier, gebruiker, D(2025, 9, 1 + i))
    with CaptureQueriesContext(connection) as veel_lijst:
        response = client.get(WERK)
    with CaptureQueriesContext(connection) as veel_start:
        client.get(TELLINGEN)
    assert len(response.context["rijen"]) > 30
    assert len(veel_lijst) == len(weinig_lijst)
    assert len(veel_start) == len(weinig_start)


def test_the_list_asks_to_log_in(client):
    response = client.get(WERK)
    assert response.status_code == 302
    assert response["Location"].startswith("/aanmelden/")
