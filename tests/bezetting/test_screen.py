"""'Bereken bezettingsgraad' over the database: the selectors feed the engine as the worked cases
do, a period over a year is refused at the field, the export holds both sheets, and the queries
do not grow with the number of dossiers."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from binc.constants import Organisatietype
from binc.tenancy import all_voorzieningen
from kwartaal.models import TypemoduleInzet
from tests.binc.factories import VoorzieningFactory
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory, SchakelingFactory
from tests.dossiers.zorg_helpers import D, add, beslissing, m
from tests.kwartaal.factories import CapaciteitFactory

pytestmark = OP_VANDAAG
URL = reverse("bezetting:bezettingsgraad")


@pytest.fixture
def cb(omgeving):
    voorziening, gebruiker, dossier = omgeving
    typemodule = m("BEGBJB02").typemodule
    with all_voorzieningen():
        CapaciteitFactory(
            voorziening=voorziening,
            typemodule=typemodule,
            geldig_van=D(2020, 1, 1),
            erkende_capaciteit=2,
        )
    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02",))
    add(dossier, gebruiker, b, D(2026, 1, 3), D(2026, 1, 7))
    return voorziening, gebruiker, typemodule, logged_in_client(gebruiker, voorziening)


def _vraag(client, typemodule, **extra):
    return client.get(
        URL, {"van": "2026-01-01", "tot": "2026-01-10", "typemodules": typemodule.code, **extra}
    )


def test_the_rate_from_the_database_is_the_engines(cb):
    _, _, typemodule, client = cb
    html = _vraag(client, typemodule).content.decode()
    # 3-7 January = 5 days (the last day counts) / (2 places * 10 days).
    assert "25,00 %" in html


def test_a_period_over_a_year_is_refused_at_the_field(cb):
    _, _, typemodule, client = cb
    response = client.get(
        URL, {"van": "2025-01-01", "tot": "2026-01-01", "typemodules": typemodule.code}
    )
    html = response.content.decode()
    assert "hoogstens 1 jaar" in html
    assert 'id="id_tot_error"' in html


def test_the_export_has_the_rates_and_the_numerators(cb):
    _, _, typemodule, client = cb
    response = _vraag(client, typemodule, export="1")
    assert "Bezettingsgraad" in response["Content-Disposition"]
    boek = load_workbook(io.BytesIO(response.content))
    assert boek.sheetnames == ["Bezettingsgraad", "Tellers en noemers"]
    rijen = list(boek["Bezettingsgraad"].iter_rows(values_only=True))
    assert (typemodule.naam, 0.25) in rijen
    assert (typemodule.naam, 5.0, 20.0) in list(
        boek["Tellers en noemers"].iter_rows(values_only=True)
    )


def test_queries_do_not_grow_with_the_dossiers(
    cb, django_assert_max_num_queries, django_assert_num_queries
):
    voorziening, gebruiker, typemodule, client = cb
    _vraag(client, typemodule)
    # Beside the session, the membership and the menu: the sweep (with its memory setting),
    # the catalogue, capacities, typemodules and kwartalen.
    with django_assert_max_num_queries(15) as een:
        _vraag(client, typemodule)
    for _ in range(5):
        dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
        b = beslissing(dossier, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02",))
        add(dossier, gebruiker, b, D(2026, 1, 3), D(2026, 1, 9))
    with django_assert_num_queries(len(een.captured_queries)):
        assert _vraag(client, typemodule).status_code == 200


def test_benutting_from_the_kwartaal_against_the_inzetbare_capaciteit(cb):
    _, _, typemodule, client = cb
    with all_voorzieningen():
        TypemoduleInzet.objects.filter(typemodule=typemodule).update(totaal=Decimal("19.5"))
    response = client.get(
        reverse("bezetting:benuttingsgraad"),
        {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": typemodule.code},
    )
    # Contextbegeleiding: 19.5 / (2 places * intensiteit 1.5 * 13 weeks = 39) = 50 %.
    assert "50,00 %" in response.content.decode()
    export = client.get(
        reverse("bezetting:benuttingsgraad"),
        {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": typemodule.code, "export": "1"},
    )
    assert "Benuttingsgraad" in export["Content-Disposition"]


def test_more_than_four_quarters_is_refused_at_the_field(cb):
    _, _, typemodule, client = cb
    html = client.get(
        reverse("bezetting:benuttingsgraad"),
        {"van": "2024-Q1", "tot": "2025-Q2", "typemodules": typemodule.code},
    ).content.decode()
    assert "hoogstens 4 kwartalen" in html


def test_inzet_modules_and_open_places_on_one_day(cb):
    _, _, _, client = cb
    html = client.get(
        reverse("bezetting:inzet"),
        {"van": "2026-01-05", "tot": "2026-01-05", "modules": "BEGBJB02"},
    ).content.decode()
    assert "Vrije plaatsen op 05/01/2026" in html
    assert "Contextbegeleiding laagintensief: 1" in html


def test_opgroeien_sees_every_voorzienings_bezetting_and_medewerkers_do_not(
    cb, opgroeien_gebruiker, django_assert_max_num_queries
):
    voorziening, _, _, medewerker = cb
    url = reverse("bezetting_opgroeien:overzicht")
    vraag = {"van": "2026-01-01", "tot": "2026-01-10", "sorteer": "-graad"}
    assert medewerker.get(url, vraag).status_code == 403
    opgroeien = logged_in_client(opgroeien_gebruiker)
    with django_assert_max_num_queries(15):
        html = opgroeien.get(url, vraag).content.decode()
    assert voorziening.naam in html
    assert "25,00 %" in html
    export = opgroeien.get(url, {**vraag, "export": "1"})
    boek = load_workbook(io.BytesIO(export.content))
    assert any(
        r[0] == voorziening.naam and r[3] == 0.25 for r in boek.active.iter_rows(values_only=True)
    )


def test_the_schakeling_form_previews_its_effect_and_warns_above_100_percent(cb):
    voorziening, gebruiker, _, client = cb
    dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
    beslissing(dossier, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02",))
    html = client.get(reverse("dossiers:schakeling_nieuw", args=[dossier.pk])).content.decode()
    url = reverse("bezetting:voorbeeld", args=[dossier.pk])
    assert f'hx-get="{url}"' in html

    # One of 2 places is taken on 5 January; this schakeling takes the second: 50 % -> 100 %.
    vraag = {"begindatum": "2026-01-05", "modules": m("BEGBJB02").pk}
    html = client.get(url, vraag).content.decode()
    assert "50,00 % → 100,00 %" in html
    assert "boven 100 %" not in html

    derde = DossierFactory(voorziening=voorziening, client=ClientFactory())
    b3 = beslissing(derde, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02",))
    add(derde, gebruiker, b3, D(2026, 1, 5), D(2026, 1, 6))
    html = client.get(url, vraag).content.decode()
    assert "100,00 % → 150,00 %" in html
    assert "boven 100 %" in html
    assert client.get(url, {"begindatum": "geen datum"}).status_code == 200


def test_the_preview_of_a_begin_date_outside_the_current_quarter(cb):
    """The day and the quarter are then read in separate walks: the day still counts."""
    voorziening, gebruiker, _, client = cb
    ander = DossierFactory(voorziening=voorziening, client=ClientFactory())
    b = beslissing(ander, gebruiker, begin=D(2025, 11, 3), codes=("BEGBJB02",))
    add(ander, gebruiker, b, D(2025, 11, 3), D(2025, 11, 7))
    dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
    beslissing(dossier, gebruiker, begin=D(2025, 11, 1), codes=("BEGBJB02",))
    url = reverse("bezetting:voorbeeld", args=[dossier.pk])
    vraag = {"begindatum": "2025-11-05", "einddatum": "2025-11-05", "modules": m("BEGBJB02").pk}
    html = client.get(url, vraag).content.decode()
    # One of 2 places on 5 November, this schakeling the second; the quarter (2026 Q1) does not
    # change: only 3-7 January of the fixture's dossier, 5 days / (2 places * 90 days).
    assert "50,00 % → 100,00 %" in html
    assert "2,78 % → 2,78 %" in html


def test_the_overviews_sql_sweep_equals_the_engines_own_count(cb):
    """The overview lets PostgreSQL merge each dossier's intervals and sum the days; on the same
    data that gives exactly the engine's own day count, boundary days and open ends included."""
    from bezetting.engine.bezetting import bezetting
    from bezetting.selectors import gegevens_overzicht, gegevens_per_voorziening

    voorziening, gebruiker, typemodule, _ = cb
    for einde in (D(2026, 1, 4), None):
        dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
        b = beslissing(dossier, gebruiker, begin=D(2025, 12, 1), codes=("BEGBJB02", "VBFBJB04"))
        add(dossier, gebruiker, b, D(2025, 12, 1), D(2026, 1, 2), codes=("BEGBJB02",))
        add(dossier, gebruiker, b, D(2026, 1, 2), einde, codes=("BEGBJB02", "VBFBJB04"))
    van, tot = D(2026, 1, 1), D(2026, 1, 10)
    with all_voorzieningen():
        sql = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
        python = gegevens_per_voorziening([voorziening], van, tot)[voorziening.pk]
    assert sql.dossierdagen[typemodule.code] == 5 + 4 + 10
    codes = [typemodule.code]
    assert bezetting(sql, van, tot, codes).gewogen == bezetting(python, van, tot, codes).gewogen


