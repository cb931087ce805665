"""The tests that need Redis and a real Celery worker: skipped, saying why, where no broker
answers; `make vloot` (and so `.ci/run`) runs them against the machine's Redis."""

import os

import pytest
import redis


def _bereikbaar() -> bool:
    url = os.environ.get("CELERY_BROKER_URL")
    if not url:
        return False
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


BROKER = [
    pytest.mark.broker,
    pytest.mark.skipif(not _bereikbaar(), reason="needs a broker that answers (CELERY_BROKER_URL)"),
]
