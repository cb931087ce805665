"""The Opgroeien area: every screen opens, and the roles reach what they need."""

import pytest
from django.urls import reverse

from binc.admin import opgroeien_site
from tests.binc.factories import GebruikerFactory, ModuleGoedkeuringFactory, VoorzieningFactory
from tests.conftest import logged_in_client


@pytest.fixture
def beheerder(db, cross_voorziening):
    ModuleGoedkeuringFactory()
    return GebruikerFactory(is_staff=True, is_superuser=True)


@pytest.mark.parametrize("model", list(opgroeien_site._registry), ids=lambda m: m._meta.model_name)
def test_every_list_and_form_opens(model, beheerder, cross_voorziening):
    client = logged_in_client(beheerder)
    opts = model._meta
    changelist = reverse(f"opgroeien:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist).status_code == 200
    obj = model._base_manager.first()
    if obj is not None:
        change = reverse(f"opgroeien:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert client.get(change).status_code == 200


def test_feed_records_cannot_be_edited_by_hand(beheerder, cross_voorziening):
    client = logged_in_client(beheerder)
    assert client.get(reverse("opgroeien:binc_module_add")).status_code == 403
    assert client.get(reverse("opgroeien:binc_modulegoedkeuring_add")).status_code == 403


def test_voorzieningenbeleid_maintains_typemodule_properties(opgroeien_gebruiker):
    from binc.models import Typemodule

    client = logged_in_client(opgroeien_gebruiker)
    typemodule = Typemodule.objects.get(code="cbaw")

    response = client.get(reverse("opgroeien:binc_typemodule_change", args=[typemodule.pk]))

    assert response.status_code == 200
    assert 'name="intensiteit"' in response.content.decode()


def test_unknown_page_answers_a_dutch_404(medewerker_client):
    response = medewerker_client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def test_a_tampered_id_in_an_autocomplete_or_a_ticked_row_is_refused_not_a_server_error(
    beheerder, cross_voorziening
):
    from binc.models import Voorziening
    from tests.binc.factories import MedewerkerFactory

    client = logged_in_client(beheerder)
    client.raise_request_exception = False
    medewerker = MedewerkerFactory()
    voorziening = medewerker.voorziening
    change = reverse("opgroeien:binc_voorziening_change", args=[voorziening.pk])
    response = client.post(
        change,
        {
            "naam": "",
            "medewerkers-TOTAL_FORMS": "1",
            "medewerkers-INITIAL_FORMS": "1",
            "medewerkers-0-id": str(medewerker.pk),
            "medewerkers-0-voorziening": str(voorziening.pk),
            "medewerkers-0-gebruiker": "9387-07-15",
        },
    )
    assert response.status_code == 200
    changelist = reverse("opgroeien:binc_voorziening_changelist")
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": ["x", "²"], "index": "0"}
    )
    assert response.status_code == 302
    assert Voorziening.objects.filter(pk=voorziening.pk).exists()


def test_every_opgroeien_url_answers_a_medewerker_403_in_dutch(medewerker, voorziening):
    """Never the login page, which would send a signed-in user straight back (a loop)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def urls(patronen, prefix=""):
        for patroon in patronen:
            route = prefix + str(patroon.pattern)
            if isinstance(patroon, URLResolver):
                yield from urls(patroon.url_patterns, route)
            elif isinstance(patroon, URLPattern) and "<" not in route and "(?P" not in route:
                yield "/" + route.lstrip("^").rstrip("$")

    client = logged_in_client(medewerker, voorziening)
    gevonden = [u for u in urls(get_resolver().url_patterns) if u.startswith("/opgroeien/")]
    assert {"/opgroeien/", "/opgroeien/bezetting/", "/opgroeien/inzage/"} <= set(gevonden)
    for url in gevonden:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "geen toegang" in response.content.decode().lower(), url


@pytest.mark.parametrize(
    "url", ["/opgroeien/", "/opgroeien/axes/", "/opgroeien/axes/accessattempt/"]
)
def test_opgroeiens_screens_are_in_dutch_also_djangos_and_axes_own_strings(
    opgroeien_gebruiker, url
):
    response = logged_in_client(opgroeien_gebruiker).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for engels in ("Model name", "Add link", "Change or view list link", "Access attempt", "Axes"):
        assert engels not in html, engels
    assert "Aanmeldbeveiliging" in html


def test_a_read_only_record_with_list_actions_has_no_save_buttons(opgroeien_gebruiker):
    """Django needs the change permission for an action (retry, reopen); the record's own page
    stays read-only."""
    from binc.tenancy import all_voorzieningen
    from groeipakket.models import GroeipakketBatch, GroeipakketBericht

    batch = GroeipakketBatch.objects.create(dag="2026-03-16")
    with all_voorzieningen():
        bericht = GroeipakketBericht.objects.create(
            batch=batch,
            voorziening=VoorzieningFactory(),
            dossier_id=1,
            dossier_code="BNC_1",
            schakeling_id=1,
            actie="aanmaak",
            inhoud={},
            wijzigingen=[],
        )
    url = reverse("opgroeien:groeipakket_groeipakketbericht_change", args=[bericht.pk])
    html = logged_in_client(opgroeien_gebruiker).get(url).content.decode()
    assert 'name="_save"' not in html
    assert 'name="_continue"' not in html


def test_opgroeien_starts_on_a_page_of_its_own(opgroeien_gebruiker):
    """What waits for Opgroeien and its screens by task first; every record stays reachable
    below, for the records' sake."""
    from kwartaal.constants import KwartaalStatus
    from tests.kwartaal.factories import KwartaalstaatFactory

    KwartaalstaatFactory(jaar=2025, kwartaal=4, status=KwartaalStatus.VERZONDEN)
    html = logged_in_client(opgroeien_gebruiker).get("/opgroeien/").content.decode()
    assert html.index("Wat wacht op Opgroeien") < html.index("Alle gegevens (beheer)")
    assert "Kwartaal wacht op verwerking: 1</a>" in html
    for groep in ("Kwartalen en capaciteit", "Dossiers", "Groeipakket"):
        assert f">{groep}</h2>" in html
    assert reverse("opgroeien:kwartaal_verwerken") in html
    assert reverse("bezetting_opgroeien:overzicht") in html
