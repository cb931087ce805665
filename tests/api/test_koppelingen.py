"""'API-koppelingen': a medewerker makes a credential (its secret shown once), its system gets a
token with it, and revoking it refuses the next call; Opgroeien does the same for any
voorziening."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import Koppeling
from api.services import koppeling_maken
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


def test_webhooks_on_the_page_add_show_the_secret_once_resume_and_stop(omgeving, settings):
    from api.models import Abonnement

    settings.WEBHOOKS_ENKEL_PUBLIEK = False  # no name lookup in a test
    voorziening, gebruiker, _ = omgeving
    client = logged_in_client(gebruiker, voorziening)
    koppeling, _ = koppeling_maken(
        voorziening=voorziening, naam="Eigen DMS", scopes=["lezen"], door=gebruiker
    )
    pagina = reverse("koppelingen:webhooks")
    assert "Webhooks" in client.get(LIJST).content.decode()

    fout = client.post(pagina, {"koppeling": koppeling.pk, "url": "http://dms.voorbeeld.be/"})
    assert "Geef een https-adres." in fout.content.decode()
    assert 'value="http://dms.voorbeeld.be/"' in fout.content.decode()  # kept as typed
    gemaakt = client.post(
        pagina, {"koppeling": koppeling.pk, "url": "https://dms.voorbeeld.be/binc"}, follow=True
    )
    geheim = re.search(r'<code id="geheim">(whsec_[^<]+)</code>', gemaakt.content.decode())
    assert geheim is not None
    abonnement = Abonnement.objects.get()
    assert abonnement.geheim == geheim.group(1)
    assert geheim.group(1) not in client.get(pagina).content.decode()  # shown once

    Abonnement.objects.filter(pk=abonnement.pk).update(
        gepauzeerd_op=timezone.now(), laatste_fout="Antwoord 503"
    )
    assert "Gepauzeerd sinds" in client.get(pagina).content.decode()
    client.post(reverse("koppelingen:webhook", args=[abonnement.pk]), {"actie": "hervatten"})
    abonnement.refresh_from_db()
    assert abonnement.gepauzeerd_op is None
    client.post(reverse("koppelingen:webhook", args=[abonnement.pk]), {"actie": "stoppen"})
    assert not Abonnement.objects.exists()


def test_another_voorzienings_webhook_answers_404(omgeving, settings):
    from api.models import Abonnement
    from api.webhooks import abonnement_maken
    from binc.tenancy import voorziening_context
    from tests.binc.factories import VoorzieningFactory

    settings.WEBHOOKS_ENKEL_PUBLIEK = False
    voorziening, gebruiker, _ = omgeving
    andere = VoorzieningFactory()
    with voorziening_context(andere):
        koppeling, _ = koppeling_maken(
            voorziening=andere, naam="Elders", scopes=["lezen"], door=gebruiker
        )
        vreemd, _ = abonnement_maken(koppeling=koppeling, url="https://elders.be/")
    client = logged_in_client(gebruiker, voorziening)
    antwoord = client.post(reverse("koppelingen:webhook", args=[vreemd.pk]), {"actie": "stoppen"})
    assert antwoord.status_code == 404
    assert Abonnement.alle.filter(pk=vreemd.pk).exists()
