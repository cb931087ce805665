"""Dossiers and their aanmelding (000 §4, §6–§8, §11; 001 §5.1)."""

import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from binc.constants import Organisatietype
from binc.models import Activiteit
from binc.tenancy import all_voorzieningen, voorziening_context
from dossiers.constants import AL_OPEN_DOSSIER, DOSSIER_WEG, BrStatus, DossierStatus
from dossiers.models import Aanmelding, Dossier
from dossiers.services.dossiers import dossier_code_next, dossier_create
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.conftest import logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory

OVBJ = {"via_toegangspoort": "ja", "uitstroom_gi": "nee", "specifieke_aanmelding": "geen"}


def _new_dossier(client, klant, data):
    return client.post(reverse("dossiers:dossier_nieuw", args=[klant.pk]), data)


def test_creating_a_dossier_with_its_aanmelding(medewerker_client, voorziening, medewerker):
    klant = ClientFactory(toegang=voorziening)

    response = _new_dossier(medewerker_client, klant, {**OVBJ, "uw_referentie": "Leefgroep A-12"})

    with voorziening_context(voorziening):
        dossier = Dossier.objects.get()
    assert response.url == dossier.get_absolute_url()
    assert re.fullmatch(r"BNC_\d{8}_\d{5}", dossier.code)
    assert dossier.behandelaar == medewerker
    assert dossier.aanmelding.uw_referentie == "Leefgroep A-12"
    assert dossier.br_status == BrStatus.ONVOLLEDIG
    page = medewerker_client.get(response.url).content.decode()
    assert "Leefgroep A-12" in page
    assert "Raadplegen Dossier" in page


@pytest.mark.django_db
def test_dossier_codes_count_up_per_day():
    first, second = dossier_code_next(), dossier_code_next()
    assert first[:-5] == second[:-5]
    assert int(second[-5:]) == int(first[-5:]) + 1


@pytest.mark.django_db(transaction=True)
def test_dossier_codes_stay_unique_under_concurrent_creation():
    codes, errors = [], []

    def take(n):
        try:
            for _ in range(n):
                codes.append(dossier_code_next())
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert len(codes) == len(set(codes)) == 100


def test_one_open_dossier_per_client_per_voorziening(medewerker_client, voorziening, medewerker):
    klant = ClientFactory(toegang=voorziening)
    DossierFactory(client=klant, voorziening=voorziening)

    response = _new_dossier(medewerker_client, klant, OVBJ)

    assert AL_OPEN_DOSSIER in response.content.decode()
    with voorziening_context(voorziening):
        assert Dossier.objects.count() == 1


def test_one_open_dossier_is_a_database_constraint(voorziening):
    dossier = DossierFactory(voorziening=voorziening)
    with pytest.raises(IntegrityError), transaction.atomic():
        DossierFactory(voorziening=voorziening, client=dossier.client)


def test_after_closing_a_new_dossier_may_be_opened(voorziening, medewerker):
    dossier = DossierFactory(voorziening=voorziening, afgesloten=True)
    with voorziening_context(voorziening):
        nieuw = dossier_create(
            voorziening=voorziening,
            gebruiker=medewerker,
            client=dossier.client,
            aanmelding={"via_toegangspoort": True, "uitstroom_gi": False},
        )
    assert nieuw.code != dossier.code


def test_another_samenwerkingsverband_may_open_its_own_dossier(voorziening, cross_voorziening):
    ggp = VoorzieningFactory(organisatietype=Organisatietype.GEZIN_1G1P)
    andere_ggp = VoorzieningFactory(organisatietype=Organisatietype.GEZIN_1G1P)
    dossier = DossierFactory(voorziening=ggp)
    DossierFactory(voorziening=andere_ggp, client=dossier.client)
    assert Dossier.objects.filter(client=dossier.client, status=DossierStatus.OPEN).count() == 2


# --- Aanmelding per organisatietype ------------------------------------------------------------


def _fields(soort, **extra):
    voorziening = VoorzieningFactory(organisatietype=soort, **extra)
    client = logged_in_client(MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening)
    klant = ClientFactory(toegang=voorziening)
    form = client.get(reverse("dossiers:dossier_nieuw", args=[klant.pk])).context["form"]
    return set(form.fields), voorziening, client, klant


