"""Every status the document promises for an operation is one a voorziening's system can meet:
each is reached here by a request that reaches it, so the document promises nothing the API
never answers (and schemathesis, in test_schemathesis.py, checks that it answers nothing the
document does not promise)."""

import base64
import itertools
from functools import cached_property
from pathlib import Path

import pytest
import yaml
from django.conf import settings as django_settings
from django.test import Client

from api.models import Scope
from api.services import koppeling_maken
from binc.models import RijksregisterPersoon
from binc.tenancy import voorziening_context
from kwartaal.models import Kwartaalstaat
from tests.api.conftest import koppeling_met_api
from tests.binc.factories import ModuleGoedkeuringFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing, m
from tests.kwartaal.factories import CapaciteitFactory

# Every documented (operation, status) pair, each on a world of its own: about 55 s.
pytestmark = [OP_VANDAAG, pytest.mark.django_db, pytest.mark.traag]
DOCUMENT = yaml.safe_load((Path(django_settings.BASE_DIR) / "api" / "openapi.yaml").read_text())
PREFIX = "/api/v1/"
BESLISSING = {"begindatum": "2026-01-05", "modules": ["BEGBJB02"], "verwijzingsgrond": "vrijwillig"}
SCHAKELING = {"begindatum": "2026-01-05", "modules": ["BEGBJB02"]}
sleutels = itertools.count()


def _rijksregisternummer(geboren: str, volgnummer: int) -> str:
    """A valid national number of a child born after 2000 (JJMMDD, volgnummer, check)."""
    basis = f"{geboren}{volgnummer:03d}"
    return f"{basis}{97 - int('2' + basis) % 97:02d}"


# A child the register knows only in the tests that ask for it.
MIRA = _rijksregisternummer("140302", 123)


def _gedocumenteerd() -> dict[str, tuple[str, str, set[int]]]:
    """Per operation: method, path and the statuses the document gives it."""
    return {
        operatie["operationId"]: (methode, pad, {int(status) for status in operatie["responses"]})
        for pad, operaties in DOCUMENT["paths"].items()
        for methode, operatie in operaties.items()
    }


OPERATIES = _gedocumenteerd()


