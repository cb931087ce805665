"""Benchmark of the start page ('Overzicht Dossiers') at production scale.

Builds, inside one transaction that is rolled back at the end, a voorziening with 5,000 open
dossiers among a million dossiers in the database, then times the page through the full
Django stack (middleware, tenancy, template) and reports the median per variant.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from binc.constants import Organisatietype, Provincie
from binc.models import Gebruiker, Medewerker, Voorziening
from binc.tenancy import SESSION_KEY

VARIANTS = {
    "standaard (alfabetisch)": {},
    "letter M": {"letter": "M"},
    "gesorteerd op laatste beslissing": {"sort": "beslissing"},
    "gesorteerd op laatst gewijzigd, aflopend": {"sort": "-gewijzigd"},
    "pagina 60": {"pagina": "60"},
    "mijn dossiers": {"tab": "mijn"},
    "afgesloten dossiers": {"tab": "afgesloten"},
}


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet de startpagina met 5.000 open dossiers in één voorziening en 1.000.000 in totaal."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=1_000_000)
        parser.add_argument("--per-voorziening", type=int, default=5_000)
        parser.add_argument("--herhalingen", type=int, default=15)

    def handle(self, *args, dossiers, per_voorziening, herhalingen, **options):
        if not settings.DEBUG:
            raise CommandError("bench_overview draait enkel met DEBUG aan (ontwikkelomgeving).")
        try:
            with transaction.atomic():
                self._run(dossiers, per_voorziening, herhalingen)
                raise Rollback
        except Rollback:
            self.stdout.write("Alle benchmarkgegevens werden teruggedraaid.")

    def _run(self, total: int, per_voorziening: int, repeats: int) -> None:
        started = time.perf_counter()
        gebruiker = Gebruiker.objects.create(username="bench-overzicht")
        voorzieningen = Voorziening.objects.bulk_create(
            Voorziening(
                naam=f"Bench {i}",
                erkenningsnummer=f"BENCH-{i:04d}",
                organisatietype=Organisatietype.OVBJ_VERBLIJF,
                provincie=Provincie.ANTWERPEN,
            )
            for i in range(-(-total // per_voorziening))
        )
        target = voorzieningen[0]
        Medewerker.objects.create(gebruiker=gebruiker, voorziening=target)
        clients = per_voorziening * 4
        first_vz = voorzieningen[0].pk
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO dossiers_client (versie, rijksregisternummer, ongeboren, naam, voornaam,
                    geslacht, geboortedatum, geboorteplaats, nationaliteit, straat, huisnummer,
                    postcode, gemeente, niet_begeleide_minderjarige, land_van_origine, omgangstaal,
                    aangemaakt_op, gewijzigd_op)
                SELECT 1, '8' || lpad(i::text, 10, '0'), false, chr(65 + i %% 26) || 'naam' || i,
                    'Voornaam' || (i %% 97), 'M', DATE '2008-01-01' + (i %% 5000), '', '', '', '',
                    '', '', 'nee', 'België', 'nl', now(), now()
                FROM generate_series(1, %s) AS i
                """,
                [clients],
            )
            cursor.execute(
                "SELECT min(id) FROM dossiers_client WHERE rijksregisternummer LIKE '8%%'"
            )
            (first_client,) = cursor.fetchone()
            # Dossier n lives in voorziening n / per_voorziening; within a voorziening every
            # client differs, so 'one open dossier per client' holds. A fifth is closed.
            cursor.execute(
                """
                INSERT INTO dossiers_dossier (versie, voorziening_id, client_id, code, status,
                    behandelaar_id, aangemaakt_op, gewijzigd_op, afgesloten_op, br_status,
                    laatste_beslissing_begindatum, laatste_schakeling_begindatum,
                    laatste_schakeling_einddatum)
                SELECT 1, %(vz)s + n / %(per)s,
                    %(client)s + (n %% %(per)s) + (n / %(per)s %% 4) * %(per)s,
                    'BENCH_' || n,
                    CASE WHEN n %% 5 = 4 AND n >= %(per)s THEN 'afgesloten' ELSE 'open' END,
                    %(user)s, now(), now() - (n %% 1000) * interval '1 hour',
                    CASE WHEN n %% 5 = 4 AND n >= %(per)s THEN DATE '2026-06-01' END,
                    CASE WHEN n %% 3 = 0 THEN 'volledig' ELSE 'onvolledig' END,
                    CASE WHEN n %% 7 = 0 THEN NULL ELSE DATE '2024-01-01' + (n %% 700) END,
                    DATE '2024-02-01' + (n %% 600), NULL
                FROM generate_series(0, %(total)s - 1) AS n
                """,
                {
                    "vz": first_vz,
                    "per": per_voorziening,
                    "client": first_client,
                    "user": gebruiker.pk,
                    "total": total,
                },
            )
            cursor.execute("ANALYZE dossiers_dossier; ANALYZE dossiers_client;")
        self.stdout.write(
            f"{total:,} dossiers in {len(voorzieningen)} voorzieningen, {per_voorziening:,} "
            f"open in de gemeten voorziening; opgebouwd in {time.perf_counter() - started:.1f} s."
        )

        client = Client()
        client.force_login(gebruiker)
        session = client.session
        session[SESSION_KEY] = target.pk
        session.save()
        for label, params in VARIANTS.items():
            client.get("/", params, HTTP_HOST="127.0.0.1")  # warm up
            timings = []
            for _ in range(repeats):
                begin = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get("/", params, HTTP_HOST="127.0.0.1")
                timings.append((time.perf_counter() - begin) * 1000)
                assert response.status_code == 200, response.status_code
            self.stdout.write(
                f"{label:45s} mediaan {statistics.median(timings):6.1f} ms "
                f"(max {max(timings):6.1f} ms, {len(queries)} queries)"
            )
