"""The bezettingsgraad and benuttingsgraad as Excel (000 §13.2, §14.3): the period, the user, the
rates, and a second sheet with the numerators and denominators."""

import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from bezetting.engine.model import Ratio
from bezetting.engine.uitsplitsing import Regel
from bezetting.weergave import Benutting, Opbouw, Rij
from lib.xlsx import xlsx_response

PROCENT = "0.00%"
GETAL = "#,##0.##"


def _graad(ratio: Ratio):
    graad = ratio.graad
    return float(graad) if graad is not None else (ratio.melding or "kan niet berekend worden")


def _getallen(rij: Rij) -> list:
    if rij.punten is not None:
        return [rij.naam, rij.punten, None]
    return [rij.naam, float(rij.ratio.teller), float(rij.ratio.noemer)]


def _opmaak(blad: Worksheet, **kolommen: str) -> None:
    """Percentages and numbers as Excel formats them, never raw fractions: per column letter
    its number format, from the header row down."""
    for letter, formaat in kolommen.items():
        for cel in blad[letter]:
            if isinstance(cel.value, int | float):
                cel.number_format = formaat


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
    _opmaak(blad, B=PROCENT)
    tweede = boek.create_sheet("Tellers en noemers")
    tweede.append(["Typemodule", "Teller", "Noemer"])
    for rij in [*rijen, Rij("Gewogen gemiddelde", gewogen)]:
        tweede.append(_getallen(rij))
    _opmaak(tweede, B=GETAL, C=GETAL)
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
    _opmaak(blad, C=PROCENT)
    _opmaak(tweede, C=GETAL, D=GETAL)
    return _bestand(boek, voorziening, titel)


def _datum(dag) -> str:
    return f"{dag:%d/%m/%Y}" if dag else ""


def opbouw_export(
    *, voorziening, gebruiker, titel: str, periode: str, opbouw: Opbouw, met_naam: bool
) -> HttpResponse:
    """A figure's breakdown: the figure, then a sheet with the numerator's lines and one with
    the denominator's (the weighted average: one sheet of its parts), each with its total."""
    boek, blad = _boek(
        voorziening=voorziening, gebruiker=gebruiker, periode=periode, titel="Opbouw"
    )
    blad.append(["Cijfer", "Graad", "Teller", "Noemer"])
    blad.append(
        [titel, _graad(opbouw.figuur), float(opbouw.figuur.teller), float(opbouw.figuur.noemer)]
    )
    _opmaak(blad, B=PROCENT, C=GETAL, D=GETAL)
    if opbouw.delen:
        delen = boek.create_sheet("Delen")
        delen.append(["Deel", "Teller", "Noemer"])
        for regel in opbouw.delen:
            delen.append([regel.omschrijving, float(regel.waarde), float(regel.aantal or 0)])
        delen.append(["Totaal", float(opbouw.figuur.teller), float(opbouw.figuur.noemer)])
        _opmaak(delen, B=GETAL, C=GETAL)
        return _bestand(boek, voorziening, "Opbouw")
    teller = boek.create_sheet("Teller")
    kolommen = ["Dossier", *(["Cliënt"] if met_naam else []), "Typemodule", "Perioden"]
    teller.append(
        [*kolommen, "Dagen", "Gedeelde dagen (één keer geteld)", "Begonnen maanden", "Waarde"]
    )
    for lijn in opbouw.dossiers:
        r = lijn.regel
        perioden = ", ".join(f"{_datum(b)} - {_datum(e)}" for b, e in r.perioden)
        teller.append(
            [
                *([lijn.code, lijn.naam] if met_naam else [lijn.code]),
                lijn.typemodule,
                perioden,
                r.dagen,
                r.dubbel,
                r.maanden,
                float(r.waarde),
            ]
        )
    if opbouw.teller:
        teller.append([])
        _regels(teller, opbouw.teller)
    teller.append([])
    teller.append(["Totaal teller", float(opbouw.figuur.teller)])
    noemer = boek.create_sheet("Noemer")
    _regels(noemer, opbouw.noemer)
    noemer.append([])
    noemer.append(["Totaal noemer", float(opbouw.figuur.noemer)])
    for blad in (teller, noemer):
        _opmaak(blad, B=GETAL, D=GETAL, E=GETAL, G=GETAL, H=GETAL)
    return _bestand(boek, voorziening, "Opbouw")


def _regels(blad: Worksheet, regels: list[Regel]) -> None:
    """Lines of places (or a quarter's figure): aantal * dagen * factor = waarde."""
    blad.append(["Omschrijving", "Van", "Tot en met", "Aantal", "Dagen", "Factor", "Waarde"])
    for regel in regels:
        blad.append(
            [
                regel.omschrijving,
                _datum(regel.begin),
                _datum(regel.einde),
                float(regel.aantal) if regel.aantal is not None else None,
                regel.dagen,
                float(regel.factor),
                float(regel.waarde),
            ]
        )
