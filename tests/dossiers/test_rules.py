"""The schakeling rules as pure functions: plain values in, a decision or a ValidationError out.
No database: modules are built in memory with their catalogue properties."""

import dataclasses
import datetime

import pytest
from django.core.exceptions import ValidationError

from binc.constants import Detailvraag, Functie, Organisatietype
from binc.models import Module, Typemodule
from dossiers import rules
from dossiers.rules import DossierFeiten, ModuleKeuze, SchakelingInvoer

D = datetime.date
OVBJ = DossierFeiten(organisatietype=Organisatietype.OVBJ_VERBLIJF, geboortedatum=D(2012, 3, 1))


def module(pk: int, code: str, typecode: str = "", **typemodule) -> Module:
    typemodule.setdefault("functie", Functie.CONTEXTBEGELEIDING)
    typemodule = Typemodule(code=typecode or f"type-{code.lower()}", **typemodule)
    return Module(pk=pk, code=code, typemodule=typemodule)


VERBLIJF = module(1, "VBFBJB04", functie=Functie.VERBLIJF, groeipakket_impact=True)
BEGELEIDING = module(2, "BEGBJB02")
PERSPECTIEF = module(
    3,
    "VBFINT05",
    typecode="pleeggezin-perspectiefbiedend",
    functie=Functie.VERBLIJF,
    groeipakket_impact=True,
    groeipakket_leeftijdsgrens=25,
    pleegzorgers_gevraagd=True,
    overgangsregeling_pleegzorgtoeslag=True,
)
OB = module(4, "OBBJB01", detailvraag=Detailvraag.OB_VORM)


def invoer(begin, einde=None, *modules, **extra) -> SchakelingInvoer:
    keuzes = [ModuleKeuze(m) for m in modules or (BEGELEIDING,)]
    return SchakelingInvoer(begindatum=begin, einddatum=einde, modules=keuzes, **extra)


def test_a_seamless_follow_up_starts_on_the_previous_end_date():
    rules.check_na_vorige(invoer(D(2026, 1, 5), D(2026, 3, 1)), invoer(D(2026, 3, 1)))
    with pytest.raises(ValidationError):
        rules.check_na_vorige(invoer(D(2026, 1, 5), D(2026, 3, 1)), invoer(D(2026, 2, 28)))


def test_a_one_day_schakeling_is_followed_seamlessly_on_its_day():
    een_dag = invoer(D(2026, 3, 1), D(2026, 3, 1))
    rules.check_na_vorige(een_dag, invoer(D(2026, 3, 1), D(2026, 4, 1)))
    rules.check_na_vorige(invoer(D(2026, 2, 1), D(2026, 3, 1)), een_dag)
    with pytest.raises(ValidationError):
        rules.check_na_vorige(een_dag, een_dag)


def test_nothing_follows_a_schakeling_without_end_date():
    with pytest.raises(ValidationError, match="nog niet ingevuld"):
        rules.check_na_vorige(invoer(D(2026, 1, 5)), invoer(D(2026, 3, 1)))


def test_nothing_moves_into_a_processed_year():
    voor = invoer(D(2025, 1, 10), D(2025, 6, 1))
    with pytest.raises(ValidationError) as error:
        rules.check_wijziging_verwerkt(voor, invoer(D(2024, 12, 20), D(2025, 6, 1)), {2024})
    assert "verwerkt jaar (2024)" in str(error.value)
    rules.check_wijziging_verwerkt(voor, invoer(D(2025, 1, 2), D(2025, 6, 1)), {2024})


def test_a_schakeling_starting_in_a_processed_year_may_only_end_later():
    voor = invoer(D(2024, 6, 1), None)
    rules.check_wijziging_verwerkt(voor, invoer(D(2024, 6, 1), D(2025, 2, 1)), {2024})
    with pytest.raises(ValidationError, match="na het laatste verwerkte jaar"):
        rules.check_wijziging_verwerkt(voor, invoer(D(2024, 6, 1), D(2024, 12, 31)), {2024})
    with pytest.raises(ValidationError):
        rules.check_wijziging_verwerkt(voor, invoer(D(2024, 6, 1), None, VERBLIJF), {2024})


