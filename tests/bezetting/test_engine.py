"""The occupancy engine against worked cases (the manual's and our own) and by formula."""

import datetime
import random
from pathlib import Path

import pytest
from django.core.management import call_command

from bezetting.engine.benutting import werkdagen
from bezetting.engine.bezetting import cah_inzet
from bezetting.engine.dagen import per_dag, samenvoegen
from bezetting.engine.model import Module, Schakeling

D = datetime.date
CASES = Path(__file__).parent / "cases"
GEDEELD = Path(__file__).resolve().parents[3] / "shared" / "engine-cases"


@pytest.mark.django_db
def test_every_worked_case_passes(capsys):
    bestanden = sorted(str(p) for p in CASES.glob("*.json"))
    bestanden += sorted(str(p) for p in GEDEELD.glob("*.json")) if GEDEELD.is_dir() else []
    call_command("engine_cases", *bestanden)
    assert " 0 failed" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_failing_case_is_reported_and_fails_the_command(tmp_path, capsys):
    fout = tmp_path / "fout.json"
    fout.write_text(
        '{"cases": [{"id": "x", "voorziening": {"organisatietype": "OVBJ"}, '
        '"query": {"kwartaal_afronding": {"afronding": "half", "waarde": "1.25"}}, '
        '"expected": {"geldig": true}}]}'
    )
    with pytest.raises(Exception, match="1 gevallen mislukt"):
        call_command("engine_cases", str(fout))
    assert "FAIL x" in capsys.readouterr().out


@pytest.mark.parametrize("seed", range(20))
def test_the_sweep_counts_the_same_days_as_a_naive_count(seed):
    """Property: per day, the sweep over merged intervals equals counting dossiers one by one."""
    rng = random.Random(seed)
    van, tot = D(2024, 1, 1), D(2024, 3, 31)
    per_dossier: dict[int, list] = {}
    for _ in range(40):
        begin = van + datetime.timedelta(days=rng.randint(-20, 90))
        einde = begin + datetime.timedelta(days=rng.randint(0, 40))
        per_dossier.setdefault(rng.randint(1, 8), []).append((begin, einde))
    sweep = per_dag(
        (
            (max(b, van), min(e, tot))
            for reeks in per_dossier.values()
            for b, e in samenvoegen(reeks)
            if max(b, van) <= min(e, tot)
        ),
        van,
        tot,
    )
    for index in range((tot - van).days + 1):
        dag = van + datetime.timedelta(days=index)
        naief = sum(any(b <= dag <= e for b, e in reeks) for reeks in per_dossier.values())
        assert sweep[index] == naief


@pytest.mark.parametrize(("dagen", "inzet"), [(1, 2), (2, 2), (5, 2), (8, 2), (9, 4), (10, 4)])
def test_cah_inzet_rounds_up_to_the_next_even_number_and_an_even_result_stays(dagen, inzet):
    """000 §14.2: (days - 1) * 2 / 7 rounded up to even; 8 days give exactly 2, which stays."""
    begin = D(2024, 3, 1)
    s = Schakeling("S", "D", begin, begin + datetime.timedelta(days=dagen - 1), (Module("M", "T"),))
    assert cah_inzet(s, D(2024, 12, 31)) == inzet


def test_working_days_leave_out_weekends_and_belgian_holidays():
    # Q2 2024: 65 weekdays minus Paasmaandag 1/4, 1 mei, Hemelvaart 9/5, Pinkstermaandag 20/5.
    assert werkdagen(D(2024, 4, 1), D(2024, 6, 30)) == 61