@pytest.mark.django_db
def test_cah_has_a_fixed_aanmelder_and_no_specifieke_aanmelding():
    fields, voorziening, client, klant = _fields(Organisatietype.CAH)
    assert {"aanmelder", "via_toegangspoort", "specifieke_aanmelding"}.isdisjoint(fields)

    _new_dossier(client, klant, {"uitstroom_gi": "nee"})

    with voorziening_context(voorziening):
        aanmelding = Aanmelding.objects.get()
    assert aanmelding.aanmelder == "crisismeldpunt"
    assert aanmelding.dossier.br_status == BrStatus.NIET_VEREIST  # 000 §5.3


@pytest.mark.django_db
def test_pleegzorg_registers_soort_and_doelgroep_and_has_no_specifieke_aanmelding():
    fields, voorziening, client, klant = _fields(Organisatietype.PLEEGZORG)
    assert {"soort_pleegzorg", "pleegzorgdoelgroep"} <= fields
    assert "specifieke_aanmelding" not in fields

    response = _new_dossier(client, klant, {"via_toegangspoort": "ja", "uitstroom_gi": "nee"})
    assert set(response.context["form"].errors) == {"soort_pleegzorg", "pleegzorgdoelgroep"}

    _new_dossier(
        client,
        klant,
        {
            "via_toegangspoort": "ja",
            "uitstroom_gi": "nee",
            "soort_pleegzorg": "netwerk",
            "pleegzorgdoelgroep": "volwassenen",
        },
    )
    with voorziening_context(voorziening):
        assert Dossier.objects.get().br_status == BrStatus.NIET_VEREIST  # volwassenpleegzorg


@pytest.mark.django_db
def test_enkel_ob_is_only_offered_to_ovbj():
    ovbj, *_ = _fields(Organisatietype.OVBJ)
    oooc_fields, _voorziening, client, klant = _fields(Organisatietype.OOOC)
    choices = dict(
        client.get(reverse("dossiers:dossier_nieuw", args=[klant.pk]))
        .context["form"]
        .fields["specifieke_aanmelding"]
        .choices
    )
    assert "enkel_ob" not in choices
    assert "gerechtelijk" in oooc_fields
    assert "gerechtelijk" not in ovbj

    response = _new_dossier(client, klant, {**OVBJ, "specifieke_aanmelding": "enkel_ob"})
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.django_db
def test_provincie_only_for_ckg_across_provinces():
    single, *_ = _fields(Organisatietype.CKG)
    multi, _voorziening, client, klant = _fields(Organisatietype.CKG, meerdere_provincies=True)
    assert "provincie" not in single
    assert "provincie" in multi
    assert "Dit veld is verplicht." in _new_dossier(client, klant, OVBJ).content.decode()


@pytest.mark.django_db
def test_1g1p_has_its_own_aanmelding():
    fields, voorziening, client, klant = _fields(Organisatietype.GEZIN_1G1P)
    assert fields == {
        "uw_referentie",
        "datum_aanmelding",
        "aanmelder",
        "aanmelder_andere",
        "wachtlijst",
        "wachtlijst_functies",
    }

    html = _new_dossier(client, klant, {"aanmelder": "clb", "wachtlijst": "ja"}).content.decode()
    assert "Duid aan voor welke hulp het gezin op een wachtlijst staat." in html
    assert "datum_aanmelding" in html
    assert "Dit veld is verplicht." in html

    _new_dossier(
        client,
        klant,
        {
            "aanmelder": "clb",
            "wachtlijst": "ja",
            "datum_aanmelding": "2026-10-01",
            "wachtlijst_functies": ["verblijf", "diagnostiek"],
        },
    )
    with voorziening_context(voorziening):
        aanmelding = Aanmelding.objects.get()
    assert aanmelding.wachtlijst_functies == ["verblijf", "diagnostiek"]
    assert aanmelding.dossier.br_status == BrStatus.NIET_VEREIST


@pytest.mark.django_db
def test_1g1p_wachtlijst_is_not_mandatory():
    """001 §5.1: only Datum aanmelding and Aanmelder carry '*'."""
    _, voorziening, client, klant = _fields(Organisatietype.GEZIN_1G1P)
    response = _new_dossier(client, klant, {"aanmelder": "clb", "datum_aanmelding": "2026-10-01"})
    assert response.status_code == 302
    with voorziening_context(voorziening):
        assert Aanmelding.objects.get().wachtlijst is None