def test_the_catalogue_decides_which_detail_is_asked():
    with pytest.raises(ValidationError) as error:
        rules.check_invoer(OVBJ, invoer(D(2026, 1, 5), None, OB), approved={OB.pk})
    assert "ob_vorm" in error.value.message_dict
    rules.check_invoer(
        OVBJ,
        SchakelingInvoer(D(2026, 1, 5), None, [ModuleKeuze(OB, ob_vorm="ontheming")]),
        approved={OB.pk},
    )


def test_pleegzorgers_are_required_under_25_in_schakelingen_created_from_26_05_2020():
    """000 §4.2.7 "aangemaakt vanaf 26/05/2020": the creation date governs, not the begin date;
    the D227 for pleegzorg follows the same date."""
    onder_25 = DossierFeiten(organisatietype=Organisatietype.PLEEGZORG, geboortedatum=D(2010, 1, 1))
    nieuw_met_oude_begindatum = invoer(D(2019, 3, 1), None, PERSPECTIEF)
    assert rules.pleegzorgers_verplicht(onder_25, nieuw_met_oude_begindatum)
    assert rules.groeipakket_wijziging(onder_25, nieuw_met_oude_begindatum, voor=None, zelfde=False)
    oud = invoer(D(2020, 6, 1), None, PERSPECTIEF, aangemaakt_op=D(2020, 5, 25))
    assert not rules.pleegzorgers_verplicht(onder_25, oud)
    assert not rules.groeipakket_wijziging(onder_25, oud, voor=None, zelfde=False)
    vanaf = invoer(D(2020, 6, 1), None, PERSPECTIEF, aangemaakt_op=D(2020, 5, 26))
    assert rules.pleegzorgers_verplicht(onder_25, vanaf)
    ouder = DossierFeiten(organisatietype=Organisatietype.PLEEGZORG, geboortedatum=D(1990, 1, 1))
    assert not rules.pleegzorgers_verplicht(ouder, invoer(D(2026, 1, 5), None, PERSPECTIEF))


def test_a_verlenging_sends_its_d227_by_its_start_date_not_its_creation_date():
    """000 §4.2.7: "Wanneer de startdatum van een verlenging na releasedatum valt, zorgt dit ook
    automatisch voor het versturen van een D227"."""
    onder_25 = DossierFeiten(organisatietype=Organisatietype.PLEEGZORG, geboortedatum=D(2010, 1, 1))
    na = invoer(D(2020, 5, 26), None, PERSPECTIEF, verlenging=True, aangemaakt_op=D(2020, 5, 1))
    assert rules.groeipakket_wijziging(onder_25, na, voor=None, zelfde=False)
    assert rules.pleegzorgers_verplicht(onder_25, na)
    voor = invoer(D(2020, 5, 25), None, PERSPECTIEF, verlenging=True)  # created today
    assert not rules.groeipakket_wijziging(onder_25, voor, voor=None, zelfde=False)
    assert not rules.pleegzorgers_verplicht(onder_25, voor)


def test_zwaartepunt_elders_is_refused_when_the_client_is_in_pleegzorg_elsewhere():
    """000 §4.2.7: a residential voorziening never ticks it when pleegzorg is involved, also
    pleegzorg in another dossier; a pleegzorg service's tick means 'combinatie met verblijf'."""
    verblijf = invoer(D(2026, 1, 5), None, VERBLIJF, zwaartepunt_elders=True)
    rules.check_invoer(OVBJ, verblijf, approved={VERBLIJF.pk})
    with pytest.raises(ValidationError, match="in een pleeggezin") as error:
        rules.check_invoer(OVBJ, verblijf, approved={VERBLIJF.pk}, pleegzorg_elders=True)
    assert "zwaartepunt_elders" in error.value.message_dict
    assert rules.zwaartepunt_elders_vraagt_pleegzorg(OVBJ, verblijf)
    assert not rules.zwaartepunt_elders_vraagt_pleegzorg(PLEEGZORG, verblijf)
    assert not rules.zwaartepunt_elders_vraagt_pleegzorg(OVBJ, invoer(D(2026, 1, 5)))


def test_groeipakket_hears_when_an_impact_module_starts_not_for_time_out():
    nieuw = invoer(D(2026, 1, 5), None, VERBLIJF)
    assert rules.groeipakket_wijziging(OVBJ, nieuw, voor=None, zelfde=False)
    time_out = DossierFeiten(
        organisatietype=Organisatietype.OVBJ_VERBLIJF, specifieke_aanmelding="time_out"
    )
    assert not rules.groeipakket_wijziging(time_out, nieuw, voor=None, zelfde=False)
    assert not rules.groeipakket_wijziging(OVBJ, invoer(D(2026, 1, 5)), voor=None, zelfde=False)


