"""The OpenAPI document in the repository is the one the code generates (`make openapi`)."""

from pathlib import Path

import yaml
from django.core.management import call_command

DOCUMENT = Path(__file__).resolve().parents[2] / "api" / "openapi.yaml"


def test_the_committed_document_is_the_generated_one(tmp_path):
    gegenereerd = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(gegenereerd))
    assert gegenereerd.read_text() == DOCUMENT.read_text(), (
        "api/openapi.yaml is niet meer wat de code beschrijft: `make openapi`."
    )


def test_the_documentation_page_needs_nothing_from_outside(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert "redoc" in html.lower()
    assert "http://" not in html
    assert "https://" not in html.replace("https://binc", "")
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200


def test_the_documentation_speaks_to_the_integrator_not_of_the_project():
    """The docs page is read by an outside integrator: no section numbers of a manual they do not
    have, no files of a repository they cannot open."""
    tekst = DOCUMENT.read_text()
    assert "§" not in tekst
    assert "docs/" not in tekst
    assert "Bearer" in tekst, "the page itself says how to get in"


def test_every_response_is_described_and_every_body_has_an_example():
    document = yaml.safe_load(DOCUMENT.read_text())
    for pad, operaties in document["paths"].items():
        for methode, operatie in operaties.items():
            naam = f"{methode.upper()} {pad}"
            for status, antwoord in operatie["responses"].items():
                assert antwoord.get("description"), f"{naam} {status}"
                assert "X-Request-ID" in antwoord.get("headers", {}), f"{naam} {status}"
            for inhoud in operatie.get("requestBody", {}).get("content", {}).values():
                assert inhoud.get("examples"), naam
