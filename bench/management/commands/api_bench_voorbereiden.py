"""Prepares the API benchmark (`make bench`, bin/bench-api): a fresh database of its own beside
the working one (`<naam>_api`) with the demo data (its koppeling `demo-linde`) and 10,000
children in the stand-in rijksregister for the registrations. Prints the database's name last."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.personen import geboren, nummer
from binc.constants import Geslacht
from binc.models import RijksregisterPersoon

AANTAL = 10_000


class Command(BaseCommand):
    help = "Bereidt de API-benchmark voor: een eigen databank met de demogegevens."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("api_bench_voorbereiden draait enkel met DEBUG aan.")
        naam = f"{connection.settings_dict['NAME']}_api"
        with connection.cursor() as c:
            c.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{naam}"')
        connection.close()
        connection.settings_dict["NAME"] = naam
        call_command("migrate", verbosity=0)
        call_command("seed_demo", verbosity=0, stdout=self.stderr)
        RijksregisterPersoon.objects.bulk_create(
            RijksregisterPersoon(
                rijksregisternummer=nummer(i),
                naam=f"Bench{i}",
                voornaam="Kind",
                geslacht=Geslacht.VROUW,
                geboortedatum=geboren(i),
            )
            for i in range(AANTAL)
        )
        self.stdout.write(naam)
