"""Every figure's breakdown adds up to it exactly: over random schedules, capacities and
kwartaal figures, Σ lines = teller and = noemer (the same Fractions) for every formula of 000 §13
and §14, the weighted average's parts included; and hand-worked breakdowns per formula."""

import datetime
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from bezetting.engine.benutting import benutting
from bezetting.engine.bezetting import BEGELEIDINGSPUNTEN, bezetting, bezetting_ob
from bezetting.engine.model import Benutting, Capaciteit, Gegevens, Module, Schakeling
from bezetting.engine.model import Typemodule as T
from bezetting.engine.per_dag import dagreeks
from bezetting.engine.uitsplitsing import (
    benutting_uitsplitsing,
    gewogen_uitsplitsing,
    uitsplitsing,
)

D = datetime.date

TYPEMODULES = {
    "OVBJ": {
        "alg": T("alg", "contextbegeleiding", "algemeen", Decimal(2)),
        "crisis": T("crisis", "crisishulp", "algemeen"),
        "vb1": T("vb1", "verblijf", "verblijf", in_verblijfscapaciteit=True),
        "vb2": T("vb2", "verblijf", "verblijf", in_verblijfscapaciteit=True),
        "vv": T("vv", "verblijf", "verblijf"),
        "dag": T("dag", "dagbegeleiding", "algemeen", Decimal("1.5")),
        "ob": T("ob", "ondersteunende_begeleiding", "ob"),
    },
    "CAH": {
        "cb": T("cb", "crisishulp", "cah_begeleiding"),
        "ci": T("ci", "crisishulp", "cah_interventie"),
    },
    "CKG": {
        "pt1": T("pt1", "begeleiding", "ckg_punten", ckg_punten=6),
        "pt2": T("pt2", "dagopvang", "ckg_punten", ckg_punten=9),
        "vb1": T("vb1", "verblijf", "verblijf", in_verblijfscapaciteit=True),
    },
}

dagen = st.integers(min_value=0, max_value=700).map(lambda n: D(2023, 6, 1) + datetime.timedelta(n))
getal = st.integers(min_value=0, max_value=6).map(Decimal)


@st.composite
def gegevens(draw, organisatietype):
    typemodules = TYPEMODULES[organisatietype]
    codes = sorted(typemodules)
    # One row per typemodule and date, as the capacity table's unique constraint holds it.
    capaciteit = [
        Capaciteit(
            code,
            van,
            draw(getal),
            draw(getal),
            draw(getal),
            overtal_op="alg" if code == "crisis" else None,
        )
        for code in codes
        for van in draw(st.lists(dagen, max_size=2, unique=True))
    ]
    schakelingen = []
    for i in range(draw(st.integers(0, 14))):
        begin = draw(dagen)
        lengte = draw(st.one_of(st.none(), st.integers(0, 200)))
        gekozen = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True))
        schakelingen.append(
            Schakeling(
                str(i),
                f"D{draw(st.integers(1, 5))}",
                begin,
                None if lengte is None else begin + datetime.timedelta(lengte),
                tuple(Module(f"M-{c}", c, draw(st.booleans())) for c in gekozen),
            )
        )
    kwartaal = [
        Benutting(jaar, nummer, code, draw(getal) * 7)
        for jaar in (2024, 2025)
        for nummer in (1, 2, 3, 4)
        for code in codes
        if draw(st.booleans())
    ]
    return Gegevens(organisatietype, typemodules, capaciteit, schakelingen, kwartaal)


def _even(u, ratio):
    assert (u.teller, u.noemer) == (ratio.teller, ratio.noemer)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(TYPEMODULES)).flatmap(
        lambda o: st.tuples(gegevens(o), st.integers(0, 364), st.integers(0, 364))
    )
)
def test_every_bezetting_breakdown_adds_up_to_its_figure(voorbeeld):
    g, start, lengte = voorbeeld
    van = D(2024, 1, 1) if g.organisatietype == "CKG" else D(2024, 1, 1) + datetime.timedelta(start)
    tot = min(van + datetime.timedelta(lengte), D(van.year + 1, 1, 1) - datetime.timedelta(1))
    codes = sorted(g.typemodules)
    resultaat = bezetting(g, van, tot, codes)
    for code, ratio in resultaat.typemodules.items():
        if ratio.melding:
            continue
        u = uitsplitsing(g, van, tot, code)
        if u.melding:
            continue
        _even(u, ratio)
        if g.typemodules.get(code) and g.typemodules[code].bezetting in ("algemeen", "verblijf"):
            reeks = dagreeks(g, van, tot, code)
            assert sum(t for _, t, _ in reeks) == ratio.teller
            assert sum(n for _, _, n in reeks) == ratio.noemer
        assert u.uit_schakelingen == resultaat.uit_schakelingen.get(code, u.uit_schakelingen)
    delen = gewogen_uitsplitsing(resultaat, {})
    assert sum(r.waarde for r in delen) == resultaat.gewogen.teller
    assert sum(r.aantal for r in delen) == resultaat.gewogen.noemer


