import importlib
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from binc.tenancy import all_voorzieningen


class Command(BaseCommand):
    help = (
        "Laadt demogegevens (voorzieningen, gebruikers, modules, rijksregister, ...). "
        "Idempotent; weigert wanneer DEBUG uit staat."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo laadt enkel demogegevens wanneer DEBUG aan staat.")
        # Every app may contribute demo data through a `demo` module with seed(stdout=...).
        with all_voorzieningen(), transaction.atomic():
            for app in apps.get_app_configs():
                if find_spec(f"{app.name}.demo") is not None:
                    importlib.import_module(f"{app.name}.demo").seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen."))
