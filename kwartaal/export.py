"""The Excel export of one kwartaal (000 §12.3): the disclaimer, the exporting user, one overview
of every typemodule with its clients (or soorten) and the totals, each figure a number.

openpyxl's write-only mode streams rows into the file instead of building a sheet in memory,
so a pleegzorg service with thousands of clients exports at once with flat memory (the real
system needed hourly batches for them, 000 §12.3.1). Benchmark: `manage.py bench_kwartaal`."""

import re
import tempfile
from collections.abc import Iterator

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from binc.models import Gebruiker
from kwartaal.constants import EXPORT_DISCLAIMER
from kwartaal.models import ClientInzet, Kwartaalstaat, SoortInzet
from kwartaal.selectors import overzicht
from lib.xlsx import cel

KOLOMMEN = ["Typemodule", "Eenheid", "Naam", "Voornaam", "Dossiercode", "Benutting"]


def bestandsnaam(staat: Kwartaalstaat) -> str:
    """Voorziening, year–quarter and export date (000 §12.3)."""
    naam = re.sub(r"[^\w\- ]", "", staat.voorziening.naam).strip()
    return f"{naam} {staat.jaar}-{staat.kwartaal} {timezone.localdate():%Y%m%d}.xlsx"


def _rijen(staat: Kwartaalstaat, gebruiker: Gebruiker) -> Iterator[list]:
    yield [EXPORT_DISCLAIMER]
    door = gebruiker.get_full_name() or gebruiker.username
    yield [f"Geëxporteerd door {door} op {timezone.localtime():%d/%m/%Y %H:%M}"]
    yield [staat.voorziening.naam, str(staat), staat.get_status_display()]
    yield []
    yield KOLOMMEN
    per_inzet: dict[int, list[list]] = {}
    clienten = (
        ClientInzet.objects.filter(inzet__kwartaalstaat=staat)
        .order_by("inzet_id", "dossier__client__naam", "dossier__client__voornaam", "dossier_id")
        .values_list(
            "inzet_id",
            "dossier__client__naam",
            "dossier__client__voornaam",
            "dossier__code",
            "benutting",
        )
        .iterator(chunk_size=2000)
    )
    for inzet_id, naam, voornaam, code, benutting in clienten:
        per_inzet.setdefault(inzet_id, []).append([naam, voornaam, code, benutting])
    soorten = SoortInzet.objects.filter(inzet__kwartaalstaat=staat).order_by("soort")
    for soort in soorten:
        per_inzet.setdefault(soort.inzet_id, []).append(
            [soort.get_soort_display(), "", "", soort.benutting]
        )
    for rij in overzicht(staat):
        typemodule = rij.inzet.typemodule
        eenheid = typemodule.get_eenheid_display()
        for waarden in per_inzet.get(rij.inzet.pk, []):
            yield [typemodule.naam, eenheid, *waarden]
        if rij.inzet.niet_clientgebonden is not None:
            niet_clientgebonden = rij.inzet.niet_clientgebonden
            yield [
                typemodule.naam,
                eenheid,
                "Niet-cliëntgebonden inzet",
                "",
                "",
                niet_clientgebonden,
            ]
        yield [typemodule.naam, eenheid, "Totaal", "", "", rij.totaal]


def kwartaal_export(staat: Kwartaalstaat, *, gebruiker: Gebruiker, bestand) -> None:
    boek = Workbook(write_only=True)
    blad = boek.create_sheet(f"{staat.jaar}-{staat.kwartaal}")
    blad.column_dimensions["A"].width = 45
    vet = Font(bold=True)
    for rij in _rijen(staat, gebruiker):
        blad.append([cel(blad, waarde, vet if rij is KOLOMMEN else None) for waarde in rij])
    boek.save(bestand)


def kwartaal_export_response(staat: Kwartaalstaat, *, gebruiker: Gebruiker) -> FileResponse:
    # Spooled: small files stay in memory, large ones go to disk, never the whole sheet. The
    # response closes it once sent.
    bestand = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    kwartaal_export(staat, gebruiker=gebruiker, bestand=bestand)
    bestand.seek(0)
    return FileResponse(bestand, as_attachment=True, filename=bestandsnaam(staat))
