"""Every kind of voorziening from the database to the screen and the export: Veilig verblijf and
gezinshuis over their own capacity, a CKG's crisisbegeleiding in the begeleidingspunten, and the
benuttingsgraad per function group with no total across functions (000 §13, §14.2, §14.4, §15)."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from binc.constants import Organisatietype
from binc.tenancy import all_voorzieningen
from dossiers.models import SchakelingModule
from tests.binc.factories import MedewerkerFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory, SchakelingFactory
from tests.dossiers.zorg_helpers import D, m
from tests.kwartaal.factories import (
    CapaciteitFactory,
    KwartaalstaatFactory,
    TypemoduleInzetFactory,
)
from tests.rapporten.helpers import libreoffice_opent

pytestmark = [OP_VANDAAG, pytest.mark.django_db]
BEZETTING = reverse("bezetting:bezettingsgraad")
BENUTTING = reverse("bezetting:benuttingsgraad")


def _capaciteit(voorziening, code, erkend):
    CapaciteitFactory(
        voorziening=voorziening,
        typemodule=m(code).typemodule,
        geldig_van=D(2020, 1, 1),
        erkende_capaciteit=erkend,
    )


def _zorg(voorziening, begin, einde, *codes, verzekerd=False):
    dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
    schakeling = SchakelingFactory(beslissing__dossier=dossier, begindatum=begin, einddatum=einde)
    for code in codes:
        SchakelingModule.objects.create(
            schakeling=schakeling, module=m(code), verzekerd_aanbod=verzekerd
        )


def _rijen(response, blad):
    return list(load_workbook(io.BytesIO(response.content))[blad].iter_rows(values_only=True))


@pytest.fixture
def verblijf():
    """2 places verblijf, 1 Veilig verblijf, 1 gezinshuis and contextbegeleiding, in February
    2026 (28 days) and with the kwartaal of Q1 2026 filled in."""
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.OVBJ_VERBLIJF)
    with all_voorzieningen():
        for code, erkend in (("VBFBJB04", 2), ("VBFBJB16", 1), ("VBFBJB20", 1), ("BEGBJB02", 2)):
            _capaciteit(voorziening, code, erkend)
        _zorg(voorziening, D(2026, 2, 1), D(2026, 2, 28), "VBFBJB04")
        _zorg(voorziening, D(2026, 1, 20), None, "VBFBJB04")
        _zorg(voorziening, D(2026, 2, 1), D(2026, 3, 5), "VBFBJB16")
        _zorg(voorziening, D(2026, 2, 15), D(2026, 2, 28), "VBFBJB20")
        staat = KwartaalstaatFactory(voorziening=voorziening, jaar=2026, kwartaal=1)
        for code, totaal in (("VBFBJB04", 162), ("VBFBJB16", 45), ("VBFBJB20", 90)):
            TypemoduleInzetFactory(
                kwartaalstaat=staat, typemodule=m(code).typemodule, totaal=Decimal(totaal)
            )
        TypemoduleInzetFactory(
            kwartaalstaat=staat, typemodule=m("BEGBJB02").typemodule, totaal=Decimal("19.5")
        )
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    codes = [m(c).typemodule.code for c in ("VBFBJB04", "VBFBJB16", "VBFBJB20", "BEGBJB02")]
    return logged_in_client(gebruiker, voorziening), codes, voorziening


@pytest.mark.traag  # LibreOffice opens the file
def test_veilig_verblijf_and_gezinshuis_are_divided_by_their_own_capacity(verblijf, tmp_path):
    client, codes, _ = verblijf
    vraag = {"van": "2026-02-01", "tot": "2026-02-28", "typemodules": codes[:3]}
    html = client.get(BEZETTING, vraag).content.decode()
    # Verblijf 56 nights / (2 * 28); Veilig verblijf 28 / (1 * 28); gezinshuis 14 / (1 * 28);
    # weighted (56 + 28 + 14) / (56 + 28 + 28) = 87,50 %, never above 100 %.
    assert html.count("100,00 %") == 2
    assert "50,00 %" in html
    assert "87,50 %" in html
    assert "Veilig verblijf en Verblijf in een gezinshuis" in html  # what the noemer holds
    export = client.get(BEZETTING, {**vraag, "export": "1"})
    assert ("Veilig verblijf", 1.0) in _rijen(export, "Bezettingsgraad")
    assert ("Gewogen gemiddelde", 0.875) in _rijen(export, "Bezettingsgraad")
    assert ("Verblijf in een gezinshuis", 14.0, 28.0) in _rijen(export, "Tellers en noemers")
    (tmp_path / "bezetting.xlsx").write_bytes(export.content)
    libreoffice_opent(tmp_path / "bezetting.xlsx")


@pytest.mark.traag  # LibreOffice opens the file
def test_the_benuttingsgraad_per_function_group_without_a_total_across_functions(
    verblijf, tmp_path
):
    client, codes, _ = verblijf
    vraag = {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": codes}
    html = client.get(BENUTTING, vraag).content.decode()
    # Q1 2026, 90 days. Verblijf 162 / (2 * 90); Veilig verblijf 45 / 90; gezinshuis 90 / 90;
    # group verblijf 297 / 360. Contextbegeleiding 19,5 / (2 * 1,5 * 13).
    for graad in ("90,00 %", "50,00 %", "100,00 %", "82,50 %"):
        assert graad in html
    assert "Totaal verblijf" in html
    assert "Totaal contextbegeleiding" in html
    assert "Gewogen gemiddelde" not in html
    assert "13 weken" in html
    export = client.get(BENUTTING, {**vraag, "export": "1"})
    eerste = _rijen(export, "Benuttingsgraad")
    assert ("Verblijf", "Totaal Verblijf", 0.825) in eerste
    assert ("Contextbegeleiding", "Totaal Contextbegeleiding", 0.5) in eerste
    assert not any("Gewogen" in str(cel) for rij in eerste for cel in rij)
    assert ("Verblijf", "Totaal Verblijf", 297.0, 360.0) in _rijen(export, "Tellers en noemers")
    (tmp_path / "benutting.xlsx").write_bytes(export.content)
    libreoffice_opent(tmp_path / "benutting.xlsx")


def test_dagbegeleiding_shows_only_its_group():
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.OVBJ)
    with all_voorzieningen():
        _capaciteit(voorziening, "DAGBJB01", 1)
        staat = KwartaalstaatFactory(voorziening=voorziening, jaar=2023, kwartaal=2)
        TypemoduleInzetFactory(
            kwartaalstaat=staat, typemodule=m("DAGBJB01").typemodule, totaal=Decimal(61)
        )
    client = logged_in_client(MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening)
    code = m("DAGBJB01").typemodule.code
    html = client.get(
        BENUTTING, {"van": "2023-Q2", "tot": "2023-Q2", "typemodules": code}
    ).content.decode()
    # Q2 2023 has 61 working days: 61 / (1 * 1 * 61).
    assert "Totaal dagbegeleiding in groep" in html
    assert html.count("100,00 %") == 1


@pytest.fixture
def ckg():
    """A CKG with 120 begeleidingspunten; crisisbegeleiding once on its own, once ticked as
    verzekerd aanbod beside crisisverblijf, and a month of gezinsbegeleiding (Q1 2026)."""
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.CKG)
    with all_voorzieningen():
        _capaciteit(voorziening, "BEGKG01", 120)
        _capaciteit(voorziening, "BEGCMP01", 0)
        _capaciteit(voorziening, "VBFKG02", 2)
        _zorg(voorziening, D(2026, 1, 10), D(2026, 2, 20), "BEGCMP01")
        _zorg(voorziening, D(2026, 1, 10), D(2026, 2, 20), "VBFKG02", "BEGCMP01", verzekerd=True)
        _zorg(voorziening, D(2026, 1, 1), D(2026, 1, 31), "BEGKG01")
    client = logged_in_client(MedewerkerFactory(voorziening=voorziening).gebruiker, voorziening)
    return client, [m(c).typemodule.code for c in ("BEGCMP01", "BEGKG01")]


@pytest.mark.traag  # LibreOffice opens the file
def test_a_ckgs_crisisbegeleiding_earns_6_points_per_started_month_unless_ticked(ckg, tmp_path):
    client, codes = ckg
    vraag = {"van": "2026-01-01", "tot": "2026-03-31", "typemodules": codes}
    html = client.get(BEZETTING, vraag).content.decode()
    # Crisisbegeleiding without the tick: 42 days = 2 started months * 6 = 12 points; ticked
    # beside crisisverblijf: none. Gezinsbegeleiding 31 days = 2 * 3 = 6. Noemer 120 * 90/365:
    # 18 / 29,59 = 60,83 %, shown once.
    assert "12 punten" in html
    assert "6 punten" in html
    tabel = html[html.index("<table") : html.index("</table>")]
    assert tabel.count("60,83 %") == 2  # the begeleidingspunten and the weighted average
    # The month chart's table ends on the same figure: March counts from 1 January.
    trend = client.get(reverse("bezetting:bezetting_trend"), vraag).content.decode()
    assert '<th scope="row">03/2026</th><td class="getal">60,83 %</td>' in trend
    export = client.get(BEZETTING, {**vraag, "export": "1"})
    tweede = _rijen(export, "Tellers en noemers")
    assert ("Crisisbegeleiding (op verwijzing crisismeldpunt)", 12, None) in tweede
    (tmp_path / "ckg.xlsx").write_bytes(export.content)
    libreoffice_opent(tmp_path / "ckg.xlsx")


def test_a_ckgs_points_typemodules_get_no_benutting_and_say_why(ckg):
    client, codes = ckg
    html = client.get(
        BENUTTING, {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": codes}
    ).content.decode()
    assert "Geen benuttingsgraad" in html
    assert html.count("telt in begeleidingspunten: zie de bezettingsgraad") == 2


def test_opgroeiens_overview_weighs_veilig_verblijf_and_gezinshuis_by_their_own_capacity(
    verblijf, opgroeien_gebruiker
):
    client = logged_in_client(opgroeien_gebruiker)
    url = reverse("bezetting_opgroeien:overzicht")
    vraag = {"van": "2026-02-01", "tot": "2026-02-28", "sorteer": "-graad"}
    # Every typemodule with a capacity: verblijf 56 / 56, Veilig verblijf 28 / 28, gezinshuis
    # 14 / 28 and contextbegeleiding 0 / 56: 98 / 168.
    assert "58,33 %" in client.get(url, vraag).content.decode()
    export = client.get(url, {**vraag, "export": "1"})
    assert any(
        r[3] == pytest.approx(98 / 168)
        for r in load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
    )


def test_the_live_preview_divides_veilig_verblijf_by_its_own_capacity(verblijf):
    client, _, voorziening = verblijf
    with all_voorzieningen():
        dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
    url = reverse("bezetting:voorbeeld", args=[dossier.pk])
    vraag = {"begindatum": "2026-02-10", "einddatum": "2026-02-10", "modules": m("VBFBJB16").pk}
    # The one place Veilig verblijf is taken on 10 February: a second client makes it 200 %.
    html = client.get(url, vraag).content.decode()
    assert "100,00 % → 200,00 %" in html
    assert "boven 100 %" in html


def test_a_typemodule_with_a_capacity_history_is_one_choice_after_the_period(verblijf):
    client, codes, voorziening = verblijf
    with all_voorzieningen():
        CapaciteitFactory(
            voorziening=voorziening,
            typemodule=m("VBFBJB04").typemodule,
            geldig_van=D(2026, 3, 1),
            erkende_capaciteit=3,
        )
    for url in (BEZETTING, BENUTTING):
        html = client.get(url).content.decode()
        assert html.count(f'value="{codes[0]}"') == 1
        # The period comes first, as the Tab key goes.
        assert html.index('name="van"') < html.index('name="typemodules"')


def test_a_ckgs_begeleidingspunten_open_to_the_points_per_dossier(ckg):
    client, codes = ckg
    verblijf = m("VBFKG02").typemodule.code
    vraag = {"van": "2026-01-01", "tot": "2026-03-31", "typemodules": [verblijf, *codes]}
    html = client.get(BEZETTING, vraag).content.decode()
    (link,) = set(re.findall(r'href="(/bezetting/opbouw/[^"]*rij=begeleidingspunten)"', html))
    opbouw = client.get(link.replace("&amp;", "&")).content.decode()
    # 42 days of crisisbegeleiding = 2 started months * 6; 31 days of gezinsbegeleiding = 2 * 3.
    assert re.search(
        r'<td class="getal">42</td><td class="getal"></td><td class="getal">2</td>'
        r'<td class="getal">12</td>',
        opbouw,
    )
    assert 'Samen uit de schakelingen</th><td class="getal">18</td>' in opbouw
    # From March the points cannot be computed: one click to the period from 1 January.
    maart = client.get(BEZETTING, {**vraag, "van": "2026-03-01"}).content.decode()
    assert "van=2026-01-01" in maart.split("Bereken vanaf 1 januari")[0].rsplit("href", 1)[1]
