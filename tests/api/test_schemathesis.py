"""Schemathesis against the document the code generates, on the demo data: whatever it sends
within the document, the API never answers 5xx, and every answer (status, content type, body)
is one the document describes."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import demo
from binc.models import Voorziening
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
