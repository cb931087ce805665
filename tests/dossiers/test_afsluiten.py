"""Afsluiten (000 §9) and heropenen (000 §10), with Opgroeien's reopen requests."""

import datetime

import pytest
from django.urls import reverse

from binc.tenancy import all_voorzieningen, voorziening_context
from dossiers import selectors
from dossiers.constants import AL_OPEN_DOSSIER, AanvraagStatus, DossierStatus
from dossiers.models import Dossier, HeropenAanvraag
from dossiers.services import afsluiten
from lib.concurrency import Conflict
from tests.conftest import OP_VANDAAG, VANDAAG, logged_in_client
from tests.dossiers.factories import DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing
from tests.registratie.helpers import registreer_volledig

TODAY = VANDAAG
pytestmark = OP_VANDAAG


def _close(dossier, gebruiker, bevestigd=True):
    return afsluiten.dossier_afsluiten(
        dossier_pk=dossier.pk, gebruiker=gebruiker, bevestigd=bevestigd
    )


def test_closing_lists_what_is_missing_with_links(omgeving):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)

    html = client.get(reverse("dossiers:dossier_afsluiten", args=[dossier.pk])).content.decode()
    assert "Het dossier bevat nog geen beslissing." in html
    assert reverse("dossiers:beslissing_nieuw", args=[dossier.pk]) in html
    assert "Het dossier bevat nog geen schakeling." in html

    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 5))
    s = add(dossier, gebruiker, b, D(2026, 1, 5))
    html = client.get(reverse("dossiers:dossier_afsluiten", args=[dossier.pk])).content.decode()
    assert "heeft nog geen einddatum" in html
    assert reverse("dossiers:schakeling_wijzigen", args=[dossier.pk, s.pk]) in html
    assert _close(dossier, gebruiker).ontbrekend  # something is still missing: not closed
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.OPEN


@pytest.mark.parametrize("dagen", [3, 0])
def test_every_schakeling_must_have_ended_in_the_past_to_close(dagen, omgeving):
    """000 §9: the end date "ligt in het verleden": ending today or later blocks closing."""
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=TODAY - datetime.timedelta(days=30))
    add(
        dossier,
        gebruiker,
        b,
        TODAY - datetime.timedelta(days=30),
        TODAY + datetime.timedelta(days=dagen),
        codes=("BEGBJB02",),
    )
    assert any(
        "de einddatum moet in het verleden liggen" in o.tekst
        for o in _close(dossier, gebruiker).ontbrekend
    )


@pytest.fixture
def afgerond(omgeving):
    """A dossier whose only schakeling ended last week."""
    _, gebruiker, dossier = omgeving
    begin = TODAY - datetime.timedelta(days=60)
    b = beslissing(dossier, gebruiker, begin=begin, codes=("BEGBJB02",))
    add(dossier, gebruiker, b, begin, TODAY - datetime.timedelta(days=7))
    registreer_volledig(dossier, gebruiker)
    return b


def test_closing_a_complete_dossier(omgeving, afgerond):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("dossiers:dossier_afsluiten", args=[dossier.pk])
    assert "Bevestig dat je het dossier wil afsluiten." in client.post(url, {}).content.decode()

    client.post(url, {"bevestigd": "on"})

    dossier.refresh_from_db()
    assert (dossier.status, dossier.afgesloten_op) == (DossierStatus.AFGESLOTEN, TODAY)


def test_beslissing_without_schakeling_is_a_warning_not_a_block(omgeving, afgerond):
    _, gebruiker, dossier = omgeving
    beslissing(dossier, gebruiker, begin=TODAY - datetime.timedelta(days=3), codes=("BEGBJB02",))
    assert any(
        "heeft geen schakeling" in w
        for w in _close(dossier, gebruiker, bevestigd=False).waarschuwingen
    )
    assert _close(dossier, gebruiker, bevestigd=True).afgesloten


def test_closing_twice_gets_the_manuals_message(omgeving, afgerond):
    _, gebruiker, dossier = omgeving
    _close(dossier, gebruiker)
    with pytest.raises(Conflict, match="Dossier is reeds afgesloten."):
        _close(dossier, gebruiker)


def test_nothing_is_added_past_the_closing_date(omgeving, afgerond):
    _, gebruiker, dossier = omgeving
    _close(dossier, gebruiker)
    with pytest.raises(Exception, match="niets kan daarna beginnen"):
        beslissing(
            dossier, gebruiker, begin=TODAY + datetime.timedelta(days=1), codes=("BEGBJB02",)
        )
    b = beslissing(
        dossier, gebruiker, begin=TODAY - datetime.timedelta(days=6), codes=("BEGBJB02",)
    )
    with pytest.raises(Exception, match="elke schakeling een einddatum"):
        add(dossier, gebruiker, b, TODAY - datetime.timedelta(days=6))
    add(dossier, gebruiker, b, TODAY - datetime.timedelta(days=6), TODAY)


def test_reopening_within_a_year_is_immediate(omgeving, afgerond):
    voorziening, gebruiker, dossier = omgeving
    _close(dossier, gebruiker)
    client = logged_in_client(gebruiker, voorziening)
    assert "Heropenen" in client.get(dossier.get_absolute_url()).content.decode()

    client.post(reverse("dossiers:dossier_heropenen", args=[dossier.pk]))

    dossier.refresh_from_db()
    assert (dossier.status, dossier.afgesloten_op) == (DossierStatus.OPEN, None)


