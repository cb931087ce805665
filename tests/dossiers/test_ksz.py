"""The KSZ adapter, against recorded responses of the remote service (outside our system)."""

import datetime
import json
from pathlib import Path

import pytest

from binc.rijksregister import KszRijksregister, Persoon, RijksregisterUnavailable

RECORDED = Path(__file__).parent / "ksz"


class RecordedSession:
    """Answers like the KSZ service did; remembers what was asked."""

    def __init__(self, recording: str | None = None, status: int = 200) -> None:
        self.recording, self.status, self.requests = recording, status, []

    def post(self, url, json, cert, timeout):
        self.requests.append({"url": url, "json": json, "cert": cert})
        return self

    def raise_for_status(self):
        if self.status >= 400:
            raise OSError(f"HTTP {self.status}")

    def json(self):
        return json_module.loads((RECORDED / self.recording).read_text())


json_module = json


def test_number_lookup_maps_the_response():
    session = RecordedSession("persons_found.json")
    register = KszRijksregister(
        url="https://ksz.invalid/api/", cert=("c.pem", "k.pem"), session=session
    )

    [persoon] = register.zoek_op_nummer("12030100276")

    assert session.requests == [
        {
            "url": "https://ksz.invalid/api/persons/search",
            "json": {"ssin": "12030100276"},
            "cert": ("c.pem", "k.pem"),
        }
    ]
    assert persoon == Persoon(
        rijksregisternummer="12030100276",
        naam="Peeters",
        voornaam="Lotte Marie",
        geslacht="V",
        geboortedatum=datetime.date(2012, 3, 1),
        geboorteplaats="Gent",
        nationaliteit="Belg",
        straat="Kerkstraat",
        huisnummer="12",
        postcode="9000",
        gemeente="Gent",
    )


def test_name_lookup_sends_the_criteria():
    session = RecordedSession("persons_none.json")
    register = KszRijksregister(url="https://ksz.invalid/api", cert=None, session=session)

    assert (
        register.zoek_op_gegevens(
            naam=" Peeters ", geslacht="V", geboorte=datetime.date(2012, 3, 1)
        )
        == []
    )
    assert session.requests[0]["json"] == {
        "lastName": "Peeters",
        "gender": "FEMALE",
        "birthDate": "2012-03-01",
    }


def test_a_birth_year_search_sends_the_registers_unknown_month_and_day():
    session = RecordedSession("persons_none.json")
    register = KszRijksregister(url="https://ksz.invalid/api", cert=None, session=session)
    register.zoek_op_gegevens(naam="Peeters", geslacht="M", geboorte=2012)
    assert session.requests[0]["json"]["birthDate"] == "2012-00-00"


def test_a_failing_service_is_reported_not_guessed():
    register = KszRijksregister(
        url="https://ksz.invalid", cert=None, session=RecordedSession(status=503)
    )
    with pytest.raises(RijksregisterUnavailable):
        register.zoek_op_nummer("12030100276")
