"""A Flanders-sized dataset, built server-side with INSERT … SELECT over generate_series (no row
travels through Python): voorzieningen of every organisatietype across the five provinces with
capacities, dossiers with three consecutive schakelingen each over ten years, realistic module
mixes, verzekerd aanbod and shared boundary days. `seed_scale` keeps it (in a database of its
own), `bench_bezetting` builds it in a transaction it rolls back."""

from django.db import connection

from binc.constants import Organisatietype, Provincie
from binc.models import Gebruiker, Module, Voorziening

# A module mix per voorziening: verblijf, context, dagbegeleiding and autonoom wonen.
MODULES = ["VBFBJB04", "VBFBJB05", "BEGBJB02", "BEGBJB05", "DAGBJB01"]
TYPES = [t for t in Organisatietype.values if t != Organisatietype.PLEEGZORG]


def bouwen(*, voorzieningen: int, dossiers: int, stdout=None) -> list[Voorziening]:
    gebruiker, _ = Gebruiker.objects.get_or_create(username="schaal")
    lijst = Voorziening.objects.bulk_create(
        Voorziening(
            naam=f"Schaal {i:03d}",
            erkenningsnummer=f"SCHAAL-{i:03d}",
            organisatietype=TYPES[i % len(TYPES)] if i % 4 == 0 else Organisatietype.OVBJ_VERBLIJF,
            provincie=Provincie.values[i % len(Provincie.values)],
        )
        for i in range(voorzieningen)
    )
    modules = list(Module.objects.filter(code__in=MODULES).order_by("code"))
    eerste_vz, n_vz = lijst[0].pk, len(lijst)
    module_ids = [m.pk for m in modules]
    with connection.cursor() as c:
        c.execute(
            """
            INSERT INTO kwartaal_capaciteit (voorziening_id, typemodule_id, geldig_van,
                erkende_capaciteit, innovatief_project, verzekerd_aanbod,
                overtal_of_mogelijk_aanbod, toelichting, aangemaakt_op)
            SELECT v.id, t.id, d.van, 20 + (v.id %% 30) + d.plus, 1, 1, '', '', now()
            FROM binc_voorziening v
            CROSS JOIN (SELECT DISTINCT typemodule_id AS id FROM binc_module
                        WHERE id = ANY(%(modules)s)) t
            CROSS JOIN (VALUES (DATE '2015-01-01', 0), (DATE '2021-01-01', 5)) AS d(van, plus)
            WHERE v.id BETWEEN %(vz)s AND %(vz)s + %(n_vz)s - 1
            """,
            {"modules": module_ids, "vz": eerste_vz, "n_vz": n_vz},
        )
        c.execute(
            """
            CREATE TEMP TABLE schaal_client AS
            WITH c AS (
                INSERT INTO dossiers_client (versie, rijksregisternummer, ongeboren, naam,
                    voornaam, geslacht, geboortedatum, geboorteplaats, nationaliteit, straat,
                    huisnummer, postcode, gemeente, niet_begeleide_minderjarige,
                    land_van_origine, omgangstaal, aangemaakt_op, gewijzigd_op)
                SELECT 1, '6' || lpad(i::text, 10, '0'), false, 'Schaal' || i, 'Kind', 'V',
                    DATE '2005-01-01' + (i %% 6000), '', '', '', '', '', '', 'nee', 'België',
                    'nl', now(), now()
                FROM generate_series(1, %(n)s) AS i RETURNING id
            ) SELECT id, row_number() OVER (ORDER BY id) AS n FROM c
            """,
            {"n": dossiers},
        )
        c.execute(
            """
            CREATE TEMP TABLE schaal_dossier AS
            WITH d AS (
                INSERT INTO dossiers_dossier (versie, voorziening_id, client_id, code, status,
                    behandelaar_id, aangemaakt_op, gewijzigd_op, br_status)
                SELECT 1, %(vz)s + n %% %(n_vz)s, id, 'SCHAAL_' || n, 'open', %(user)s, now(),
                    now(), 'volledig'
                FROM schaal_client RETURNING id
            ) SELECT id, row_number() OVER (ORDER BY id) AS n FROM d
            """,
            {"vz": eerste_vz, "n_vz": n_vz, "user": gebruiker.pk},
        )
        c.execute(
            """
            CREATE TEMP TABLE schaal_beslissing AS
            WITH b AS (
                INSERT INTO dossiers_beslissing (versie, begindatum, verwijzingsgrond,
                    gemandateerde_voorziening, aangemaakt_op, gewijzigd_op, dossier_id)
                SELECT 1, DATE '2016-01-01' + (n % 3000)::int, 'vrijwillig', 'geen', now(),
                    now(), id
                FROM schaal_dossier RETURNING id, dossier_id, begindatum
            ) SELECT * FROM b
            """
        )
        # Three consecutive schakelingen per dossier; the second starts on the first's last
        # day (a shared boundary day), the third is still running for a third of the dossiers.
        c.execute(
            """
            CREATE TEMP TABLE schaal_schakeling AS
            WITH s AS (
                INSERT INTO dossiers_schakeling (versie, soort, begindatum, einddatum,
                    zwaartepunt_elders, aangemaakt_op, gewijzigd_op, beslissing_id, dossier_id)
                SELECT 1, CASE k WHEN 0 THEN 'start' ELSE 'schakeling' END,
                    b.begindatum + k * 120,
                    CASE WHEN k = 2 AND b.dossier_id % 3 = 0 THEN NULL
                         ELSE b.begindatum + k * 120 + 120 END,
                    false, now(), now(), b.id, b.dossier_id
                FROM schaal_beslissing b CROSS JOIN generate_series(0, 2) AS k
                RETURNING id, dossier_id
            ) SELECT * FROM s
            """
        )
        c.execute(
            """
            INSERT INTO dossiers_schakelingmodule (verzekerd_aanbod, behandeling_gericht_op,
                ob_vorm, module_id, schakeling_id)
            SELECT (s.id %% 40 = 0), '{}', '',
                (%(modules)s::bigint[])[1 + (s.dossier_id + j) %% array_length(%(modules)s, 1)],
                s.id
            FROM schaal_schakeling s CROSS JOIN generate_series(0, 1) AS j
            WHERE j = 0 OR s.id %% 2 = 0
            """,
            {"modules": module_ids},
        )
        c.execute("ANALYZE")
    return lijst
