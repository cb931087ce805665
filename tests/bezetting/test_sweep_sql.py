"""The SQL sweep that feeds the screens, the overview and the preview, against the engine's own
day count on random care: consecutive schakelingen sharing a boundary day or leaving a gap,
one-day schakelingen with a follow-up on the same day, open ends, two modules of one
typemodule, closed dossiers, and any periods asked together, also for a few typemodules
only."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bezetting.engine.dagen import dossierdagen
from bezetting.selectors import (
    gegevens_overzicht,
    gegevens_per_periode,
    gegevens_per_voorziening,
)
from binc.tenancy import all_voorzieningen
from dossiers.constants import DossierStatus
from dossiers.models import Dossier
from tests.binc.factories import VoorzieningFactory
from tests.dossiers.factories import ClientFactory, DossierFactory, SchakelingFactory
from tests.dossiers.zorg_helpers import D, m

# Two pairs of modules that share a typemodule, so one schakeling can hold a typemodule twice.
MODULES = ("VBFBJB04", "VBFBJB05", "DAGBJB01", "DAGBJB02")
BEGIN = D(2025, 11, 1)


@st.composite
def zorg(draw):
    """One dossier's schakelingen, in order: (begin, end or None, module codes), and the day
    after its last end that it was closed on, if it was."""
    schakelingen, dag, vorige_een_dag = (
        [],
        BEGIN + datetime.timedelta(draw(st.integers(0, 40))),
        False,
    )
    for nummer in range(draw(st.integers(1, 4))):
        if nummer:
            # 0: the follow-up starts on the previous schakeling's last day.
            dag += datetime.timedelta(draw(st.sampled_from([0, 0, 1, 5])))
        lengte = draw(st.integers(1 if vorige_een_dag and dag == schakelingen[-1][1] else 0, 50))
        codes = draw(st.lists(st.sampled_from(MODULES), min_size=1, max_size=3, unique=True))
        schakelingen.append((dag, dag + datetime.timedelta(lengte), codes))
        vorige_een_dag = lengte == 0
        dag += datetime.timedelta(lengte)
    if draw(st.booleans()):
        begin, _, codes = schakelingen[-1]
        schakelingen[-1] = (begin, None, codes)
        return schakelingen, None
    return schakelingen, draw(st.one_of(st.none(), st.integers(1, 10)))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    dossiers=st.lists(zorg(), min_size=1, max_size=4),
    perioden=st.lists(st.tuples(st.integers(0, 120), st.integers(0, 90)), min_size=1, max_size=3),
)
def test_the_sql_sweep_counts_the_days_the_engine_counts(db, dossiers, perioden):
    perioden = [
        (BEGIN + datetime.timedelta(van), BEGIN + datetime.timedelta(van + lengte))
        for van, lengte in perioden
    ]
    with all_voorzieningen():
        voorziening = VoorzieningFactory()
        for schakelingen, gesloten_na in dossiers:
            dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
            for begin, einde, codes in schakelingen:
                SchakelingFactory(
                    beslissing__dossier=dossier,
                    begindatum=begin,
                    einddatum=einde,
                    modules=[m(code) for code in codes],
                )
            if gesloten_na is not None:
                Dossier._base_manager.filter(pk=dossier.pk).update(
                    status=DossierStatus.AFGESLOTEN,
                    afgesloten_op=schakelingen[-1][1] + datetime.timedelta(gesloten_na - 1),
                )
        typemodules = sorted({m(code).typemodule.code for code in MODULES})
        samen = gegevens_per_periode([voorziening], perioden)
        for (van, tot), sql in zip(perioden, samen, strict=True):
            alles = gegevens_per_voorziening([voorziening], van, tot)[voorziening.pk]
            verwacht = {
                code: n
                for code in typemodules
                if (n := dossierdagen(alles.schakelingen, _met(code), van, tot))
            }
            assert sql[voorziening.pk].dossierdagen == verwacht
            assert (
                gegevens_overzicht([voorziening], van, tot)[voorziening.pk] == sql[voorziening.pk]
            )
            for code in typemodules:
                een = gegevens_overzicht([voorziening], van, tot, typemodules=[code])
                assert een[voorziening.pk].dossierdagen == {
                    c: n for c, n in verwacht.items() if c == code
                }


def _met(code: str):
    return lambda module: module.typemodule == code


def test_a_dossier_closed_on_its_last_day_counts_that_day(db):
    with all_voorzieningen():
        voorziening = VoorzieningFactory()
        dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
        SchakelingFactory(
            beslissing__dossier=dossier,
            begindatum=D(2026, 1, 5),
            einddatum=D(2026, 1, 9),
            modules=[m("VBFBJB04")],
        )
        Dossier._base_manager.filter(pk=dossier.pk).update(
            status=DossierStatus.AFGESLOTEN, afgesloten_op=D(2026, 1, 9)
        )
        for van, dagen in ((D(2026, 1, 9), {"verblijf-minderjarigen": 1}), (D(2026, 1, 10), {})):
            sql = gegevens_overzicht([voorziening], van, D(2026, 1, 31))[voorziening.pk]
            assert sql.dossierdagen == dagen
