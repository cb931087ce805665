from django.core.management.base import BaseCommand, CommandError

from binc.constants import SyncStatus
from binc.models import ModuledatabankSync
from binc.tasks import sync_moduledatabank


class Command(BaseCommand):
    help = (
        "Past de export van de moduledatabank toe (standaard MODULEDATABANK_FEED_PATH). "
        "Een foutief bestand wordt volledig geweigerd en verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", nargs="?", help="pad naar het XML-bestand")

    def handle(self, *args, bestand=None, **options):
        run = ModuledatabankSync.objects.get(pk=sync_moduledatabank(bestand))
        self.stdout.write(run.verslag)
        if run.status != SyncStatus.GESLAAGD:
            raise CommandError(
                f"Synchronisatie {run.get_status_display().lower()}: er is niets gewijzigd."
            )
        self.stdout.write(self.style.SUCCESS("Synchronisatie geslaagd."))
