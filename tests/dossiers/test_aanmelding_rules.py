"""The aanmelding declared once (000 §4.1, 001 §5.1): each organisatietype's questions, their
'*' and their conditions come from one table. Pure: no database."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from binc.constants import Organisatietype
from dossiers.rules.aanmelding import aanmelding_clean, aanmelding_formulier


def voorziening(organisatietype: str, meerdere_provincies: bool = False) -> SimpleNamespace:
    return SimpleNamespace(organisatietype=organisatietype, meerdere_provincies=meerdere_provincies)


def test_1g1p_asks_date_aanmelder_and_wachtlijst_in_the_manuals_order():
    formulier = aanmelding_formulier(voorziening(Organisatietype.GEZIN_1G1P))
    assert formulier.namen() == [
        "uw_referentie",
        "datum_aanmelding",
        "aanmelder",
        "aanmelder_andere",
        "wachtlijst",
        "wachtlijst_functies",
    ]


def test_cah_never_asks_the_aanmelder_it_is_always_the_crisismeldpunt():
    formulier = aanmelding_formulier(voorziening(Organisatietype.CAH))
    assert "via_toegangspoort" not in formulier.namen()
    assert "aanmelder" not in formulier.namen()
    clean = aanmelding_clean({"uitstroom_gi": False}, voorziening=voorziening("cah"))
    assert clean["aanmelder"] == "crisismeldpunt"


@pytest.mark.parametrize("meerdere", [True, False])
def test_only_a_ckg_over_several_provinces_asks_the_provincie(meerdere):
    formulier = aanmelding_formulier(voorziening(Organisatietype.CKG, meerdere))
    assert ("provincie" in formulier.namen()) is meerdere


def test_the_aanmelder_is_marked_and_shown_only_without_the_toegangspoort():
    formulier = aanmelding_formulier(voorziening(Organisatietype.OVBJ))
    assert formulier.show_when()["aanmelder"] == "via_toegangspoort=nee"
    assert "aanmelder" in formulier.verplicht_wanneer_getoond()
    with pytest.raises(ValidationError) as error:
        aanmelding_clean(
            {"via_toegangspoort": False, "uitstroom_gi": False},
            voorziening=voorziening(Organisatietype.OVBJ),
        )
    assert "niet via de toegangspoort" in error.value.message_dict["aanmelder"][0]


def test_an_aanmelder_given_with_the_toegangspoort_is_cleared():
    clean = aanmelding_clean(
        {"via_toegangspoort": True, "aanmelder": "clb", "uitstroom_gi": False},
        voorziening=voorziening(Organisatietype.OVBJ),
    )
    assert clean["aanmelder"] == ""
