"""The bezettingsgraad and benuttingsgraad as Excel (000 §13.2, §14.3): the period, the user, the
rates, and a second sheet with the numerators and denominators."""

import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from bezetting.engine.model import Ratio
from bezetting.weergave import Benutting, Rij
from binc.xlsx import xlsx_response


def _graad(ratio: Ratio):
    graad = ratio.graad
    return float(graad) if graad is not None else (ratio.melding or "kan niet berekend worden")


def _getallen(rij: Rij) -> list:
    if rij.punten is not None:
        return [rij.naam, rij.punten, None]
    return [rij.naam, float(rij.ratio.teller), float(rij.ratio.noemer)]


def _boek(*, voorziening, gebruiker, periode: str, titel: str) -> tuple[Workbook, Worksheet]:
    boek = Workbook()
    blad = boek.active
    blad.title = titel
    blad.append([f"{titel} {voorziening.naam}"])
    blad.append([f"Periode {periode}"])
    blad.append([f"Geëxporteerd door {gebruiker.get_full_name() or gebruiker.username}"])
    blad.append([])
    return boek, blad


def _bestand(boek: Workbook, voorziening, titel: str) -> HttpResponse:
    """000 §13.2 and §14.3: file name voorziening, 'Bezettingsgraad' or 'Benuttingsgraad', date."""
    naam = re.sub(r"[^\w\- ]", "", voorziening.naam).strip()
    return xlsx_response(boek, f"{naam} {titel} {timezone.localdate():%Y%m%d}.xlsx")


def bezetting_export(
    *,
    voorziening,
    gebruiker,
    periode: str,
    rijen: list[Rij],
    gewogen: Ratio,
    titel: str = "Bezettingsgraad",
) -> HttpResponse:
    """000 §14.3: the rate per typemodule and the weighted average; a CKG's points typemodules
    with the points they earned."""
    boek, blad = _boek(voorziening=voorziening, gebruiker=gebruiker, periode=periode, titel=titel)
    blad.append(["Typemodule", titel])
    for rij in rijen:
        blad.append(
            [
                rij.naam,
                "telt in de begeleidingspunten" if rij.punten is not None else _graad(rij.ratio),
            ]
        )
    blad.append(["Gewogen gemiddelde", _graad(gewogen)])
    tweede = boek.create_sheet("Tellers en noemers")
    tweede.append(["Typemodule", "Teller", "Noemer"])
    for rij in [*rijen, Rij("Gewogen gemiddelde", gewogen)]:
        tweede.append(_getallen(rij))
    return _bestand(boek, voorziening, titel)


def benutting_export(*, voorziening, gebruiker, periode: str, benutting: Benutting) -> HttpResponse:
    """000 §13.2: the rate per typemodule and the total per function; a second sheet with the
    numerator and denominator per typemodule and function. No total across functions."""
    titel = "Benuttingsgraad"
    boek, blad = _boek(voorziening=voorziening, gebruiker=gebruiker, periode=periode, titel=titel)
    tweede = boek.create_sheet("Tellers en noemers")
    blad.append(["Functie", "Typemodule", titel])
    tweede.append(["Functie", "Typemodule", "Teller", "Noemer"])
    for groep in benutting.groepen:
        for rij in [*groep.rijen, Rij(f"Totaal {groep.naam}", groep.totaal)]:
            blad.append([groep.naam, rij.naam, _graad(rij.ratio)])
            tweede.append([groep.naam, *_getallen(rij)])
    for rij in benutting.zonder:
        blad.append(["", rij.naam, _graad(rij.ratio)])
    return _bestand(boek, voorziening, titel)
