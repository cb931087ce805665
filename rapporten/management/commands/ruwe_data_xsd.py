"""Writes `rapporten/xsd/ruwe_data.xsd` from the raw data's element list; a test keeps the
committed schema in step with it."""

from pathlib import Path

from django.core.management.base import BaseCommand

from rapporten.ruwe_data import xsd

PAD = Path(__file__).resolve().parents[2] / "xsd" / "ruwe_data.xsd"


class Command(BaseCommand):
    help = "Schrijft het XSD van de ruwe data (rapporten/xsd/ruwe_data.xsd)."

    def handle(self, *args, **options):
        PAD.write_text(xsd(), encoding="utf-8")
        self.stdout.write(f"Geschreven: {PAD}")
