"""Schemathesis against the document the code generates, on the demo data: whatever it sends
within the document, the API never answers 5xx, and every answer (status, content type, body)
is one the document describes."""

import datetime
import itertools

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.hypothesis.builder import (
    HypothesisTestConfig,
    HypothesisTestMode,
    create_test,
)
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import demo
from api.schema import VOORBEELDEN
from binc.models import RijksregisterPersoon, Voorziening
from binc.tenancy import voorziening_context
from config.wsgi import application
from dossiers.models import Dossier
from kwartaal.models import Kwartaalstaat
from tests.api.conftest import token_halen

pytestmark = pytest.mark.traag  # hundreds of generated requests

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def demo_api(db, settings):
    settings.DEBUG = True  # seed_demo runs only in development
    settings.API_VERZOEKEN_PER_MINUUT = 100_000
    settings.WEBHOOKS_ENKEL_PUBLIEK = False  # generated addresses: no name lookups in a test
    call_command("seed_demo", stdout=None)
    settings.DEBUG = False  # and the API answers as in production
    token = token_halen(demo.CLIENT_ID, demo.GEHEIM)["access_token"]
    linde = Voorziening.objects.get(erkenningsnummer="OVB-1001")
    with voorziening_context(linde):
        dossier = Dossier.objects.filter(beslissingen__schakelingen__isnull=False).first()
        beslissing = dossier.beslissingen.first()
        schakeling = dossier.schakelingen.first()
        kwartaal = Kwartaalstaat.objects.first()
    # Named as the document names them: its own dossier's, so schemathesis gets past the 404.
    ids = {"id": dossier.pk, "beslissing_pk": beslissing.pk, "schakeling_pk": schakeling.pk}
    # As Django's test client does: the WSGI app called in this thread keeps the test's
    # connection (and its transaction) open between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {token}"}, ids, kwartaal.pk
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_document(demo_api):
    headers, ids, kwartaal = demo_api
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    operations = [resultaat.ok() for resultaat in schema.get_all_operations()]
    assert len(operations) >= 13
    for operation in operations:
        parameters = {k: v for k, v in ids.items() if "{" + k + "}" in operation.path}
        if "/kwartalen/" in operation.path:
            parameters["id"] = kwartaal

        @settings(
            max_examples=15,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(path_parameters=parameters or None))
        def probeer(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)

        probeer()


def test_every_documented_example_is_answered_as_the_document_says(demo_api):
    """Schemathesis's examples phase: each operation's example body, sent as it stands."""
    headers, ids, kwartaal = demo_api
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    gezien = set()
    for resultaat in schema.get_all_operations():
        operation = resultaat.ok()
        naam = operation.definition.raw["operationId"]
        if naam not in VOORBEELDEN:
            continue
        parameters = {k: v for k, v in ids.items() if "{" + k + "}" in operation.path}
        if "/kwartalen/" in operation.path:
            parameters["id"] = kwartaal
        if "{soort}" in operation.path:
            parameters["soort"] = "begin"
        case = operation.Case(path_parameters=parameters, body=VOORBEELDEN[naam])
        koppen = {**headers, "If-Match": "*"}
        response = case.call(headers=koppen)
        case.validate_response(response, checks=CHECKS, headers=koppen)
        gezien.add(naam)
    assert gezien == set(VOORBEELDEN) - {"token"}


def test_the_coverage_phase_keeps_to_its_document(demo_api):
    """Schemathesis's coverage phase: per operation the boundary and invalid values of every
    parameter and body field (about 1,250 requests), with the demo dossier's ids in the path.
    Built with schemathesis's own test builder (pinned in the lock file)."""
    headers, ids, kwartaal = demo_api
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    gestuurd = 0
    for resultaat in schema.get_all_operations():
        operation = resultaat.ok()
        parameters = {k: v for k, v in ids.items() if "{" + k + "}" in operation.path}
        if "/kwartalen/" in operation.path:
            parameters["id"] = kwartaal

        def probeer(case):
            nonlocal gestuurd
            gestuurd += 1
            case.path_parameters = {**(case.path_parameters or {}), **parameters}  # noqa: B023
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)

        create_test(  # run at once, within this iteration: `parameters` is its own
            operation=operation,
            test_func=probeer,
            config=HypothesisTestConfig(
                project=schema.config,
                modes=[HypothesisTestMode.COVERAGE],
                settings=settings(
                    deadline=None,
                    database=None,
                    derandomize=True,
                    suppress_health_check=list(HealthCheck),
                ),
            ),
        )()
    assert gestuurd > 1000


def test_the_registration_flow_keeps_to_its_document(demo_api):
    """Schemathesis's stateful phase along the document's links: client → dossier →
    beslissing → schakeling → registration, and the feed, each answer checked against the
    document. No generator can guess a national number the register knows, nor modules the
    voorziening may use: identifying asks for a person the stand-in register was just given,
    and the steps that create take the document's example (the link supplies the ids)."""
    headers, _, _ = demo_api
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    geslaagd: set[str] = set()
    volgnummers = itertools.count(1)

    class Stroom(schema.as_state_machine()):
        # Each walk from the same data: Hypothesis replays a walk only if its answers repeat.
        def setup(self):
            self.bewaarpunt = transaction.savepoint()

        def teardown(self):
            transaction.savepoint_rollback(self.bewaarpunt)

        def before_call(self, case):
            naam = case.operation.definition.raw["operationId"]
            if naam == "client_identificeren":
                case.body = {
                    **VOORBEELDEN[naam],
                    "rijksregisternummer": _nieuwe_persoon(volgnummers),
                }
            elif naam in ("dossier_aanmaken", "beslissing_toevoegen", "schakeling_toevoegen"):
                gegeven = case.body if isinstance(case.body, dict) else {}
                case.body = {
                    **VOORBEELDEN[naam],
                    **{k: gegeven[k] for k in ("client",) if k in gegeven},
                }

        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, headers=headers)
            if response.status_code < 300:
                geslaagd.add(case.operation.definition.raw["operationId"])

    Stroom.run(
        settings=settings(
            max_examples=60,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    # Each walk starts from the same data with the same draws: this far along the links the
    # walks get every time (further is up to how many walks run).
    keten = {"client_identificeren", "dossier_aanmaken", "beslissing_toevoegen"}
    assert keten <= geslaagd, sorted(geslaagd)


def _nieuwe_persoon(volgnummers) -> str:
    """A child the stand-in register knows from now on, with a valid national number."""
    basis = f"140301{next(volgnummers):03d}"
    nummer = f"{basis}{97 - int('2' + basis) % 97:02d}"
    RijksregisterPersoon.objects.create(
        rijksregisternummer=nummer,
        naam="Stroom",
        voornaam="Lien",
        geslacht="V",
        geboortedatum=datetime.date(2014, 3, 1),
    )
    return nummer