class Wereld:
    """An OVBJ with a dossier in care and its koppeling; made when a request asks for them, the
    koppelingen with only lezen or only schrijven and another voorziening's dossier, beslissing,
    schakeling and kwartaal."""

    def __init__(self, omgeving) -> None:
        self.voorziening, self.gebruiker, self.dossier = omgeving
        self.typemodule = m("BEGBJB02").typemodule
        CapaciteitFactory(
            voorziening=self.voorziening, typemodule=self.typemodule, geldig_van=D(2015, 1, 1)
        )
        self.beslissing = beslissing(self.dossier, self.gebruiker, codes=("BEGBJB02",))
        self.schakeling = add(self.dossier, self.gebruiker, self.beslissing, D(2026, 1, 5))
        _, self.api = koppeling_met_api(self.voorziening)
        self.kwartaal = Kwartaalstaat.objects.get().pk
        self.eigen = {"id": self.dossier.pk, "beslissing_pk": self.beslissing.pk}
        self.eigen |= {"schakeling_pk": self.schakeling.pk, "soort": "begin"}

    @cached_property
    def lezer(self):
        return koppeling_met_api(self.voorziening, scopes=[Scope.LEZEN], naam="Lezer")[1]

    @cached_property
    def schrijver(self):
        return koppeling_met_api(self.voorziening, scopes=[Scope.SCHRIJVEN], naam="Schrijver")[1]

    @cached_property
    def vreemd(self) -> dict:
        andere = VoorzieningFactory(naam="Elders")
        ModuleGoedkeuringFactory(voorziening=andere, module=m("BEGBJB02"), geldig_van=D(2015, 1, 1))
        with voorziening_context(andere):
            dossier = DossierFactory(voorziening=andere)
            b = beslissing(dossier, self.gebruiker, codes=("BEGBJB02",))
            s = add(dossier, self.gebruiker, b, D(2026, 1, 5))
            kwartaal = Kwartaalstaat.objects.get().pk
        ids = {"id": dossier.pk, "beslissing_pk": b.pk, "schakeling_pk": s.pk, "soort": "begin"}
        return {**ids, "kwartaal": kwartaal}

    def pad(self, operatie: str, *, vreemd: bool = False, **ids) -> str:
        _, pad, _ = OPERATIES[operatie]
        waarden = {**(self.vreemd if vreemd else self.eigen), **ids}
        if pad.startswith(PREFIX + "kwartalen/"):
            waarden["id"] = self.vreemd["kwartaal"] if vreemd else ids.get("id", self.kwartaal)
        return pad.format(**waarden)

    def vraag(self, operatie: str, data=None, *, wie=None, pad: str = "", **koppen):
        methode, _, _ = OPERATIES[operatie]
        pad = (pad or self.pad(operatie)).removeprefix(PREFIX)
        return getattr(wie or self.api, methode)(pad, data, **koppen)

    def nieuwe_client(self) -> int:
        persoon = RijksregisterPersoon.objects.create(
            rijksregisternummer=_rijksregisternummer("140301", next(sleutels)),
            naam="Peeters",
            voornaam="Lotte",
            geslacht="V",
            geboortedatum=D(2014, 3, 1),
        )
        return self.vraag("client_identificeren", self._identificatie(persoon)).json()["id"]

    @staticmethod
    def _identificatie(persoon) -> dict:
        return {
            "rijksregisternummer": persoon.rijksregisternummer,
            "niet_begeleide_minderjarige": "nee",
            "land_van_origine": "België",
            "omgangstaal": "nl",
        }

    def etag(self, operatie_lezen: str, **ids) -> str:
        return self.vraag(operatie_lezen, pad=self.pad(operatie_lezen, **ids))["ETag"]


@pytest.fixture
def wereld(omgeving):
    return Wereld(omgeving)


# --- What reaches each status -------------------------------------------------------------------


def _token(w, *, geheim_goed: bool = True, grant: str = "client_credentials"):
    """OAuth 2 at the token endpoint, as a voorziening's system asks (HTTP Basic)."""
    koppeling, geheim = koppeling_maken(
        voorziening=w.voorziening,
        naam=f"Token {next(sleutels)}",
        scopes=[Scope.LEZEN],
        door=w.gebruiker,
    )
    paar = f"{koppeling.application.client_id}:{geheim if geheim_goed else 'fout'}"
    basis = base64.b64encode(paar.encode()).decode()
    return Client().post(
        "/api/v1/token/", {"grant_type": grant}, HTTP_AUTHORIZATION=f"Basic {basis}"
    )


def _lezen(operatie: str, params=None):
    return lambda w: w.vraag(operatie, params)


def _client_nieuw(w):
    persoon = RijksregisterPersoon.objects.create(
        rijksregisternummer=MIRA,
        naam="Janssens",
        voornaam="Mira",
        geslacht="V",
        geboortedatum=D(2014, 3, 1),
    )
    return w.vraag("client_identificeren", w._identificatie(persoon))


def _client_bekend(w):
    _client_nieuw(w)
    return w.vraag("client_identificeren", {"rijksregisternummer": MIRA})


def _dossier_nieuw(w):
    client = w.nieuwe_client()
    aanmelding = {"via_toegangspoort": True, "uitstroom_gi": False}
    return w.vraag("dossier_aanmaken", {"client": client, "aanmelding": aanmelding})


def _dossier_verwijderen(w):
    nieuw = _dossier_nieuw(w).json()["id"]
    return w.vraag(
        "dossier_verwijderen", pad=w.pad("dossier_verwijderen", id=nieuw), **{"If-Match": "*"}
    )


