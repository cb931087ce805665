from celery import shared_task
from django.db import transaction
from django.utils import timezone

from binc.tenancy import all_voorzieningen
from kwartaal.services.staten import alle_kwartaalstaten_bijwerken


@shared_task(name="kwartaal.tasks.kwartaalstaten_bijwerken")
def kwartaalstaten_bijwerken() -> int:
    """Nightly (settings.CELERY_BEAT_SCHEDULE): a new quarter gets its kwartaalstaten while open
    schakelingen simply run on (000 §12). Returns the number of voorzieningen checked."""
    with all_voorzieningen(), transaction.atomic():
        return alle_kwartaalstaten_bijwerken(vandaag=timezone.localdate())
