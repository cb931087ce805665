"""The application's database role cannot erase the audit trail (probe finding 1): as that
role, TRUNCATE and disabling the append-only triggers both fail, while reading and appending
work. The owner cannot truncate either; only a superuser can (how test runs reset)."""

import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from binc.models import Activiteit
from tests.binc.factories import VoorzieningFactory

AUDIT = [
    "binc_activiteit",
    "binc_rijksregisteropzoeking",
    "binc_inzage",
    "dossiers_schakelingwijziging",
]


@pytest.fixture
def app_rol(transactional_db):
    """A login role like production's `binc_app`, with the rights `manage.py app_rol` gives."""
    naam = f"binc_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {naam} LOGIN PASSWORD 'test'")
    call_command("app_rol", naam, stdout=None)
    db = connection.settings_dict
    verbinding = psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        dbname=db["NAME"],
        user=naam,
        password="test",
        autocommit=True,
    )
    yield verbinding
    verbinding.close()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {naam}")
        cursor.execute(f"DROP ROLE {naam}")


@pytest.mark.parametrize("tabel", AUDIT)
def test_the_app_role_can_neither_truncate_nor_disable_the_triggers(app_rol, tabel):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_rol.execute(f"TRUNCATE {tabel}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_rol.execute(f"ALTER TABLE {tabel} DISABLE TRIGGER ALL")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_rol.execute(f"DELETE FROM {tabel}")  # noqa: S608 - the fixed names above


def test_the_app_role_reads_and_appends(app_rol):
    voorziening = VoorzieningFactory()
    app_rol.execute(
        "INSERT INTO binc_activiteit (voorziening_id, tijdstip, actie, omschrijving, "
        "object_type, gegevens) VALUES (%s, now(), 'test', 'door de app-rol', '', '{}')",
        [voorziening.pk],
    )
    assert app_rol.execute("SELECT count(*) FROM binc_activiteit").fetchone() == (1,)
    # Ordinary tables stay fully writable.
    app_rol.execute(
        "UPDATE binc_voorziening SET naam = 'Gewijzigd' WHERE id = %s", [voorziening.pk]
    )


def test_the_owner_cannot_truncate_an_audit_table_either(transactional_db):
    """As a non-superuser owner (production's migration role)."""
    naam = f"binc_eigenaar_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {naam}")
        cursor.execute(f"ALTER TABLE binc_activiteit OWNER TO {naam}")
        try:
            cursor.execute(f"SET SESSION AUTHORIZATION {naam}")
            with pytest.raises(Exception, match="append-only"):
                cursor.execute("TRUNCATE binc_activiteit")
        finally:
            cursor.execute("RESET SESSION AUTHORIZATION")
            cursor.execute("ALTER TABLE binc_activiteit OWNER TO CURRENT_USER")
            cursor.execute(f"DROP ROLE {naam}")
    assert Activiteit._base_manager.count() == 0
