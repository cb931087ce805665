from celery import shared_task

from binc.tenancy import all_voorzieningen
from rapporten.services import aanvragen


@shared_task(name="rapporten.tasks.rapport_genereren", acks_late=True)
def rapport_genereren(aanvraag_pk: int) -> None:
    aanvragen.rapport_genereren(aanvraag_pk)


@shared_task(name="rapporten.tasks.verlopen_verwijderen")
def verlopen_verwijderen() -> int:
    """Daily (settings.CELERY_BEAT_SCHEDULE): requests and files older than 7 days go."""
    with all_voorzieningen():
        return aanvragen.verlopen_verwijderen()
