import logging

from celery import shared_task
from django.conf import settings

from binc.services.moduledatabank import moduledatabank_sync_file

logger = logging.getLogger(__name__)


@shared_task(name="binc.tasks.sync_moduledatabank")
def sync_moduledatabank(path: str | None = None) -> int:
    """Nightly (settings.CELERY_BEAT_SCHEDULE): apply the moduledatabank's latest export.
    Returns the id of the recorded run."""
    result = moduledatabank_sync_file(path=path or settings.MODULEDATABANK_FEED_PATH)
    logger.info("Moduledatabank sync %s:\n%s", result.status, "\n".join(result.verslag))
    assert result.run is not None  # every run is recorded, a refused one too
    return result.run.pk
