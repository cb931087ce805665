"""The project's configuration: settings, the URL map, the WSGI entry and the Celery app. It
sits above every app and holds no domain code."""

from config.celery import app as celery_app

__all__ = ["celery_app"]
