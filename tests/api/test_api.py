"""The registration API as a voorziening's system meets it: OAuth2 client credentials and
scopes, tenancy, problem details, Idempotency-Key, ETag/If-Match, the screens' rules and the
change feed."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.models import Scope
from api.services import koppeling_intrekken
from binc.models import RijksregisterOpzoeking, RijksregisterPersoon
from binc.tenancy import all_voorzieningen, voorziening_context
from dossiers.models import Beslissing, Dossier, HeropenAanvraag
from tests.api.conftest import Api, koppeling_met_api, token_halen
from tests.binc.factories import GebruikerFactory, ModuleGoedkeuringFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing, m

pytestmark = [OP_VANDAAG, pytest.mark.django_db]
PROBLEEM = "application/problem+json"


def _beslissing(api, dossier, begin="2026-01-05", codes=("BEGBJB02",)):
    return api.post(
        f"dossiers/{dossier.pk}/beslissingen/",
        {"begindatum": begin, "modules": list(codes), "verwijzingsgrond": "vrijwillig"},
    )


# --- Credentials, scopes, revocation ------------------------------------------------------------


def test_a_token_needs_the_right_secret(omgeving):
    voorziening, _, _ = omgeving
    koppeling, _ = koppeling_met_api(voorziening)
    fout = token_halen(koppeling.application.client_id, "verkeerd")
    assert fout["status"] == 401


def test_without_a_token_401_as_problem_details(client):
    response = client.get("/api/v1/dossiers/")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEEM
    assert response.json()["title"] == "Niet aangemeld"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_reading_koppeling_cannot_write(omgeving):
    voorziening, _, dossier = omgeving
    _, lezer = koppeling_met_api(voorziening, scopes=[Scope.LEZEN], naam="Rapportering")
    assert lezer.get(f"dossiers/{dossier.pk}/").status_code == 200
    response = _beslissing(lezer, dossier)
    assert response.status_code == 403
    assert "schrijven" in response.json()["detail"]


def test_a_revoked_koppeling_is_refused_at_once(omgeving):
    voorziening, _, dossier = omgeving
    koppeling, api = koppeling_met_api(voorziening)
    assert api.get(f"dossiers/{dossier.pk}/").status_code == 200
    koppeling_intrekken(koppeling=koppeling, door=GebruikerFactory())
    assert api.get(f"dossiers/{dossier.pk}/").status_code == 401


# --- Tenancy --------------------------------------------------------------------------------------


def test_another_voorzienings_ids_answer_404_everywhere(api, omgeving):
    _voorziening, gebruiker, _ = omgeving
    andere = VoorzieningFactory(naam="Elders")
    ModuleGoedkeuringFactory(voorziening=andere, module=m("BEGBJB02"), geldig_van=D(2015, 1, 1))
    with voorziening_context(andere):
        vreemd = DossierFactory(voorziening=andere)
        b = beslissing(vreemd, gebruiker, codes=("BEGBJB02",))
        s = add(vreemd, gebruiker, b, D(2026, 1, 5))
    paden = [
        ("get", f"dossiers/{vreemd.pk}/"),
        ("get", f"dossiers/{vreemd.pk}/beslissingen/"),
        ("post", f"dossiers/{vreemd.pk}/beslissingen/"),
        ("get", f"dossiers/{vreemd.pk}/beslissingen/{b.pk}/"),
        ("put", f"dossiers/{vreemd.pk}/beslissingen/{b.pk}/"),
        ("delete", f"dossiers/{vreemd.pk}/beslissingen/{b.pk}/"),
        ("get", f"dossiers/{vreemd.pk}/schakelingen/"),
        ("post", f"dossiers/{vreemd.pk}/schakelingen/"),
        ("get", f"dossiers/{vreemd.pk}/schakelingen/{s.pk}/"),
        ("put", f"dossiers/{vreemd.pk}/schakelingen/{s.pk}/"),
        ("delete", f"dossiers/{vreemd.pk}/schakelingen/{s.pk}/"),
    ]
    for methode, pad in paden:
        response = getattr(api, methode)(pad, {}, **{"If-Match": '"1"'})
        assert response.status_code == 404, (methode, pad, response.content)
        assert "Elders" not in response.content.decode()
    assert api.get("dossiers/", {"code": vreemd.code}).json()["resultaten"] == []
    with all_voorzieningen():
        assert Dossier.objects.filter(pk=vreemd.pk).get().beslissingen.count() == 1


# --- Clients and dossiers -------------------------------------------------------------------------


def test_identify_a_client_through_the_register_then_create_a_dossier(api, omgeving):
    voorziening, _, _ = omgeving
    base = "140301123"
    persoon = RijksregisterPersoon.objects.create(
        rijksregisternummer=f"{base}{97 - int('2' + base) % 97:02d}",
        naam="Peeters",
        voornaam="Lotte",
        geslacht="V",
        geboortedatum=D(2014, 3, 1),
    )
    ongeldig = api.post("clienten/", {"rijksregisternummer": "123"})
    assert ongeldig.status_code == 400
    assert ongeldig.json()["fouten"][0]["veld"] == "rijksregisternummer"
    onvolledig = api.post("clienten/", {"rijksregisternummer": persoon.rijksregisternummer})
    assert onvolledig.status_code == 400  # the screen's mandatory additions
    nieuw = api.post(
        "clienten/",
        {
            "rijksregisternummer": persoon.rijksregisternummer,
            "niet_begeleide_minderjarige": "nee",
            "land_van_origine": "België",
            "omgangstaal": "nl",
        },
    )
    assert nieuw.status_code == 201, nieuw.content
    assert nieuw.json()["naam"] == "Peeters"
    again = api.post("clienten/", {"rijksregisternummer": persoon.rijksregisternummer})
    assert again.status_code == 200
    assert again.json()["id"] == nieuw.json()["id"]
    with voorziening_context(voorziening):
        # Every lookup is logged as on the screen, by the koppeling's user.
        assert RijksregisterOpzoeking.objects.filter(voorziening=voorziening).count() == 3

    dossier = api.post(
        "dossiers/",
        {
            "client": nieuw.json()["id"],
            "aanmelding": {"via_toegangspoort": True, "uitstroom_gi": False},
        },
        **{"Idempotency-Key": "dms-42"},
    )
    assert dossier.status_code == 201, dossier.content
    assert dossier["Location"] == f"/api/v1/dossiers/{dossier.json()['id']}/"
    assert dossier["ETag"] == '"1"'
    assert dossier.json()["behandelaar"].startswith("Eigen DMS")
    # The same request again: the same answer, no second dossier.
    herhaald = api.post(
        "dossiers/",
        {
            "client": nieuw.json()["id"],
            "aanmelding": {"via_toegangspoort": True, "uitstroom_gi": False},
        },
        **{"Idempotency-Key": "dms-42"},
    )
    assert herhaald.status_code == 201
    assert herhaald.json() == dossier.json()
    assert herhaald["Idempotent-Replayed"] == "true"
    anders = api.post(
        "dossiers/",
        {"client": nieuw.json()["id"], "aanmelding": {"via_toegangspoort": False}},
        **{"Idempotency-Key": "dms-42"},
    )
    assert anders.status_code == 422
    # Also on /clienten/, whose register lookup is logged whatever follows: the refusal keeps
    # the key's first answer.
    elders = api.post("clienten/", {"rijksregisternummer": "x"}, **{"Idempotency-Key": "dms-42"})
    assert elders.status_code == 422
    nog = api.post(
        "dossiers/",
        {
            "client": nieuw.json()["id"],
            "aanmelding": {"via_toegangspoort": True, "uitstroom_gi": False},
        },
        **{"Idempotency-Key": "dms-42"},
    )
    assert nog["Idempotent-Replayed"] == "true"
    assert nog.json() == dossier.json()
    # One open dossier per client (000 §10), as on the screen.
    tweede = api.post(
        "dossiers/",
        {
            "client": nieuw.json()["id"],
            "aanmelding": {"via_toegangspoort": True, "uitstroom_gi": False},
        },
    )
    assert tweede.status_code == 400
    with voorziening_context(voorziening):
        assert Dossier.objects.filter(client_id=nieuw.json()["id"]).count() == 1


def test_list_and_search_with_constant_queries(api, omgeving):
    voorziening, _, dossier = omgeving
    with CaptureQueriesContext(connection) as weinig:
        api.get("dossiers/")
    for _ in range(10):
        DossierFactory(voorziening=voorziening, client=ClientFactory())
    with CaptureQueriesContext(connection) as veel:
        response = api.get("dossiers/")
    assert len(response.json()["resultaten"]) == 11
    assert len(veel) == len(weinig)
    gezocht = api.get("dossiers/", {"code": dossier.code})
    assert [d["id"] for d in gezocht.json()["resultaten"]] == [dossier.pk]
    assert api.get("dossiers/", {"gewijzigd_na": "gisteren"}).status_code == 400


# --- Beslissingen and schakelingen: the screens' rules --------------------------------------------


def test_a_change_needs_the_etag_and_the_first_save_wins(api, omgeving):
    _, _, dossier = omgeving
    nieuw = _beslissing(api, dossier)
    pad = f"dossiers/{dossier.pk}/beslissingen/{nieuw.json()['id']}/"
    body = {"begindatum": "2026-01-06", "modules": ["BEGBJB02"], "verwijzingsgrond": "vrijwillig"}
    assert api.put(pad, body).status_code == 428
    eerste = api.put(pad, body, **{"If-Match": nieuw["ETag"]})
    assert eerste.status_code == 200, eerste.content
    assert eerste["ETag"] == '"2"'
    tweede = api.put(pad, body, **{"If-Match": nieuw["ETag"]})
    assert tweede.status_code == 412
    assert tweede.json()["detail"] == "De gevraagde actie kon niet uitgevoerd worden."


def test_if_match_as_rfc_9110_says(api, omgeving):
    """`*` matches what is there now, a weak tag never matches a change, a list matches when
    one of its tags does, and a value that is no ETag is a bad request, not a lost race."""
    _, _, dossier = omgeving
    beslissing = _beslissing(api, dossier)
    pad = f"dossiers/{dossier.pk}/beslissingen/{beslissing.json()['id']}/"
    wijziging = {
        "begindatum": "2026-01-06",
        "modules": ["BEGBJB02"],
        "verwijzingsgrond": "vrijwillig",
    }
    assert api.put(pad, wijziging, **{"If-Match": 'W/"1"'}).status_code == 412
    assert api.put(pad, wijziging, **{"If-Match": "drie"}).status_code == 400
    assert api.put(pad, wijziging, **{"If-Match": '"7", "1"'}).status_code == 200
    ster = api.put(pad, {**wijziging, "begindatum": "2026-01-07"}, **{"If-Match": "*"})
    assert ster.status_code == 200
    assert ster["ETag"] == '"3"'


def test_the_d227_warning_is_confirmed_like_on_the_screen(api, omgeving):
    _, _, dossier = omgeving
    _beslissing(api, dossier, codes=("VBFBJB04",))
    body = {"begindatum": "2026-01-05", "modules": ["VBFBJB04"]}
    gevraagd = api.post(f"dossiers/{dossier.pk}/schakelingen/", body)
    assert gevraagd.status_code == 409
    [waarschuwing] = gevraagd.json()["waarschuwingen"]
    assert waarschuwing["code"] == "groeipakket_d227"
    assert "D227" in waarschuwing["melding"]
    assert api.get(f"dossiers/{dossier.pk}/schakelingen/").json()["resultaten"] == []  # none
    bevestigd = api.post(f"dossiers/{dossier.pk}/schakelingen/", {**body, "bevestigd": True})
    assert bevestigd.status_code == 201, bevestigd.content
    assert bevestigd.json()["modules"][0]["code"] == "VBFBJB04"


def test_chronology_overlap_and_verlenging_as_on_the_screen(api, omgeving):
    _, _, dossier = omgeving
    _beslissing(api, dossier)
    eerste = api.post(
        f"dossiers/{dossier.pk}/schakelingen/",
        {"begindatum": "2026-01-05", "modules": ["BEGBJB02"]},
    )
    assert eerste.status_code == 201
    open_vorige = api.post(
        f"dossiers/{dossier.pk}/schakelingen/",
        {"begindatum": "2026-02-01", "modules": ["BEGBJB02"]},
    )
    assert open_vorige.status_code == 400  # the previous one has no end date yet
    pad = f"dossiers/{dossier.pk}/schakelingen/{eerste.json()['id']}/"
    afgesloten = api.put(pad, {"einddatum": "2026-02-01"}, **{"If-Match": eerste["ETag"]})
    assert afgesloten.status_code == 200, afgesloten.content
    assert afgesloten.json()["modules"][0]["code"] == "BEGBJB02"  # the rest kept
    overlap = api.post(
        f"dossiers/{dossier.pk}/schakelingen/",
        {"begindatum": "2026-01-20", "modules": ["BEGBJB02"]},
    )
    assert overlap.status_code == 400
    assert overlap.json()["fouten"][0]["veld"] == "begindatum"
    # A new beslissing, then the same offer continued under it: a verlenging.
    _beslissing(api, dossier, begin="2026-02-01")
    verlenging = api.post(
        f"dossiers/{dossier.pk}/schakelingen/",
        {"begindatum": "2026-02-01", "modules": [], "verlenging": True},
    )
    assert verlenging.status_code == 201, verlenging.content
    assert verlenging.json()["soort"] == "verlenging"
    assert verlenging.json()["modules"][0]["code"] == "BEGBJB02"


def test_a_field_left_out_takes_what_the_screen_offers(api, omgeving):
    """The screen's new schakeling follows the beslissing: its begin date and its modules are
    the defaults, through the API as on the page (one form set-up for both)."""
    _, _, dossier = omgeving
    _beslissing(api, dossier, begin="2026-01-05")
    nieuw = api.post(f"dossiers/{dossier.pk}/schakelingen/", {})
    assert nieuw.status_code == 201, nieuw.content
    assert nieuw.json()["begindatum"] == "2026-01-05"
    assert [m["code"] for m in nieuw.json()["modules"]] == ["BEGBJB02"]


def test_a_processed_year_locks_as_on_the_screen(api, omgeving):
    from django.utils import timezone

    from dossiers.models import VerwerktJaar
    from kwartaal.constants import KwartaalStatus
    from kwartaal.models import Kwartaalstaat

    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, D(2025, 1, 5))
    add(dossier, gebruiker, b, D(2025, 1, 5), D(2025, 6, 30))
    VerwerktJaar.objects.create(jaar=2025)
    Kwartaalstaat.objects.filter(jaar=2025).update(
        status=KwartaalStatus.VERWERKT, verwerkt_op=timezone.now()
    )
    nieuw = api.post(
        f"dossiers/{dossier.pk}/schakelingen/",
        {"begindatum": "2025-07-01", "modules": ["BEGBJB02"]},
    )
    assert nieuw.status_code == 400
    assert "verwerkt" in nieuw.content.decode()


# --- The change feed ------------------------------------------------------------------------------


def test_the_feed_has_what_changed_by_anyone_in_order(
    api, omgeving, time_machine, opgroeien_gebruiker
):
    from dossiers.services.afsluiten import heropenaanvraag_behandelen

    voorziening, gebruiker, dossier = omgeving
    assert api.get("wijzigingen/").json() == {"resultaten": [], "volgende": 0, "meer": False}
    _beslissing(api, dossier)
    afgesloten = DossierFactory(voorziening=voorziening, afgesloten=True, client=ClientFactory())
    aanvraag = HeropenAanvraag.objects.create(dossier=afgesloten, aangevraagd_door=gebruiker)
    with all_voorzieningen():
        heropenaanvraag_behandelen(
            aanvraag_pk=aanvraag.pk, gebruiker=opgroeien_gebruiker, goedkeuren=True
        )
    assert api.get("wijzigingen/").json()["resultaten"] == []  # settling for 10 s
    time_machine.shift(datetime.timedelta(seconds=11))
    eerst = api.get("wijzigingen/").json()
    over_dossiers = [w for w in eerst["resultaten"] if w["dossier"]]
    assert [w["dossier"] for w in over_dossiers] == [dossier.pk, afgesloten.pk]
    assert over_dossiers[0]["door"].startswith("Eigen DMS")
    assert over_dossiers[1]["actie"] == "heropenen_goedgekeurd"
    assert eerst["meer"] is False
    daarna = api.get("wijzigingen/", {"cursor": eerst["volgende"]}).json()
    assert daarna == {"resultaten": [], "volgende": eerst["volgende"], "meer": False}
    assert api.get("wijzigingen/", {"cursor": "x"}).status_code == 400


# --- Rate limits ----------------------------------------------------------------------------------


def test_over_the_rate_limit_429_with_retry_after(api, omgeving, settings):
    settings.API_VERZOEKEN_PER_MINUUT = 2
    assert api.get("dossiers/").status_code == 200
    assert api.get("dossiers/").status_code == 200
    response = api.get("dossiers/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Content-Type"] == PROBLEEM


def test_a_token_for_a_scope_it_was_not_given_is_refused(omgeving):
    voorziening, _, _ = omgeving
    from api.services import koppeling_maken

    koppeling, geheim = koppeling_maken(
        voorziening=voorziening, naam="Lezer", scopes=[Scope.LEZEN], door=GebruikerFactory()
    )
    assert token_halen(koppeling.application.client_id, geheim, "schrijven")["status"] == 400
    token = token_halen(koppeling.application.client_id, geheim)
    assert token["scope"] == "lezen"
    assert Api(token["access_token"]).get("wijzigingen/").status_code == 200


# --- Assigning, closing, reopening -------------------------------------------------------------


def test_assign_close_and_reopen_as_on_the_screens(api, omgeving):
    from tests.binc.factories import MedewerkerFactory
    from tests.registratie.helpers import registreer_volledig

    voorziening, gebruiker, dossier = omgeving
    collega = MedewerkerFactory(voorziening=voorziening).gebruiker
    pad = f"dossiers/{dossier.pk}/"
    assert api.post(pad + "toewijzen/", {"behandelaar": 999999}).status_code == 400
    toegewezen = api.post(pad + "toewijzen/", {"behandelaar": collega.pk})
    assert toegewezen.status_code == 200
    assert toegewezen.json()["behandelaar"] == collega.get_full_name()

    onvolledig = api.post(pad + "afsluiten/", {})
    assert onvolledig.status_code == 409
    assert "Het dossier bevat nog geen beslissing." in [
        o["melding"] for o in onvolledig.json()["ontbrekend"]
    ]
    b = beslissing(dossier, gebruiker, D(2026, 1, 5), codes=("BEGBJB02",))
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    beslissing(dossier, gebruiker, D(2026, 2, 10), codes=("BEGBJB02",))
    registreer_volledig(dossier, gebruiker)
    gevraagd = api.post(pad + "afsluiten/", {})
    assert gevraagd.status_code == 409
    assert gevraagd.json()["waarschuwingen"][0]["code"] == "beslissing_zonder_schakeling"
    afgesloten = api.post(pad + "afsluiten/", {"bevestigd": True})
    assert afgesloten.status_code == 200, afgesloten.content
    assert afgesloten.json()["status"] == "afgesloten"

    heropend = api.post(pad + "heropenen/")
    assert heropend.status_code == 200
    assert heropend.json()["uitkomst"] == "heropend"
    assert api.post(pad + "heropenen/").status_code == 412  # open already: stale request


# --- Registration ---------------------------------------------------------------------------


def test_a_registration_form_through_the_api(api, omgeving):
    _, _, dossier = omgeving
    pad = f"dossiers/{dossier.pk}/registraties/begin/"
    assert api.get(f"dossiers/{dossier.pk}/registraties/traject/").status_code == 404  # 1G1P's
    leeg = api.get(pad)
    assert leeg.status_code == 200
    assert leeg["ETag"] == '"0"'
    vragen = {v["veld"]: v for v in leeg.json()["vragen"]}
    assert vragen["dagbesteding"]["verplicht"]
    assert "dagbesteding" in leeg.json()["ontbrekend"]
    keuze = vragen["dagbesteding"]["keuzes"][0]["waarde"]

    opgeslagen = api.put(pad, {"dagbesteding": keuze}, **{"If-Match": '"0"'})
    assert opgeslagen.status_code == 200, opgeslagen.content
    assert opgeslagen["ETag"] == '"1"'
    assert opgeslagen.json()["antwoorden"]["dagbesteding"] == keuze
    assert "dagbesteding" not in opgeslagen.json()["ontbrekend"]
    fout = api.put(pad, {"dagbesteding": "999999"}, **{"If-Match": '"1"'})
    assert fout.status_code == 400
    assert fout.json()["fouten"][0]["veld"] == "dagbesteding"
    # Made meanwhile by someone else: the manual's message (000 §11).
    intussen = api.put(pad, {}, **{"If-Match": '"0"'})
    assert intussen.status_code == 409
    assert "reeds" in intussen.json()["detail"] or "al" in intussen.json()["detail"]
    assert api.put(pad, {}, **{"If-Match": '"0"'}).status_code == 409


# --- Modulair kwartaal -----------------------------------------------------------------------


def test_fill_and_send_a_kwartaal_through_the_api(api, omgeving):
    _, gebruiker, dossier = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker, codes=("BEGBJB02",)), D(2026, 1, 5))
    [kort] = api.get("kwartalen/").json()["resultaten"]
    assert (kort["jaar"], kort["kwartaal"], kort["status"]) == (2026, 1, "open")
    pad = f"kwartalen/{kort['id']}/"
    staat = api.get(pad)
    [rij] = staat.json()["typemodules"]
    assert rij["in_te_vullen"]
    assert rij["clienten"] == 1
    onbekend = api.put(pad, {"totalen": {"XYZ": 1}}, **{"If-Match": staat["ETag"]})
    assert onbekend.status_code == 400
    afgerond = api.put(
        pad, {"totalen": {rij["code"]: "10.3"}, "verzenden": True}, **{"If-Match": staat["ETag"]}
    )
    if rij["afronding"] != "geen":
        assert afgerond.status_code == 400  # the typemodule's rounding rule, as on the screen
    verzonden = api.put(
        pad, {"totalen": {rij["code"]: 10}, "verzenden": True}, **{"If-Match": staat["ETag"]}
    )
    assert verzonden.status_code == 200, verzonden.content
    assert verzonden.json()["status"] == "verzonden"
    assert verzonden.json()["typemodules"][0]["totaal"] == "10.00"


@pytest.fixture
def in_zorg(omgeving):
    """Two places of contextbegeleiding, one child in it from 5 January 2026."""
    from tests.kwartaal.factories import CapaciteitFactory

    voorziening, gebruiker, dossier = omgeving
    typemodule = m("BEGBJB02").typemodule
    CapaciteitFactory(
        voorziening=voorziening,
        typemodule=typemodule,
        geldig_van=D(2015, 1, 1),
        erkende_capaciteit=2,
    )
    add(dossier, gebruiker, beslissing(dossier, gebruiker, codes=("BEGBJB02",)), D(2026, 1, 5))
    return typemodule


def test_the_bezetting_as_the_screen_computes_it(api, in_zorg):
    typemodule = in_zorg
    fout = api.get("bezetting/", {"van": "2026-01-01", "tot": "2027-06-30"})
    assert fout.status_code == 400
    velden = {f["veld"] for f in fout.json()["fouten"]}
    assert "typemodules" in velden
    response = api.get(
        "bezetting/", {"van": "2026-01-01", "tot": "2026-01-31", "typemodules": typemodule.code}
    )
    assert response.status_code == 200, response.content
    [rij] = response.json()["typemodules"]
    assert rij["code"] == typemodule.code
    # One child from 5 to 31 January (27 days) over 2 places for 31 days.
    assert rij["teller"] == "27"
    assert rij["noemer"] == "62"
    assert rij["graad"] == "0.4355"
    assert response.json()["gewogen"]["graad"] == "0.4355"


def test_the_benutting_as_the_screen_computes_it(api, in_zorg):
    from decimal import Decimal

    from kwartaal.models import TypemoduleInzet

    typemodule = in_zorg
    TypemoduleInzet.objects.filter(typemodule=typemodule).update(totaal=Decimal("19.5"))
    fout = api.get("benutting/", {"van": "2024-Q1", "tot": "2025-Q2", "typemodules": "x"})
    assert fout.status_code == 400
    velden = {f["veld"] for f in fout.json()["fouten"]}
    assert {"tot", "typemodules"} <= velden
    response = api.get(
        "benutting/", {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": typemodule.code}
    )
    assert response.status_code == 200, response.content
    [functie] = response.json()["functies"]
    [rij] = functie["typemodules"]
    assert rij["code"] == typemodule.code
    # Contextbegeleiding: 19.5 / (2 places * intensiteit 1.5 * 13 weeks = 39) = 50 %.
    assert (rij["teller"], rij["noemer"], rij["graad"]) == ("19.5", "39", "0.5000")
    assert functie["totaal"]["graad"] == "0.5000"
    assert response.json()["zonder_graad"] == []


def test_pleegzorg_gets_no_benutting_and_is_told_why(omgeving):
    from binc.constants import Organisatietype
    from tests.kwartaal.factories import CapaciteitFactory

    voorziening, _, _ = omgeving
    voorziening.organisatietype = Organisatietype.PLEEGZORG
    voorziening.save()
    typemodule = m("BEGBJB02").typemodule
    CapaciteitFactory(voorziening=voorziening, typemodule=typemodule, geldig_van=D(2015, 1, 1))
    _, api = koppeling_met_api(voorziening)
    response = api.get(
        "benutting/", {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": typemodule.code}
    )
    assert response.status_code == 200, response.content
    inhoud = response.json()
    assert all(groep["totaal"]["graad"] is None for groep in inhoud["functies"])
    [rij] = inhoud["zonder_graad"]
    assert rij["graad"] is None
    assert "pleegzorg" in rij["melding"]


# --- One pagination for every list ------------------------------------------------------------


def test_every_list_pages_with_limit_and_cursor_and_says_when_there_is_more(api, omgeving):
    voorziening, gebruiker, dossier = omgeving
    with voorziening_context(voorziening):
        for _ in range(3):
            beslissing(dossier, gebruiker, codes=("BEGBJB02",))
    pad = f"dossiers/{dossier.pk}/beslissingen/"
    gezien, volgende = [], None
    while True:
        antwoord = api.get(pad, {"limit": 2, **({"cursor": volgende} if volgende else {})}).json()
        assert len(antwoord["resultaten"]) <= 2
        gezien += [b["id"] for b in antwoord["resultaten"]]
        if not antwoord["meer"]:
            assert antwoord["volgende"] is None
            break
        volgende = parse_qs(urlsplit(antwoord["volgende"]).query)["cursor"][0]
    assert sorted(gezien) == sorted(b.pk for b in Beslissing.objects.filter(dossier=dossier))
    for slecht in ("0", "201", "x", ""):
        assert api.get(pad, {"limit": slecht}).status_code == 400
    assert api.get(pad, {"cursor": "geen-cursor"}).status_code == 400
    for lijst in ("dossiers/", "kwartalen/", f"dossiers/{dossier.pk}/schakelingen/"):
        antwoord = api.get(lijst, {"limit": 1}).json()
        assert set(antwoord) == {"resultaten", "volgende", "meer"}, lijst


def test_the_feed_says_when_it_holds_more_than_one_page(api, omgeving, time_machine):
    voorziening, gebruiker, dossier = omgeving
    with voorziening_context(voorziening):
        for _ in range(3):
            beslissing(dossier, gebruiker, codes=("BEGBJB02",))
    time_machine.shift(datetime.timedelta(seconds=11))
    eerst = api.get("wijzigingen/", {"limit": 2}).json()
    assert len(eerst["resultaten"]) == 2
    assert eerst["meer"] is True
    rest = api.get("wijzigingen/", {"limit": 200, "cursor": eerst["volgende"]}).json()
    assert rest["meer"] is False
    alle = api.get("wijzigingen/", {"limit": 200}).json()["resultaten"]
    gezien = [w["cursor"] for w in eerst["resultaten"] + rest["resultaten"]]
    assert gezien == [w["cursor"] for w in alle]
