"""One implementation of every rule: each of the API's write endpoints calls the service the
screens call (the table below), and there is no write endpoint the table does not name."""

from unittest import mock

import pytest
from django.test import override_settings
from django.urls import URLPattern, get_resolver

from api import webhooks
from dossiers.services import afsluiten, beslissingen, clients, dossiers, schakelingen
from kwartaal.services import invullen
from registratie import services as registratie_services
from tests.conftest import OP_VANDAAG

pytestmark = [OP_VANDAAG, pytest.mark.django_db]

# (url name, method) -> the service, as the screens call it
DIENSTEN = {
    ("clienten", "post"): (clients, "client_create"),
    ("dossiers", "post"): (dossiers, "dossier_create"),
    ("dossier", "delete"): (dossiers, "dossier_delete"),
    ("beslissingen", "post"): (beslissingen, "beslissing_create"),
    ("beslissing", "put"): (beslissingen, "beslissing_update"),
    ("beslissing", "delete"): (beslissingen, "beslissing_delete"),
    ("schakelingen", "post"): (schakelingen, "schakeling_add"),
    ("schakeling", "put"): (schakelingen, "schakeling_update"),
    ("schakeling", "delete"): (schakelingen, "schakeling_delete"),
    ("toewijzen", "post"): (dossiers, "dossiers_transfer"),
    ("afsluiten", "post"): (afsluiten, "dossier_afsluiten"),
    ("heropenen", "post"): (afsluiten, "dossier_heropenen"),
    ("registratie", "put"): (registratie_services, "registratie_opslaan"),
    ("kwartaal", "put"): (invullen, "totalen_opslaan"),
    # Webhook subscriptions are the API's own (its koppelingen's), not a screen's.
    ("abonnementen", "post"): (webhooks, "abonnement_maken"),
    ("abonnement", "delete"): (webhooks, "abonnement_verwijderen"),
    ("hervatten", "post"): (webhooks, "abonnement_hervatten"),
}


def test_every_write_endpoint_is_in_the_table():
    api = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "api")
    gevonden = set()
    for patroon in api.url_patterns:
        assert isinstance(patroon, URLPattern)
        view = getattr(patroon.callback, "view_class", None)
        for methode in ("post", "put", "patch", "delete"):
            # The route without its trailing slash (unnamed) is the same view.
            if view is not None and hasattr(view, methode) and patroon.name not in ("token", None):
                gevonden.add((patroon.name, methode))
    assert gevonden == set(DIENSTEN)


def test_each_write_endpoint_calls_the_screens_service(api, omgeving):
    from binc.models import RijksregisterPersoon

    spionnen = {
        sleutel: mock.patch.object(module, naam, wraps=getattr(module, naam))
        for sleutel, (module, naam) in DIENSTEN.items()
    }
    actief = {sleutel: spion.start() for sleutel, spion in spionnen.items()}
    try:
        base = "140301124"
        nummer = f"{base}{97 - int('2' + base) % 97:02d}"
        RijksregisterPersoon.objects.create(
            rijksregisternummer=nummer,
            naam="Aerts",
            voornaam="Mila",
            geslacht="V",
            geboortedatum="2014-03-01",
        )
        client = api.post(
            "clienten/",
            {
                "rijksregisternummer": nummer,
                "niet_begeleide_minderjarige": "nee",
                "land_van_origine": "België",
                "omgangstaal": "nl",
            },
        ).json()
        dossier = api.post(
            "dossiers/",
            {
                "client": client["id"],
                "aanmelding": {"via_toegangspoort": True, "uitstroom_gi": False},
            },
        ).json()
        pad = f"dossiers/{dossier['id']}/"
        b = api.post(
            pad + "beslissingen/",
            {"begindatum": "2026-01-05", "modules": ["BEGBJB02"], "verwijzingsgrond": "vrijwillig"},
        )
        api.put(
            pad + f"beslissingen/{b.json()['id']}/",
            {"begindatum": "2026-01-06"},
            **{"If-Match": b["ETag"]},
        )
        s = api.post(pad + "schakelingen/", {"begindatum": "2026-01-06", "modules": ["BEGBJB02"]})
        s2 = api.put(
            pad + f"schakelingen/{s.json()['id']}/",
            {"einddatum": "2026-02-01"},
            **{"If-Match": s["ETag"]},
        )
        assert s2.status_code == 200, s2.content
        [kwartaal] = api.get("kwartalen/").json()["resultaten"]
        antwoord = api.put(f"kwartalen/{kwartaal['id']}/", {"totalen": {}}, **{"If-Match": '"1"'})
        assert antwoord.status_code == 200, antwoord.content
        alles = {"If-Match": "*"}
        assert api.delete(pad + f"schakelingen/{s.json()['id']}/", **alles).status_code == 204
        assert api.delete(pad + f"beslissingen/{b.json()['id']}/", **alles).status_code == 204
        assert api.post(pad + "toewijzen/", {"behandelaar": omgeving[1].pk}).status_code == 200
        assert api.post(pad + "afsluiten/", {}).status_code == 409  # nothing to close yet
        assert api.post(pad + "heropenen/").status_code == 412  # it is open
        assert api.put(pad + "registraties/begin/", {}, **{"If-Match": '"0"'}).status_code == 200
        assert api.delete(pad, **alles).status_code == 204  # made by mistake
        with override_settings(WEBHOOKS_ENKEL_PUBLIEK=False):  # no name lookup in a test
            abonnement = api.post("abonnementen/", {"url": "https://ontvanger.invalid/"}).json()
        assert api.post(f"abonnementen/{abonnement['id']}/hervatten/").status_code == 200
        assert api.delete(f"abonnementen/{abonnement['id']}/").status_code == 204
    finally:
        for spion in spionnen.values():
            spion.stop()
    for sleutel, spion in actief.items():
        assert spion.called, sleutel


def test_the_screens_and_the_api_set_up_each_form_and_figure_through_one_door():
    """What a form needs (the beslissing, the previous schakeling, the stored answers) and the
    bezetting's computation are read in one function each, which the page and the endpoint
    both call: a change there reaches both."""
    from api.views import bezetting as api_bezetting
    from api.views import registraties as api_registraties
    from api.views import zorg as api_zorg
    from bezetting import views as bezetting_views
    from dossiers.views import zorg as zorg_views
    from registratie import views as registratie_views

    assert api_zorg.nieuwe_schakeling is zorg_views.nieuwe_schakeling
    assert api_zorg.bestaande_schakeling is zorg_views.bestaande_schakeling
    assert api_registraties.registratie_formulier is registratie_views.registratie_formulier
    assert api_bezetting.bezetting_van is bezetting_views.bezetting_van