@pytest.mark.parametrize(
    ("organisatietype", "apart"),
    [(Organisatietype.CKG, "BEGKG01"), (Organisatietype.CAH, "BEGCMP01")],
)
def test_a_ckg_or_cah_from_dossier_days_equals_the_engines_own_count(db, organisatietype, apart):
    """A CKG's points and a CaH's crisis inzet need every schakeling; its other typemodules come
    from the SQL dossier-days, and the result is the engine's on every schakeling."""
    from bezetting.engine.bezetting import bezetting
    from bezetting.selectors import gegevens_overzicht, gegevens_per_voorziening

    voorziening = VoorzieningFactory(organisatietype=organisatietype)
    with all_voorzieningen():
        for code in ("VBFBJB04", apart):
            CapaciteitFactory(
                voorziening=voorziening, typemodule=m(code).typemodule, geldig_van=D(2020, 1, 1)
            )
        for nummer, (begin, einde) in enumerate(
            [
                (D(2025, 12, 10), D(2026, 1, 8)),
                (D(2026, 1, 8), None),
                (D(2026, 2, 1), D(2026, 2, 1)),
            ]
        ):
            dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
            SchakelingFactory(
                beslissing__dossier=dossier,
                begindatum=begin,
                einddatum=einde,
                modules=[m("VBFBJB04"), m(apart)] if nummer != 1 else [m("VBFBJB04")],
            )
        van, tot = D(2026, 1, 1), D(2026, 12, 31)
        sql = gegevens_overzicht([voorziening], van, tot)[voorziening.pk]
        python = gegevens_per_voorziening([voorziening], van, tot)[voorziening.pk]
    codes = sorted(python.typemodules)
    met_apart = {s.id for s in python.schakelingen if any(x.module == apart for x in s.modules)}
    assert len(met_apart) == 2
    assert {s.id for s in sql.schakelingen} == met_apart
    resultaat = bezetting(sql, van, tot, codes)
    assert resultaat.typemodules[m(apart).typemodule.code].teller > 0
    assert resultaat.typemodules[m("VBFBJB04").typemodule.code].teller > 0
    assert resultaat == bezetting(python, van, tot, codes)