@pytest.mark.django_db
def test_1g1p_start_page_has_no_br_beslissing_or_schakeling_columns():
    """001 §3: a samenwerkingsverband registers no beginregistratie, beslissing or schakeling."""
    _, voorziening, client, klant = _fields(Organisatietype.GEZIN_1G1P)
    DossierFactory(voorziening=voorziening, client=klant)
    html = client.get(reverse("dossiers:overzicht")).content.decode()
    assert klant.naam in html
    for kolom in ("BR", "Laatste beslissing", "Begin schakeling", "Schakeling toevoegen"):
        assert f">{kolom}<" not in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"via_toegangspoort": "nee", "uitstroom_gi": "nee"},
            "aanmelder",
            "Duid aan wie de aanmelder is",
        ),
        (
            {"via_toegangspoort": "nee", "aanmelder": "andere", "uitstroom_gi": "nee"},
            "aanmelder_andere",
            "Vul in wie de andere aanmelder is.",
        ),
        (
            {
                **OVBJ,
                "via_toegangspoort": "nee",
                "aanmelder": "crisismeldpunt",
                "specifieke_aanmelding": "time_out",
            },
            "specifieke_aanmelding",
            "Een specifieke aanmelding kan nooit samen met een aanmelding door het crisismeldpunt.",
        ),
        ({"uitstroom_gi": "nee"}, "via_toegangspoort", "Dit veld is verplicht."),
        ({"via_toegangspoort": "ja"}, "uitstroom_gi", "Dit veld is verplicht."),
    ],
)
def test_aanmelding_rules_are_reported_at_the_field(
    data, field, message, medewerker_client, voorziening
):
    klant = ClientFactory(toegang=voorziening)

    response = _new_dossier(medewerker_client, klant, data)

    errors = response.context["form"].errors
    assert any(message in e for e in errors[field]), errors
    assert 'class="error-summary"' in response.content.decode()
    with voorziening_context(voorziening):
        assert not Dossier.objects.exists()


def test_hidden_answers_do_not_keep_stale_values(medewerker_client, voorziening):
    """Via toegangspoort = Ja: an aanmelder chosen earlier is not kept."""
    klant = ClientFactory(toegang=voorziening)
    _new_dossier(medewerker_client, klant, {**OVBJ, "aanmelder": "caw"})
    with voorziening_context(voorziening):
        assert Aanmelding.objects.get().aanmelder == ""


def test_lopend_dossier_with_its_start_date(medewerker_client, voorziening):
    klant = ClientFactory(toegang=voorziening)
    _new_dossier(
        medewerker_client,
        klant,
        {**OVBJ, "lopend_dossier": "ja", "startdatum_lopend_dossier": "2019-03-01"},
    )
    with voorziening_context(voorziening):
        assert str(Aanmelding.objects.get().startdatum_lopend_dossier) == "2019-03-01"


def test_hidden_answers_are_not_stored(medewerker_client, voorziening):
    """A question shown only after another answer (000 §4.1) keeps no answer without it: the
    browser hides it, the server clears it."""
    klant = ClientFactory(toegang=voorziening)
    _new_dossier(
        medewerker_client,
        klant,
        {**OVBJ, "lopend_dossier": "nee", "startdatum_lopend_dossier": "2020-01-01"},
    )
    with voorziening_context(voorziening):
        assert Aanmelding.objects.get().startdatum_lopend_dossier is None


def test_oooc_gerechtelijk_only_with_crisismeldpunt(db):
    _, voorziening, client, klant = _fields(Organisatietype.OOOC)
    _new_dossier(client, klant, {**OVBJ, "gerechtelijk": "on"})
    with voorziening_context(voorziening):
        assert not Aanmelding.objects.get().gerechtelijk
    _new_dossier(
        client,
        ClientFactory(toegang=voorziening),
        {**OVBJ, "via_toegangspoort": "nee", "aanmelder": "crisismeldpunt", "gerechtelijk": "on"},
    )
    with voorziening_context(voorziening):
        aanmelding = Aanmelding.objects.get(gerechtelijk=True)
    assert aanmelding.dossier.br_status == BrStatus.NIET_VEREIST


