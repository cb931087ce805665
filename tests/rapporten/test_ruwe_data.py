"""The raw data (000 §17.3, 001 §12): one record per dossier, every parameter an element, dates
as xs:date, valid against the XSD in the repo, no national number and no beslissing details;
1G1P gets its own forms."""

import io

import pytest
from django.urls import reverse
from lxml import etree

from binc.constants import Organisatietype
from binc.tenancy import all_voorzieningen, voorziening_context
from rapporten.catalogus import beschikbaar
from rapporten.constants import AanvraagStatus, Rapportsoort
from rapporten.management.commands.ruwe_data_xsd import PAD
from rapporten.models import RapportAanvraag
from rapporten.ruwe_data import dossiers_voor_ruwe_data, schrijven, xsd
from rapporten.selectors import afgesloten, opgestarte
from registratie.models import Antwoord, Eindregistratie, Gezinssituatie
from tests.binc.factories import VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.rapporten.helpers import D, dossier

pytestmark = [OP_VANDAAG, pytest.mark.django_db]
VAN, TOT = D(2025, 1, 1), D(2025, 12, 31)
SCHEMA = etree.XMLSchema(etree.parse(str(PAD)))


def _xml(voorziening, definitie) -> etree._Element:
    bestand = io.BytesIO()
    with voorziening_context(voorziening):
        dossiers = dossiers_voor_ruwe_data(definitie(VAN, TOT))
        schrijven(bestand, dossiers, is_1g1p=voorziening.is_1g1p)
    document = etree.fromstring(bestand.getvalue())
    SCHEMA.assertValid(document)
    return document


def test_the_schema_in_the_repo_is_the_one_the_export_follows():
    assert PAD.read_text(encoding="utf-8") == xsd(), "run `manage.py ruwe_data_xsd`"


def test_a_record_per_dossier_with_its_parameters_and_dates(db):
    voorziening = VoorzieningFactory()
    with all_voorzieningen():
        open_ = dossier(voorziening, D(2025, 3, 1), aanmelding={"uw_referentie": "=leefgroep 2"})
        gesloten = dossier(voorziening, D(2025, 2, 1), einde=D(2025, 6, 30))
        Eindregistratie.objects.create(
            dossier=gesloten,
            uitval=False,
            reden=Antwoord.objects.get(lijst="reden_einde", label="Verhuis"),
        )
        dossier(voorziening, D(2024, 2, 1))  # started before: in neither file
        dossier(VoorzieningFactory(), D(2025, 3, 1))  # another voorziening's

    records = _xml(voorziening, opgestarte).findall("dossier")
    assert sorted(r.findtext("dossiercode") for r in records) == sorted([open_.code, gesloten.code])
    eerste = next(r for r in records if r.findtext("dossiercode") == open_.code)
    assert eerste.findtext("uw_referentie") == "=leefgroep 2"
    assert eerste.findtext("starthulp") == "2025-03-01"
    assert eerste.findtext("eindehulp") == ""
    assert eerste.findtext("eerste_schakeling_begin") == "2025-03-01"
    assert eerste.find("begin_dagbesteding") is not None  # every column, even when empty
    assert eerste.find("gezin_aantal_kinderen") is None  # 1G1P's forms are not ours
    assert eerste.find("client_rijksregisternummer") is None
    assert not [e for e in eerste if "beslissing" in e.tag]

    (closed,) = _xml(voorziening, afgesloten).findall("dossier")
    assert closed.findtext("starthulp") == "2025-02-01"
    assert closed.findtext("eindehulp") == "2025-06-30"
    assert closed.findtext("einde_reden") == "Verhuis"
    assert closed.findtext("einde_uitval") == "Nee"


def test_1g1p_exports_its_own_forms_and_requests_only_raw_data(db):
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.GEZIN_1G1P)
    with all_voorzieningen():
        gezin = dossier(voorziening, D(2025, 4, 1))
        Gezinssituatie.objects.create(dossier=gezin, aantal_kinderen=3)
    (record,) = _xml(voorziening, opgestarte).findall("dossier")
    assert record.findtext("gezin_aantal_kinderen") == "3"
    assert record.find("begin_dagbesteding") is None
    assert beschikbaar(is_1g1p=True) == [Rapportsoort.RUW_OPGESTART, Rapportsoort.RUW_AFGESLOTEN]


def test_raw_data_is_requested_and_downloaded_as_xml(
    medewerker_client, voorziening, django_capture_on_commit_callbacks
):
    from rapporten.services import aanvragen

    with all_voorzieningen():
        dossier(voorziening, D(2025, 3, 1))
    with django_capture_on_commit_callbacks(execute=False):
        medewerker_client.post(
            reverse("rapporten:nieuw"),
            {"van": "2025-01-01", "tot": "2025-12-31", "rapporten": [Rapportsoort.RUW_OPGESTART]},
        )
    with all_voorzieningen():
        aanvraag = RapportAanvraag.objects.get()
        aanvragen.rapport_genereren(aanvraag.pk)
        aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.KLAAR
    response = medewerker_client.get(reverse("rapporten:download", args=[aanvraag.pk]))
    assert "Ruwe data opgestarte dossiers - 16-03-2026.xml" in response["Content-Disposition"]
    document = etree.fromstring(b"".join(response.streaming_content))
    SCHEMA.assertValid(document)
    assert len(document.findall("dossier")) == 1
