"""The test database as a URL, for the processes a test starts (a restore, a server)."""

from django.db import connection


def databank_url(naam: str | None = None) -> str:
    db = connection.settings_dict
    naam = naam or db["NAME"]
    host, user, port = db["HOST"] or "", db["USER"] or "postgres", db["PORT"] or ""
    if host.startswith("/"):
        return f"postgres://{user}@/{naam}?host={host}" + (f"&port={port}" if port else "")
    return f"postgres://{user}@{host}{':' + str(port) if port else ''}/{naam}"
