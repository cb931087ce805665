"""Who sees a shared document (000 §18.1, §18.2, §18.3.1): every persona, through the screens a
user opens. What one may not see answers 404 and is absent from their lists."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from binc.constants import DienstFunctie, Dienstsoort
from documenten.models import Document, DocumentBeheerder
from documenten.services import beheerder_toevoegen
from tests.binc.factories import MedewerkerFactory, VoorzieningFactory
from tests.conftest import logged_in_client
from tests.documenten.helpers import delen, dienst, dienst_medewerker
from tests.dossiers.factories import DossierFactory

pytestmark = pytest.mark.django_db


def _ziet(gebruiker, voorziening, document) -> bool:
    client = logged_in_client(gebruiker, voorziening)
    status = client.get(reverse("documenten:downloaden", args=[document.pk])).status_code
    assert status in {200, 404}
    lijsten = client.get(reverse("documenten:ontvangen")).content.decode()
    lijsten += client.get(reverse("documenten:verzonden")).content.decode()
    # The lists and the download agree: one rule decides both.
    assert (document.bestandsnaam in lijsten) == (status == 200)
    return status == 200


@pytest.fixture
def ocj():
    team = dienst()
    return {
        "consulent": dienst_medewerker(team, DienstFunctie.CONSULENT, first_name="Sofie"),
        "andere_consulent": dienst_medewerker(team, DienstFunctie.CONSULENT),
        "administratief": dienst_medewerker(team, DienstFunctie.ADMINISTRATIEF),
        "teamverantwoordelijke": dienst_medewerker(team, DienstFunctie.TEAMVERANTWOORDELIJKE),
        "dienst": team,
    }


@pytest.fixture
def derde(db):
    return MedewerkerFactory(voorziening=VoorzieningFactory(naam="Derde Voorziening")).gebruiker


def test_client_bound_to_a_voorziening_all_medewerkers_of_both_see_it(
    medewerker, collega, voorziening, andere_voorziening, buitenstaander, derde
):
    ontvanger_collega = MedewerkerFactory(voorziening=andere_voorziening).gebruiker
    dossier = DossierFactory(voorziening=voorziening)
    document = delen(medewerker, voorziening, andere_voorziening, dossier_id=dossier.pk)

    assert _ziet(medewerker, voorziening, document)
    assert _ziet(collega, voorziening, document)
    assert _ziet(buitenstaander, andere_voorziening, document)
    assert _ziet(ontvanger_collega, andere_voorziening, document)
    derde_voorziening = derde.lidmaatschappen.get().voorziening
    assert not _ziet(derde, derde_voorziening, document)


def test_a_medewerker_sees_it_only_while_working_for_the_voorziening_it_concerns(
    medewerker, voorziening, andere_voorziening, buitenstaander
):
    """Someone in both voorzieningen sees the received document only in the receiving one."""
    MedewerkerFactory(gebruiker=buitenstaander, voorziening=VoorzieningFactory())
    tweede = buitenstaander.lidmaatschappen.exclude(voorziening=andere_voorziening).get()
    document = delen(medewerker, voorziening, andere_voorziening)

    assert _ziet(buitenstaander, andere_voorziening, document)
    assert not _ziet(buitenstaander, tweede.voorziening, document)


def test_to_a_consulent_only_the_addressee_administratief_and_teamverantwoordelijke(
    medewerker, collega, voorziening, ocj, buitenstaander, andere_voorziening
):
    document = delen(medewerker, voorziening, ocj["dienst"], geadresseerde=ocj["consulent"])

    assert _ziet(ocj["consulent"], None, document)
    assert _ziet(ocj["administratief"], None, document)
    assert _ziet(ocj["teamverantwoordelijke"], None, document)
    assert not _ziet(ocj["andere_consulent"], None, document)
    assert _ziet(collega, voorziening, document)  # the sender's colleagues
    assert not _ziet(buitenstaander, andere_voorziening, document)


def test_a_consulent_of_another_dienst_sees_nothing(medewerker, voorziening, ocj):
    sdj = dienst("SDJ Gent", Dienstsoort.SDJ)
    hoofd = dienst_medewerker(sdj, DienstFunctie.TEAMVERANTWOORDELIJKE)
    document = delen(medewerker, voorziening, ocj["dienst"], geadresseerde=ocj["consulent"])

    assert not _ziet(hoofd, None, document)


def test_vertrouwelijk_only_the_sender_not_the_colleagues(
    medewerker, collega, voorziening, andere_voorziening, buitenstaander
):
    document = delen(medewerker, voorziening, andere_voorziening, vertrouwelijk=True)

    assert _ziet(medewerker, voorziening, document)
    assert not _ziet(collega, voorziening, document)
    assert _ziet(buitenstaander, andere_voorziening, document)  # the addressed voorziening


def test_persoonlijk_only_the_addressee_among_the_listed_persons(
    voorziening, buitenstaander, andere_voorziening, taken_direct
):
    """000 §18.3.1: "zal alleen gedeeld worden met de geadresseerde": the other listed persons
    and the rest of the voorziening see neither the document nor its name."""
    beleid = dienst("Opgroeien – Voorzieningenbeleid", Dienstsoort.VOORZIENINGENBELEID)
    afzender = dienst_medewerker(beleid, DienstFunctie.ADMINISTRATIEF)
    beleid_collega = dienst_medewerker(beleid, DienstFunctie.TEAMVERANTWOORDELIJKE)
    ook_vermeld = MedewerkerFactory(voorziening=andere_voorziening).gebruiker
    niet_vermeld = MedewerkerFactory(voorziening=andere_voorziening).gebruiker
    for persoon in (buitenstaander, ook_vermeld):
        beheerder_toevoegen(voorziening=andere_voorziening, gebruiker=persoon)
    buitenstaander.email = buitenstaander.email or "directeur@andere.example"
    buitenstaander.save()
    document = delen(
        afzender, None, andere_voorziening, geadresseerde=buitenstaander, persoonlijk=True
    )

    assert _ziet(afzender, None, document)
    assert not _ziet(beleid_collega, None, document)
    assert _ziet(buitenstaander, andere_voorziening, document)
    assert not _ziet(ook_vermeld, andere_voorziening, document)
    assert not _ziet(niet_vermeld, andere_voorziening, document)
    # Beside the sender's own look, only the addressee appears in the receipts.
    geopend = set(document.openingen.values_list("gebruiker", flat=True))
    assert geopend == {afzender.pk, buitenstaander.pk}
    # Taken off the list, the addressee no longer sees it either.
    DocumentBeheerder._base_manager.filter(gebruiker=buitenstaander).delete()
    assert not _ziet(buitenstaander, andere_voorziening, document)


def test_a_personal_document_is_addressed_to_a_listed_person_or_refused(
    buitenstaander, andere_voorziening
):
    beleid = dienst("Opgroeien – Voorzieningenbeleid", Dienstsoort.VOORZIENINGENBELEID)
    afzender = dienst_medewerker(beleid, DienstFunctie.ADMINISTRATIEF)
    with pytest.raises(ValidationError, match="opgaf voor persoonlijke documenten"):
        delen(afzender, None, andere_voorziening, geadresseerde=buitenstaander, persoonlijk=True)
    with pytest.raises(ValidationError, match="opgaf voor persoonlijke documenten"):
        delen(afzender, None, andere_voorziening, persoonlijk=True)
    assert not Document.objects.exists()


def test_somebody_without_voorziening_or_dienst_is_sent_to_choose(medewerker, voorziening):
    client = logged_in_client(medewerker)  # logged in, no voorziening chosen

    response = client.get(reverse("documenten:ontvangen"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("binc:kies_voorziening"))


def test_a_consulent_lands_on_ontvangen_documenten_after_login(ocj):
    client = logged_in_client(ocj["consulent"])

    response = client.get(reverse("binc:kies_voorziening"))

    assert response.status_code == 302
    assert response.url == reverse("documenten:ontvangen")
