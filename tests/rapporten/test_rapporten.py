"""The reports beyond the counts, on a hand-built dataset with expected figures worked out in the
comments: aanmelding, beslissingen and schakelingen, begeleidingsduur, and the registration
reports that count only dossiers whose form was opened. Every report's file opens in
LibreOffice."""

from decimal import Decimal

import pytest

from binc.constants import Provincie
from binc.tenancy import all_voorzieningen, voorziening_context
from dossiers.constants import SchakelingSoort
from rapporten.catalogus import RAPPORTEN
from rapporten.constants import Rapportsoort
from rapporten.models import RapportAanvraag
from rapporten.services import aanvragen
from rapporten.tellingen import tel
from registratie.constants import Lijst, Soort
from registratie.models import Antwoord, Beginregistratie, Eindregistratie, Geopend
from tests.binc.factories import VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import BeslissingFactory, SchakelingFactory
from tests.rapporten.helpers import D, dossier, libreoffice_opent

pytestmark = [OP_VANDAAG, pytest.mark.django_db]
VAN, TOT = D(2025, 1, 1), D(2025, 12, 31)


def _antwoord(lijst, label):
    return Antwoord.objects.get(lijst=lijst, label=label)


@pytest.fixture
def eigen():
    voorziening = VoorzieningFactory(naam="De Linde", provincie=Provincie.ANTWERPEN)
    for _ in range(2):  # the type in Flanders and Antwerpen is visible
        VoorzieningFactory(provincie=Provincie.ANTWERPEN)
    with all_voorzieningen():
        # Closed in 2025 after 100 days (10/1 - 20/4), with a second beslissing and a
        # schakeling and a verlenging after 'Start hulpaanbod': 2 beslissingen, 1 schakeling.
        kort = dossier(voorziening, D(2025, 1, 10), einde=D(2025, 4, 20))
        tweede = BeslissingFactory(dossier=kort, verwijzingsgrond="gerechtelijk")
        SchakelingFactory(
            beslissing=tweede,
            soort=SchakelingSoort.SCHAKELING,
            begindatum=D(2025, 4, 20),
            einddatum=D(2025, 4, 20),
        )
        # Closed in 2025 after 400 days, its start from 'startdatum lopend dossier'.
        lang = dossier(
            voorziening,
            D(2024, 6, 1),
            einde=D(2025, 7, 5),
            aanmelding={"lopend_dossier": True, "startdatum_lopend_dossier": D(2024, 5, 31)},
        )
        # Opgestart in 2025 via the toegangspoort (NRTJ), its beginregistratie never opened.
        dossier(voorziening, D(2025, 2, 1))
        # Opgestart, not via the toegangspoort (RTJ), beginregistratie opened.
        nrtj = dossier(voorziening, D(2025, 3, 1), aanmelding={"via_toegangspoort": False})
        Beginregistratie.objects.create(
            dossier=nrtj,
            dagbesteding=_antwoord(Lijst.DAGBESTEDING, "Kleuteronderwijs"),
            schoolachterstand=2,
        )
        Geopend.objects.create(dossier=nrtj, soort=Soort.BEGIN)
        # Eindregistraties: uitval for the short one (opened), the long one not opened.
        Eindregistratie.objects.create(
            dossier=kort, uitval=True, reden=_antwoord(Lijst.REDEN_EINDE, "Weglopen")
        )
        Geopend.objects.create(dossier=kort, soort=Soort.EINDE)
        Eindregistratie.objects.create(
            dossier=lang, uitval=True, reden=_antwoord(Lijst.REDEN_EINDE, "Verhuis")
        )
    return voorziening


def _tabel(rapport, titel, voorziening):
    telling = next(t for t in RAPPORTEN[rapport].tellingen if t.titel == titel)
    with voorziening_context(voorziening):
        resultaat = tel(telling, voorziening, VAN, TOT)
    return dict(zip(resultaat.koppen[1:], resultaat.rijen[2][1:], strict=True))


def test_beslissingen_and_schakelingen_without_start_and_verlenging(eigen):
    rij = _tabel(Rapportsoort.BESLISSINGEN, "Beslissingen en schakelingen", eigen)
    assert (rij["Afgesloten dossiers"], rij["Beslissingen"], rij["Schakelingen"]) == (2, 3, 1)
    assert rij["Gemiddeld aantal beslissingen per dossier"] == Decimal("1.5")
    assert rij["Gemiddeld aantal schakelingen per dossier"] == Decimal("0.5")


def test_beslissingen_per_verwijzingsgrond(eigen):
    rij = _tabel(Rapportsoort.BESLISSINGEN, "Beslissingen naar verwijzingsgrond", eigen)
    assert rij["Vrijwillig – Geen"] == 2
    assert rij["Gerechtelijk – Geen"] == 1


def test_begeleidingsduur_from_the_start_of_the_dossier(eigen):
    rij = _tabel(Rapportsoort.BESLISSINGEN, "Begeleidingsduur", eigen)
    # 20/4/2025 - 10/1/2025 = 100 days; 5/7/2025 - 31/5/2024 = 400 days.
    assert rij["91 tot 180 dagen"] == 1
    assert rij["366 tot 730 dagen"] == 1
    assert rij["Gemiddelde begeleidingsduur (dagen)"] == Decimal("250.0")


def test_aanmelding_rtj_and_nrtj(eigen):
    rij = _tabel(Rapportsoort.AANMELDING, "Aanmeldingen", eigen)
    # Opgestart in 2025: the short one and the untouched one via the toegangspoort (NRTJ), one
    # directly (RTJ).
    assert (rij["NRTJ (via de toegangspoort)"], rij["RTJ"], rij["Totaal"]) == (2, 1, 3)


def test_registration_reports_count_only_opened_forms(eigen):
    rij = _tabel(Rapportsoort.BEGINREGISTRATIE, "Dagbesteding", eigen)
    assert rij["Kleuteronderwijs"] == 1
    assert rij["Totaal"] == 1  # the other opgestarte dossier's page was never opened
    assert _tabel(Rapportsoort.BEGINREGISTRATIE, "Schoolachterstand", eigen)["2 jaar"] == 1
    uitval = _tabel(Rapportsoort.REDEN_EINDE, "Reden einde - uitval", eigen)
    assert (uitval["Weglopen"], uitval["Verhuis"], uitval["Totaal"]) == (1, 0, 1)


@pytest.mark.traag  # LibreOffice opens the file
def test_every_report_is_a_file_libreoffice_opens(eigen, tmp_path):
    with all_voorzieningen():
        gebruiker = eigen.dossiers.first().behandelaar
        bestanden = []
        for soort in RAPPORTEN:
            aanvraag = RapportAanvraag.objects.create(
                voorziening=eigen, gebruiker=gebruiker, soort=soort, van=VAN, tot=TOT
            )
            aanvragen.rapport_genereren(aanvraag.pk)
            aanvraag.refresh_from_db()
            assert aanvraag.status == "klaar", (soort, aanvraag.reden)
            pad = tmp_path / f"{soort}.xlsx"
            pad.write_bytes(aanvraag.bestand.read())
            bestanden.append(pad)
    for pad in bestanden:
        libreoffice_opent(pad)
