"""Builds the Flanders-sized dataset (`bench.schaal`) in its own database beside the working
one, and keeps it for the benchmarks."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import schaal


class Command(BaseCommand):
    help = "Bouwt een dataset ter grootte van Vlaanderen (200 voorzieningen, 1.000.000 dossiers)."

    def add_arguments(self, parser):
        parser.add_argument("--voorzieningen", type=int, default=200)
        parser.add_argument("--dossiers", type=int, default=1_000_000)

    def handle(self, *args, voorzieningen, dossiers, **options):
        if not settings.DEBUG:
            raise CommandError("seed_scale draait enkel met DEBUG aan (ontwikkelomgeving).")
        with schaal.eigen_databank() as naam:
            if schaal.aanwezig():
                self.stdout.write(f"De dataset staat al in databank {naam}.")
                return
            begin = time.perf_counter()
            schaal.opbouwen(voorzieningen=voorzieningen, dossiers=dossiers)
            self.stdout.write(
                f"Opgebouwd in databank {naam} in {time.perf_counter() - begin:.0f} s."
            )
