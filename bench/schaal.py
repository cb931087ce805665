"""A Flanders-sized dataset, built server-side with INSERT … SELECT over generate_series (no row
travels through Python): voorzieningen of every organisatietype across the five provinces with
capacities, dossiers with three consecutive schakelingen each over ten years, realistic module
mixes, verzekerd aanbod and shared boundary days. It lives in a database of its own beside the
working one (`<naam>_schaal`), committed and vacuumed as production data would be, so the
benchmarks measure the plans PostgreSQL really chooses (index-only scans need a vacuumed
table) and the second run need not build it again."""

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypedDict

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count

from binc.constants import Organisatietype, Provincie
from binc.models import Gebruiker, Module, Voorziening
from binc.tenancy import all_voorzieningen

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    class _Aantal(TypedDict):
        n: int

    # A voorziening with `n`, its number of dossiers.
    Gemeten = WithAnnotations[Voorziening, _Aantal]

# A module mix per voorziening: verblijf, context, dagbegeleiding and autonoom wonen.
MODULES = ["VBFBJB04", "VBFBJB05", "BEGBJB02", "BEGBJB05", "DAGBJB01"]
TYPES = [t for t in Organisatietype.values if t != Organisatietype.PLEEGZORG]


def _bouwen(*, voorzieningen: int, dossiers: int) -> list[Voorziening]:
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
                -- Spread over the years by a hash: dossiers are dealt to the voorzieningen in
                -- turn, so `n mod 3000` would give each voorziening 15 starting days.
                SELECT 1, DATE '2016-01-01' + (abs(hashint8(n)) % 3000)::int, 'vrijwillig',
                    'geen', now(), now(), id
                FROM schaal_dossier RETURNING id, dossier_id, begindatum
            ) SELECT * FROM b
            """
        )
        # Three consecutive schakelingen per dossier; the second starts on the first's last
        # day (a shared boundary day). The third is still running for a third of the dossiers
        # that began it in the last year, as many as a voorziening's places, not a third of ten
        # years of dossiers.
        c.execute(
            """
            CREATE TEMP TABLE schaal_schakeling AS
            WITH s AS (
                INSERT INTO dossiers_schakeling (versie, soort, begindatum, einddatum,
                    zwaartepunt_elders, aangemaakt_op, gewijzigd_op, beslissing_id, dossier_id)
                SELECT 1, CASE k WHEN 0 THEN 'start' ELSE 'schakeling' END,
                    b.begindatum + k * 120,
                    CASE WHEN k = 2 AND b.dossier_id % 3 = 0
                              AND b.begindatum + 240 >= DATE '2024-01-01' THEN NULL
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
            -- Hashed rather than a plain modulo: dossiers are dealt to the voorzieningen in
            -- turn, so `id mod n` would give each voorziening a single module pair, and some all
            -- verzekerd aanbod.
            SELECT (abs(hashint8(s.id)) %% 40 = 0), '{}', '',
                (%(modules)s::bigint[])[
                    1 + (abs(hashint8(s.dossier_id)) + j) %% array_length(%(modules)s, 1)
                ],
                s.id
            FROM schaal_schakeling s CROSS JOIN generate_series(0, 1) AS j
            WHERE j = 0 OR s.id %% 2 = 0
            """,
            {"modules": module_ids},
        )
        _registraties(c)
    return lijst


def _registraties(c) -> None:
    """What the reports count (000 §17): an aanmelding per dossier (7 in 10 via the
    toegangspoort), dossiers closed once their last schakeling ended before 2026, a
    beginregistratie opened for 4 in 5 dossiers and an eindregistratie for 9 in 10 closed
    ones, with answers spread over the answer lists."""
    c.execute(
        """
        UPDATE dossiers_dossier d
        SET status = 'afgesloten', afgesloten_op = x.einde, laatste_schakeling_einddatum = x.einde
        FROM (
            SELECT s.dossier_id, max(s.einddatum) AS einde
            FROM schaal_schakeling t JOIN dossiers_schakeling s ON s.id = t.id
            GROUP BY s.dossier_id HAVING bool_and(s.einddatum IS NOT NULL)
        ) x
        WHERE d.id = x.dossier_id AND x.einde < DATE '2026-01-01'
        """
    )
    # The start page's and the reports' summary columns, as dossier_summary_refresh keeps them.
    c.execute(
        """
        UPDATE dossiers_dossier d
        -- No lopend dossier here, so the start (000 §17.2) is the first schakeling's.
        SET eerste_schakeling_begindatum = x.begin, startdatum = x.begin,
            laatste_schakeling_begindatum = x.laatste
        FROM (
            SELECT s.dossier_id, min(s.begindatum) AS begin, max(s.begindatum) AS laatste
            FROM schaal_schakeling t JOIN dossiers_schakeling s ON s.id = t.id
            GROUP BY s.dossier_id
        ) x
        WHERE d.id = x.dossier_id
        """
    )
    c.execute(
        """
        INSERT INTO dossiers_aanmelding (versie, uw_referentie, lopend_dossier,
            via_toegangspoort, aanmelder, aanmelder_andere, uitstroom_gi, specifieke_aanmelding,
            gerechtelijk, soort_pleegzorg, pleegzorgdoelgroep, provincie, wachtlijst_functies,
            gewijzigd_op, dossier_id)
        SELECT 1, 'leefgroep ' || (h %% 7), false, h %% 10 < 7,
            CASE WHEN h %% 10 < 7 THEN ''
                 ELSE (ARRAY['client', 'clb', 'caw', 'jeugdrechtbank'])[1 + h %% 4] END,
            '', h %% 50 = 0, CASE WHEN h %% 20 = 0 THEN 'time_out' ELSE 'geen' END,
            false, '', '', '', '{}', now(), id
        FROM (SELECT id, abs(hashint8(id)) AS h FROM schaal_dossier) d
        """,
        {},  # with parameters, so %% reads as % as in every other statement here
    )
    c.execute(
        "SELECT lijst, array_agg(id ORDER BY volgorde, id) FROM registratie_antwoord GROUP BY lijst"
    )
    lijsten = dict(c.fetchall())
    c.execute(
        """
        INSERT INTO registratie_beginregistratie (versie, aangemaakt_op, gewijzigd_op,
            niet_begeleide_minderjarige, schoolachterstand, zwanger, pleeggezin, adoptiegezin,
            huisvesting, gezondheid, dagbesteding_id, gezinssituatie_id, opleidingsniveau_id,
            thuistaal_id, dossier_id)
        SELECT 1, now(), now(), CASE WHEN h %% 100 = 0 THEN 'nbmv' ELSE 'nee' END, h %% 4,
            false, h %% 30 = 0, h %% 90 = 0,
            CASE WHEN h %% 3 = 0 THEN 'negatief' ELSE 'positief' END,
            CASE WHEN h %% 4 = 0 THEN 'negatief' ELSE 'positief' END,
            (%(dagbesteding)s::bigint[])[1 + h %% cardinality(%(dagbesteding)s::bigint[])],
            (%(gezin)s::bigint[])[1 + (h / 7) %% cardinality(%(gezin)s::bigint[])],
            (%(niveau)s::bigint[])[1 + (h / 11) %% cardinality(%(niveau)s::bigint[])],
            (%(taal)s::bigint[])[1 + (h / 13) %% cardinality(%(taal)s::bigint[])],
            id
        FROM (SELECT id, abs(hashint8(id)) AS h FROM schaal_dossier) d
        WHERE h %% 5 <> 0
        """,
        {
            "dagbesteding": lijsten["dagbesteding"],
            "gezin": lijsten["gezinssituatie"],
            "niveau": lijsten["opleidingsniveau"],
            "taal": lijsten["thuistaal"],
        },
    )
    c.execute(
        """
        INSERT INTO registratie_eindregistratie (versie, aangemaakt_op, gewijzigd_op,
            doelstellingen_bereikt, uitval, gerealiseerd, reden_id, aangewezen_hulp_id,
            dossier_id)
        SELECT 1, now(), now(), (ARRAY['ja', 'gedeeltelijk', 'nee'])[1 + h %% 3], h %% 6 = 0,
            (ARRAY['ja', 'nee', 'gedeeltelijk'])[1 + h %% 3],
            (%(reden)s::bigint[])[1 + (h / 5) %% cardinality(%(reden)s::bigint[])],
            (%(hulp)s::bigint[])[1 + (h / 17) %% cardinality(%(hulp)s::bigint[])],
            id
        FROM (
            SELECT d.id, abs(hashint8(d.id)) AS h
            FROM schaal_dossier s JOIN dossiers_dossier d ON d.id = s.id
            WHERE d.status = 'afgesloten'
        ) d
        WHERE h %% 10 <> 0
        """,
        {"reden": lijsten["reden_einde"], "hulp": lijsten["aangewezen_hulp"]},
    )
    c.execute(
        """
        INSERT INTO registratie_geopend (soort, eerst_geopend_op, dossier_id)
        SELECT 'begin', now(), dossier_id FROM registratie_beginregistratie
        WHERE dossier_id IN (SELECT id FROM schaal_dossier)
        UNION ALL
        SELECT 'einde', now(), dossier_id FROM registratie_eindregistratie
        WHERE dossier_id IN (SELECT id FROM schaal_dossier)
        """
    )


@contextmanager
def eigen_databank() -> Iterator[str]:
    """Points the default connection at `<naam>_schaal` on the same server, created and migrated
    on first use, so the dataset never lands in the database you work in."""
    werk = connection.settings_dict["NAME"]
    naam = f"{werk}_schaal"
    with connection.cursor() as c:
        c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam])
        if c.fetchone() is None:
            c.execute(f'CREATE DATABASE "{naam}"')
    connection.close()
    connection.settings_dict["NAME"] = naam
    try:
        call_command("migrate", verbosity=0)
        yield naam
    finally:
        connection.close()
        connection.settings_dict["NAME"] = werk


def aanwezig() -> "list[Gemeten]":
    """The voorzieningen of a dataset built earlier, largest first."""
    return list(
        Voorziening.objects.filter(erkenningsnummer__startswith="SCHAAL-")
        .annotate(n=Count("dossiers"))
        .order_by("-n", "pk")
    )


def opbouwen(*, voorzieningen: int, dossiers: int) -> "list[Gemeten]":
    """Builds and commits the dataset, then vacuums it as autovacuum would."""
    with transaction.atomic(), all_voorzieningen():
        _bouwen(voorzieningen=voorzieningen, dossiers=dossiers)
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE")
    with all_voorzieningen():
        return aanwezig()


def meten(functie: Callable[[], object], herhalingen: int) -> tuple[float, float]:
    """The median and the slowest of `herhalingen` runs, in ms, after one to warm up (the first
    run reads from disk what later requests find in memory)."""
    functie()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden), max(tijden)


def aanwezig_of_opbouwen(*, voorzieningen: int, dossiers: int, stdout=None) -> "list[Gemeten]":
    """The dataset in the current database, built first if it is not there (saying how long
    that took, when there is somewhere to say it)."""
    lijst = aanwezig()
    if not lijst:
        begin = time.perf_counter()
        lijst = opbouwen(voorzieningen=voorzieningen, dossiers=dossiers)
        if stdout is not None:
            stdout.write(f"Opgebouwd in {time.perf_counter() - begin:.0f} s.")
    return lijst
