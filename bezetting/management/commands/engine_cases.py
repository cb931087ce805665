"""Runs worked cases (`FORMAT.md` of the engine cases) through the occupancy engine: one line per
case, then 'N passed, N failed'; exits non-zero on any failure. A typemodule named by its
catalogue code alone takes its properties from the project's catalogue."""

import json

from django.core.management.base import BaseCommand, CommandError

from bezetting.engine.cases import antwoord, verschillen
from bezetting.selectors import catalogus


class Command(BaseCommand):
    help = "Rekent uitgewerkte voorbeelden na met de bezettingsmotor."

    def add_arguments(self, parser):
        parser.add_argument("bestanden", nargs="+")

    def handle(self, *args, bestanden, **options):
        geslaagd = mislukt = 0
        typemodules = catalogus()
        for bestand in bestanden:
            with open(bestand, encoding="utf-8") as f:
                cases = json.load(f)["cases"]
            for case in cases:
                try:
                    fouten = verschillen(case["expected"], antwoord(case, typemodules))
                except Exception as exc:  # a broken case is a failure, not a crash
                    fouten = [f"fout: {exc!r}"]
                if fouten:
                    mislukt += 1
                    self.stdout.write(f"FAIL {case['id']}: " + "; ".join(fouten))
                else:
                    geslaagd += 1
                    self.stdout.write(f"ok   {case['id']}")
        self.stdout.write(f"{geslaagd} passed, {mislukt} failed")
        if mislukt:
            raise CommandError(f"{mislukt} gevallen mislukt.")
