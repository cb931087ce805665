"""'API-koppelingen': a medewerker makes a credential (its secret shown once), its system gets a
token with it, and revoking it refuses the next call; Opgroeien does the same for any
voorziening."""

import re

import pytest
from django.urls import reverse

from api.models import Koppeling
from binc.tenancy import all_voorzieningen
from tests.api.conftest import Api, token_halen
from tests.conftest import logged_in_client

pytestmark = pytest.mark.django_db
LIJST = reverse("koppelingen:lijst")


def test_make_use_and_revoke_a_koppeling(omgeving):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    fout = client.post(LIJST, {"naam": ""})
    assert "Dit veld is vereist." in fout.content.decode()
    assert "Kies minstens één recht." in fout.content.decode()

    response = client.post(
        LIJST, {"naam": "Eigen DMS", "scopes": ["lezen", "schrijven"]}, follow=True
    )
    html = response.content.decode()
    geheim = re.search(r'<dt>Geheim</dt><dd><code id="geheim">([^<]+)</code>', html).group(1)
    koppeling = Koppeling.objects.get()
    assert koppeling.application.client_secret != geheim  # kept hashed only
    assert response["Cache-Control"].startswith("max-age=0")
    assert geheim not in client.get(LIJST).content.decode()  # shown once

    token = token_halen(koppeling.application.client_id, geheim)
    assert token["scope"] == "lezen schrijven"
    api = Api(token["access_token"])
    assert api.get(f"dossiers/{dossier.pk}/").status_code == 200

    dubbel = client.post(LIJST, {"naam": "Eigen DMS", "scopes": ["lezen"]})
    assert "al een koppeling met die naam" in dubbel.content.decode()

    # The list offers the form first, then each koppeling; revoking asks first, naming it.
    lijst = client.get(LIJST).content.decode()
    assert lijst.index("Koppeling aanmaken") < lijst.index("Eigen DMS")
    vraag = client.get(reverse("koppelingen:intrekken", args=[koppeling.pk]))
    assert "<h1>Koppeling 'Eigen DMS' intrekken?</h1>" in vraag.content.decode()
    assert api.get(f"dossiers/{dossier.pk}/").status_code == 200  # asking revokes nothing
    client.post(reverse("koppelingen:intrekken", args=[koppeling.pk]))
    assert api.get(f"dossiers/{dossier.pk}/").status_code == 401
    assert "Ingetrokken op" in client.get(LIJST).content.decode()


def test_opgroeien_makes_one_for_a_voorziening(omgeving, opgroeien_gebruiker):
    voorziening, _, _ = omgeving
    client = logged_in_client(opgroeien_gebruiker)
    nieuw = reverse("opgroeien:api_koppeling_nieuw")
    response = client.post(
        nieuw,
        {"voorziening": voorziening.pk, "naam": "Rapportering", "scopes": ["lezen"]},
        follow=True,
    )
    assert "toont het niet meer" in response.content.decode()
    with all_voorzieningen():
        koppeling = Koppeling.objects.get()
    assert koppeling.voorziening == voorziening
    lijst = client.get(reverse("opgroeien:api_koppeling_changelist")).content.decode()
    assert "Rapportering" in lijst
