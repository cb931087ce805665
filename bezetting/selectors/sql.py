"""The SQL the bezetting selectors run, kept apart from the Python that reads it."""

# One walk over the voorzieningen's schakelingen in one or more periods (the preview asks a day
# and a quarter): the dossier-days per period and typemodule, and beside them the modules used
# as verzekerd aanbod, which the engine needs one by one. Each dossier's intervals, in order of
# begin date, count only their days after the latest end so far, clipped to the period (the
# union's length: a shared boundary day once). One sort, one window, one aggregate, no
# materialised intermediate: PostgreSQL runs the joins and the sort in parallel. Rows:
# (period, voorziening, typemodule, dossier-days, [[schakeling, dossier, soort, begin, end,
# module]…]); %(van)s and %(tot)s span all the periods.
DOSSIERDAGEN_SQL = """
SELECT p.i, v, t,
    sum(greatest(0, least(e, p.tot) - greatest(b, p.van, least(vorig, p.tot) + 1) + 1)),
    json_agg(json_build_array(sch, dos, soort, b, einddatum, code))
        FILTER (WHERE verzekerd AND b <= p.tot AND e >= p.van)
FROM (
    SELECT d.voorziening_id AS v, m.typemodule_id AS t, s.dossier_id AS dos, s.id AS sch,
        s.soort, s.begindatum AS b, s.einddatum, m.code, sm.verzekerd_aanbod AS verzekerd,
        coalesce(s.einddatum, 'infinity') AS e,
        -- Before a dossier's first interval, nothing is counted yet.
        coalesce(max(coalesce(s.einddatum, 'infinity')) OVER (
            PARTITION BY s.dossier_id, m.typemodule_id ORDER BY s.begindatum, s.einddatum
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), '-infinity') AS vorig
    FROM dossiers_dossier d
    JOIN dossiers_schakeling s ON s.dossier_id = d.id
    JOIN dossiers_schakelingmodule sm ON sm.schakeling_id = s.id
    JOIN binc_module m ON m.id = sm.module_id
    WHERE d.voorziening_id = ANY(%(ids)s)
      -- Only dossiers that can have care in the period, read from the covering index: the
      -- first schakeling's begin is kept on the dossier in the transaction that changes it,
      -- and a closed dossier's schakelingen all end by its closing date (dossiers.rules).
      AND d.eerste_schakeling_begindatum <= %(tot)s
      AND (d.afgesloten_op IS NULL OR d.afgesloten_op >= %(van)s)
      AND s.begindatum <= %(tot)s AND coalesce(s.einddatum, %(tot)s) >= %(van)s
      AND (%(codes)s::text[] IS NULL OR m.typemodule_id IN (
          SELECT id FROM binc_typemodule WHERE code = ANY(%(codes)s)
          -- 000 §14.2: the modules counted 'in overtal' on one of them.
          UNION SELECT c.typemodule_id FROM kwartaal_capaciteit c
          JOIN binc_typemodule o ON o.id = c.overtal_op_id
          WHERE c.voorziening_id = ANY(%(ids)s) AND o.code = ANY(%(codes)s)))
) x
CROSS JOIN unnest(%(vans)s::date[], %(tots)s::date[]) WITH ORDINALITY AS p(van, tot, i)
GROUP BY p.i, v, t
"""
