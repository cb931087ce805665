"""Run the Groeipakket feed by hand, in this process: the day's batch, then its delivery (the
nightly Celery beat job does the same)."""

from django.core.management.base import BaseCommand

from binc.tenancy import all_voorzieningen
from groeipakket.batch import batch_maken
from groeipakket.relay import afleveren


class Command(BaseCommand):
    help = "Maakt de Groeipakket-batch (D227) van vandaag en verstuurt de berichten."

    def handle(self, *args, **options):
        with all_voorzieningen():
            batch = batch_maken()
            telling = afleveren()
        if batch:
            self.stdout.write(f"{batch}: {batch.aantal} berichten.")
        else:
            self.stdout.write("Geen nieuwe wijzigingen voor het Groeipakket.")
        self.stdout.write(
            f"Verzonden {telling.verzonden}, aanvaard {telling.aanvaard}, geweigerd "
            f"{telling.geweigerd}, uitgesteld {telling.uitgesteld}, mislukt {telling.mislukt}."
        )
