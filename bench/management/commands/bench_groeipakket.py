"""Benchmark of the Groeipakket feed: a backlog of 100,000 changes is built into a batch and
delivered through the lokaal adapter (batch files in a temporary directory), inside one
transaction that is rolled back. Reports the time of each step and the peak resident memory."""

import resource
import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import override_settings

from binc.constants import Organisatietype, Provincie
from binc.models import Gebruiker, Voorziening
from binc.tenancy import all_voorzieningen
from groeipakket.batch import batch_maken
from groeipakket.relay import afleveren


class Rollback(Exception):
    pass


def _piek_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Meet de Groeipakket-verzending van een achterstand van 100.000 wijzigingen."

    def add_arguments(self, parser):
        parser.add_argument("--wijzigingen", type=int, default=100_000)

    def handle(self, *args, wijzigingen, **options):
        if not settings.DEBUG:
            raise CommandError("bench_groeipakket draait enkel met DEBUG aan (ontwikkelomgeving).")
        with (
            tempfile.TemporaryDirectory() as uit,
            override_settings(
                GROEIPAKKET_BACKEND="lokaal",
                GROEIPAKKET_UITGAAND=uit,
                GROEIPAKKET_ANTWOORDEN=f"{uit}/antwoorden",
            ),
        ):
            try:
                with transaction.atomic(), all_voorzieningen():
                    self._run(wijzigingen)
                    raise Rollback
            except Rollback:
                self.stdout.write("Alle benchmarkgegevens werden teruggedraaid.")

    def _run(self, aantal: int) -> None:
        voorziening = Voorziening.objects.create(
            naam="Bench Groeipakket",
            erkenningsnummer="BENCH-GP",
            organisatietype=Organisatietype.OVBJ_VERBLIJF,
            provincie=Provincie.ANTWERPEN,
        )
        gebruiker = Gebruiker.objects.create(username="bench-groeipakket")
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO dossiers_schakelingwijziging (voorziening_id, dossier_id,
                    schakeling_id, actie, voor, na, groeipakket, gebruiker_id, tijdstip)
                SELECT %(vz)s, n, 1000000 + n, 'aangemaakt', NULL,
                    jsonb_build_object('impact', jsonb_build_array('VBFBJB04'),
                        'client', lpad((12030100000 + n)::text, 11, '0'),
                        'dossier', 'BNC_BENCH_' || n, 'begindatum', '2026-01-05',
                        'einddatum', NULL, 'verwijzingsgrond', 'vrijwillig'),
                    true, %(user)s, now()
                FROM generate_series(1, %(n)s) AS n
                """,
                {"vz": voorziening.pk, "user": gebruiker.pk, "n": aantal},
            )
        self.stdout.write(f"{aantal:,} wijzigingen klaargezet; piekgeheugen {_piek_mb():.0f} MB.")
        begin = time.perf_counter()
        batch = batch_maken()
        gebouwd = time.perf_counter() - begin
        self.stdout.write(
            f"Batch met {batch.aantal if batch else 0:,} berichten in {gebouwd:.1f} s; "
            f"piekgeheugen {_piek_mb():.0f} MB."
        )
        begin = time.perf_counter()
        telling = afleveren()
        self.stdout.write(
            f"{telling.verzonden:,} berichten afgeleverd in {time.perf_counter() - begin:.1f} s; "
            f"piekgeheugen {_piek_mb():.0f} MB."
        )