@settings(max_examples=40, deadline=None)
@given(gegevens("OVBJ"), st.integers(1, 4), st.integers(0, 3))
def test_every_benutting_and_ob_breakdown_adds_up_to_its_figure(g, eerste, extra):
    kwartalen = [(2024, n) for n in range(eerste, min(4, eerste + extra) + 1)]
    codes = sorted(g.typemodules)
    resultaat = benutting(g, kwartalen, codes)
    for code, ratio in resultaat.typemodules.items():
        if not ratio.melding:
            _even(benutting_uitsplitsing(g, kwartalen, [code]), ratio)
    for functie, ratio in resultaat.functies.items():
        _even(benutting_uitsplitsing(g, kwartalen, codes, functie), ratio)
    ob = bezetting_ob(g, kwartalen[0], kwartalen[-1], ["ob"]).typemodules["ob"]
    _even(benutting_uitsplitsing(g, kwartalen, ["ob"]), ob)


def _ovbj(schakelingen, capaciteit):
    return Gegevens("OVBJ", TYPEMODULES["OVBJ"], capaciteit, schakelingen)


def test_a_general_breakdown_by_hand():
    """2 places; D1 3-7 Jan and 7-9 Jan (7 Jan shared, once: 7 days); D2 9-20 Jan, clipped to
    10 days; 1 innovatief place; 1 reserved verzekerd place, used by D2 on 9-10 Jan."""
    g = _ovbj(
        [
            Schakeling("1", "D1", D(2024, 1, 3), D(2024, 1, 7), (Module("A", "alg"),)),
            Schakeling("2", "D1", D(2024, 1, 7), D(2024, 1, 9), (Module("A", "alg"),)),
            Schakeling("3", "D2", D(2024, 1, 9), D(2024, 1, 20), (Module("A", "alg", True),)),
        ],
        [Capaciteit("alg", D(2020, 1, 1), Decimal(2), Decimal(1), Decimal(1))],
    )
    u = uitsplitsing(g, D(2024, 1, 1), D(2024, 1, 10), "alg")
    d1, d2 = u.dossiers
    assert (d1.dossier, d1.dagen, d1.dubbel) == ("D1", 7, 1)
    assert d1.perioden == ((D(2024, 1, 3), D(2024, 1, 7)), (D(2024, 1, 7), D(2024, 1, 9)))
    assert (d2.dagen, d2.perioden, d2.verzekerd) == (2, ((D(2024, 1, 9), D(2024, 1, 10)),), True)
    assert [(r.omschrijving, r.waarde) for r in u.teller_regels] == [
        ("Innovatief project", 10),
        ("Verzekerd aanbod (gereserveerd)", 10),
        ("Ingezet als verzekerd aanbod", -2),
    ]
    assert [(r.aantal, r.dagen, r.waarde) for r in u.noemer_regels] == [(2, 10, 20)]
    assert (u.teller, u.noemer) == (27, 20)


