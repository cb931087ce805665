"""The database role the application runs as (docker-compose, docs/production.md): not the
owner of the tables, so it cannot alter them, disable their triggers or truncate them; on the
audit tables (those with an append-only trigger) it may only read and append. Run as the owner
after every migrate; idempotent."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql

# The tables a trigger function guards: the audit tables refuse TRUNCATE (binc_geen_truncate);
# most refuse any UPDATE too (binc_append_only), the schakeling history allows its feed stamp.
BEWAAKT = """
SELECT DISTINCT c.relname FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
WHERE p.proname = %s ORDER BY c.relname
"""


class Command(BaseCommand):
    help = (
        "Geeft de rol van de applicatie haar rechten: lezen en schrijven, op de auditlogs enkel "
        "lezen en toevoegen."
    )

    def add_arguments(self, parser):
        parser.add_argument("rol", help="de databankrol waarmee de applicatie draait")

    def handle(self, *args, rol: str, **options):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [rol])
            if cursor.fetchone() is None:
                raise CommandError(f"De rol {rol} bestaat niet.")
            cursor.execute(BEWAAKT, ["binc_geen_truncate"])
            audit = [naam for (naam,) in cursor.fetchall()]
            cursor.execute(BEWAAKT, ["binc_append_only"])
            enkel_toevoegen = {naam for (naam,) in cursor.fetchall()}
            wie = sql.Identifier(rol)
            for opdracht in (
                "GRANT USAGE ON SCHEMA public TO {wie}",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {wie}",
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {wie}",
                "REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM {wie}",
            ):
                cursor.execute(sql.SQL(opdracht).format(wie=wie))
            for tabel in audit:
                rechten = "UPDATE, DELETE" if tabel in enkel_toevoegen else "DELETE"
                cursor.execute(
                    sql.SQL("REVOKE {rechten} ON {tabel} FROM {wie}").format(
                        rechten=sql.SQL(rechten), tabel=sql.Identifier(tabel), wie=wie
                    )
                )
        self.stdout.write(
            f"Rechten voor {rol} gezet; enkel lezen en toevoegen op: {', '.join(audit)}."
        )
