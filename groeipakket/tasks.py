from celery import shared_task

from binc.tenancy import all_voorzieningen
from groeipakket.batch import batch_maken
from groeipakket.relay import afleveren


# acks_late + reject_on_worker_lost: a worker that dies mid-task leaves the task on the queue for
# another; every step is idempotent, so running it twice loses and duplicates nothing.
@shared_task(
    name="groeipakket.tasks.groeipakket_dagelijks", acks_late=True, reject_on_worker_lost=True
)
def groeipakket_dagelijks() -> dict[str, int]:
    """Daily (settings.CELERY_BEAT_SCHEDULE): the day's batch, then its delivery."""
    with all_voorzieningen():
        batch = batch_maken()
        telling = afleveren()
    return {"batch": batch.pk if batch else 0, **vars(telling)}


@shared_task(
    name="groeipakket.tasks.groeipakket_afleveren", acks_late=True, reject_on_worker_lost=True
)
def groeipakket_afleveren() -> dict[str, int]:
    """Deliver what is queued and due (also the retries of failed deliveries)."""
    with all_voorzieningen():
        return vars(afleveren())
