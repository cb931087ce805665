"""How a service hands work to the background, in every app: by the task's registered name,
through Celery's registry. Tasks are the doors of the background work and call services; a
service never imports its task module back, so no import circles."""

from celery import current_app as app
from celery.result import AsyncResult


def inplannen(taak: str, *args: object) -> AsyncResult:
    """Queue the task named `taak` with `args` (run in-process when there is no broker)."""
    if taak not in app.tasks:
        # Outside a worker the apps' task modules load on first use (Celery's autodiscovery).
        app.loader.import_default_modules()
    return app.tasks[taak].delay(*args)
