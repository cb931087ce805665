"""Every Excel file Binc writes: the one content type and file response, and text written as
text. openpyxl stores a string that starts with '=' as a formula; user text (a client's, a
medewerker's or a document's name) must never run in the reader's spreadsheet, and Binc itself
writes no formulas, so a cell that would hold one holds the text instead."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet opening a CSV file reads as the start of a formula (OWASP).
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def _als_tekst(cel) -> None:
    if cel.data_type == "f":
        cel.data_type = "s"


def cel(blad, waarde, font: Font | None = None) -> WriteOnlyCell:
    """A cell of a streamed (write-only) workbook, text as text, in `font` if given."""
    nieuw = WriteOnlyCell(blad, value=waarde)
    _als_tekst(nieuw)
    if font is not None:
        nieuw.font = font
    return nieuw


def xlsx_bytes(boek: Workbook) -> bytes:
    """The workbook as a file. A streamed workbook's cells come from `cel`; an ordinary one's
    are checked here, all of them."""
    if not boek.write_only:
        for blad in boek.worksheets:
            for rij in blad.iter_rows():
                for c in rij:
                    _als_tekst(c)
    bestand = io.BytesIO()
    boek.save(bestand)
    return bestand.getvalue()


def xlsx_response(boek: Workbook, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(boek), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


def csv_tekst(waarde: object) -> object:
    """A CSV value as text in any spreadsheet: one that would start a formula gets a leading
    apostrophe, which the spreadsheet shows as text and does not run."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde
