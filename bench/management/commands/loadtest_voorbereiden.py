"""Prepares the load test (`make loadtest`): the Flanders-sized dataset in its own database
(`bench.schaal`, built on first use) and a login for 50 medewerkers, one in each of the 50
largest voorzieningen. Prints the database's name last."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import schaal
from binc.models import Gebruiker, Medewerker
from binc.tenancy import all_voorzieningen

WACHTWOORD = "belasting-niet-geheim"
AANTAL = 50


class Command(BaseCommand):
    help = "Bereidt de belastingstest voor: de dataset ter grootte van Vlaanderen en 50 logins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("loadtest_voorbereiden draait enkel met DEBUG aan.")
        with schaal.eigen_databank() as naam, all_voorzieningen():
            lijst = schaal.aanwezig_of_opbouwen(voorzieningen=200, dossiers=1_000_000)
            for i, voorziening in enumerate(lijst[:AANTAL], start=1):
                gebruiker, nieuw = Gebruiker.objects.get_or_create(
                    username=f"belasting{i:02d}",
                    defaults={"first_name": "Belasting", "last_name": f"{i:02d}"},
                )
                if nieuw:
                    gebruiker.set_password(WACHTWOORD)
                    gebruiker.save(update_fields=["password"])
                Medewerker.objects.get_or_create(gebruiker=gebruiker, voorziening=voorziening)
            self.stdout.write(naam)
