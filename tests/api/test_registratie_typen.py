"""A registration form's questions say what they take: a value type (keuze, meerdere_keuzes,
getal, datum, ja_nee, tekst), and choices whose `waarde` has the type the API accepts and
answers. What a GET answers can be sent back unchanged: the same answers come back."""

import datetime

import pytest

from binc.tenancy import voorziening_context
from tests.api.conftest import koppeling_met_api
from tests.binc.factories import VoorzieningFactory
from tests.conftest import OP_VANDAAG
from tests.registratie.helpers import registreer_volledig

pytestmark = [OP_VANDAAG, pytest.mark.django_db]

SOORTEN = {"keuze", "meerdere_keuzes", "getal", "datum", "ja_nee", "tekst"}


def _past(soort: str, vraag: dict, waarde) -> bool:
    keuzes = {k["waarde"] for k in vraag["keuzes"] or []}
    if waarde is None:
        return soort != "meerdere_keuzes"
    return {
        "keuze": lambda: waarde in keuzes,
        "meerdere_keuzes": lambda: isinstance(waarde, list) and set(waarde) <= keuzes,
        "getal": lambda: isinstance(waarde, int | float) and not isinstance(waarde, bool),
        "datum": lambda: bool(datetime.date.fromisoformat(waarde)),
        "ja_nee": lambda: isinstance(waarde, bool),
        "tekst": lambda: isinstance(waarde, str),
    }[soort]()


@pytest.mark.parametrize("soort", ["begin", "einde"])
def test_each_answer_has_the_type_its_question_declares_and_goes_back_unchanged(
    api, omgeving, soort
):
    _, gebruiker, dossier = omgeving
    registreer_volledig(dossier, gebruiker)
    pad = f"dossiers/{dossier.pk}/registraties/{soort}/"
    gelezen = api.get(pad)
    inhoud = gelezen.json()
    vragen = {v["veld"]: v for v in inhoud["vragen"]}
    assert {v["soort"] for v in vragen.values()} <= SOORTEN
    for veld, vraag in vragen.items():
        waarde = inhoud["antwoorden"][veld]
        assert _past(vraag["soort"], vraag, waarde), (veld, vraag["soort"], waarde)
        assert vraag["meerdere"] == (vraag["soort"] == "meerdere_keuzes"), veld
    terug = api.put(pad, inhoud["antwoorden"], **{"If-Match": gelezen["ETag"]})
    assert terug.status_code == 200, terug.content
    assert terug.json()["antwoorden"] == inhoud["antwoorden"]


def test_the_questions_the_issue_named_are_lists_of_answer_ids(api, omgeving):
    _, _, dossier = omgeving
    vragen = {
        v["veld"]: v for v in api.get(f"dossiers/{dossier.pk}/registraties/begin/").json()["vragen"]
    }
    for veld in ("arbeidssituatie", "gelijktijdig_aanbod", "samenwerking"):
        if veld in vragen:
            assert vragen[veld]["soort"] == "meerdere_keuzes"
            assert all(isinstance(k["waarde"], int) for k in vragen[veld]["keuzes"])
    assert any(v in vragen for v in ("arbeidssituatie", "gelijktijdig_aanbod", "samenwerking"))


@pytest.mark.parametrize(
    ("organisatietype", "gevraagd", "niet"),
    [
        ("ovbj_verblijf", "aanmelder", "soort_pleegzorg"),
        ("pleegzorg", "soort_pleegzorg", "gerechtelijk"),
    ],
)
def test_the_aanmelding_says_per_organisatietype_what_it_asks(organisatietype, gevraagd, niet):

    voorziening = VoorzieningFactory(organisatietype=organisatietype)
    with voorziening_context(voorziening):
        _, api = koppeling_met_api(voorziening)
    vragen = {v["veld"]: v for v in api.get("aanmelding/").json()}
    assert gevraagd in vragen, sorted(vragen)
    assert niet not in vragen
    assert {v["soort"] for v in vragen.values()} <= SOORTEN
    assert vragen["lopend_dossier"]["soort"] == "ja_nee"
    startdatum = vragen["startdatum_lopend_dossier"]
    assert startdatum["soort"] == "datum"
    assert startdatum["voorwaarde"].startswith("lopend_dossier=")
    # What the screen marks '*', always or whenever the question is asked.
    assert any(v["verplicht"] for v in vragen.values())
