"""The security probe's findings (hidden fields, implausible dates, raw constraint names, the
national number in URLs, failed register calls): each fixed, each with the test that failed
before the fix."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import UniqueConstraint
from django.test import Client as BrowserClient
from django.urls import reverse

from binc.models import RijksregisterOpzoeking
from binc.rijksregister import RijksregisterUnavailable
from dossiers.models import Schakeling
from dossiers.services.clients import context_persoon_add, rijksregister_zoeken
from lib.dates import add_months
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.factories import ClientFactory, SchakelingFactory
from tests.dossiers.zorg_helpers import D, add, beslissing

pytestmark = OP_VANDAAG


def test_a_superscript_digit_in_the_hidden_beslissing_is_no_server_error(omgeving):
    voorziening, gebruiker, dossier = omgeving
    beslissing(dossier, gebruiker, begin=D(2026, 1, 5))
    client = logged_in_client(gebruiker, voorziening)
    client.raise_request_exception = False

    response = client.post(
        reverse("dossiers:schakeling_nieuw", args=[dossier.pk]),
        {"beslissing": "²", "begindatum": "2026-01-05", "modules": []},
    )

    assert response.status_code == 200
    assert not Schakeling.objects.exists()


def test_a_term_past_the_calendar_ends_on_its_last_day():
    assert add_months(D(9999, 10, 1), 3) == datetime.date.max
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)


def test_a_beginregistratie_saves_beside_a_schakeling_in_9999(omgeving):
    """Stored before the date rule existed, such a schakeling may not break the BR form."""
    voorziening, gebruiker, dossier = omgeving
    SchakelingFactory(beslissing__dossier=dossier, begindatum=D(9999, 10, 1))
    client = logged_in_client(gebruiker, voorziening)
    client.raise_request_exception = False
    url = reverse("registratie:formulier", args=[dossier.pk, "begin"])

    assert client.get(url).status_code == 200
    assert client.post(url, {"versie": "0", "actie": "opslaan"}).status_code in {200, 302}


@pytest.mark.parametrize(
    ("begin", "fout"),
    [
        (D(1, 1, 1), "vanaf 1 januari 2015"),
        (D(2014, 12, 31), "vanaf 1 januari 2015"),
        (D(9999, 12, 31), "meer dan een jaar in de toekomst"),
        (D(2027, 3, 17), "meer dan een jaar in de toekomst"),
    ],
)
def test_implausible_beslissing_dates_are_refused_at_the_field(omgeving, begin, fout):
    _, gebruiker, dossier = omgeving
    with pytest.raises(ValidationError) as error:
        beslissing(dossier, gebruiker, begin=begin)
    assert fout in " ".join(error.value.message_dict["begindatum"])


def test_a_year_ahead_is_still_allowed(omgeving):
    _, gebruiker, dossier = omgeving
    assert beslissing(dossier, gebruiker, begin=D(2027, 3, 16)).pk


def test_care_before_the_childs_birth_is_refused(omgeving):
    _, gebruiker, dossier = omgeving  # born 1 June 2014
    dossier.client.geboortedatum = D(2020, 6, 1)
    dossier.client.save()
    with pytest.raises(ValidationError) as error:
        beslissing(dossier, gebruiker, begin=D(2020, 5, 31))
    assert "vóór de geboorte van de cliënt (01/06/2020)" in str(error.value)


@pytest.mark.parametrize(
    ("begin", "einde", "veld"),
    [(D(1, 1, 1), None, "begindatum"), (D(2026, 1, 5), D(9999, 12, 31), "einddatum")],
)
def test_implausible_schakeling_dates_are_refused_at_the_field(omgeving, begin, einde, veld):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 5))
    with pytest.raises(ValidationError) as error:
        add(dossier, gebruiker, b, begin, einde)
    assert veld in error.value.message_dict
    assert not Schakeling.objects.exists()


def test_implausible_aanmelding_dates_are_refused_at_the_field(omgeving):
    voorziening, gebruiker, _ = omgeving
    client = logged_in_client(gebruiker, voorziening)
    nieuw = ClientFactory(toegang=voorziening)
    response = client.post(
        reverse("dossiers:dossier_nieuw", args=[nieuw.pk]),
        {
            "via_toegangspoort": "ja",
            "uitstroom_gi": "nee",
            "lopend_dossier": "ja",
            "startdatum_lopend_dossier": "0001-01-01",
        },
    )
    html = response.content.decode()
    assert "vanaf 1 januari 2015" in html
    assert 'id="id_startdatum_lopend_dossier_error"' in html


@pytest.mark.parametrize("geboren", ["0001-01-01", "9999-12-31"])
def test_implausible_context_birth_dates_are_refused(omgeving, geboren):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    response = client.post(
        reverse("dossiers:context_toevoegen", args=[dossier.client_id]),
        {"relatie": "moeder", "naam": "Peeters", "voornaam": "An", "geboortedatum": geboren},
    )
    assert response.status_code == 200
    assert "geboortedatum" in response.content.decode().lower()
    assert not dossier.client.context.exists()
    with pytest.raises(ValidationError):
        context_persoon_add(
            client=dossier.client,
            voorziening=voorziening,
            gebruiker=gebruiker,
            relatie="moeder",
            naam="Peeters",
            voornaam="An",
            geboortedatum=datetime.date.fromisoformat(geboren),
        )


def test_a_failed_register_call_is_logged_like_any_lookup(omgeving):
    voorziening, gebruiker, _ = omgeving

    class Onbereikbaar:
        def zoek_op_nummer(self, nummer):
            raise RijksregisterUnavailable("time-out na 10 s")

    with pytest.raises(RijksregisterUnavailable):
        rijksregister_zoeken(
            gebruiker=gebruiker,
            voorziening=voorziening,
            nummer="12030100276",
            register=Onbereikbaar(),
        )

    opzoeking = RijksregisterOpzoeking.objects.get()
    assert opzoeking.criteria == {"nummer": "12030100276"}
    assert opzoeking.fout == "time-out na 10 s"


def test_every_constraint_speaks_dutch():
    """Django's default names the constraint ('Beperking … is geschonden')."""
    for model in apps.get_models():
        for beperking in model._meta.constraints:
            if (
                isinstance(beperking, UniqueConstraint)
                and beperking.fields
                and not beperking.condition
            ):
                continue  # Django's own 'bestaat al' message, in Dutch
            boodschap = str(beperking.violation_error_message)
            assert boodschap != str(beperking.default_violation_error_message), beperking.name
            assert beperking.name not in boodschap


