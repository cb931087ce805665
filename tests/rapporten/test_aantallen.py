"""'Aantal dossiers en minderjarigen' on a hand-built dataset: the voorziening against its
organisatietype in Flanders and in its province, groups too small to hide another voorziening
left blank, and the file a real spreadsheet program opens without running any user text."""

import io

import pytest
from openpyxl import load_workbook

from binc.constants import Geslacht, Organisatietype, Provincie
from binc.tenancy import all_voorzieningen, voorziening_context
from rapporten.catalogus import AANTALLEN
from rapporten.tellingen import tel
from rapporten.xlsx import schrijven
from tests.binc.factories import VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory
from tests.rapporten.helpers import D, dossier, libreoffice_opent

pytestmark = [OP_VANDAAG, pytest.mark.django_db]
VAN, TOT = D(2025, 1, 1), D(2025, 12, 31)
TYPE = "OVBJ met verblijfsmodules"


@pytest.fixture
def eigen():
    """Four OVBJ with verblijf (three in Antwerpen, one in Limburg) and an OVBJ without
    verblijf in Antwerpen, which no column may count."""
    voorziening = VoorzieningFactory(naam="De Linde", provincie=Provincie.ANTWERPEN)
    antwerpen = VoorzieningFactory(provincie=Provincie.ANTWERPEN)
    VoorzieningFactory(provincie=Provincie.ANTWERPEN)  # no dossiers: still in the group
    limburg = VoorzieningFactory(provincie=Provincie.LIMBURG)
    ander_type = VoorzieningFactory(
        organisatietype=Organisatietype.OVBJ, provincie=Provincie.ANTWERPEN
    )
    with all_voorzieningen():
        jan = ClientFactory(geslacht=Geslacht.MAN, geboortedatum=D(2012, 6, 1))
        dossier(voorziening, D(2025, 3, 1), client=jan)  # opgestart, 12 at intake
        dossier(voorziening, D(2025, 5, 1), geslacht=Geslacht.VROUW, geboortedatum=D(2010, 1, 1))
        dossier(voorziening, D(2024, 6, 1), ongeboren_kind=True)  # lopend, unborn
        dossier(voorziening, D(2024, 1, 1), einde=D(2025, 2, 1), client=jan)  # afgesloten
        dossier(voorziening, D(2023, 1, 1), einde=D(2024, 12, 31))  # closed before: none
        dossier(antwerpen, D(2025, 7, 1), geslacht=Geslacht.VROUW, nationaliteit="=1+1")
        dossier(limburg, D(2025, 8, 1))
        dossier(ander_type, D(2025, 8, 1))
    return voorziening


def _tabel(titel, voorziening):
    telling = next(t for t in AANTALLEN.tellingen if t.titel == titel)
    with voorziening_context(voorziening):
        return tel(telling, voorziening, VAN, TOT)


def test_dossiers_per_definition_against_the_type_in_flanders_and_the_province(eigen):
    tabel = _tabel("Aantal dossiers", eigen)
    assert tabel.koppen == ["", "Opgestarte dossiers", "Afgesloten dossiers", "Alle dossiers"]
    assert tabel.rijen == [
        [f"{TYPE} in Vlaanderen", 4, 1, 6],
        [f"{TYPE} in Antwerpen", 3, 1, 5],
        ["De Linde", 2, 1, 4],
    ]


def test_unique_minors_count_a_child_with_two_dossiers_once(eigen):
    tabel = _tabel("Aantal unieke minderjarigen", eigen)
    assert tabel.rijen[2] == ["De Linde", 2, 1, 3]


