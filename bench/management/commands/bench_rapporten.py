"""Benchmark of the reports on the Flanders-sized dataset (`bench.schaal`, built on first use
in its own database): the eight reports of the largest voorziening for one year with the
Flanders and province columns, and the raw data XML of 100,000 dossiers with its peak memory."""

import datetime
import resource
import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import schaal
from binc.tenancy import all_voorzieningen, voorziening_context
from dossiers.models import Dossier
from rapporten.catalogus import RAPPORTEN
from rapporten.ruwe_data import dossiers_voor_ruwe_data, schrijven
from rapporten.tellingen import tel
from rapporten.xlsx import schrijven as xlsx_schrijven

VAN, TOT = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)


class Command(BaseCommand):
    help = "Meet de rapporten op een dataset ter grootte van Vlaanderen."

    def add_arguments(self, parser):
        parser.add_argument("--voorzieningen", type=int, default=200)
        parser.add_argument("--dossiers", type=int, default=1_000_000)
        parser.add_argument(
            "--ruwe-data", type=int, default=100_000, help="0: enkel de rapporten meten"
        )

    def handle(self, *args, voorzieningen, dossiers, ruwe_data, **options):
        if not settings.DEBUG:
            raise CommandError("bench_rapporten draait enkel met DEBUG aan (ontwikkelomgeving).")
        with schaal.eigen_databank() as naam, all_voorzieningen():
            lijst = schaal.aanwezig_of_opbouwen(
                voorzieningen=voorzieningen, dossiers=dossiers, stdout=self.stdout
            )
            self.stdout.write(f"Databank {naam}: {sum(v.n for v in lijst):,} dossiers.")
            # The raw data first: the peak RSS then is its own.
            if ruwe_data:
                self._ruwe_data(ruwe_data)
            self._rapporten(lijst[0], details=options["verbosity"] > 1)

    def _rapporten(self, voorziening, *, details: bool) -> None:
        totaal = 0.0
        with voorziening_context(voorziening):
            for soort, rapport in RAPPORTEN.items():
                begin = time.perf_counter()
                tabellen = []
                for telling in rapport.tellingen:
                    stap = time.perf_counter()
                    tabellen.append(tel(telling, voorziening, VAN, TOT))
                    if details:
                        self.stdout.write(
                            f"    {telling.titel}: {time.perf_counter() - stap:.2f} s"
                        )
                with tempfile.TemporaryFile() as bestand:
                    xlsx_schrijven(
                        bestand,
                        voorziening=voorziening.naam,
                        rapport=soort,
                        van=VAN,
                        tot=TOT,
                        tabellen=tabellen,
                    )
                duur = time.perf_counter() - begin
                totaal += duur
                self.stdout.write(f"  {soort}: {duur:.2f} s")
        self.stdout.write(
            f"Acht rapporten voor {voorziening.naam} ({voorziening.n:,} dossiers, type "
            f"{voorziening.get_organisatietype_display()}): {totaal:.2f} s in totaal"
        )

    def _ruwe_data(self, aantal: int) -> None:
        ids = Dossier.alle.order_by("pk").values("pk")[:aantal]
        rss_voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        begin = time.perf_counter()
        with tempfile.TemporaryFile() as bestand:
            schrijven(
                bestand,
                dossiers_voor_ruwe_data(Dossier.alle.filter(pk__in=ids)),
                is_1g1p=False,
            )
            grootte = bestand.tell() / 1024 / 1024
        duur = time.perf_counter() - begin
        rss_na = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            f"Ruwe data van {aantal:,} dossiers: {duur:.1f} s, {grootte:.0f} MiB XML, piek RSS "
            f"van het proces {rss_na:.0f} MiB (voordien {rss_voor:.0f} MiB: "
            f"+{rss_na - rss_voor:.0f} MiB)"
        )
