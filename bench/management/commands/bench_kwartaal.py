"""Benchmark of the kwartaal's Excel export (000 §12.3) at its largest realistic size: a pleegzorg
service with 3,000 clients in a quarter, and a voorziening with 60 typemodules. Builds the data
in one transaction that is rolled back, then reports the median time and the peak Python memory
of the export."""

import io
import statistics
import time
import tracemalloc
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from binc.constants import Functie, Organisatietype, Provincie
from binc.models import Gebruiker, Typemodule, Voorziening
from binc.tenancy import all_voorzieningen
from kwartaal.export import kwartaal_export
from kwartaal.models import ClientInzet, Kwartaalstaat, TypemoduleInzet


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet de Excel-export van een kwartaal met 3.000 cliënten en met 60 typemodules."

    def add_arguments(self, parser):
        parser.add_argument("--clienten", type=int, default=3_000)
        parser.add_argument("--typemodules", type=int, default=60)
        parser.add_argument("--herhalingen", type=int, default=5)

    def handle(self, *args, clienten, typemodules, herhalingen, **options):
        if not settings.DEBUG:
            raise CommandError("bench_kwartaal draait enkel met DEBUG aan (ontwikkelomgeving).")
        try:
            with transaction.atomic(), all_voorzieningen():
                gebruiker = self.gebruiker = Gebruiker.objects.create(username="bench-kwartaal")
                pleegzorg = self._staat("Pleegzorg", Organisatietype.PLEEGZORG, clienten, 4)
                breed = self._staat("Breed aanbod", Organisatietype.OVBJ, 20 * typemodules, 0)
                self._typemodules(breed, typemodules)
                for label, staat in (
                    (f"pleegzorgdienst, {clienten:,} cliënten", pleegzorg),
                    (f"voorziening met {typemodules} typemodules", breed),
                ):
                    self._measure(label, staat, gebruiker, herhalingen)
                raise Rollback
        except Rollback:
            self.stdout.write("Alle benchmarkgegevens werden teruggedraaid.")

    def _staat(self, naam: str, soort: str, aantal: int, pleegzorg_typemodules: int):
        voorziening = Voorziening.objects.create(
            naam=f"Bench {naam}",
            erkenningsnummer=f"BENCH-K-{soort}",
            organisatietype=soort,
            provincie=Provincie.ANTWERPEN,
        )
        with connection.cursor() as cursor:
            cursor.execute(
                """
                WITH c AS (
                    INSERT INTO dossiers_client (versie, rijksregisternummer, ongeboren, naam,
                        voornaam, geslacht, geboortedatum, geboorteplaats, nationaliteit, straat,
                        huisnummer, postcode, gemeente, niet_begeleide_minderjarige,
                        land_van_origine, omgangstaal, aangemaakt_op, gewijzigd_op)
                    SELECT 1, '7' || lpad((%(vz)s * 100000 + i)::text, 10, '0'), false,
                        'Naam' || i, 'Voornaam' || i, 'V', DATE '2010-01-01' + i %% 3000, '',
                        '', '', '', '', '', 'nee', 'België', 'nl', now(), now()
                    FROM generate_series(1, %(n)s) AS i RETURNING id
                )
                INSERT INTO dossiers_dossier (versie, voorziening_id, client_id, code, status,
                    behandelaar_id, aangemaakt_op, gewijzigd_op, br_status)
                SELECT 1, %(vz)s, id, 'BENCH_K_' || id, 'open', %(user)s, now(), now(),
                    'volledig'
                FROM c
                """,
                {"vz": voorziening.pk, "n": aantal, "user": self.gebruiker.pk},
            )
        staat = Kwartaalstaat.objects.create(voorziening=voorziening, jaar=2026, kwartaal=1)
        if pleegzorg_typemodules:
            soorten = list(
                Typemodule.objects.filter(code__startswith="pleeggezin")[:pleegzorg_typemodules]
            )
            self._vullen(staat, soorten)
        return staat

    def _typemodules(self, staat: Kwartaalstaat, aantal: int) -> None:
        soorten = Typemodule.objects.bulk_create(
            Typemodule(
                code=f"bench-{i}",
                naam=f"Bench typemodule {i:02d}",
                functie=Functie.BEGELEIDING,
                eenheid="uur",
            )
            for i in range(aantal)
        )
        self._vullen(staat, soorten)

    def _vullen(self, staat: Kwartaalstaat, soorten: list[Typemodule]) -> None:
        inzet = TypemoduleInzet.objects.bulk_create(
            TypemoduleInzet(kwartaalstaat=staat, typemodule=t, totaal=Decimal(100)) for t in soorten
        )
        dossiers = list(staat.voorziening.dossiers.order_by("pk").values_list("pk", flat=True))
        per = max(1, len(dossiers) // len(inzet))
        ClientInzet.objects.bulk_create(
            ClientInzet(inzet=i, dossier_id=d, benutting=Decimal("12.25"))
            for n, i in enumerate(inzet)
            for d in (dossiers if len(inzet) <= 4 else dossiers[n * per : (n + 1) * per])
        )

    def _measure(self, label: str, staat: Kwartaalstaat, gebruiker, herhalingen: int) -> None:
        tijden, grootte = [], 0
        for _ in range(herhalingen):
            bestand = io.BytesIO()
            begin = time.perf_counter()
            kwartaal_export(staat, gebruiker=gebruiker, bestand=bestand)
            tijden.append(time.perf_counter() - begin)
            grootte = bestand.tell()
        # Memory in a separate run: tracing slows Python down several times.
        tracemalloc.start()
        kwartaal_export(staat, gebruiker=gebruiker, bestand=io.BytesIO())
        _, piek = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rijen = ClientInzet.objects.filter(inzet__kwartaalstaat=staat).count()
        self.stdout.write(
            f"{label}: {rijen:,} cliëntrijen, mediaan {statistics.median(tijden) * 1000:.0f} ms, "
            f"max {max(tijden) * 1000:.0f} ms, bestand {grootte / 1024:.0f} kB, "
            f"piekgeheugen Python {piek / 1024 / 1024:.1f} MB"
        )
