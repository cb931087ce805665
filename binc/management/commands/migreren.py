"""Migrate as the owner of the tables, then give the application's role its rights, under one
PostgreSQL advisory lock: several web processes, on several hosts, may start at once
(bin/start-web) and only one migrates at a time; the others find nothing left to do."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# Any fixed number, the same in every process: the lock is PostgreSQL's, not a file's.
SLOT = 0x62696E63  # "binc"


class Command(BaseCommand):
    help = "Migreert de databank en geeft de applicatierol haar rechten, één proces tegelijk."

    def add_arguments(self, parser):
        parser.add_argument("--app-rol", default="", help="de rol waarmee de applicatie draait")

    def handle(self, *args, app_rol: str, **options):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [SLOT])
            try:
                call_command("migrate", interactive=False, verbosity=options["verbosity"])
                if app_rol:
                    call_command("app_rol", app_rol)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [SLOT])