def _testpersonen(w):
    """A sandbox: the stand-in register lists whom it knows (DEBUG, as in development)."""
    from django.test import override_settings

    w.nieuwe_client()
    with override_settings(DEBUG=True):
        return w.vraag("testpersonen")


def _abonnement(w) -> int:
    from django.test import override_settings

    with override_settings(WEBHOOKS_ENKEL_PUBLIEK=False):  # no name lookup in a test
        antwoord = w.vraag("abonnement_maken", {"url": "https://ontvanger.invalid/binc"})
    return antwoord


def _met_abonnement(operatie: str):
    def scenario(w):
        pk = _abonnement(w).json()["id"]
        return w.vraag(operatie, pad=w.pad(operatie, id=pk))

    return scenario


def _afsluitbaar(w):
    """A second dossier whose care ended and whose registration is complete."""
    from tests.registratie.helpers import registreer_volledig

    dossier = DossierFactory(voorziening=w.voorziening, client=ClientFactory())
    b = beslissing(dossier, w.gebruiker, D(2026, 1, 5), codes=("BEGBJB02",))
    add(dossier, w.gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    registreer_volledig(dossier, w.gebruiker)
    return dossier


def _afsluiten(w):
    dossier = _afsluitbaar(w)
    return w.vraag("dossier_afsluiten", {}, pad=w.pad("dossier_afsluiten", id=dossier.pk))


def _heropenen(w):
    dossier = _afsluitbaar(w)
    w.vraag("dossier_afsluiten", {}, pad=w.pad("dossier_afsluiten", id=dossier.pk))
    return w.vraag("dossier_heropenen", pad=w.pad("dossier_heropenen", id=dossier.pk))


def _d227(w):
    """VBFBJB04 under a beslissing that holds it: the D227 warning to confirm."""
    _schakeling_gesloten(w)
    februari = {"begindatum": "2026-02-01", "modules": ["VBFBJB04"]}
    w.vraag("beslissing_toevoegen", {**BESLISSING, **februari})
    return w.vraag("schakeling_toevoegen", {**SCHAKELING, **februari})


def _schakeling_gesloten(w):
    """The running schakeling ended, so a new one can follow."""
    etag = w.etag("schakeling_lezen")
    einde = {**SCHAKELING, "einddatum": "2026-01-31"}
    return w.vraag("schakeling_wijzigen", einde, **{"If-Match": etag})


def _beslissing_zonder_schakeling(w):
    return w.vraag("beslissing_toevoegen", {**BESLISSING, "begindatum": "2026-02-01"})


def _beslissing_verwijderen(w):
    nieuw = _beslissing_zonder_schakeling(w).json()["id"]
    pad = w.pad("beslissing_verwijderen", beslissing_pk=nieuw)
    return w.vraag("beslissing_verwijderen", pad=pad, **{"If-Match": "*"})


def _registratie_opslaan(w, etag='"0"'):
    return w.vraag("registratie_opslaan", {}, **{"If-Match": etag})


def _kwartaal_opslaan(w):
    return w.vraag("kwartaal_opslaan", {"totalen": {}}, **{"If-Match": w.etag("kwartaal_lezen")})


GESLAAGD = {
    "benutting": (
        200,
        lambda w: w.vraag(
            "benutting", {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": w.typemodule.code}
        ),
    ),
    "bezetting": (
        200,
        lambda w: w.vraag(
            "bezetting",
            {"van": "2026-01-01", "tot": "2026-01-31", "typemodules": w.typemodule.code},
        ),
    ),
    "dossiers_lijst": (200, _lezen("dossiers_lijst")),
    "dossier_lezen": (200, _lezen("dossier_lezen")),
    "dossier_verwijderen": (204, _dossier_verwijderen),
    "testpersonen": (200, _testpersonen),
    "abonnementen_lijst": (200, _lezen("abonnementen_lijst")),
    "abonnement_maken": (201, _abonnement),
    "abonnement_verwijderen": (204, _met_abonnement("abonnement_verwijderen")),
    "abonnement_hervatten": (200, _met_abonnement("abonnement_hervatten")),
    "beslissingen_lijst": (200, _lezen("beslissingen_lijst")),
    "beslissing_lezen": (200, _lezen("beslissing_lezen")),
    "schakelingen_lijst": (200, _lezen("schakelingen_lijst")),
    "schakeling_lezen": (200, _lezen("schakeling_lezen")),
    "registratie_lezen": (200, _lezen("registratie_lezen")),
    "kwartalen_lijst": (200, _lezen("kwartalen_lijst")),
    "kwartaal_lezen": (200, _lezen("kwartaal_lezen")),
    "wijzigingen": (200, _lezen("wijzigingen", {"cursor": 0})),
    "typemodules_lijst": (200, _lezen("typemodules_lijst")),
    "aanmelding_vragen": (200, _lezen("aanmelding_vragen")),
    "modules_lijst": (200, _lezen("modules_lijst")),
    "client_identificeren": (201, _client_nieuw),
    "dossier_aanmaken": (201, _dossier_nieuw),
    "dossier_toewijzen": (
        200,
        lambda w: w.vraag("dossier_toewijzen", {"behandelaar": w.gebruiker.pk}),
    ),
    "dossier_afsluiten": (200, _afsluiten),
    "dossier_heropenen": (200, _heropenen),
    "beslissing_toevoegen": (201, _beslissing_zonder_schakeling),
    "beslissing_wijzigen": (
        200,
        lambda w: w.vraag(
            "beslissing_wijzigen", BESLISSING, **{"If-Match": w.etag("beslissing_lezen")}
        ),
    ),
    "beslissing_verwijderen": (204, _beslissing_verwijderen),
    "schakeling_toevoegen": (
        201,
        lambda w: (
            _schakeling_gesloten(w),
            _beslissing_zonder_schakeling(w),
            w.vraag("schakeling_toevoegen", {**SCHAKELING, "begindatum": "2026-02-01"}),
        )[-1],
    ),
    "schakeling_wijzigen": (200, _schakeling_gesloten),
    "schakeling_verwijderen": (
        204,
        lambda w: w.vraag("schakeling_verwijderen", **{"If-Match": "*"}),
    ),
    "registratie_opslaan": (200, _registratie_opslaan),
    "kwartaal_opslaan": (200, _kwartaal_opslaan),
}

# The statuses only some operations have, with what reaches them.
BIJZONDER = {
    ("client_identificeren", 200): _client_bekend,
    ("dossier_aanmaken", 404): lambda w: w.vraag(
        "dossier_aanmaken", {"client": ClientFactory().pk, "aanmelding": {}}
    ),
    # Something still keeps the dossier open.
    ("dossier_afsluiten", 409): lambda w: w.vraag("dossier_afsluiten", {}),
    # Already open: someone reopened it meanwhile.
    ("dossier_heropenen", 412): lambda w: w.vraag("dossier_heropenen"),
    ("schakeling_toevoegen", 409): _d227,
    # Gone meanwhile: the manual's message.
    ("beslissing_wijzigen", 409): lambda w: w.vraag(
        "beslissing_wijzigen",
        BESLISSING,
        pad=w.pad("beslissing_wijzigen", beslissing_pk=2**31 - 1),
        **{"If-Match": '"1"'},
    ),
    ("testpersonen", 404): lambda w: w.vraag("testpersonen"),  # the real register
    ("token", 200): _token,
    ("token", 400): lambda w: _token(w, grant="password"),
    ("token", 401): lambda w: _token(w, geheim_goed=False),
    ("beslissing_verwijderen", 409): lambda w: w.vraag(
        "beslissing_verwijderen", pad=w.pad("beslissing_verwijderen", beslissing_pk=2**31 - 1)
    ),
    ("schakeling_wijzigen", 409): lambda w: w.vraag(
        "schakeling_wijzigen",
        {**SCHAKELING, "modules": ["BEGBJB02", "VBFBJB04"]},
        **{"If-Match": w.etag("schakeling_lezen")},
    ),
    # Made meanwhile by someone else.
    ("registratie_opslaan", 409): lambda w: (_registratie_opslaan(w), _registratie_opslaan(w))[-1],
}


def _algemeen(w, operatie: str, status: int, settings):
    """What reaches the statuses every operation of a kind has."""
    methode, _, _ = OPERATIES[operatie]
    if status == 401:
        return getattr(Client(), methode)(w.pad(operatie))
    if status == 403:  # a koppeling without the scope the call asks
        return w.vraag(operatie, {}, wie=w.schrijver if methode == "get" else w.lezer)
    if status == 429:
        settings.API_VERZOEKEN_PER_MINUUT = 0
        return w.vraag(operatie, {})
    if status == 400:  # input no form can take, in any parameter
        return w.vraag(operatie, pad=w.pad(operatie) + "?x=%00")
    if status == 404:
        return w.vraag(operatie, {}, pad=w.pad(operatie, vreemd=True), **{"If-Match": '"1"'})
    if status == 428:
        return w.vraag(operatie, {})
    if status == 304:  # a read of what the client holds
        return w.vraag(operatie, **{"If-None-Match": w.vraag(operatie)["ETag"]})
    if status == 406:  # an answer in another format than JSON
        return w.vraag(operatie, {}, Accept="text/csv", **{"If-Match": '"1"'})
    if status == 415:  # a body that is not JSON
        return getattr(w.api.client, methode)(
            w.pad(operatie), "x", content_type="text/plain", HTTP_IF_MATCH='"1"'
        )
    if status == 412:  # someone saved first
        return w.vraag(operatie, {}, **{"If-Match": '"999"'})
    if status == 422:  # an Idempotency-Key used before for another request
        sleutel = f"sleutel-{next(sleutels)}"
        w.vraag(
            "dossier_toewijzen", {"behandelaar": w.gebruiker.pk}, **{"Idempotency-Key": sleutel}
        )
        return w.vraag(operatie, {"anders": True}, **{"Idempotency-Key": sleutel})
    verwacht, geslaagd = GESLAAGD[operatie]
    assert status == verwacht, f"{operatie}: {status} is not the status of its success"
    return geslaagd(w)


def _scenario(operatie: str, status: int):
    if (operatie, status) in BIJZONDER:
        return lambda w, settings: BIJZONDER[(operatie, status)](w)
    methode, pad, _ = OPERATIES[operatie]
    algemeen = {401, 403, 406, 415, 429, 400, *([404] if "{" in pad else [])}
    algemeen |= {"put": {412, 428}, "delete": {412, 428}, "post": {422}, "get": {304}}.get(
        methode, set()
    )
    if status in algemeen or status == GESLAAGD[operatie][0]:
        return lambda w, settings: _algemeen(w, operatie, status, settings)
    return None


PAREN = sorted((op, status) for op, (_, _, statussen) in OPERATIES.items() for status in statussen)


def test_every_documented_status_has_a_request_that_reaches_it():
    zonder = [paar for paar in PAREN if _scenario(*paar) is None]
    assert zonder == [], f"documented, but nothing here reaches them: {zonder}"


@pytest.mark.parametrize(("operatie", "status"), PAREN, ids=[f"{o}-{s}" for o, s in PAREN])
def test_the_documented_status_is_reached(operatie, status, wereld, settings):
    settings.API_VERZOEKEN_PER_MINUUT = 1000
    scenario = _scenario(operatie, status)
    if scenario is None:
        pytest.skip("no request reaches it (the test above fails)")
    response = scenario(wereld, settings)
    assert response.status_code == status, response.content
    if status >= 400:  # the token endpoint speaks OAuth 2's own errors
        verwacht = "application/json" if operatie == "token" else "application/problem+json"
        assert response["Content-Type"] == verwacht
