"""Capaciteit with history (000 §15): maintained by Opgroeien, also from a spreadsheet (the whole
file or nothing), read-only for the voorziening, one query for many voorzieningen."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook

from binc.tenancy import all_voorzieningen, voorziening_context
from kwartaal.models import Capaciteit
from kwartaal.selectors import capaciteit_op, capaciteiten_in_periode
from kwartaal.services.capaciteit import KOLOMMEN, capaciteit_importeren
from tests.binc.factories import VoorzieningFactory
from tests.dossiers.zorg_helpers import D, m
from tests.kwartaal.factories import CapaciteitFactory


def _csv(*regels: str) -> io.BytesIO:
    return io.BytesIO(("\n".join([";".join(KOLOMMEN), *regels]) + "\n").encode())


@pytest.mark.usefixtures("cross_voorziening")
def test_a_good_spreadsheet_is_loaded_whole(db):
    v = VoorzieningFactory(erkenningsnummer="1234")
    boek = Workbook()
    blad = boek.active
    blad.append(KOLOMMEN)
    blad.append(["1234", "cb-laagintensief", "01/01/2016", 12, 1, 0, "", "erkenning"])
    blad.append(["1234", "Verblijf voor minderjarigen", "2020-07-01", "8,5", 0, 2, "", ""])
    bestand = io.BytesIO()
    boek.save(bestand)
    bestand.seek(0)

    verslag = capaciteit_importeren(bestand, "capaciteit.xlsx")

    assert verslag.aanvaard, verslag.fouten
    assert verslag.aantal == 2
    assert Capaciteit.objects.get(voorziening=v, geldig_van=D(2020, 7, 1)).erkende_capaciteit == (
        Decimal("8.5")
    )


@pytest.mark.usefixtures("cross_voorziening")
def test_a_bad_file_is_rejected_whole_with_line_numbers_and_changes_nothing(db):
    VoorzieningFactory(erkenningsnummer="1234")
    CapaciteitFactory(
        voorziening__erkenningsnummer="1234",
        typemodule=m("BEGBJB02").typemodule,
        geldig_van=D(2016, 1, 1),
    )
    verslag = capaciteit_importeren(
        _csv(
            "1234;cb-laagintensief;01/01/2017;12;0;0;;",
            "9999;cb-laagintensief;01/01/2017;12;0;0;;",
            "1234;bestaat-niet;01/01/2017;12;0;0;;",
            "1234;cb-laagintensief;31/02/2017;twaalf;-1;0;;",
            "1234;cb-laagintensief;01/01/2016;5;0;0;;",
        ),
        "capaciteit.csv",
    )
    assert not verslag.aanvaard
    tekst = "\n".join(verslag.fouten)
    assert "Regel 3: onbekend erkenningsnummer '9999'" in tekst
    assert "Regel 4: onbekende typemodule 'bestaat-niet'" in tekst
    assert "Regel 5: 'geldig_van' is geen datum" in tekst
    assert "Regel 5: 'erkende_capaciteit' is geen getal" in tekst
    assert "Regel 6: deze voorziening heeft voor deze typemodule al een capaciteit" in tekst
    assert Capaciteit.objects.count() == 1


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [(b"", "kolommen"), (b"\x00\xff garbage", "kolommen"), (b"a;b\n1;2\n", "kolommen")],
)
def test_an_unreadable_file_is_rejected(inhoud, melding, db):
    verslag = capaciteit_importeren(io.BytesIO(inhoud), "x.csv")
    assert melding in verslag.fouten[0] or "niet gelezen" in verslag.fouten[0]


@pytest.mark.usefixtures("cross_voorziening")
def test_the_value_on_a_day_and_a_periods_rows_for_many_voorzieningen(
    db, django_assert_num_queries
):
    typemodule = m("BEGBJB02").typemodule
    voorzieningen = [VoorzieningFactory() for _ in range(3)]
    for v in voorzieningen:
        CapaciteitFactory(voorziening=v, typemodule=typemodule, geldig_van=D(2016, 1, 1))
        CapaciteitFactory(
            voorziening=v, typemodule=typemodule, geldig_van=D(2025, 7, 1), erkende_capaciteit=14
        )
        CapaciteitFactory(
            voorziening=v, typemodule=typemodule, geldig_van=D(2027, 1, 1), erkende_capaciteit=20
        )
    with django_assert_num_queries(1):
        rows = capaciteiten_in_periode(D(2025, 1, 1), D(2025, 12, 31))
    assert sorted((r.geldig_van, r.erkende_capaciteit) for r in rows)[::3] == [
        (D(2016, 1, 1), 10),
        (D(2025, 7, 1), 14),
    ]
    assert len(rows) == 6


def test_the_voorziening_reads_its_capacity_with_history(medewerker_client, voorziening):
    typemodule = m("VBFBJB04").typemodule
    veilig = m("VBFBJB16").typemodule
    with all_voorzieningen():
        CapaciteitFactory(voorziening=voorziening, typemodule=typemodule, geldig_van=D(2016, 1, 1))
        CapaciteitFactory(
            voorziening=voorziening,
            typemodule=typemodule,
            geldig_van=D(2020, 1, 1),
            erkende_capaciteit=12,
            toelichting="Uitbreiding",
        )
        CapaciteitFactory(voorziening=voorziening, typemodule=veilig, erkende_capaciteit=4)
    html = medewerker_client.get(reverse("kwartaal:capaciteit")).content.decode()
    assert "Uitbreiding" in html
    assert "<td>12</td>" in html
    # Veilig verblijf is not part of the verblijf capacity (000 §15).
    assert "Capaciteit verblijf</th><td></td><td>12</td>" in html
    historiek = medewerker_client.get(
        reverse("kwartaal:capaciteit_historiek", args=[typemodule.pk])
    ).content.decode()
    assert historiek.index("01/01/2020") < historiek.index("01/01/2016")


def test_capaciteit_op_is_the_latest_row_from_before_the_day(voorziening):
    typemodule = m("BEGBJB02").typemodule
    with all_voorzieningen():
        CapaciteitFactory(voorziening=voorziening, typemodule=typemodule, geldig_van=D(2016, 1, 1))
        CapaciteitFactory(
            voorziening=voorziening,
            typemodule=typemodule,
            geldig_van=D(2020, 1, 1),
            erkende_capaciteit=3,
        )
    with voorziening_context(voorziening):
        assert [r.erkende_capaciteit for r in capaciteit_op(D(2019, 12, 31))] == [10]
        assert [r.erkende_capaciteit for r in capaciteit_op(D(2020, 1, 1))] == [3]
