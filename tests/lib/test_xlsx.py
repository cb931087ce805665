"""No Excel file Binc writes can carry a formula: user text (a client's or a document's name)
that starts like one stays text in the reader's spreadsheet, in every kind of workbook."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from lib.xlsx import cel, csv_tekst, xlsx_bytes, xlsx_response

# What a spreadsheet would run or read as a formula: the OWASP list, and a tab or CR before it.
GEVAARLIJK = ['=HYPERLINK("http://x";"klik")', "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def _cellen(inhoud: bytes) -> list:
    blad = load_workbook(io.BytesIO(inhoud)).active
    return [c for rij in blad.iter_rows() for c in rij]


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_a_download_writes_text_that_looks_like_a_formula_as_text(tekst):
    boek = Workbook()
    boek.active.append(["Naam", tekst])
    [_kop, waarde] = _cellen(xlsx_response(boek, "x.xlsx").content)
    assert waarde.data_type == "s"
    assert waarde.value == tekst


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_a_streamed_workbook_writes_it_as_text_too(tekst):
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Blad")
    blad.append([cel(blad, "Naam"), cel(blad, tekst)])
    [_kop, waarde] = _cellen(xlsx_bytes(boek))
    assert waarde.data_type == "s"
    assert waarde.value == tekst


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_a_csv_value_that_would_start_a_formula_is_shown_as_text(tekst):
    assert csv_tekst(tekst) == "'" + tekst
    assert csv_tekst("Aerts Noah") == "Aerts Noah"
    assert csv_tekst(42) == 42
