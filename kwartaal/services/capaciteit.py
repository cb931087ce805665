"""Loading the capacities of many voorzieningen at once from a spreadsheet (000 §15, maintained
by Opgroeien voorzieningenbeleid). The whole file is accepted or rejected: every line is checked
first, a rejected file changes nothing and gets a report with line numbers."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO

from django.db import transaction
from openpyxl import load_workbook

from binc.models import Typemodule, Voorziening
from kwartaal.models import Capaciteit

KOLOMMEN = [
    "erkenningsnummer",
    "typemodule",
    "geldig_van",
    "erkende_capaciteit",
    "innovatief_project",
    "verzekerd_aanbod",
    "overtal_of_mogelijk_aanbod",
    "toelichting",
]
VERPLICHT = KOLOMMEN[:4]
GETALLEN = ["erkende_capaciteit", "innovatief_project", "verzekerd_aanbod"]


@dataclass
class Importverslag:
    aantal: int = 0
    fouten: list[str] = field(default_factory=list)

    @property
    def aanvaard(self) -> bool:
        return not self.fouten


def _regels(bestand: IO[bytes], naam: str) -> list[list[object]]:
    if naam.lower().endswith(".xlsx"):
        boek = load_workbook(bestand, read_only=True, data_only=True)
        return [list(rij) for rij in boek.worksheets[0].iter_rows(values_only=True)]
    tekst = io.TextIOWrapper(bestand, encoding="utf-8-sig")
    inhoud = tekst.read()
    dialect = csv.Sniffer().sniff(inhoud.splitlines()[0] if inhoud else ",", delimiters=";,")
    return [list(rij) for rij in csv.reader(io.StringIO(inhoud), dialect)]


def _datum(waarde: object) -> datetime.date:
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    tekst = str(waarde).strip()
    if "/" not in tekst:
        return datetime.date.fromisoformat(tekst)
    dag, maand, jaar = tekst.split("/")  # dd/mm/jjjj; anything else raises ValueError
    return datetime.date(int(jaar), int(maand), int(dag))


def capaciteit_importeren(bestand: IO[bytes], naam: str) -> Importverslag:
    verslag = Importverslag()
    try:
        regels = _regels(bestand, naam)
    except Exception:  # any unreadable file: reported, never half-read
        verslag.fouten.append("Het bestand kon niet gelezen worden: gebruik xlsx of CSV.")
        return verslag
    if not regels or [str(k or "").strip().lower() for k in regels[0][: len(KOLOMMEN)]] != KOLOMMEN:
        verslag.fouten.append("Regel 1: de kolommen moeten zijn: " + ", ".join(KOLOMMEN) + ".")
        return verslag
    voorzieningen = dict(Voorziening.objects.values_list("erkenningsnummer", "pk"))
    typemodules = {
        **dict(Typemodule.objects.values_list("code", "pk")),
        **{n.lower(): pk for n, pk in Typemodule.objects.values_list("naam", "pk")},
    }
    bestaand = set(Capaciteit.objects.values_list("voorziening_id", "typemodule_id", "geldig_van"))
    nieuw: list[Capaciteit] = []
    gezien: set[tuple] = set()
    for nummer, rij in enumerate(regels[1:], start=2):
        if not any(str(w or "").strip() for w in rij):
            continue
        waarden = dict(zip(KOLOMMEN, [*rij, *[None] * len(KOLOMMEN)], strict=False))
        fouten = _regel_fouten(waarden, voorzieningen, typemodules)
        if fouten:
            verslag.fouten += [f"Regel {nummer}: {fout}" for fout in fouten]
            continue
        item = Capaciteit(
            voorziening_id=voorzieningen[str(waarden["erkenningsnummer"]).strip()],
            typemodule_id=_typemodule(waarden, typemodules),
            geldig_van=_datum(waarden["geldig_van"]),
            overtal_of_mogelijk_aanbod=str(waarden["overtal_of_mogelijk_aanbod"] or "").strip(),
            toelichting=str(waarden["toelichting"] or "").strip(),
            **{k: Decimal(str(waarden[k] or 0).replace(",", ".")) for k in GETALLEN},
        )
        sleutel = (item.voorziening_id, item.typemodule_id, item.geldig_van)
        if sleutel in bestaand or sleutel in gezien:
            verslag.fouten.append(
                f"Regel {nummer}: deze voorziening heeft voor deze typemodule al een capaciteit "
                f"vanaf {item.geldig_van:%d/%m/%Y}; een wijziging is een nieuwe datum."
            )
            continue
        gezien.add(sleutel)
        nieuw.append(item)
    if not nieuw and not verslag.fouten:
        verslag.fouten.append("Het bestand bevat geen capaciteiten.")
    if verslag.fouten:
        return verslag
    with transaction.atomic():
        Capaciteit.objects.bulk_create(nieuw)
    verslag.aantal = len(nieuw)
    return verslag


def _typemodule(waarden: dict[str, object], typemodules: dict[str, int]) -> int:
    """By code, or by name in any case."""
    tekst = str(waarden["typemodule"]).strip()
    return typemodules[tekst] if tekst in typemodules else typemodules[tekst.lower()]


def _regel_fouten(
    waarden: dict[str, object], voorzieningen: dict[str, int], typemodules: dict[str, int]
) -> list[str]:
    fouten = []
    for kolom in VERPLICHT:
        if waarden[kolom] is None or not str(waarden[kolom]).strip():
            fouten.append(f"'{kolom}' is niet ingevuld.")
    if fouten:
        return fouten
    if str(waarden["erkenningsnummer"]).strip() not in voorzieningen:
        fouten.append(f"onbekend erkenningsnummer '{waarden['erkenningsnummer']}'.")
    try:
        _typemodule(waarden, typemodules)
    except KeyError:
        fouten.append(f"onbekende typemodule '{waarden['typemodule']}'.")
    try:
        datum = _datum(waarden["geldig_van"])
        if datum.year < 2015:
            fouten.append("'geldig_van' ligt vóór 2015.")
    except ValueError:
        fouten.append(f"'geldig_van' is geen datum (dd/mm/jjjj): '{waarden['geldig_van']}'.")
    for kolom in GETALLEN:
        ruw = waarden[kolom]
        try:
            getal = Decimal(str(ruw if ruw is not None else 0).replace(",", "."))
        except InvalidOperation:
            fouten.append(f"'{kolom}' is geen getal: '{ruw}'.")
            continue
        if not getal.is_finite() or getal < 0 or getal > Decimal("999999.99"):
            fouten.append(f"'{kolom}' moet een getal tussen 0 en 999999,99 zijn.")
        elif getal != getal.quantize(Decimal("0.01")):
            fouten.append(f"'{kolom}' heeft hoogstens twee cijfers na de komma.")
    return fouten
