"""PostgreSQL settings for one transaction."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper


@contextmanager
def met_werkgeheugen() -> Iterator[CursorWrapper]:
    """For queries that hash and sort the dossiers of many voorzieningen at once (the reports,
    the occupancy of all of Flanders): the memory for that, for this transaction only. With
    the default (4 MB) they spill to disk and take twice as long (docs/features.md,
    "Benutting, bezetting and inzet modules")."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '64MB'")
        yield cursor
