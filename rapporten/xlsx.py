"""A report as an xlsx file (000 §17): one sheet per table, each stating the period and which
dossiers it counts. User text never becomes a formula."""

import datetime
import re
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font

from lib.xlsx import cel

# Spreadsheet programs read a cell starting with one of these as a formula (OWASP: CSV/formula
# injection); such text is stored as a string cell, which no program evaluates.
ONGELDIG_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Tabel:
    titel: str
    telt: str  # which dossiers the table counts, in the manual's words
    koppen: list[str]
    rijen: list[list]
    uitleg: list[str] = field(default_factory=list)


# Words a shortened sheet name does not end on.
VERBINDINGSWOORDEN = {"en", "per", "naar", "van", "de", "het", "of", "bij", "voor", "op", "-", "–"}


def _ingekort(titel: str, lengte: int = 31) -> str:
    """A title shortened to whole words (never 'Niet begeleide minderjarigen pe')."""
    if len(titel) <= lengte:
        return titel
    woorden = titel[: lengte + 1].split()[:-1] if titel[lengte] != " " else titel[:lengte].split()
    while woorden and woorden[-1].lower() in VERBINDINGSWOORDEN:
        woorden.pop()
    return " ".join(woorden) or titel[:lengte]


def bladnaam(titel: str, gebruikt: set[str]) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, each name once."""
    basis = _ingekort(ONGELDIG_IN_BLADNAAM.sub("", titel)) or "Tabel"
    naam, volgnummer = basis, 2
    while naam.lower() in gebruikt:
        naam = f"{basis[: 31 - len(str(volgnummer)) - 1]} {volgnummer}"
        volgnummer += 1
    gebruikt.add(naam.lower())
    return naam


def schrijven(
    bestand, *, voorziening: str, rapport: str, van: datetime.date, tot: datetime.date, tabellen
) -> None:
    boek = Workbook(write_only=True)
    vet = Font(bold=True)
    gebruikt: set[str] = set()
    for tabel in tabellen:
        blad = boek.create_sheet(bladnaam(tabel.titel, gebruikt))
        blad.column_dimensions["A"].width = 40
        blad.append([cel(blad, f"{rapport} – {tabel.titel}", vet)])
        blad.append([cel(blad, voorziening)])
        blad.append([cel(blad, f"Periode {van:%d/%m/%Y} tot en met {tot:%d/%m/%Y}")])
        blad.append([cel(blad, f"Telt: {tabel.telt}")])
        for regel in tabel.uitleg:
            blad.append([cel(blad, regel)])
        blad.append([])
        blad.append([cel(blad, kop, vet) for kop in tabel.koppen])
        for rij in tabel.rijen:
            blad.append([cel(blad, waarde) for waarde in rij])
    boek.save(bestand)


def bestandsnaam(
    voorziening: str, rapport: str, datum: datetime.date, extensie: str = "xlsx"
) -> str:
    """000 §17.1: '[Naam voorziening] - [Naam rapport] - [DD-MM-YYYY].xlsx'."""
    veilig = re.sub(r"[^\w\- .]", "", voorziening).strip()
    return f"{veilig} - {rapport} - {datum:%d-%m-%Y}.{extensie}"
