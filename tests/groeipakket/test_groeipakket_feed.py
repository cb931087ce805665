"""The daily Groeipakket feed (D227, 000 §4.2, §4.2.7): what a day's changes send, the XML, and
delivery through both adapters to a real receiver."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree

from binc.tenancy import all_voorzieningen
from dossiers.models import Schakeling, SchakelingWijziging
from dossiers.services import schakelingen
from groeipakket.batch import batch_maken
from groeipakket.constants import BerichtActie, BerichtStatus
from groeipakket.models import GroeipakketBericht, GroeipakketBestand
from groeipakket.relay import afleveren, opnieuw_versturen
from groeipakket.xml import schema
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.zorg_helpers import D, add, beslissing, invoer
from tests.groeipakket.groeipakket_ontvanger import Ontvanger

pytestmark = OP_VANDAAG


def _batch():
    with all_voorzieningen():
        return batch_maken()


def _berichten(**filters):
    with all_voorzieningen():
        return list(GroeipakketBericht.objects.filter(**filters).order_by("id"))


def test_a_placement_is_created_changed_and_cancelled(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    s = add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFBJB04", "BEGBJB02"))
    _batch()
    (aanmaak,) = _berichten()
    assert aanmaak.actie == BerichtActie.AANMAAK
    assert aanmaak.inhoud["modules"] == ["VBFBJB04"]  # only the module with impact
    assert aanmaak.inhoud["rijksregisternummer"] == dossier.client.rijksregisternummer
    assert aanmaak.inhoud["plaatsende_instantie"] == "vrijwillig"

    s.refresh_from_db()
    schakelingen.schakeling_einddatum_set(
        schakeling_pk=s.pk,
        dossier_pk=dossier.pk,
        versie=s.versie,
        einddatum=D(2026, 2, 1),
        gebruiker=gebruiker,
    )
    volgende = add(dossier, gebruiker, b, D(2026, 2, 1), codes=("VBFBJB04",))
    _batch()
    einde, vervolg = _berichten()[1:]
    assert (einde.actie, einde.inhoud["einddatum"]) == (BerichtActie.WIJZIGING, "2026-02-01")
    # 000 §4.2.1: the follow-up continuing the same module is reported too.
    assert (vervolg.actie, vervolg.schakeling_id) == (BerichtActie.AANMAAK, volgende.pk)

    schakelingen.schakeling_delete(
        schakeling_pk=volgende.pk, dossier_pk=dossier.pk, gebruiker=gebruiker
    )
    _batch()
    assert _berichten()[-1].actie == BerichtActie.ANNULERING


def test_created_and_deleted_on_one_day_sends_nothing(omgeving):
    _, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    schakelingen.schakeling_delete(schakeling_pk=s.pk, dossier_pk=dossier.pk, gebruiker=gebruiker)
    assert _batch() is None
    with all_voorzieningen():
        assert not SchakelingWijziging.objects.filter(verzonden_op__isnull=True).exists()


def test_several_changes_on_one_day_send_their_net_effect_once(omgeving):
    _, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    for einde in (D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 3)):
        s.refresh_from_db()
        schakelingen.schakeling_update(
            schakeling_pk=s.pk,
            dossier_pk=dossier.pk,
            versie=s.versie,
            invoer=invoer(D(2026, 1, 5), einde, ("VBFBJB04",)),
            gebruiker=gebruiker,
            bevestigd=True,
        )
    _batch()
    (bericht,) = _berichten()
    assert (bericht.actie, bericht.inhoud["einddatum"]) == (BerichtActie.AANMAAK, "2026-03-03")
    assert len(bericht.wijzigingen) == 4
    assert _batch() is None  # a second run the same day sends nothing again


def test_a_time_out_dossier_sends_nothing(omgeving):
    _, gebruiker, dossier = omgeving
    dossier.aanmelding.specifieke_aanmelding = "time_out"
    dossier.aanmelding.save()
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    assert _batch() is None


def test_the_lokaal_adapter_writes_a_valid_batch_and_reads_the_answers(
    omgeving, tmp_path, settings
):
    settings.GROEIPAKKET_UITGAAND = str(tmp_path / "uit")
    settings.GROEIPAKKET_ANTWOORDEN = str(tmp_path / "antwoorden")
    _, gebruiker, dossier = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    _batch()
    with all_voorzieningen():
        assert afleveren().verzonden == 1
    (bestand,) = (tmp_path / "uit").glob("*.xml")
    document = etree.parse(str(bestand))
    assert schema().validate(document), schema().error_log
    (bericht,) = _berichten()
    assert bericht.status == BerichtStatus.VERZONDEN
    (tmp_path / "antwoorden").mkdir()
    (tmp_path / "antwoorden" / "antwoord-1.json").write_text(
        json.dumps([{"bericht_id": str(bericht.bericht_id), "status": "geweigerd", "reden": "X"}])
    )
    with all_voorzieningen():
        afleveren()
    bericht.refresh_from_db()
    assert (bericht.status, bericht.reden) == (BerichtStatus.GEWEIGERD, "X")
    assert (tmp_path / "antwoorden" / "verwerkt" / "antwoord-1.json").exists()


def test_opgroeien_downloads_the_batch_and_uploads_the_answer_from_its_screens(
    omgeving, tmp_path, settings, opgroeien_gebruiker
):
    """The exchange without shell access: the batch's XML is kept in PostgreSQL (every web
    process serves it), an answer file uploaded is applied once; a bad file changes nothing."""
    settings.GROEIPAKKET_UITGAAND = str(tmp_path / "uit")
    settings.GROEIPAKKET_ANTWOORDEN = str(tmp_path / "antwoorden")
    _, gebruiker, dossier = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    batch = _batch()
    with all_voorzieningen():
        afleveren()
    client = logged_in_client(opgroeien_gebruiker)
    lijst = client.get(reverse("opgroeien:groeipakket_groeipakketbestand_changelist"))
    (bestand,) = GroeipakketBestand.objects.filter(soort="verzonden", batch=batch)
    assert bestand.naam in lijst.content.decode()
    download = client.get(
        reverse("opgroeien:groeipakket_groeipakketbestand_download", args=[bestand.pk])
    )
    inhoud = b"".join(download.streaming_content)
    assert inhoud == next((tmp_path / "uit").glob("*.xml")).read_bytes()
    assert schema().validate(etree.fromstring(inhoud))

    url = reverse("opgroeien:groeipakket_antwoord")
    slecht = SimpleUploadedFile("antwoord.json", b'[{"bericht_id": "geen", "status": "ja"}]')
    response = client.post(url, {"bestand": slecht})
    assert "geen antwoordbestand" in response.content.decode()
    assert not GroeipakketBestand.objects.filter(soort="antwoord").exists()

    (bericht,) = _berichten()
    antwoord = json.dumps([{"bericht_id": str(bericht.bericht_id), "status": "aanvaard"}])
    for _ in range(2):  # the same answer twice: applied once
        response = client.post(
            url, {"bestand": SimpleUploadedFile("antwoord.json", antwoord.encode())}
        )
        assert response.status_code == 302
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.AANVAARD
    assert GroeipakketBestand.objects.filter(soort="antwoord").count() == 2


@pytest.fixture
def ksz(settings):
    with Ontvanger() as ontvanger:
        settings.GROEIPAKKET_BACKEND = "ksz"
        settings.GROEIPAKKET_URL = ontvanger.url
        yield ontvanger


def test_delivery_to_a_real_receiver_accepts_rejects_and_retries(omgeving, ksz, time_machine):
    _, gebruiker, dossier = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    _batch()
    ksz.fouten_eerst = 1
    with all_voorzieningen():
        eerste = afleveren()
    assert (eerste.uitgesteld, eerste.aanvaard) == (1, 0)
    time_machine.shift(120)  # past the first pause
    with all_voorzieningen():
        assert afleveren().aanvaard == 1
    (bericht,) = _berichten()
    assert bericht.status == BerichtStatus.AANVAARD
    assert ksz.ontvangen[str(bericht.bericht_id)] == 2

    ksz.weigeren.add(dossier.code)
    s = Schakeling.objects.get(dossier=dossier)
    schakelingen.schakeling_update(
        schakeling_pk=s.pk,
        dossier_pk=dossier.pk,
        versie=s.versie,
        invoer=invoer(D(2026, 1, 5), D(2026, 3, 1), ("VBFBJB04",)),
        gebruiker=gebruiker,
        bevestigd=True,
    )
    _batch()
    with all_voorzieningen():
        afleveren()
    geweigerd = _berichten(status=BerichtStatus.GEWEIGERD)
    assert [b.reden for b in geweigerd] == ["Kind onbekend"]
    ksz.weigeren.clear()
    assert opnieuw_versturen([geweigerd[0].pk]) == 1
    with all_voorzieningen():
        afleveren()
    assert _berichten(pk=geweigerd[0].pk)[0].status == BerichtStatus.AANVAARD


def test_nu_verzenden_says_what_happens_without_a_task_id(opgroeien_gebruiker):
    client = logged_in_client(opgroeien_gebruiker)
    response = client.post(reverse("opgroeien:groeipakket_nu"), follow=True)
    tekst = response.content.decode()
    assert "De Groeipakket-verzending werd gestart: de batch verschijnt hieronder" in tekst
    assert "gestart (" not in tekst
