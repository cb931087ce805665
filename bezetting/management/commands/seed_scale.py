"""Builds the Flanders-sized dataset (`bezetting.schaal`) and keeps it: run it against a database
of its own (DATABASE_URL), never the one you work in."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bezetting.schaal import bouwen
from binc.tenancy import all_voorzieningen


class Command(BaseCommand):
    help = "Bouwt een dataset ter grootte van Vlaanderen (200 voorzieningen, 1.000.000 dossiers)."

    def add_arguments(self, parser):
        parser.add_argument("--voorzieningen", type=int, default=200)
        parser.add_argument("--dossiers", type=int, default=1_000_000)

    def handle(self, *args, voorzieningen, dossiers, **options):
        if not settings.DEBUG:
            raise CommandError("seed_scale draait enkel met DEBUG aan, in een eigen databank.")
        begin = time.perf_counter()
        with transaction.atomic(), all_voorzieningen():
            bouwen(voorzieningen=voorzieningen, dossiers=dossiers)
        self.stdout.write(f"Opgebouwd in {time.perf_counter() - begin:.0f} s.")
