"""The tenancy mechanism, and every URL tried with another voorziening's object."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binc.models import ModuleGoedkeuring
from binc.tenancy import (
    NoActiveVoorziening,
    active_voorziening,
    all_voorzieningen,
    voorziening_context,
)
from rapporten.constants import AanvraagStatus, Rapportsoort
from rapporten.models import RapportAanvraag
from tests.binc.factories import (
    GebruikerFactory,
    MedewerkerFactory,
    ModuleGoedkeuringFactory,
    VoorzieningFactory,
)
from tests.conftest import logged_in_client
from tests.dossiers.factories import (
    BeslissingFactory,
    ClientFactory,
    ContextPersoonFactory,
    DossierFactory,
    SchakelingFactory,
)
from tests.kwartaal.factories import CapaciteitFactory, ClientInzetFactory, KwartaalstaatFactory


# Every URL that takes an object of a voorziening: how to make one for a given voorziening,
# and the method to try. A new URL pattern must be added here or to NO_OBJECT_URLS
# (test_every_url_is_classified).
def _dossier(v):
    return {"pk": DossierFactory(voorziening=v).pk}


def _client(v):
    return {"pk": ClientFactory(toegang=v).pk}


def _context_persoon(v):
    persoon = ContextPersoonFactory(client=ClientFactory(toegang=v))
    return {"pk": persoon.client_id, "persoon_pk": persoon.pk}


def _beslissing(v):
    beslissing = BeslissingFactory(dossier=DossierFactory(voorziening=v))
    return {"pk": beslissing.dossier_id, "beslissing_pk": beslissing.pk}


def _schakeling(v):
    schakeling = SchakelingFactory(beslissing__dossier=DossierFactory(voorziening=v))
    return {"pk": schakeling.dossier_id, "schakeling_pk": schakeling.pk}


def _kwartaal(v):
    return {"pk": KwartaalstaatFactory(voorziening=v).pk}


def _inzet(v):
    inzet = ClientInzetFactory(inzet__kwartaalstaat__voorziening=v).inzet
    return {"pk": inzet.kwartaalstaat_id, "inzet_pk": inzet.pk}


def _capaciteit(v):
    return {"typemodule_pk": CapaciteitFactory(voorziening=v).typemodule_id}


def _rapport(v):
    aanvraag = RapportAanvraag.objects.create(
        voorziening=v,
        soort=Rapportsoort.AANTALLEN,
        van=datetime.date(2025, 1, 1),
        tot=datetime.date(2025, 12, 31),
        status=AanvraagStatus.KLAAR,
    )
    aanvraag.bestand.save("rapport.xlsx", ContentFile(b"xlsx"))
    return {"pk": aanvraag.pk}


def _document(v):
    from tests.documenten.helpers import delen

    afzender = MedewerkerFactory(voorziening=v).gebruiker
    return {"pk": delen(afzender, v, VoorzieningFactory()).pk}


def _koppeling(voorziening, naam: str = "DMS"):
    from api.services import koppeling_maken

    with voorziening_context(voorziening):
        koppeling, _ = koppeling_maken(
            voorziening=voorziening, naam=naam, scopes=["lezen"], door=GebruikerFactory()
        )
    return {"pk": koppeling.pk}


def _abonnement(voorziening):
    from django.test import override_settings

    from api.models import Koppeling
    from api.webhooks import abonnement_maken

    koppeling = _koppeling(voorziening, naam="DMS met webhook")["pk"]
    with voorziening_context(voorziening), override_settings(WEBHOOKS_ENKEL_PUBLIEK=False):
        abonnement, _ = abonnement_maken(
            koppeling=Koppeling.objects.get(pk=koppeling), url="https://dms.voorbeeld.be/"
        )
    return {"pk": abonnement.pk}


OBJECT_URLS = {
    "documenten:dossier_toevoegen": ("get", _dossier),
    "documenten:downloaden": ("get", _document),
    "documenten:intrekken": ("post", _document),
    "koppelingen:intrekken": ("post", _koppeling),
    "koppelingen:webhook": ("post", _abonnement),
    "kwartaal:staat": ("get", _kwartaal),
    "bezetting:voorbeeld": ("get", _dossier),
    "kwartaal:export": ("get", _kwartaal),
    "kwartaal:typemodule": ("get", _inzet),
    "kwartaal:capaciteit_historiek": ("get", _capaciteit),
    "rapporten:download": ("get", _rapport),
    "binc:module_detail": ("get", lambda v: {"pk": ModuleGoedkeuringFactory(voorziening=v).pk}),
    "dossiers:dossier_detail": ("get", _dossier),
    "dossiers:aanmelding_wijzigen": ("get", _dossier),
    "dossiers:activiteiten": ("get", _dossier),
    "dossiers:dossier_verwijderen": ("get", _dossier),
    "dossiers:client_detail": ("get", _client),
    "dossiers:client_wijzigen": ("get", _client),
    "dossiers:client_koppelen": ("get", _client),
    "dossiers:context_toevoegen": ("post", _client),
    "dossiers:context_verwijderen": ("get", _context_persoon),
    "dossiers:dossier_nieuw": ("get", _client),
    "dossiers:beslissing_nieuw": ("get", _dossier),
    "dossiers:beslissing_wijzigen": ("get", _beslissing),
    "dossiers:beslissing_verwijderen": ("get", _beslissing),
    "dossiers:schakeling_nieuw": ("get", _dossier),
    "dossiers:vorige_afsluiten": ("get", _dossier),
    "dossiers:schakeling_wijzigen": ("get", _schakeling),
    "dossiers:schakeling_verwijderen": ("get", _schakeling),
    "dossiers:dossier_afsluiten": ("get", _dossier),
    "dossiers:dossier_heropenen": ("post", _dossier),
    "registratie:formulier": ("get", lambda v: {**_dossier(v), "soort": "begin"}),
    "dossiers:overdragen_collega": (
        "get",
        lambda v: {"pk": DossierFactory(voorziening=v).behandelaar_id},
    ),
}
NO_OBJECT_URLS = {
    "binc:login",
    "binc:logout",
    "binc:kies_voorziening",
    "binc:module_list",
    "dossiers:overzicht",
    "dossiers:dossier_zoeken",
    "dossiers:overdragen",
    "dossiers:client_zoeken",
    "dossiers:client_toevoegen",
    "dossiers:client_nieuw",
    "dossiers:client_ongeboren",
    "kwartaal:lijst",
    "kwartaal:capaciteit",
    "bezetting:bezettingsgraad",
    "bezetting:bezetting_ob",
    "bezetting:benuttingsgraad",
    "bezetting:inzet",
    # A figure's breakdown names typemodules, not objects: another voorziening's answers 404
    # (tests/bezetting/test_opbouw.py).
    "bezetting:bezetting_opbouw",
    "bezetting:benutting_opbouw",
    "bezetting:bezetting_trend",
    "rapporten:lijst",
    "rapporten:nieuw",
    "documenten:ontvangen",
    "documenten:verzonden",
    "documenten:toevoegen",
    "documenten:gebruikersbeheer",
    "koppelingen:lijst",
    "koppelingen:webhooks",
    "dossiers:privacy_inzage",
    "binc:sessie_verlengen",
    "binc:toegankelijkheid",
    "binc:werklijst",
    "binc:werk_tellingen",
}
# The Opgroeien admin site is cross-voorziening by design and closed to medewerkers; see
# test_opgroeien_area_is_closed_to_medewerkers.
STAFF_NAMESPACES = {"opgroeien", "bezetting_opgroeien", "dossiers_opgroeien", "werk_opgroeien"}
# The registration API answers a bearer token, never a session: tests/api/test_api.py tries
# every endpoint with another voorziening's ids.
STAFF_NAMESPACES |= {"api"}


def _url_names(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if (entry.namespace or "") in STAFF_NAMESPACES:
                continue
            yield from _url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_classified():
    names = set(_url_names(get_resolver().url_patterns)) - {"oidc_authentication_init"}
    assert names == OBJECT_URLS.keys() | NO_OBJECT_URLS


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_another_voorzienings_object_answers_404(
    name, medewerker_client, voorziening, andere_voorziening
):
    method, build = OBJECT_URLS[name]
    with all_voorzieningen():
        own = build(voorziening)
        other = build(andere_voorziening)
    request = getattr(medewerker_client, method)

    assert request(reverse(name, kwargs=own)).status_code != 404
    response = request(reverse(name, kwargs=other))
    assert response.status_code == 404
    assert andere_voorziening.naam not in response.content.decode()


@pytest.mark.django_db
def test_manager_refuses_queries_without_active_voorziening():
    with pytest.raises(NoActiveVoorziening):
        list(ModuleGoedkeuring.objects.all())


def test_manager_scopes_to_the_active_voorziening(
    voorziening, andere_voorziening, cross_voorziening
):
    own = ModuleGoedkeuringFactory(voorziening=voorziening)
    ModuleGoedkeuringFactory(voorziening=andere_voorziening)

    with voorziening_context(voorziening):
        assert list(ModuleGoedkeuring.objects.all()) == [own]
        assert active_voorziening() == voorziening
    assert ModuleGoedkeuring.objects.count() == 2
    assert active_voorziening() is None


def test_scoped_lookup_of_another_voorzienings_object_finds_nothing(
    voorziening, andere_voorziening
):
    with all_voorzieningen():
        other = ModuleGoedkeuringFactory(voorziening=andere_voorziening)
    with voorziening_context(voorziening):
        assert not ModuleGoedkeuring.objects.filter(pk=other.pk).exists()


def test_session_pointing_at_a_foreign_voorziening_activates_nothing(
    medewerker, andere_voorziening
):
    client = logged_in_client(medewerker, andere_voorziening)

    response = client.get(reverse("dossiers:overzicht"))

    assert response.status_code == 302
    assert response.url == f"{reverse('binc:kies_voorziening')}?next=%2F"


def test_removed_membership_takes_effect_on_the_next_request(medewerker, voorziening):
    client = logged_in_client(medewerker, voorziening)
    assert client.get(reverse("dossiers:overzicht")).status_code == 200

    medewerker.lidmaatschappen.update(actief=False)

    assert client.get(reverse("dossiers:overzicht")).status_code == 302


def test_opgroeien_area_is_closed_to_medewerkers(medewerker_client):
    for url in [
        "/opgroeien/",
        "/opgroeien/binc/modulegoedkeuring/",
        "/opgroeien/binc/voorziening/",
    ]:
        response = medewerker_client.get(url)
        assert response.status_code == 403  # signed in, not staff: no access, no login loop


def test_opgroeien_staff_see_every_voorziening(
    opgroeien_gebruiker, voorziening, andere_voorziening
):
    with all_voorzieningen():
        ModuleGoedkeuringFactory(voorziening=voorziening)
        ModuleGoedkeuringFactory(voorziening=andere_voorziening)
    client = logged_in_client(opgroeien_gebruiker)

    response = client.get("/opgroeien/binc/modulegoedkeuring/")

    assert response.status_code == 200
    assert voorziening.naam in response.content.decode()
    assert andere_voorziening.naam in response.content.decode()


def test_colleague_sees_the_same_data(collega, medewerker, voorziening):
    with all_voorzieningen():
        goedkeuring = ModuleGoedkeuringFactory(voorziening=voorziening)
    for gebruiker in (medewerker, collega):
        client = logged_in_client(gebruiker, voorziening)
        assert client.get(goedkeuring.get_absolute_url()).status_code == 200


def test_medewerker_of_two_voorzieningen_sees_only_the_active_one(voorziening, andere_voorziening):
    multi = MedewerkerFactory(voorziening=voorziening).gebruiker
    MedewerkerFactory(gebruiker=multi, voorziening=andere_voorziening)
    with all_voorzieningen():
        other = ModuleGoedkeuringFactory(voorziening=andere_voorziening)

    client = logged_in_client(multi, voorziening)

    assert client.get(other.get_absolute_url()).status_code == 404
