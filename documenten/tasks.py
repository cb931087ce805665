from celery import shared_task
from django.utils import timezone

from binc.tenancy import all_voorzieningen
from documenten import services


@shared_task(name="documenten.tasks.deling_mailen", acks_late=True)
def deling_mailen(deling_pk: int) -> bool:
    return services.deling_mailen(deling_pk)


@shared_task(name="documenten.tasks.openstaande_mails_verzenden")
def openstaande_mails_verzenden() -> int:
    """Every 15 minutes (settings.CELERY_BEAT_SCHEDULE): failed notifications again."""
    with all_voorzieningen():
        return services.openstaande_mails_verzenden()


@shared_task(name="documenten.tasks.verlopen_opruimen")
def verlopen_opruimen() -> int:
    """Hourly: the bytes of expired and withdrawn documents go (000 §18: at most 30 days)."""
    with all_voorzieningen():
        return services.verlopen_opruimen(timezone.localdate())