# --- Groeipakket impact (000 §4.2, §4.2.7) ------------------------------------------------------

PLEEGZORG = DossierFeiten(organisatietype=Organisatietype.PLEEGZORG, geboortedatum=D(2012, 3, 1))
CBAW = module(
    5, "BEGBJB05", typecode="cbaw", groeipakket_impact=True, groeipakket_leeftijdsgrens=18
)


def test_a_schakeling_continuing_an_impact_module_is_reported():
    """000 §4.2.1: every schakeling with impact is reported, also when the previous one had the
    same module (after 'Afsluiten vorig hulpaanbod') and for a verlenging (§4.2.7)."""
    vorige = invoer(D(2026, 1, 5), D(2026, 3, 1), VERBLIJF)
    volgende = invoer(D(2026, 3, 1), None, VERBLIJF)
    assert rules.groeipakket_wijziging(OVBJ, volgende, voor=vorige, zelfde=False)
    verlenging = invoer(D(2026, 3, 1), None, VERBLIJF, verlenging=True)
    assert rules.groeipakket_wijziging(OVBJ, verlenging, voor=vorige, zelfde=False)
    assert not rules.groeipakket_wijziging(
        OVBJ, invoer(D(2026, 3, 1), None, BEGELEIDING), voor=vorige, zelfde=False
    )


def test_a_change_is_reported_when_what_the_funds_hear_changes():
    voor = invoer(D(2026, 1, 5), None, VERBLIJF)
    assert rules.groeipakket_wijziging(
        OVBJ, invoer(D(2026, 1, 5), D(2026, 3, 1), VERBLIJF), voor=voor, zelfde=True
    )
    assert not rules.groeipakket_wijziging(
        OVBJ, invoer(D(2026, 1, 5), None, VERBLIJF, BEGELEIDING), voor=voor, zelfde=True
    )


def test_uitbetaling_aan_ouders_ja_sends_nothing():
    """000 §4.2.7: 'Wanneer ja wordt geselecteerd ... zal geen bericht worden gestuurd'."""
    ja = invoer(D(2026, 1, 5), None, PERSPECTIEF, uitbetaling_aan_ouders=True)
    nee = invoer(D(2026, 1, 5), None, PERSPECTIEF, uitbetaling_aan_ouders=False)
    assert not rules.impact(PLEEGZORG, ja)
    assert rules.impact(PLEEGZORG, nee) == {PERSPECTIEF.pk}


@pytest.mark.parametrize(
    ("geboren", "meldt"),
    [(D(2008, 1, 6), True), (D(2008, 1, 5), False)],  # 18 the day after / on the begin date
)
def test_the_age_condition_holds_on_the_begin_date(geboren, meldt):
    feiten = DossierFeiten(organisatietype=Organisatietype.OVBJ, geboortedatum=geboren)
    assert bool(rules.impact(feiten, invoer(D(2026, 1, 5), None, CBAW))) is meldt


def test_the_overgangsregeling_answer_is_cleared_for_a_dossier_from_2019():
    """000 §4.2.7: only dossiers running before 01/01/2019; a 2026 dossier cannot answer 'Ja'
    to skip the mandatory pleegzorgers."""
    nieuw = DossierFeiten(
        organisatietype=Organisatietype.PLEEGZORG, geboortedatum=D(2013, 1, 1), start=D(2026, 1, 5)
    )
    ja = invoer(D(2026, 1, 5), None, PERSPECTIEF, uitbetaling_aan_ouders=True)
    assert rules.zonder_onnodige_antwoorden(nieuw, ja).uitbetaling_aan_ouders is None
    oud = dataclasses.replace(nieuw, start=D(2018, 3, 1))
    assert rules.zonder_onnodige_antwoorden(oud, ja).uitbetaling_aan_ouders is True


def test_the_d227_warning_says_what_is_sent_tonight():
    nieuw = invoer(D(2026, 1, 5), D(2026, 6, 30), VERBLIJF, BEGELEIDING)
    (warning,) = [
        w for w in rules.waarschuwingen(OVBJ, nieuw, voor=None, zelfde=False) if "D227" in w
    ]
    assert "vannacht" in warning
    assert "(VBFBJB04), vanaf 05/01/2026, 30/06/2026" in warning
    assert "BEGBJB02" not in warning
