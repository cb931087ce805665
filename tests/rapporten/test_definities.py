"""The definitions of 000 §17.2 at the period's boundaries: opgestart, afgesloten, lopend, alle."""

import pytest

from dossiers.services import afsluiten
from rapporten import selectors
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing
from tests.registratie.helpers import registreer_volledig

pytestmark = OP_VANDAAG
VAN, TOT = D(2025, 1, 1), D(2025, 12, 31)


@pytest.fixture
def dossier_met(omgeving):
    voorziening, gebruiker, _ = omgeving

    def maak(begin, einde=None, **aanmelding):
        extra = {f"aanmelding__{k}": v for k, v in aanmelding.items()}
        dossier = DossierFactory(voorziening=voorziening, client=ClientFactory(), **extra)
        b = beslissing(dossier, gebruiker, begin=begin)
        add(dossier, gebruiker, b, begin, einde)
        return dossier

    return maak


def _ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_opgestart_on_the_first_and_the_last_day_not_the_day_before(dossier_met):
    eerste = dossier_met(D(2025, 1, 1))
    laatste = dossier_met(D(2025, 12, 31))
    ervoor = dossier_met(D(2024, 12, 31))
    assert _ids(selectors.opgestarte(VAN, TOT)) == {eerste.pk, laatste.pk}
    assert ervoor.pk in _ids(selectors.lopende(VAN, TOT))


def test_a_lopend_dossier_starts_on_its_startdatum_lopend_dossier(dossier_met):
    lopend = dossier_met(
        D(2024, 11, 1), lopend_dossier=True, startdatum_lopend_dossier=D(2025, 3, 1)
    )
    assert lopend.pk in _ids(selectors.opgestarte(VAN, TOT))


def test_an_end_date_alone_is_not_afgesloten_and_a_reopened_dossier_is_not_either(
    omgeving, dossier_met
):
    _, gebruiker, _ = omgeving
    loopt = dossier_met(D(2025, 2, 1), D(2025, 3, 1))
    assert loopt.pk not in _ids(selectors.afgesloten(VAN, TOT))

    gesloten = dossier_met(D(2025, 5, 1), D(2025, 6, 1))
    registreer_volledig(gesloten, gebruiker)
    assert afsluiten.dossier_afsluiten(
        dossier_pk=gesloten.pk, gebruiker=gebruiker, bevestigd=True
    ).afgesloten
    assert gesloten.pk in _ids(selectors.afgesloten(VAN, TOT))
    # Started and closed in the period: both opgestart and afgesloten, once in alle.
    alle = list(selectors.alle(VAN, TOT).values_list("pk", flat=True))
    assert alle.count(gesloten.pk) == 1

    # Closed less than a year ago: reopened at once (000 §10).
    afsluiten.dossier_heropenen(dossier_pk=gesloten.pk, gebruiker=gebruiker)
    assert gesloten.pk not in _ids(selectors.afgesloten(VAN, TOT))


def test_alle_is_opgestart_afgesloten_and_lopend_together(dossier_met):
    nieuw = dossier_met(D(2025, 6, 1))
    oud = dossier_met(D(2023, 6, 1))
    later = dossier_met(D(2026, 1, 5))
    assert _ids(selectors.alle(VAN, TOT)) >= {nieuw.pk, oud.pk}
    assert later.pk not in _ids(selectors.alle(VAN, TOT))


def test_sheet_names_are_shortened_to_whole_words_and_stay_unique():
    """Excel allows 31 characters: a long table title keeps a readable name, never a word cut
    in two, and two tables never share a sheet."""
    from rapporten.xlsx import bladnaam

    gebruikt: set[str] = set()
    namen = [
        bladnaam(t, gebruikt)
        for t in (
            "Niet begeleide minderjarigen per geslacht",
            "Samenwerking - welzijn en gezondheid",
            "Gemiddeld aantal beslissingen per dossier",
            "Leeftijd",
            "Leeftijd",
        )
    ]
    assert namen == [
        "Niet begeleide minderjarigen",
        "Samenwerking - welzijn",
        "Gemiddeld aantal beslissingen",
        "Leeftijd",
        "Leeftijd 2",
    ]