def test_a_verblijf_breakdown_shows_the_shared_capacity_and_veilig_verblijf_its_own():
    g = _ovbj(
        [
            Schakeling("1", "D1", D(2024, 2, 1), D(2024, 2, 10), (Module("V", "vb1"),)),
            Schakeling("2", "D2", D(2024, 2, 5), None, (Module("W", "vv"),)),
        ],
        [
            Capaciteit("vb1", D(2020, 1, 1), Decimal(3)),
            Capaciteit("vb2", D(2020, 1, 1), Decimal(1)),
            Capaciteit("vb2", D(2024, 2, 15), Decimal(2)),
            Capaciteit("vv", D(2020, 1, 1), Decimal(1)),
        ],
    )
    van, tot = D(2024, 2, 1), D(2024, 2, 29)
    u = uitsplitsing(g, van, tot, "vb1")
    assert u.eenheid == "nachten"
    assert [(r.omschrijving, r.aantal, r.dagen) for r in u.noemer_regels] == [
        ("vb1", 3, 29),
        ("vb2", 1, 14),
        ("vb2", 2, 15),
    ]
    assert (u.teller, u.noemer) == (10, 3 * 29 + 14 + 30)
    veilig = uitsplitsing(g, van, tot, "vv")
    assert (veilig.teller, veilig.noemer) == (25, 29)
    resultaat = bezetting(g, van, tot, ["vb1", "vb2", "vv"])
    delen = {r.typemodule: (r.waarde, r.aantal) for r in gewogen_uitsplitsing(resultaat, {})}
    # The shared capacity once, each verblijf typemodule's nights, veilig verblijf its own.
    assert delen == {"verblijfscapaciteit": (0, 131), "vb1": (10, 0), "vb2": (0, 0), "vv": (25, 29)}


def test_a_cah_breakdown_lists_each_schakeling_with_its_inzet():
    g = Gegevens(
        "CAH",
        TYPEMODULES["CAH"],
        [Capaciteit("cb", D(2020, 1, 1), Decimal(2))],
        [
            Schakeling("1", "D1", D(2024, 1, 2), D(2024, 1, 2), (Module("C", "cb"),)),
            Schakeling("2", "D2", D(2024, 1, 2), D(2024, 1, 12), (Module("C", "cb"),)),
        ],
    )
    u = uitsplitsing(g, D(2024, 1, 1), D(2024, 1, 28), "cb")
    # One day: 2; 11 days: (10 * 2 / 7 = 2.86) up to the next even number, 4.
    assert [(r.dossier, r.dagen, r.waarde) for r in u.dossiers] == [("D1", 1, 2), ("D2", 11, 4)]
    assert u.noemer == 2 * 28 * Fraction(8, 28)


def test_a_ckg_breakdown_gives_points_per_dossier_and_started_month():
    g = Gegevens(
        "CKG",
        TYPEMODULES["CKG"],
        [Capaciteit("pt1", D(2020, 1, 1), Decimal(100))],
        [
            Schakeling("1", "D1", D(2024, 1, 1), D(2024, 1, 10), (Module("P", "pt1"),)),
            Schakeling("2", "D1", D(2024, 2, 1), D(2024, 2, 19), (Module("P", "pt1"),)),
            Schakeling("3", "D2", D(2024, 3, 1), D(2024, 3, 31), (Module("Q", "pt2"),)),
        ],
    )
    u = uitsplitsing(g, D(2024, 1, 1), D(2024, 12, 31), BEGELEIDINGSPUNTEN)
    # 10 + 19 days = 1 started month * 6 points; 31 days = 2 started months * 9 points.
    assert [(r.dossier, r.typemodule, r.dagen, r.maanden, r.waarde) for r in u.dossiers] == [
        ("D1", "pt1", 29, 1, 6),
        ("D2", "pt2", 31, 2, 18),
    ]
    assert (u.teller, u.noemer) == (24, 100)


def test_an_ob_and_a_benutting_breakdown_by_hand():
    g = Gegevens(
        "OVBJ",
        TYPEMODULES["OVBJ"],
        [
            Capaciteit("ob", D(2020, 1, 1), Decimal(2), Decimal(1)),
            Capaciteit("alg", D(2020, 1, 1), Decimal(4), Decimal(1)),
        ],
        kwartaal=[Benutting(2024, 1, "ob", Decimal(12)), Benutting(2024, 1, "alg", Decimal(39))],
    )
    ob = benutting_uitsplitsing(g, [(2024, 1)], ["ob"])
    # 12 dagdelen + 1 innovatief place * 30 over 2 places * 30.
    assert [r.waarde for r in ob.teller_regels] == [12, 30]
    assert ob.noemer == 60
    alg = benutting_uitsplitsing(g, [(2024, 1)], ["alg"])
    # 39 hours over (4 - 1) inzetbare places * 2 hours a week * 13 weeks.
    regel = alg.noemer_regels[0]
    assert (regel.aantal, regel.dagen, regel.factor, alg.teller, alg.noemer) == (3, 13, 2, 39, 78)
