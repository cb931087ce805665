"""The embedded PostgreSQL server used when no DATABASE_URL is configured.

`pgserver` ships real PostgreSQL binaries inside a Python wheel, so a developer needs nothing but
Python to run or test Binc against the same database engine as production. Never SQLite: the
constraints that protect the data (exclusion, partial unique indexes, triggers) are PostgreSQL's.
"""

import warnings
from pathlib import Path


def embedded_database_url(data_dir: Path) -> str:
    with warnings.catch_warnings():
        # platformdirs warns about XDG_RUNTIME_DIR on servers; pgserver does not use it.
        warnings.simplefilter("ignore")
        import pgserver  # a development dependency only, imported when actually needed

    data_dir.mkdir(parents=True, exist_ok=True)
    # "stop" shuts the server down once the last process that started it exits, so `make run`
    # and `make test` leave nothing running behind them.
    server = pgserver.get_server(data_dir, cleanup_mode="stop")
    return server.get_uri()
