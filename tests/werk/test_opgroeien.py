"""Opgroeien's work list across every voorziening: kwartalen sent and years to process, reopen
requests, Groeipakket messages refused or undelivered, shares whose e-mail bounced. Each kind
only for the role that can act on it; each item gone once acted on."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from binc import werk
from binc.constants import OpgroeienRol
from binc.tenancy import all_voorzieningen, voorziening_context
from binc.werk import Doelgroep, Werkcontext
from documenten.constants import MAX_MAILPOGINGEN, MailStatus
from documenten.models import Deling
from documenten.services import mislukte_mails_herstarten
from dossiers.models import HeropenAanvraag
from dossiers.services.afsluiten import heropenaanvraag_behandelen
from groeipakket.constants import BerichtActie, BerichtStatus
from groeipakket.models import GroeipakketBatch, GroeipakketBericht
from groeipakket.relay import opnieuw_versturen
from kwartaal.constants import KwartaalStatus
from kwartaal.services.opgroeien import jaar_verwerken
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.documenten.helpers import delen
from tests.dossiers.factories import DossierFactory
from tests.kwartaal.factories import KwartaalstaatFactory

pytestmark = [OP_VANDAAG, pytest.mark.django_db]
D = datetime.date
WERK = reverse("werk_opgroeien:werklijst")


def rol(*rollen):
    gebruiker = GebruikerFactory(opgroeien=True)
    gebruiker.groups.add(*Group.objects.filter(name__in=rollen))
    return gebruiker


def items(gebruiker, soort=""):
    with all_voorzieningen():
        context = Werkcontext(timezone.localdate(), gebruiker)
        return werk.werklijst(context, Doelgroep.OPGROEIEN, soort=soort)


@pytest.fixture
def twee():
    return VoorzieningFactory(naam="De Linde"), VoorzieningFactory(naam="Het Anker")


def test_sent_kwartalen_wait_and_the_past_year_can_be_processed(twee, opgroeien_gebruiker):
    linde, anker = twee
    verzonden = timezone.now()
    KwartaalstaatFactory(
        voorziening=linde,
        jaar=2025,
        kwartaal=4,
        status=KwartaalStatus.VERZONDEN,
        verzonden_op=verzonden,
    )
    KwartaalstaatFactory(
        voorziening=anker,
        jaar=2026,
        kwartaal=1,
        status=KwartaalStatus.VERZONDEN,
        verzonden_op=verzonden,
    )
    KwartaalstaatFactory(voorziening=anker, jaar=2025, kwartaal=3, status=KwartaalStatus.OPEN)
    wachten = items(opgroeien_gebruiker, "kwartaal")
    assert sorted((i.voorziening, i.wat) for i in wachten) == [
        ("De Linde", "Kwartaal 4 - 2025"),
        ("Het Anker", "Kwartaal 1 - 2026"),
    ]
    [jaar] = items(opgroeien_gebruiker, "jaar")
    assert jaar.wat == "Jaar 2025"
    assert jaar.datum == D(2026, 4, 1)
    assert jaar.waarom.startswith("1 verzonden kwartalen")
    assert jaar.url == reverse("opgroeien:kwartaal_verwerken")

    with all_voorzieningen():
        jaar_verwerken(jaar=2025, gebruiker=opgroeien_gebruiker)
    assert items(opgroeien_gebruiker, "jaar") == []
    assert [i.wat for i in items(opgroeien_gebruiker, "kwartaal")] == ["Kwartaal 1 - 2026"]


def test_reopen_requests_to_decide(twee, opgroeien_gebruiker):
    linde, _ = twee
    aanvrager = MedewerkerFactory(voorziening=linde).gebruiker
    with voorziening_context(linde):
        dossier = DossierFactory(voorziening=linde, afgesloten=True)
        aanvraag = HeropenAanvraag.objects.create(dossier=dossier, aangevraagd_door=aanvrager)
    [item] = items(opgroeien_gebruiker, "heropenen")
    assert (item.wat, item.voorziening) == (dossier.code, "De Linde")
    # The item opens that request, where it is approved or rejected.
    assert item.url == reverse("opgroeien:dossiers_heropenaanvraag_change", args=[aanvraag.pk])
    assert logged_in_client(opgroeien_gebruiker).get(item.url).status_code == 200
    with all_voorzieningen():
        heropenaanvraag_behandelen(
            aanvraag_pk=aanvraag.pk, gebruiker=opgroeien_gebruiker, goedkeuren=True
        )
    assert items(opgroeien_gebruiker, "heropenen") == []


def test_refused_and_undelivered_groeipakket_messages(twee, opgroeien_gebruiker):
    linde, _ = twee
    batch = GroeipakketBatch.objects.create(dag=D(2026, 3, 15))
    berichten = [
        GroeipakketBericht._base_manager.create(
            batch=batch,
            voorziening=linde,
            dossier_id=1,
            dossier_code=f"BNC_{status}",
            schakeling_id=1,
            actie=BerichtActie.AANMAAK,
            inhoud={},
            wijzigingen=[1],
            status=status,
            reden="rijksregisternummer onbekend",
        )
        for status in (BerichtStatus.GEWEIGERD, BerichtStatus.MISLUKT, BerichtStatus.AANVAARD)
    ]
    gevonden = items(opgroeien_gebruiker, "groeipakket")
    assert sorted(i.wat for i in gevonden) == ["BNC_geweigerd", "BNC_mislukt"]
    geweigerd = next(i for i in gevonden if i.wat == "BNC_geweigerd")
    assert geweigerd.waarom.startswith("Geweigerd door het fonds: rijksregisternummer onbekend")
    assert "status__exact=geweigerd" in geweigerd.url
    assert "q=BNC_geweigerd" in geweigerd.url
    with all_voorzieningen():
        opnieuw_versturen([b.pk for b in berichten])
    assert items(opgroeien_gebruiker, "groeipakket") == []


def test_a_share_whose_mail_bounced_until_sent_again(
    twee, taken_direct, django_capture_on_commit_callbacks
):
    linde, anker = twee
    afzender = MedewerkerFactory(voorziening=linde).gebruiker
    beleid = rol(OpgroeienRol.VOORZIENINGENBELEID)
    delen(afzender, linde, anker)
    Deling.objects.update(
        mail_status=MailStatus.MISLUKT, mail_pogingen=MAX_MAILPOGINGEN - 1, mail_fout="550"
    )
    assert items(beleid, "deling") == []  # Binc still tries
    Deling.objects.update(mail_pogingen=MAX_MAILPOGINGEN)
    [item] = items(beleid, "deling")
    assert item.voorziening == "De Linde"
    assert item.waarom.endswith(": 550")
    deling = Deling.objects.get()
    assert item.url == reverse("opgroeien:documenten_nietafgeleverdemail_change", args=[deling.pk])

    mail.outbox.clear()
    with all_voorzieningen(), django_capture_on_commit_callbacks(execute=True):
        assert mislukte_mails_herstarten([deling.pk]) == 1
    assert items(beleid, "deling") == []
    assert len(mail.outbox) == 1
    deling.refresh_from_db()
    assert deling.mail_status == MailStatus.VERZONDEN


def test_each_role_sees_the_kinds_it_can_act_on():
    behandelaar = rol(OpgroeienRol.DOSSIERBEHANDELAAR)
    beleid = rol(OpgroeienRol.VOORZIENINGENBELEID)
    sleutels = {s.sleutel for s in werk.soorten(Doelgroep.OPGROEIEN, behandelaar)}
    assert sleutels == {"kwartaal", "jaar", "heropenen", "groeipakket"}
    assert {s.sleutel for s in werk.soorten(Doelgroep.OPGROEIEN, beleid)} == {"deling"}


def test_the_screen_filters_exports_and_keeps_its_queries(twee, opgroeien_gebruiker):
    linde, anker = twee
    client = logged_in_client(opgroeien_gebruiker)
    KwartaalstaatFactory(
        voorziening=linde,
        jaar=2025,
        kwartaal=4,
        status=KwartaalStatus.VERZONDEN,
        verzonden_op=timezone.now(),
    )
    with CaptureQueriesContext(connection) as weinig:
        client.get(WERK)
    for kwartaal in (1, 2, 3):
        KwartaalstaatFactory(
            voorziening=anker,
            jaar=2025,
            kwartaal=kwartaal,
            status=KwartaalStatus.VERZONDEN,
            verzonden_op=timezone.now(),
        )
    with CaptureQueriesContext(connection) as veel:
        response = client.get(WERK)
    assert len(veel) == len(weinig)
    html = response.content.decode()
    assert "Het Anker" in html
    assert "Jaar 2025" in html

    response = client.get(WERK, {"soort": "jaar"})
    assert [i.soort for i, *_ in response.context["rijen"]] == ["jaar"]
    response = client.get(WERK, {"soort": "onbestaand"})
    assert "Selecteer een geldige keuze" in response.content.decode()

    export = client.get(WERK, {"soort": "kwartaal", "export": "1"})
    rijen = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert len(rijen) == 4 + 4
    assert {r[5] for r in rijen[4:]} == {"De Linde", "Het Anker"}


def test_a_medewerker_gets_403_and_a_visitor_the_login(client, twee):
    linde, _ = twee
    medewerker = MedewerkerFactory(voorziening=linde).gebruiker
    assert logged_in_client(medewerker, linde).get(WERK).status_code == 403
    assert client.get(WERK)["Location"].startswith("/aanmelden/")


def test_voorzieningenbeleid_retries_a_bounced_mail_from_its_list(
    twee, taken_direct, django_capture_on_commit_callbacks
):
    linde, anker = twee
    afzender = MedewerkerFactory(voorziening=linde).gebruiker
    delen(afzender, linde, anker)
    Deling.objects.update(
        mail_status=MailStatus.MISLUKT, mail_pogingen=MAX_MAILPOGINGEN, mail_fout="550 onbekend"
    )
    deling = Deling.objects.get()
    client = logged_in_client(rol(OpgroeienRol.VOORZIENINGENBELEID))
    lijst = reverse("opgroeien:documenten_nietafgeleverdemail_changelist")
    html = client.get(lijst).content.decode()
    assert "directie@voorziening.example" in html
    assert "550 onbekend" in html
    assert "handelingsplan.pdf" not in html  # the document's name stays with its parties
    detail = client.get(
        reverse("opgroeien:documenten_nietafgeleverdemail_change", args=[deling.pk])
    )
    assert "handelingsplan.pdf" not in detail.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            lijst, {"action": "opnieuw", "_selected_action": [deling.pk]}, follow=True
        )
    assert "1 e-mails staan opnieuw in de wachtrij." in response.content.decode()
    deling.refresh_from_db()
    assert deling.mail_status == MailStatus.VERZONDEN
    assert len(mail.outbox) == 1
    # Delivered: no longer in the list of failed e-mails.
    assert "directie@voorziening.example" not in client.get(lijst).content.decode()


def test_the_opgroeien_site_links_its_work_list(opgroeien_gebruiker):
    html = logged_in_client(opgroeien_gebruiker).get("/opgroeien/").content.decode()
    assert f'href="{WERK}">Werklijst</a>' in html


def test_verwerk_jaar_says_at_once_a_year_is_not_over_or_has_nothing_sent(opgroeien_gebruiker):
    """000 §12.2: only a year that is over is processed; the preview refuses the running year
    at the field, and offers no button where nothing was sent."""
    client = logged_in_client(opgroeien_gebruiker)
    url = reverse("opgroeien:kwartaal_verwerken")
    lopend = client.post(url, {"jaar": "2026"}).content.decode()
    assert "2026 is nog niet voorbij" in lopend
    assert "Verwerk de verzonden kwartalen" not in lopend
    KwartaalstaatFactory(jaar=2025, kwartaal=4, status=KwartaalStatus.OPEN)
    leeg = client.post(url, {"jaar": "2025"}).content.decode()
    assert "Er is niets te verwerken: geen enkel kwartaal van 2025 is verzonden." in leeg
    assert 'value="Verwerk de verzonden kwartalen' not in leeg
    KwartaalstaatFactory(jaar=2025, kwartaal=3, status=KwartaalStatus.VERZONDEN)
    klaar = client.post(url, {"jaar": "2025"}).content.decode()
    assert "1 verzonden kwartalen van 2025 worden verwerkt." in klaar
    assert 'value="Verwerk de verzonden kwartalen van 2025"' in klaar