def test_dossiers_per_gender_with_a_total_per_definition(eigen):
    tabel = _tabel("Aantal dossiers per geslacht", eigen)
    kolommen = dict(zip(tabel.koppen[1:], tabel.rijen[2][1:], strict=True))
    assert kolommen["Opgestarte dossiers – Man"] == 1
    assert kolommen["Opgestarte dossiers – Vrouw"] == 1
    assert kolommen["Opgestarte dossiers – Niet ingevuld"] == 0
    assert kolommen["Opgestarte dossiers – Totaal"] == 2
    assert (kolommen["Alle dossiers – Man"], kolommen["Alle dossiers – Onbekend"]) == (2, 1)
    assert "Afgesloten dossiers – Niet ingevuld" not in kolommen
    vlaanderen = dict(zip(tabel.koppen[1:], tabel.rijen[0][1:], strict=True))
    assert vlaanderen["Opgestarte dossiers – Vrouw"] == 2


def test_age_at_intake_and_current_age_with_unknown_shown(eigen):
    instroom = _tabel("Leeftijd instroom", eigen)
    rij = dict(zip(instroom.koppen[1:], instroom.rijen[2][1:], strict=True))
    assert (rij["12 jaar"], rij["15 jaar"], rij["Onbekend/ongeboren"]) == (1, 1, 0)
    assert "bij instroom in de voorziening" in instroom.uitleg[0]

    huidig = _tabel("Huidige leeftijd", eigen)
    rij = dict(zip(huidig.koppen[1:], huidig.rijen[2][1:], strict=True))
    # Jan: 12 when his first dossier closed on 1/2/2025, 13 at the period's end (second one).
    assert (rij["12 jaar"], rij["13 jaar"], rij["15 jaar"]) == (1, 1, 1)
    assert rij["Onbekend/ongeboren"] == 1


def test_every_comparison_is_shown_also_over_fewer_than_three_voorzieningen(db):
    """000 §17.2: each table compares the voorziening with its organisatietype in Flanders and
    in its province: aggregates of organisations' figures, never hidden."""
    alleen = VoorzieningFactory(organisatietype=Organisatietype.CIG, provincie=Provincie.LIMBURG)
    andere = VoorzieningFactory(organisatietype=Organisatietype.CIG, provincie=Provincie.ANTWERPEN)
    with all_voorzieningen():
        dossier(alleen, D(2025, 3, 1))
        dossier(andere, D(2025, 4, 1))
    tabel = _tabel("Aantal dossiers", alleen)
    assert tabel.rijen[0][1:] == [2, 0, 2]  # CIG in Vlaanderen
    assert tabel.rijen[1][1:] == [1, 0, 1]  # CIG in Limburg
    assert tabel.rijen[2][1:] == [1, 0, 1]


def test_the_ckg_note_on_provinces(db):
    ckg = VoorzieningFactory(organisatietype=Organisatietype.CKG)
    assert "provincie van het hoofdadres" in " ".join(_tabel("Aantal dossiers", ckg).uitleg)


@pytest.mark.traag  # LibreOffice opens the file
def test_the_file_has_a_sheet_per_table_no_formulas_and_opens_in_libreoffice(eigen, tmp_path):
    eigen.naam = "=De Linde"  # a name that would be a formula
    tabellen = [_tabel(t.titel, eigen) for t in AANTALLEN.tellingen]
    inhoud = io.BytesIO()
    schrijven(inhoud, voorziening=eigen.naam, rapport="Aantal", van=VAN, tot=TOT, tabellen=tabellen)
    boek = load_workbook(io.BytesIO(inhoud.getvalue()))
    assert boek.sheetnames == [t.titel for t in AANTALLEN.tellingen]
    blad = boek["Aantal dossiers"]
    assert blad["A3"].value == "Periode 01/01/2025 tot en met 31/12/2025"
    assert blad["A4"].value.startswith("Telt: opgestarte dossiers")
    cellen = [c for rij in boek["Nationaliteit"].iter_rows() for c in rij if c.value is not None]
    injectie = [c for c in cellen if str(c.value).startswith("=")]
    assert {c.value for c in injectie} == {"=1+1", "=De Linde"}
    assert all(c.data_type == "s" for c in injectie)
    assert boek["Aantal dossiers"]["A2"].data_type == "s"

    pad = tmp_path / "rapport.xlsx"
    pad.write_bytes(inhoud.getvalue())
    libreoffice_opent(pad)
