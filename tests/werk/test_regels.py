"""Each kind of the voorziening's work list on its own: due, not yet due, done, and the
boundary day, through the services that change the data."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from binc import werk
from binc.werk import Doelgroep, Werkcontext
from dossiers.constants import Verwijzingsgrond
from dossiers.models import Beslissing
from dossiers.services.schakelingen import schakeling_einddatum_set
from dossiers.werk import beslissing_verloopt, einde_beslissing, loopt_door
from kwartaal.constants import KwartaalStatus
from kwartaal.rules import Kwartaal
from kwartaal.werk import te_verzenden, verzendtermijn
from registratie.models import Beginregistratie
from registratie.werk import afsluiten_sinds, br_termijn
from tests.conftest import logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing
from tests.registratie.helpers import registreer_volledig

pytestmark = pytest.mark.django_db


def items(gebruiker, voorziening, vandaag, soort):
    context = Werkcontext(vandaag, gebruiker, voorziening)
    return werk.werklijst(context, Doelgroep.VOORZIENING, soort=soort)


# Beginregistratie (000 §5.1) -------------------------------------------------------------


def test_br_termijn_is_three_months_after_the_start():
    assert br_termijn(None) is None
    assert br_termijn(D(2026, 1, 5)) == D(2026, 4, 5)
    assert br_termijn(D(2025, 11, 30)) == D(2026, 2, 28)


def test_beginregistratie_due_from_the_start_of_care_late_after_three_months(omgeving):
    voorziening, gebruiker, dossier = omgeving
    assert items(gebruiker, voorziening, D(2026, 2, 1), "beginregistratie") == []  # no care yet

    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5))
    [item] = items(gebruiker, voorziening, D(2026, 2, 1), "beginregistratie")
    assert item.datum == D(2026, 4, 5)
    assert item.termijn
    assert item.behandelaar_id == dossier.behandelaar_id
    assert item.url == f"/dossiers/{dossier.pk}/registratie/begin/"
    assert not item.achterstallig(D(2026, 4, 5))  # the last day is still in time
    assert item.achterstallig(D(2026, 4, 6))

    registreer_volledig(dossier, gebruiker)
    assert items(gebruiker, voorziening, D(2026, 4, 6), "beginregistratie") == []


def test_beginregistratie_not_asked_where_it_is_facultative(omgeving):
    voorziening, gebruiker, dossier = omgeving
    dossier.aanmelding.via_toegangspoort = False
    dossier.aanmelding.aanmelder = "crisismeldpunt"
    dossier.aanmelding.save()
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5))
    assert items(gebruiker, voorziening, D(2026, 6, 1), "beginregistratie") == []


# Beslissingen at a switching age (000 §4.2) ---------------------------------------------


def test_a_beslissing_ends_at_the_next_switching_age():
    geboren = D(2014, 6, 1)
    assert einde_beslissing(geboortedatum=geboren, begindatum=D(2026, 1, 5)) == D(2026, 6, 1)
    assert einde_beslissing(geboortedatum=geboren, begindatum=D(2026, 6, 1)) == D(2031, 6, 1)
    assert einde_beslissing(geboortedatum=geboren, begindatum=D(2026, 5, 31)) == D(2026, 6, 1)
    assert einde_beslissing(geboortedatum=D(2000, 1, 1), begindatum=D(2024, 1, 1)) is None
    assert einde_beslissing(geboortedatum=D(2012, 2, 29), begindatum=D(2017, 1, 1)) == D(
        2018, 2, 28
    )


@pytest.mark.parametrize(
    ("vandaag", "einddatum", "due"),
    [
        (D(2026, 5, 1), None, None),  # 31 days before: not yet
        (D(2026, 5, 2), None, D(2026, 6, 1)),  # 30 days before: due
        (D(2026, 7, 1), None, D(2026, 6, 1)),  # passed and care goes on: late
        (D(2026, 5, 20), D(2026, 6, 1), None),  # care ends on that day
        (D(2026, 5, 20), D(2026, 6, 2), D(2026, 6, 1)),  # care goes on past it
    ],
)
def test_beslissing_due_within_30_days_while_care_continues(vandaag, einddatum, due):
    assert (
        beslissing_verloopt(
            geboortedatum=D(2014, 6, 1),
            begindatum=D(2026, 1, 5),
            laatste_einddatum=einddatum,
            vandaag=vandaag,
        )
        == due
    )


def test_beslissing_item_until_a_new_beslissing_is_registered(omgeving):
    voorziening, gebruiker, dossier = omgeving  # born 1 June 2014: 12 on 1 June 2026
    add(dossier, gebruiker, beslissing(dossier, gebruiker, D(2026, 1, 5)), D(2026, 1, 5))
    [item] = items(gebruiker, voorziening, D(2026, 5, 15), "beslissing")
    assert item.datum == D(2026, 6, 1)
    assert item.url == f"/dossiers/{dossier.pk}/beslissingen/nieuw/"

    beslissing(dossier, gebruiker, D(2026, 6, 1))
    assert items(gebruiker, voorziening, D(2026, 6, 5), "beslissing") == []


def test_no_switching_age_for_a_court_order_or_direct_access(omgeving):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, D(2026, 1, 5))
    add(dossier, gebruiker, b, D(2026, 1, 5))
    Beslissing.objects.filter(pk=b.pk).update(verwijzingsgrond=Verwijzingsgrond.GERECHTELIJK)
    assert items(gebruiker, voorziening, D(2026, 5, 15), "beslissing") == []
    Beslissing.objects.filter(pk=b.pk).update(verwijzingsgrond=Verwijzingsgrond.VRIJWILLIG)
    dossier.aanmelding.via_toegangspoort = False
    dossier.aanmelding.save()
    assert items(gebruiker, voorziening, D(2026, 5, 15), "beslissing") == []


# A schakeling running past a newer beslissing (000 §4.2) -------------------------------


def test_loopt_door_shares_the_boundary_day():
    assert loopt_door(einddatum=None, nieuwe_beslissing=D(2026, 3, 1))
    assert loopt_door(einddatum=D(2026, 3, 2), nieuwe_beslissing=D(2026, 3, 1))
    assert not loopt_door(einddatum=D(2026, 3, 1), nieuwe_beslissing=D(2026, 3, 1))


def test_schakeling_under_a_replaced_beslissing_until_closed(omgeving):
    voorziening, gebruiker, dossier = omgeving
    schakeling = add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5))
    assert items(gebruiker, voorziening, D(2026, 3, 5), "schakeling") == []  # not yet

    beslissing(dossier, gebruiker, D(2026, 3, 1))
    [item] = items(gebruiker, voorziening, D(2026, 3, 5), "schakeling")
    assert item.datum == D(2026, 3, 1)
    assert not item.termijn
    assert item.url == f"/dossiers/{dossier.pk}/schakelingen/nieuw/"

    schakeling.refresh_from_db()
    schakeling_einddatum_set(
        schakeling_pk=schakeling.pk,
        dossier_pk=dossier.pk,
        versie=schakeling.versie,
        einddatum=D(2026, 3, 1),
        gebruiker=gebruiker,
    )
    assert items(gebruiker, voorziening, D(2026, 3, 5), "schakeling") == []


# Closing a dossier whose care ended (000 §9) ------------------------------------------------


def test_afsluiten_more_than_30_days_after_the_end():
    assert afsluiten_sinds(None, vandaag=D(2026, 9, 1)) is None
    assert afsluiten_sinds(D(2026, 3, 1), vandaag=D(2026, 3, 31)) is None  # 30 days
    assert afsluiten_sinds(D(2026, 3, 1), vandaag=D(2026, 4, 1)) == D(2026, 4, 1)


def test_afsluiten_item_says_what_closing_needs_and_goes_when_closed(omgeving):
    from dossiers.services.afsluiten import dossier_afsluiten

    voorziening, gebruiker, dossier = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), D(2026, 3, 1))
    assert items(gebruiker, voorziening, D(2026, 3, 31), "afsluiten") == []
    [item] = items(gebruiker, voorziening, D(2026, 4, 1), "afsluiten")
    # 000 §9 needs both forms: the item never says it can be closed while one is incomplete.
    assert "Vul eerst de beginregistratie en de eindregistratie volledig in" in item.waarom
    assert not item.waarom.endswith("Het dossier kan afgesloten worden.")
    assert item.url == f"/dossiers/{dossier.pk}/afsluiten/"

    registreer_volledig(dossier, gebruiker)
    Beginregistratie.objects.filter(dossier=dossier).update(volledig_op=None)
    [item] = items(gebruiker, voorziening, D(2026, 4, 1), "afsluiten")
    assert "Vul eerst de beginregistratie volledig in" in item.waarom
    Beginregistratie.objects.filter(dossier=dossier).update(volledig_op=D(2026, 4, 1))
    [item] = items(gebruiker, voorziening, D(2026, 4, 1), "afsluiten")
    assert item.waarom.endswith("Het dossier kan afgesloten worden.")
    assert dossier_afsluiten(dossier_pk=dossier.pk, gebruiker=gebruiker, bevestigd=True).afgesloten
    assert items(gebruiker, voorziening, D(2026, 4, 1), "afsluiten") == []


def test_running_care_is_not_to_be_closed(omgeving):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    add(dossier, gebruiker, b, D(2026, 2, 1))
    assert items(gebruiker, voorziening, D(2026, 9, 1), "afsluiten") == []


# Reopen requests waiting for Opgroeien (000 §10) -------------------------------------------


def test_an_item_is_dated_by_the_day_in_brussels_not_in_utc(omgeving):
    """Asked at 00:30 in Brussels (23:30 UTC the day before): the list says the day it was."""
    import datetime

    from dossiers.models import HeropenAanvraag

    voorziening, gebruiker, _ = omgeving
    dossier = DossierFactory(voorziening=voorziening, afgesloten=True, client=ClientFactory())
    aanvraag = HeropenAanvraag.objects.create(dossier=dossier, aangevraagd_door=gebruiker)
    laat = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)
    HeropenAanvraag.objects.filter(pk=aanvraag.pk).update(aangevraagd_op=laat)
    [item] = items(gebruiker, voorziening, D(2026, 3, 2), "heropenen")
    assert item.datum == D(2026, 3, 2)


def test_heropenaanvraag_waits_until_decided(omgeving, opgroeien_gebruiker):
    from dossiers.models import HeropenAanvraag
    from dossiers.services.afsluiten import heropenaanvraag_behandelen

    voorziening, gebruiker, _ = omgeving
    dossier = DossierFactory(voorziening=voorziening, afgesloten=True, client=ClientFactory())
    aanvraag = HeropenAanvraag.objects.create(dossier=dossier, aangevraagd_door=gebruiker)
    vandaag = timezone.localdate()
    [item] = items(gebruiker, voorziening, vandaag, "heropenen")
    assert item.datum == vandaag
    assert not item.termijn
    assert item.behandelaar_id == dossier.behandelaar_id
    # Nobody of the voorziening can act on it: apart, not in 'Mijn werk' nor the team's count.
    assert item.wacht_op == "Opgroeien"
    telling = werk.tellingen([item], gebruiker_id=dossier.behandelaar_id, vandaag=vandaag)
    assert (telling.mijn, telling.team, telling.wachtend) == (0, 0, 1)
    client = logged_in_client(gebruiker, voorziening)
    assert "Wacht op Opgroeien: 1" in client.get(reverse("binc:werk_tellingen")).content.decode()
    lijst = client.get(reverse("binc:werklijst")).content.decode()
    assert lijst.index(dossier.code) > lijst.index('<h2 id="wacht">Wacht op Opgroeien</h2>')

    heropenaanvraag_behandelen(
        aanvraag_pk=aanvraag.pk, gebruiker=opgroeien_gebruiker, goedkeuren=False
    )
    assert items(gebruiker, voorziening, vandaag, "heropenen") == []


# Modulair kwartaal (000 §12.2) -------------------------------------------------------------


def test_a_kwartaal_is_due_once_over_until_the_end_of_february():
    k = Kwartaal(2026, 3)
    assert not te_verzenden(k, vandaag=D(2026, 9, 30))
    assert te_verzenden(k, vandaag=D(2026, 10, 1))
    assert verzendtermijn(k) == D(2027, 2, 28)
    assert verzendtermijn(Kwartaal(2027, 1)) == D(2028, 2, 29)


def test_kwartaal_item_names_the_missing_totals_and_goes_when_sent(omgeving):
    from kwartaal.models import Kwartaalstaat
    from kwartaal.services.invullen import totalen_opslaan

    voorziening, gebruiker, dossier = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), D(2026, 3, 31))
    staat = Kwartaalstaat.objects.get(jaar=2026, kwartaal=1)
    assert items(gebruiker, voorziening, D(2026, 3, 31), "kwartaal") == []  # still running
    [item] = items(gebruiker, voorziening, D(2026, 4, 1), "kwartaal")
    assert item.wat == "Kwartaal 1 - 2026 (Open)"
    assert "Vul eerst het totaal in voor: Contextbegeleiding" in item.waarom
    assert item.datum == D(2027, 2, 28)
    assert item.behandelaar_id is None
    assert item.url == f"/kwartaal/{staat.pk}/"

    inzet = staat.inzet.get()
    staat = totalen_opslaan(
        staat_pk=staat.pk, versie=staat.versie, totalen={inzet.pk: Decimal(10)}, gebruiker=gebruiker
    )
    [item] = items(gebruiker, voorziening, D(2026, 4, 1), "kwartaal")
    assert "Alle totalen zijn ingevuld" in item.waarom
    totalen_opslaan(
        staat_pk=staat.pk,
        versie=staat.versie,
        totalen={inzet.pk: Decimal(10)},
        gebruiker=gebruiker,
        verzenden=True,
    )
    assert items(gebruiker, voorziening, D(2026, 4, 1), "kwartaal") == []
    staat.refresh_from_db()
    assert staat.status == KwartaalStatus.VERZONDEN


# Received documents (000 §18.3) ------------------------------------------------------------


def test_received_document_until_opened_urgent_in_its_last_week(omgeving):
    from documenten.selectors import document_beschikbaar
    from documenten.services import document_geopend
    from documenten.werk import ophalen_waarom
    from tests.binc.factories import MedewerkerFactory, VoorzieningFactory
    from tests.documenten.helpers import delen, lezer

    voorziening, gebruiker, _ = omgeving
    afzender_vz = VoorzieningFactory()
    afzender = MedewerkerFactory(voorziening=afzender_vz).gebruiker
    document = delen(afzender, afzender_vz, voorziening, dagen=10)
    vandaag = timezone.localdate()
    [item] = items(gebruiker, voorziening, vandaag, "document")
    assert item.datum == vandaag + datetime.timedelta(days=10)
    assert item.behandelaar_id is None
    assert item.waarom.startswith("Nog niet geopend")
    assert ophalen_waarom(vandaag + datetime.timedelta(days=7), vandaag=vandaag).startswith(
        "Verloopt binnen 7 dagen"
    )
    assert items(gebruiker, voorziening, vandaag + datetime.timedelta(days=11), "document") == []

    collega = MedewerkerFactory(voorziening=voorziening).gebruiker
    document_geopend(
        lezer=lezer(collega, voorziening),
        document=document_beschikbaar(lezer=lezer(collega, voorziening), pk=document.pk),
        namens=voorziening.naam,
    )
    assert items(gebruiker, voorziening, vandaag, "document") == []  # a colleague saved it


# Groeipakket messages a fund refused (000 §4.2) --------------------------------------------


def test_a_refused_groeipakket_message_asks_the_voorziening_to_correct_its_dossier(omgeving):
    from groeipakket.constants import BerichtActie, BerichtStatus
    from groeipakket.models import GroeipakketBatch, GroeipakketBericht
    from tests.binc.factories import VoorzieningFactory

    voorziening, gebruiker, dossier = omgeving
    batch = GroeipakketBatch.objects.create(dag=D(2026, 3, 15))

    def bericht(v, status, schakeling_id=7):
        return GroeipakketBericht._base_manager.create(
            batch=batch,
            voorziening=v,
            dossier_id=dossier.pk,
            dossier_code=dossier.code,
            schakeling_id=schakeling_id,
            actie=BerichtActie.AANMAAK,
            inhoud={},
            wijzigingen=[1],
            status=status,
            reden="rijksregisternummer onbekend",
        )

    bericht(voorziening, BerichtStatus.GEWEIGERD)
    bericht(VoorzieningFactory(), BerichtStatus.GEWEIGERD, schakeling_id=8)
    [item] = items(gebruiker, voorziening, D(2026, 3, 16), "groeipakket")
    assert item.wat == dossier.code
    assert "rijksregisternummer onbekend" in item.waarom
    assert (
        "Controleer het rijksregisternummer van de cliënt en de begin- en einddatum" in item.waarom
    )
    assert item.url == reverse("dossiers:dossier_detail", args=[dossier.pk])
    assert item.behandelaar_id == dossier.behandelaar_id
    # The corrected schakeling sends a new message: the refusal is done.
    bericht(voorziening, BerichtStatus.AANVAARD)
    assert items(gebruiker, voorziening, D(2026, 3, 16), "groeipakket") == []
