"""The restore drill (docs/production.md "Backups"): a seeded database is dumped with
bin/backup, restored with bin/restore into a fresh database, and the application boots on it
with the same counts."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from binc.models import Activiteit, Gebruiker, Voorziening
from dossiers.models import Client, Dossier, Schakeling
from tests.databank import databank_url
from tests.dossiers.factories import SchakelingFactory

pytestmark = pytest.mark.traag  # dumps and restores a seeded database

ROOT = Path(settings.BASE_DIR)
MODELLEN = {
    "voorzieningen": Voorziening,
    "gebruikers": Gebruiker,
    "clienten": Client,
    "dossiers": Dossier,
    "schakelingen": Schakeling,
    "activiteiten": Activiteit,
}
TELLEN = (
    "import json; from binc.models import Activiteit, Gebruiker, Voorziening; "
    "from dossiers.models import Client, Dossier, Schakeling; "
    "print(json.dumps({n: m._base_manager.count() for n, m in {"
    "'voorzieningen': Voorziening, 'gebruikers': Gebruiker, 'clienten': Client, "
    "'dossiers': Dossier, 'schakelingen': Schakeling, 'activiteiten': Activiteit}.items()}))"
)


def _pg_bin() -> str:
    """The client tools of the server's major version: a newer pg_dump writes what an older
    server cannot restore."""
    major = connection.pg_version // 10000
    systeem = Path(f"/usr/lib/postgresql/{major}/bin")
    if systeem.exists():
        return str(systeem)
    from lib.embedded_db import _bin

    return str(Path(_bin("pg_dump")).parent)


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_and_the_app_boots_on_it(tmp_path):
    for _ in range(3):
        SchakelingFactory()
    verwacht = {n: m._base_manager.count() for n, m in MODELLEN.items()}
    assert verwacht["schakelingen"] == 3
    doel = f"{connection.settings_dict['NAME']}_herstel"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{doel}"')
        cursor.execute(f'CREATE DATABASE "{doel}"')
    env = {
        **os.environ,
        "PG_BIN": _pg_bin(),
        "DATABASE_URL": databank_url(connection.settings_dict["NAME"]),
    }
    try:
        bestand = tmp_path / "binc.dump"
        subprocess.run(  # noqa: S603 - our own scripts and manage.py
            [ROOT / "bin" / "backup", bestand], env=env, check=True, capture_output=True
        )
        subprocess.run(  # noqa: S603
            [ROOT / "bin" / "restore", bestand, databank_url(doel)],
            env=env,
            check=True,
            capture_output=True,
        )
        app = {**env, "DATABASE_URL": databank_url(doel)}
        boot = [sys.executable, "manage.py"]
        subprocess.run(  # noqa: S603
            [*boot, "migrate", "--check"], cwd=ROOT, env=app, check=True, capture_output=True
        )
        geteld = subprocess.run(  # noqa: S603
            [*boot, "shell", "-c", TELLEN],
            cwd=ROOT,
            env=app,
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{doel}" WITH (FORCE)')

    assert json.loads(geteld.stdout.strip().splitlines()[-1]) == verwacht