def test_aanmelding_rules_hold_in_the_database(voorziening):
    dossier = DossierFactory(voorziening=voorziening, aanmelding=None)
    for bad in [
        {"aanmelder": "andere"},
        {"aanmelder": "crisismeldpunt", "specifieke_aanmelding": "time_out"},
        {"startdatum_lopend_dossier": "2020-01-01"},
        {"gerechtelijk": True, "aanmelder": "caw"},
        {"via_toegangspoort": True, "aanmelder": "caw"},
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Aanmelding.objects.create(dossier=dossier, **bad)


def test_changing_the_aanmelding_shows_its_last_change(medewerker_client, voorziening):
    dossier = DossierFactory(voorziening=voorziening)
    url = reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk])

    response = medewerker_client.post(url, {**OVBJ, "uw_referentie": "Nieuw", "versie": 1})

    assert response.url == dossier.get_absolute_url()
    dossier.aanmelding.refresh_from_db()
    assert dossier.aanmelding.uw_referentie == "Nieuw"
    with voorziening_context(voorziening):
        assert Activiteit.objects.filter(
            dossier_id=dossier.pk, actie="aanmelding_gewijzigd"
        ).exists()


def test_second_save_of_the_same_aanmelding_gets_the_manuals_message(
    voorziening, medewerker, collega
):
    dossier = DossierFactory(voorziening=voorziening)
    url = reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk])
    eerste, tweede = (
        logged_in_client(medewerker, voorziening),
        logged_in_client(collega, voorziening),
    )
    seen = tweede.get(url).context["form"]["versie"].value()

    eerste.post(url, {**OVBJ, "uw_referentie": "Eerste", "versie": seen})
    response = tweede.post(url, {**OVBJ, "uw_referentie": "Tweede", "versie": seen})

    assert response.status_code == 409
    html = response.content.decode()
    assert "De gevraagde actie kon niet uitgevoerd worden." in html
    assert "meerdere tabbladen" in html
    dossier.aanmelding.refresh_from_db()
    assert dossier.aanmelding.uw_referentie == "Eerste"


def test_editing_a_dossier_deleted_meanwhile(voorziening, medewerker, collega):
    dossier = DossierFactory(voorziening=voorziening)
    url = reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk])
    tweede = logged_in_client(collega, voorziening)
    logged_in_client(medewerker, voorziening).post(
        reverse("dossiers:dossier_verwijderen", args=[dossier.pk])
    )

    response = tweede.post(url, {**OVBJ, "versie": 1})

    assert response.status_code == 404
    assert DOSSIER_WEG in response.content.decode()


# --- Delete, transfer, activities -----------------------------------------------------------


def test_deleting_an_open_dossier_is_definitive_and_logged(medewerker_client, voorziening):
    dossier = DossierFactory(voorziening=voorziening)
    url = reverse("dossiers:dossier_verwijderen", args=[dossier.pk])
    assert "definitief en onherroepelijk" in medewerker_client.get(url).content.decode()

    response = medewerker_client.post(url)

    assert response.url == reverse("dossiers:overzicht")
    with voorziening_context(voorziening):
        assert not Dossier.objects.exists()
        assert not Aanmelding.objects.exists()
        assert Activiteit.objects.get(actie="dossier_verwijderd").dossier_id == dossier.pk


def test_a_closed_dossier_cannot_be_deleted(medewerker_client, voorziening):
    dossier = DossierFactory(voorziening=voorziening, afgesloten=True)

    response = medewerker_client.post(
        reverse("dossiers:dossier_verwijderen", args=[dossier.pk]), follow=True
    )

    assert "Een afgesloten dossier kan niet verwijderd worden" in response.content.decode()
    with voorziening_context(voorziening):
        assert Dossier.objects.filter(pk=dossier.pk).exists()


def test_deleting_twice_gets_the_manuals_message(voorziening, medewerker, collega):
    dossier = DossierFactory(voorziening=voorziening)
    url = reverse("dossiers:dossier_verwijderen", args=[dossier.pk])
    logged_in_client(medewerker, voorziening).post(url)

    response = logged_in_client(collega, voorziening).post(url)

    assert response.status_code == 409
    assert (
        "Het dossier werd reeds verwijderd door een andere gebruiker" in response.content.decode()
    )


