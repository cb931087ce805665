"""The bezettingsgraad as Excel (000 §14.3): the period, the user, the rate per typemodule and the
weighted average, and a second sheet with the numerators and denominators."""

import io
import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from bezetting.engine.bezetting import Bezetting
from bezetting.engine.model import Ratio

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _graad(ratio: Ratio):
    graad = ratio.graad
    return float(graad) if graad is not None else (ratio.melding or "kan niet berekend worden")


def bezetting_export(
    *,
    voorziening,
    gebruiker,
    periode: str,
    resultaat: Bezetting,
    namen: dict[str, str],
    titel: str = "Bezettingsgraad",
) -> HttpResponse:
    """000 §13.2 and §14.3: file name voorziening, 'Bezettingsgraad' or 'Benuttingsgraad', date."""
    boek = Workbook()
    blad = boek.active
    blad.title = titel
    blad.append([f"{titel} {voorziening.naam}"])
    blad.append([f"Periode {periode}"])
    blad.append([f"Geëxporteerd door {gebruiker.get_full_name() or gebruiker.username}"])
    blad.append([])
    blad.append(["Typemodule", titel])
    for code, ratio in resultaat.typemodules.items():
        blad.append([namen.get(code, code), _graad(ratio)])
    blad.append(["Gewogen gemiddelde", _graad(resultaat.gewogen)])
    tweede = boek.create_sheet("Tellers en noemers")
    tweede.append(["Typemodule", "Teller", "Noemer"])
    for code, ratio in [*resultaat.typemodules.items(), ("Gewogen gemiddelde", resultaat.gewogen)]:
        tweede.append([namen.get(code, code), float(ratio.teller), float(ratio.noemer)])
    bestand = io.BytesIO()
    boek.save(bestand)
    naam = re.sub(r"[^\w\- ]", "", voorziening.naam).strip()
    response = HttpResponse(bestand.getvalue(), content_type=XLSX)
    datum = f"{timezone.localdate():%Y%m%d}"
    response["Content-Disposition"] = f'attachment; filename="{naam} {titel} {datum}.xlsx"'
    return response