def test_reopening_after_a_year_is_a_request_to_opgroeien(omgeving, opgroeien_gebruiker):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2023, 1, 2), codes=("BEGBJB02",))
    add(dossier, gebruiker, b, D(2023, 1, 2), D(2023, 6, 30))
    registreer_volledig(dossier, gebruiker)
    _close(dossier, gebruiker)

    assert afsluiten.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=gebruiker) == "aangevraagd"
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.AFGESLOTEN

    opgroeien = logged_in_client(opgroeien_gebruiker)
    page = opgroeien.get("/opgroeien/dossiers/heropenaanvraag/").content.decode()
    assert dossier.code in page
    assert voorziening.naam in page
    aanvraag = HeropenAanvraag.objects.get()
    opgroeien.post(
        "/opgroeien/dossiers/heropenaanvraag/",
        {"action": "goedkeuren", "_selected_action": [aanvraag.pk]},
    )

    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.OPEN
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.behandeld_door) == (
        AanvraagStatus.GOEDGEKEURD,
        opgroeien_gebruiker,
    )


def test_reopening_is_impossible_while_the_client_has_another_open_dossier(omgeving, afgerond):
    voorziening, gebruiker, dossier = omgeving
    _close(dossier, gebruiker)
    DossierFactory(voorziening=voorziening, client=dossier.client)

    assert not afsluiten.heropenen_mogelijk(dossier)
    html = logged_in_client(gebruiker, voorziening).get(dossier.get_absolute_url()).content.decode()
    assert ">Heropenen<" not in html
    with pytest.raises(Exception, match=AL_OPEN_DOSSIER[:40]):
        afsluiten.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=gebruiker)


def test_approval_rechecks_for_a_new_open_dossier(omgeving, opgroeien_gebruiker):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2023, 1, 2), codes=("BEGBJB02",))
    add(dossier, gebruiker, b, D(2023, 1, 2), D(2023, 6, 30))
    registreer_volledig(dossier, gebruiker)
    _close(dossier, gebruiker)
    afsluiten.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=gebruiker)
    DossierFactory(voorziening=voorziening, client=dossier.client)  # a new stay meanwhile
    aanvraag = HeropenAanvraag.objects.get()

    response = logged_in_client(opgroeien_gebruiker).post(
        "/opgroeien/dossiers/heropenaanvraag/",
        {"action": "goedkeuren", "_selected_action": [aanvraag.pk]},
        follow=True,
    )

    assert "heropenen kan niet" in response.content.decode()
    with all_voorzieningen():
        assert Dossier.objects.get(pk=dossier.pk).status == DossierStatus.AFGESLOTEN
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND


def test_rejecting_a_request_leaves_the_dossier_closed(omgeving, opgroeien_gebruiker):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2023, 1, 2), codes=("BEGBJB02",))
    add(dossier, gebruiker, b, D(2023, 1, 2), D(2023, 6, 30))
    registreer_volledig(dossier, gebruiker)
    _close(dossier, gebruiker)
    afsluiten.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=gebruiker)
    aanvraag = HeropenAanvraag.objects.get()

    logged_in_client(opgroeien_gebruiker).post(
        "/opgroeien/dossiers/heropenaanvraag/",
        {"action": "afkeuren", "_selected_action": [aanvraag.pk]},
    )

    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.AFGEKEURD
    with voorziening_context(voorziening):
        assert Dossier.objects.get(pk=dossier.pk).status == DossierStatus.AFGESLOTEN


def test_medewerkers_cannot_reach_the_request_list(medewerker_client):
    assert medewerker_client.get("/opgroeien/dossiers/heropenaanvraag/").status_code == 403


def test_dossier_with_care_cannot_be_deleted(omgeving, afgerond):
    voorziening, gebruiker, dossier = omgeving
    response = logged_in_client(gebruiker, voorziening).post(
        reverse("dossiers:dossier_verwijderen", args=[dossier.pk]), follow=True
    )
    assert "bevat nog beslissingen of schakelingen" in response.content.decode()
    assert selectors.laatste_beslissing(dossier) is not None


@pytest.fixture
def ggp(db):
    from binc.constants import Organisatietype
    from tests.binc.factories import MedewerkerFactory, VoorzieningFactory

    voorziening = VoorzieningFactory(organisatietype=Organisatietype.GEZIN_1G1P)
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    with voorziening_context(voorziening):
        yield voorziening, gebruiker, DossierFactory(voorziening=voorziening)


def test_1g1p_has_no_beslissingen_and_closes_on_its_parameters_alone(ggp):
    voorziening, gebruiker, dossier = ggp
    with pytest.raises(Exception, match="registreert geen beslissingen"):
        beslissing(dossier, gebruiker)
    html = logged_in_client(gebruiker, voorziening).get(dossier.get_absolute_url()).content.decode()
    assert "Beslissingen en schakelingen" not in html
    missing = _close(dossier, gebruiker).ontbrekend
    assert {o.tekst.split(":")[0] for o in missing} == {"Gezinssituatie", "Trajectinformatie"}
    registreer_volledig(dossier, gebruiker)
    assert _close(dossier, gebruiker).afgesloten
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.AFGESLOTEN


def test_1g1p_reopens_within_a_year_of_closing(ggp):
    _, gebruiker, dossier = ggp
    registreer_volledig(dossier, gebruiker)
    _close(dossier, gebruiker)
    assert afsluiten.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=gebruiker) == "heropend"
    _close(dossier, gebruiker)
    Dossier.objects.filter(pk=dossier.pk).update(afgesloten_op=TODAY - datetime.timedelta(days=400))
    assert afsluiten.dossier_heropenen(dossier_pk=dossier.pk, gebruiker=gebruiker) == "aangevraagd"
