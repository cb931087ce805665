import base64

import pytest
from django.test import Client

from api.models import Scope
from api.services import koppeling_maken
from tests.binc.factories import GebruikerFactory
from tests.dossiers.conftest import omgeving  # noqa: F401  (an OVBJ with a dossier)


def token_halen(client_id: str, geheim: str, scope: str = "") -> dict:
    """OAuth2 client credentials, as a voorziening's system asks: Basic auth at /token/."""
    basis = base64.b64encode(f"{client_id}:{geheim}".encode()).decode()
    data = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
    response = Client().post("/api/v1/token/", data, HTTP_AUTHORIZATION=f"Basic {basis}")
    return {"status": response.status_code, **response.json()}


class Api:
    """A voorziening's system calling the API with its bearer token."""

    def __init__(self, token: str) -> None:
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    def __getattr__(self, methode):
        verzoek = getattr(self.client, methode)

        def roep(pad, data=None, **koppen):
            extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in koppen.items()}
            if methode == "get":
                return verzoek(f"/api/v1/{pad}", data or {}, **extra)
            if methode == "delete":
                return verzoek(f"/api/v1/{pad}", **extra)
            return verzoek(f"/api/v1/{pad}", data, content_type="application/json", **extra)

        return roep


def koppeling_met_api(voorziening, scopes=(Scope.LEZEN, Scope.SCHRIJVEN), naam="Eigen DMS"):
    koppeling, geheim = koppeling_maken(
        voorziening=voorziening, naam=naam, scopes=list(scopes), door=GebruikerFactory()
    )
    token = token_halen(koppeling.application.client_id, geheim)
    assert token["status"] == 200, token
    return koppeling, Api(token["access_token"])


@pytest.fixture
def api(omgeving):  # noqa: F811
    voorziening, _, _ = omgeving
    return koppeling_met_api(voorziening)[1]