def test_a_broken_registration_rule_is_shown_at_its_field(omgeving):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("registratie:formulier", args=[dossier.pk, "begin"])

    html = client.post(url, {"versie": "0", "schoolachterstand": "16"}).content.decode()

    assert "De schoolachterstand is hoogstens 15 jaar." in html
    assert 'id="id_schoolachterstand_error"' in html
    assert "Beperking" not in html


def test_the_csrf_refusal_is_a_dutch_page(omgeving):
    _, gebruiker, _ = omgeving
    client = BrowserClient(enforce_csrf_checks=True)
    client.force_login(gebruiker)

    response = client.post(reverse("dossiers:dossier_zoeken"), {"naam": "x"})

    assert response.status_code == 403
    assert "Het formulier kon niet verwerkt worden" in response.content.decode()


def test_nul_characters_answer_400_not_500(omgeving, opgroeien_gebruiker):
    voorziening, gebruiker, _ = omgeving
    client = logged_in_client(gebruiker, voorziening)
    staff = logged_in_client(opgroeien_gebruiker)
    for c in (client, staff):
        c.raise_request_exception = False

    assert client.get(reverse("dossiers:overzicht"), {"letter": "\x00"}).status_code == 400
    assert client.post(reverse("dossiers:dossier_zoeken"), {"naam": "a\x00"}).status_code == 400
    assert staff.get("/opgroeien/binc/activiteit/", {"actie": "\x00"}).status_code == 400
    assert staff.get("/opgroeien/binc/activiteit/", {"q": "\x00"}).status_code == 400


@pytest.mark.parametrize(
    "filters",
    [
        {"tijdstip__year": "9999", "tijdstip__month": "12"},
        {"tijdstip__year": "9999", "tijdstip__month": "12", "tijdstip__day": "31"},
        {"tijdstip__year": "99999999"},
        {"tijdstip__year": "2026", "tijdstip__month": "13"},
        {"tijdstip__year": "²"},
    ],
)
def test_the_date_drill_down_refuses_dates_past_the_calendar(opgroeien_gebruiker, filters):
    staff = logged_in_client(opgroeien_gebruiker)
    staff.raise_request_exception = False

    response = staff.get("/opgroeien/binc/activiteit/", filters)

    assert response.status_code == 302
    assert response.url == "/opgroeien/binc/activiteit/?e=1"


def test_the_national_number_never_enters_a_url(omgeving):
    voorziening, gebruiker, _ = omgeving
    client = logged_in_client(gebruiker, voorziening)
    response = client.post(reverse("dossiers:client_toevoegen"), {"nummer": "12030100276"})
    assert "12030100276" not in response.url
