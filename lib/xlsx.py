"""An Excel workbook as a download: the one content type and file response every export
shares."""

import io

from django.http import HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(boek: Workbook, bestandsnaam: str) -> HttpResponse:
    bestand = io.BytesIO()
    boek.save(bestand)
    response = HttpResponse(bestand.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response
