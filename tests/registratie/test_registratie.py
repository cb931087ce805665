"""Begin- and eindregistratie (000 §5) and the 1G1P forms (001 §5.2–5.3)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from binc.constants import Organisatietype
from binc.tenancy import voorziening_context
from dossiers.constants import BrStatus
from dossiers.services import afsluiten
from lib.dates import add_months
from registratie.constants import Lijst
from registratie.models import (
    Antwoord,
    Beginregistratie,
    Eindregistratie,
    Geopend,
    Trajectinformatie,
)
from registratie.services import registratie_opslaan
from tests.binc.factories import MedewerkerFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG, VANDAAG, logged_in_client
from tests.dossiers.factories import DossierFactory
from tests.dossiers.zorg_helpers import add, beslissing
from tests.registratie.helpers import registreer_volledig

TODAY = VANDAAG
pytestmark = OP_VANDAAG


def a(lijst: str, n: int = 0) -> Antwoord:
    return Antwoord.objects.filter(lijst=lijst, actief=True).order_by("volgorde")[n]


@pytest.fixture
def omgeving_van():
    def make(soort=Organisatietype.OVBJ_VERBLIJF, **aanmelding):
        voorziening = VoorzieningFactory(organisatietype=soort)
        gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
        extra = {f"aanmelding__{k}": v for k, v in aanmelding.items()}
        dossier = DossierFactory(voorziening=voorziening, **extra)
        return voorziening, gebruiker, dossier, logged_in_client(gebruiker, voorziening)

    return make


def url(dossier, soort="begin"):
    return reverse("registratie:formulier", args=[dossier.pk, soort])


def test_opening_a_form_counts_as_opened_without_creating_it(db, omgeving_van):
    _, _, dossier, client = omgeving_van()
    assert client.get(url(dossier)).status_code == 200
    assert Geopend.objects.filter(dossier=dossier, soort="begin").exists()
    assert not Beginregistratie.objects.exists()


def test_a_form_saved_without_opening_its_page_counts_as_opened(db, omgeving_van):
    """000 §17.2: the reports count the dossiers whose form was opened; a form saved by any
    path (the API, the demo data) was opened, so the report counts it."""
    voorziening, gebruiker, dossier, _ = omgeving_van()
    with voorziening_context(voorziening):
        registratie_opslaan(
            dossier_pk=dossier.pk,
            soort="begin",
            versie=0,
            values={"dagbesteding": a(Lijst.DAGBESTEDING)},
            gebruiker=gebruiker,
        )
    assert Geopend.objects.filter(dossier=dossier, soort="begin").exists()


def test_valideren_reports_every_blank_mandatory_field_and_saves_nothing(db, omgeving_van):
    _, _, dossier, client = omgeving_van()

    response = client.post(
        url(dossier), {"versie": 0, "actie": "valideren", "huisvesting": "positief"}
    )

    errors = response.context["form"].errors
    assert set(errors) == {
        "niet_begeleide_minderjarige",
        "dagbesteding",
        "opleidingsniveau",
        "gezinssituatie",
        "arbeidssituatie",
        "opleidingsniveau_ouders",
        "gezondheid",
        "schuldenlast",
        "thuistaal",
    }
    assert re.search(
        r'value="positief"[^>]*checked', response.content.decode()
    )  # typed input stays
    assert not Beginregistratie.objects.exists()


def test_opslaan_saves_a_partial_form_and_says_what_is_missing(db, omgeving_van):
    voorziening, _, dossier, client = omgeving_van()

    response = client.post(
        url(dossier), {"versie": 0, "actie": "opslaan", "huisvesting": "negatief"}, follow=True
    )

    assert (
        "Nog niet ingevuld: Niet begeleide minderjarige, Dagbesteding" in response.content.decode()
    )
    with voorziening_context(voorziening):
        assert Beginregistratie.objects.get().huisvesting == "negatief"
    dossier.refresh_from_db()
    assert dossier.br_status == BrStatus.ONVOLLEDIG


def _br(voorziening, gebruiker, dossier, **values):
    complete = {
        "niet_begeleide_minderjarige": "nee",
        "dagbesteding": a(Lijst.DAGBESTEDING),
        "opleidingsniveau": a(Lijst.OPLEIDINGSNIVEAU),
        "gezinssituatie": a(Lijst.GEZINSSITUATIE),
        "arbeidssituatie": [a(Lijst.ARBEIDSSITUATIE)],
        "opleidingsniveau_ouders": a(Lijst.OPLEIDINGSNIVEAU_OUDERS),
        "huisvesting": "positief",
        "gezondheid": "positief",
        "schuldenlast": False,
        "thuistaal": a(Lijst.THUISTAAL),
    }
    with voorziening_context(voorziening):
        instance = Beginregistratie.objects.filter(dossier=dossier).first()
        return registratie_opslaan(
            dossier_pk=dossier.pk,
            soort="begin",
            versie=instance.versie if instance else 0,
            values={**complete, **values},
            gebruiker=gebruiker,
        )


def test_complete_beginregistratie_turns_the_icon_green(db, omgeving_van):
    voorziening, gebruiker, dossier, client = omgeving_van()
    assert _br(voorziening, gebruiker, dossier) == []
    dossier.refresh_from_db()
    assert dossier.br_status == BrStatus.VOLLEDIG
    assert "br--ok" in client.get(reverse("dossiers:overzicht")).content.decode()


@pytest.mark.parametrize(
    ("days_before_term", "status"), [(0, BrStatus.VOLLEDIG), (1, BrStatus.ONVOLLEDIG)]
)
def test_three_month_term_after_the_first_schakeling(days_before_term, status, db, omgeving_van):
    """Completed today: green if the first schakeling started at most three months ago."""
    voorziening, gebruiker, dossier, _ = omgeving_van()
    begin = add_months(TODAY, -3) - datetime.timedelta(days=days_before_term)
    assert add_months(begin, 3) >= TODAY if days_before_term == 0 else add_months(begin, 3) < TODAY
    with voorziening_context(voorziening):
        from tests.binc.factories import ModuleGoedkeuringFactory
        from tests.dossiers.zorg_helpers import m

        ModuleGoedkeuringFactory(
            voorziening=voorziening, module=m("BEGBJB02"), geldig_van=datetime.date(2015, 1, 1)
        )
        add(
            dossier,
            gebruiker,
            beslissing(dossier, gebruiker, begin=begin, codes=("BEGBJB02",)),
            begin,
        )
    _br(voorziening, gebruiker, dossier)
    dossier.refresh_from_db()
    assert dossier.br_status == status


def test_clearing_a_field_turns_the_icon_red_again(db, omgeving_van):
    voorziening, gebruiker, dossier, _ = omgeving_van()
    _br(voorziening, gebruiker, dossier)
    assert _br(voorziening, gebruiker, dossier, thuistaal=None) == ["thuistaal"]
    dossier.refresh_from_db()
    assert dossier.br_status == BrStatus.ONVOLLEDIG


@pytest.mark.parametrize(
    "aanmelding",
    [
        {"via_toegangspoort": False, "aanmelder": "crisismeldpunt"},
        {"specifieke_aanmelding": "time_out"},
    ],
)
def test_facultative_registration_has_no_icon_and_blocks_nothing(aanmelding, db, omgeving_van):
    _, _, dossier, client = omgeving_van(**aanmelding)
    from registratie.selectors import br_status, registratie_ontbrekend

    assert br_status(dossier) == BrStatus.NIET_VEREIST
    assert registratie_ontbrekend(dossier) == []
    html = client.get(url(dossier)).content.decode()
    assert "registratie facultatief" in html


def test_volwassenpleegzorg_is_facultative(db, omgeving_van):
    _, _, dossier, _ = omgeving_van(
        Organisatietype.PLEEGZORG, pleegzorgdoelgroep="volwassenen", soort_pleegzorg="netwerk"
    )
    from registratie.selectors import br_status

    assert br_status(dossier) == BrStatus.NIET_VEREIST


def test_zwanger_mandatory_for_cig_hidden_for_pleegzorg(db, omgeving_van):
    _, _, cig_dossier, cig = omgeving_van(Organisatietype.CIG)
    _, _, plz_dossier, plz = omgeving_van(
        Organisatietype.PLEEGZORG, soort_pleegzorg="bestand", pleegzorgdoelgroep="jeugdhulp"
    )
    _, _, ovbj_dossier, ovbj = omgeving_van()

    assert (
        "zwanger"
        in cig.post(url(cig_dossier), {"versie": 0, "actie": "valideren"}).context["form"].errors
    )
    assert "zwanger" not in plz.get(url(plz_dossier)).context["form"].fields
    ovbj_form = ovbj.post(url(ovbj_dossier), {"versie": 0, "actie": "valideren"}).context["form"]
    assert "zwanger" in ovbj_form.fields
    assert "zwanger" not in ovbj_form.errors


@pytest.mark.parametrize("actie", ["opslaan", "valideren"])
def test_arbeidssituatie_at_most_two(actie, db, omgeving_van):
    _, _, dossier, client = omgeving_van()
    three = [a(Lijst.ARBEIDSSITUATIE, n).pk for n in range(3)]
    response = client.post(url(dossier), {"versie": 0, "actie": actie, "arbeidssituatie": three})
    assert "Duid hoogstens twee inkomensbronnen aan." in response.content.decode()
    assert not Beginregistratie.objects.exists()


def test_arbeidssituatie_at_most_two_holds_in_the_service(db, omgeving_van):
    """000 §5.1 'minimum 1, maximum 2', whatever calls the service."""
    voorziening, gebruiker, dossier, _ = omgeving_van()
    three = [a(Lijst.ARBEIDSSITUATIE, n) for n in range(3)]
    with (
        voorziening_context(voorziening),
        pytest.raises(ValidationError, match="hoogstens twee inkomensbronnen"),
    ):
        registratie_opslaan(
            dossier_pk=dossier.pk,
            soort="begin",
            versie=0,
            values={"arbeidssituatie": three},
            gebruiker=gebruiker,
        )
    assert not Beginregistratie.objects.exists()


def test_schoolachterstand_is_nvt_for_buitengewoon_onderwijs(db, omgeving_van):
    voorziening, gebruiker, dossier, _ = omgeving_van()
    buitengewoon = Antwoord.objects.filter(
        lijst=Lijst.OPLEIDINGSNIVEAU, buitengewoon_onderwijs=True
    ).first()
    _br(voorziening, gebruiker, dossier, opleidingsniveau=buitengewoon, schoolachterstand=2)
    with voorziening_context(voorziening):
        assert Beginregistratie.objects.get().schoolachterstand is None


def test_a_retired_answer_stays_readable_but_is_not_offered_anew(db, omgeving_van):
    voorziening, gebruiker, dossier, client = omgeving_van()
    oud = a(Lijst.THUISTAAL, 2)
    _br(voorziening, gebruiker, dossier, thuistaal=oud)
    Antwoord.objects.filter(pk=oud.pk).update(actief=False)

    assert oud in client.get(url(dossier)).context["form"].fields["thuistaal"].queryset
    _, _, ander, other_client = omgeving_van()
    assert oud not in other_client.get(url(ander)).context["form"].fields["thuistaal"].queryset


def test_oooc_gives_advice_instead_of_vervolghulp(db, omgeving_van):
    _, _, dossier, client = omgeving_van(Organisatietype.OOOC)
    fields = client.get(url(dossier, "einde")).context["form"].fields
    assert {"eindadvies", "overbruggingsadvies"} <= set(fields)
    assert "aangewezen_hulp" not in fields


def test_gerealiseerd_asked_only_when_vervolghulp_is_indicated(db, omgeving_van):
    _, _, dossier, client = omgeving_van()
    geen = Antwoord.objects.get(lijst=Lijst.AANGEWEZEN_HULP, code="geen-vervolghulp-nodig")
    binnen = a(Lijst.AANGEWEZEN_HULP, 1)
    errors_geen = (
        client.post(
            url(dossier, "einde"), {"versie": 0, "actie": "valideren", "aangewezen_hulp": geen.pk}
        )
        .context["form"]
        .errors
    )
    errors_binnen = (
        client.post(
            url(dossier, "einde"), {"versie": 0, "actie": "valideren", "aangewezen_hulp": binnen.pk}
        )
        .context["form"]
        .errors
    )
    assert "gerealiseerd" not in errors_geen
    assert "gerealiseerd" in errors_binnen


def test_closing_names_each_missing_field_with_a_link(db, omgeving_van):
    voorziening, gebruiker, dossier, _ = omgeving_van()
    _br(voorziening, gebruiker, dossier, thuistaal=None)
    with voorziening_context(voorziening):
        missing = afsluiten.afsluiten_ontbrekend(dossier)
    texts = [o.tekst for o in missing]
    assert "Beginregistratie: 'thuistaal' is niet ingevuld." in texts
    assert "Eindregistratie: 'reden' is niet ingevuld." in texts
    link = next(o.url for o in missing if "thuistaal" in o.tekst)
    assert link == url(dossier) + "#id_thuistaal"


def test_second_creation_gets_the_manuals_message(db, omgeving_van):
    voorziening, _gebruiker, dossier, first = omgeving_van()
    second = logged_in_client(MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening)
    for soort, text in [("begin", "beginregistratie"), ("einde", "eindregistratie")]:
        first.post(url(dossier, soort), {"versie": 0, "actie": "opslaan"})
        response = second.post(url(dossier, soort), {"versie": 0, "actie": "opslaan"})
        assert response.status_code == 409
        assert f"Er werd reeds een {text} aangemaakt in dit dossier." in response.content.decode()


def test_stale_save_of_a_registration_is_refused(db, omgeving_van):
    voorziening, gebruiker, dossier, client = omgeving_van()
    _br(voorziening, gebruiker, dossier)
    client.post(url(dossier), {"versie": 1, "actie": "opslaan", "huisvesting": "negatief"})
    response = client.post(
        url(dossier), {"versie": 1, "actie": "opslaan", "huisvesting": "positief"}
    )
    assert response.status_code == 409
    with voorziening_context(voorziening):
        assert Beginregistratie.objects.get().huisvesting == "negatief"


# --- 1G1P --------------------------------------------------------------------------------------


def test_1g1p_has_gezinssituatie_and_trajectinformatie_only(db, omgeving_van):
    _, _, dossier, client = omgeving_van(Organisatietype.GEZIN_1G1P)
    assert client.get(url(dossier, "begin")).status_code == 404
    fields = client.get(url(dossier, "gezinssituatie")).context["form"].fields
    assert {"gezinssituatie", "adoptiegezin", "pleeggezin", "aantal_kinderen"} <= set(fields)


def test_trajectinformatie_asks_for_begeleiding_fields_only_when_ticked(db, omgeving_van):
    voorziening, _gebruiker, dossier, client = omgeving_van(Organisatietype.GEZIN_1G1P)
    base = {"versie": 0, "datum_eerste_gesprek": "2026-09-01", "gemandateerde_voorziening": "geen"}

    errors = (
        client.post(url(dossier, "traject"), {**base, "actie": "valideren", "begeleiding": "on"})
        .context["form"]
        .errors
    )
    assert set(errors) == {"begeleiding_start"}

    client.post(
        url(dossier, "traject"),
        {
            **base,
            "actie": "opslaan",
            "begeleiding_start": "2026-09-15",  # not ticked: cleared
            "gespecialiseerde_hulp": "ja",
            "hulp_functies": ["verblijf", "andere"],
            "hulp_andere": "Logopedie",
            "gerealiseerd_verblijf": "engagement",
            "gerealiseerd_diagnostiek": "ja",
        },
    )
    with voorziening_context(voorziening):
        traject = Trajectinformatie.objects.get()
    assert traject.begeleiding_start is None
    assert traject.hulp_functies == ["verblijf", "andere"]
    assert traject.hulp_gerealiseerd == {"verblijf": "engagement"}
    assert traject.volledig_op == TODAY


def test_sessions_must_be_a_whole_number(db, omgeving_van):
    _, _, dossier, client = omgeving_van(Organisatietype.GEZIN_1G1P)
    response = client.post(
        url(dossier, "traject"),
        {
            "versie": 0,
            "actie": "opslaan",
            "eerstelijnspsycholoog": "on",
            "psycholoog_sessies": "2.5",
        },
    )
    assert "Voer een geheel getal in." in response.content.decode()


def test_eindregistratie_complete_lets_the_dossier_close(db, omgeving_van):
    voorziening, gebruiker, dossier, _ = omgeving_van()
    with voorziening_context(voorziening):
        registreer_volledig(dossier, gebruiker)
        assert (
            afsluiten.afsluiten_ontbrekend(dossier)[0].tekst
            == "Het dossier bevat nog geen beslissing."
        )
        assert Eindregistratie.objects.get().volledig_op == TODAY


def test_a_form_reads_all_its_answer_lists_in_one_query(db, omgeving_van):
    """Every radio button and checkbox list of the form, and a retired answer the record
    still holds, from one query: not a query (and a server-side cursor) per list."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    voorziening, gebruiker, dossier, client = omgeving_van()
    gekozen = a(Lijst.DAGBESTEDING)
    with voorziening_context(voorziening):
        registratie_opslaan(
            dossier_pk=dossier.pk,
            soort="begin",
            versie=0,
            values={"dagbesteding": gekozen},
            gebruiker=gebruiker,
        )
    Antwoord.objects.filter(pk=gekozen.pk).update(actief=False)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url(dossier)).content.decode()
    lijsten = [
        q["sql"]
        for q in queries.captured_queries
        if '"registratie_antwoord"."lijst" IN' in q["sql"]
    ]
    assert len(lijsten) == 1
    assert not any("DECLARE" in q["sql"] for q in queries.captured_queries)
    assert f'<option value="{gekozen.pk}" selected>{gekozen.label}' in html
    assert a(Lijst.THUISTAAL).label in html