def test_deleting_another_voorzienings_dossier_reveals_nothing(
    medewerker_client, andere_voorziening
):
    dossier = DossierFactory(voorziening=andere_voorziening)
    response = medewerker_client.post(reverse("dossiers:dossier_verwijderen", args=[dossier.pk]))
    assert response.status_code in {404, 409}
    with all_voorzieningen():
        assert Dossier.objects.filter(pk=dossier.pk).exists()


def test_transferring_a_colleagues_dossiers_to_myself(
    medewerker_client, voorziening, medewerker, collega
):
    mine, theirs, other = (
        DossierFactory(voorziening=voorziening, behandelaar=collega) for _ in range(3)
    )
    page = medewerker_client.get(reverse("dossiers:overdragen")).content.decode()
    assert str(collega) in page
    assert "3 open dossiers" in page

    response = medewerker_client.post(
        reverse("dossiers:overdragen_collega", args=[collega.pk]),
        {"dossiers": [mine.pk, theirs.pk]},
    )

    assert response.url.endswith("?tab=mijn")
    with voorziening_context(voorziening):
        assert set(Dossier.objects.filter(behandelaar=medewerker)) == {mine, theirs}
        assert Dossier.objects.get(pk=other.pk).behandelaar == collega
        assert Activiteit.objects.filter(actie="dossier_overgedragen").count() == 2


def test_transfer_needs_a_choice(medewerker_client, voorziening, collega):
    DossierFactory(voorziening=voorziening, behandelaar=collega)
    response = medewerker_client.post(reverse("dossiers:overdragen_collega", args=[collega.pk]), {})
    assert "Selecteer minstens één dossier om over te dragen." in response.content.decode()


def test_transfer_ignores_dossiers_that_are_not_the_colleagues(
    medewerker_client, voorziening, collega, andere_voorziening
):
    vreemd = DossierFactory(voorziening=andere_voorziening, behandelaar=collega)
    DossierFactory(voorziening=voorziening, behandelaar=collega)

    response = medewerker_client.post(
        reverse("dossiers:overdragen_collega", args=[collega.pk]), {"dossiers": [vreemd.pk]}
    )

    assert "Selecteer een geldige keuze" in response.content.decode()
    with all_voorzieningen():
        assert Dossier.objects.get(pk=vreemd.pk).behandelaar == collega


def test_activities_list_every_change_newest_first(medewerker_client, voorziening):
    klant = ClientFactory(toegang=voorziening)
    _new_dossier(medewerker_client, klant, OVBJ)
    with voorziening_context(voorziening):
        dossier = Dossier.objects.get()
    medewerker_client.post(
        reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk]), {**OVBJ, "versie": 1}
    )

    html = medewerker_client.get(
        reverse("dossiers:activiteiten", args=[dossier.pk])
    ).content.decode()

    assert html.index("Aanmelding gewijzigd") < html.index(f"Dossier {dossier.code} aangemaakt")


def test_a_dossier_of_another_user_is_not_in_my_dossiers(medewerker_client, voorziening):
    DossierFactory(voorziening=voorziening, behandelaar=GebruikerFactory())
    response = medewerker_client.get(reverse("dossiers:overzicht"), {"tab": "mijn"})
    assert "Geen dossiers" in response.content.decode()


def test_dossier_create_checks_the_aanmelding(voorziening, medewerker):
    with voorziening_context(voorziening), pytest.raises(ValidationError):
        dossier_create(
            voorziening=voorziening, gebruiker=medewerker, client=ClientFactory(), aanmelding={}
        )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_creations_for_one_client_never_both_succeed():
    voorziening = VoorzieningFactory()
    gebruikers = [MedewerkerFactory(voorziening=voorziening).gebruiker for _ in range(2)]
    klant = ClientFactory(toegang=voorziening)
    barrier = threading.Barrier(2)
    outcomes = []

    def create(gebruiker):
        try:
            with voorziening_context(voorziening):
                barrier.wait()
                dossier_create(
                    voorziening=voorziening,
                    gebruiker=gebruiker,
                    client=klant,
                    aanmelding={"via_toegangspoort": True, "uitstroom_gi": False},
                )
            outcomes.append("aangemaakt")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(g,)) for g in gebruikers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == sorted(["aangemaakt", AL_OPEN_DOSSIER])
    with all_voorzieningen():
        assert Dossier.objects.filter(client=klant).count() == 1
