"""Every figure opens to what it is made of: the teller and noemer on 'Bereken bezettingsgraad',
'Bereken benuttingsgraad' and Opgroeien's overview link to lines that add up to them exactly,
with the dossiers (the client's name for the voorziening's own staff only), an export, honest
states, presets, and 404 for what is not the voorziening's."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from binc.tenancy import all_voorzieningen
from kwartaal.models import TypemoduleInzet
from tests.binc.factories import MedewerkerFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.factories import ClientFactory, DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing, m
from tests.kwartaal.factories import CapaciteitFactory
from tests.rapporten.helpers import libreoffice_opent

pytestmark = OP_VANDAAG
PAGINA = reverse("bezetting:bezettingsgraad")
OPBOUW = reverse("bezetting:bezetting_opbouw")
PERIODE = {"van": "2026-01-01", "tot": "2026-01-10"}


@pytest.fixture
def cb(omgeving):
    """CB laagintensief, 2 places and 1 innovatief; the dossier 3-7 and 7-9 January (7 January
    shared by its two schakelingen, counted once: 7 days)."""
    voorziening, gebruiker, dossier = omgeving
    typemodule = m("BEGBJB02").typemodule
    with all_voorzieningen():
        CapaciteitFactory(
            voorziening=voorziening,
            typemodule=typemodule,
            geldig_van=D(2020, 1, 1),
            erkende_capaciteit=2,
            innovatief_project=1,
        )
    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02",))
    add(dossier, gebruiker, b, D(2026, 1, 3), D(2026, 1, 7))
    add(dossier, gebruiker, b, D(2026, 1, 7), D(2026, 1, 9))
    return voorziening, gebruiker, dossier, typemodule, logged_in_client(gebruiker, voorziening)


def _links(html: str, rij: str) -> set[str]:
    return {a.replace("&amp;", "&") for a in re.findall(r'href="([^"]*rij=' + rij + ')"', html)}


def test_the_teller_and_noemer_link_to_lines_that_add_up_to_them(cb):
    _, _, dossier, typemodule, client = cb
    html = client.get(PAGINA, {**PERIODE, "typemodules": typemodule.code}).content.decode()
    # 7 dossier-days + 10 innovatief = 17 over 2 places * 10 days; the split in the table.
    assert "85,00 %" in html
    assert re.search(r">17<span class=\"visually-hidden\"> dagen: opbouw van de teller", html)
    assert '<td class="getal">7</td><td class="getal">10</td>' in html
    (link,) = _links(html, typemodule.code)
    opbouw = client.get(link).content.decode()
    client_naam = f"{dossier.client.voornaam} {dossier.client.naam}"
    assert dossier.code in opbouw
    assert client_naam in opbouw
    assert reverse("dossiers:dossier_detail", args=[dossier.pk]) in opbouw
    # Both schakelingen clipped to the period, the shared 7 January once.
    assert "03/01/2026 – 07/01/2026<br>07/01/2026 – 09/01/2026" in opbouw
    assert re.search(
        r'<td class="getal">7</td><td class="getal">1</td><td class="getal">7</td>', opbouw
    )
    assert 'Samen uit de schakelingen</th><td class="getal">7</td>' in opbouw
    assert "Innovatief project" in opbouw
    assert "<dd>17 dagen: 7 uit de schakelingen en 10 innovatief project" in opbouw
    assert "<dd>20</dd>" in opbouw


def test_the_weighted_average_opens_to_its_parts_and_each_part_to_its_lines(cb):
    voorziening, _gebruiker, _, typemodule, client = cb
    verblijf = m("VBFBJB04").typemodule
    with all_voorzieningen():
        CapaciteitFactory(
            voorziening=voorziening,
            typemodule=verblijf,
            geldig_van=D(2020, 1, 1),
            erkende_capaciteit=3,
        )
    vraag = {**PERIODE, "alle": "on"}
    html = client.get(PAGINA, vraag).content.decode()
    assert "Het gewogen gemiddelde omvat" in html
    (link,) = _links(html, "gewogen")
    opbouw = client.get(link).content.decode()
    # 17 days over 20 + 0 nights over 30 = 17/50.
    assert 'Totaal</th><td class="getal">17</td><td class="getal">50</td>' in opbouw
    assert "34,00 %" in opbouw
    assert _links(opbouw, typemodule.code)


@pytest.mark.traag  # LibreOffice opens the file
def test_a_breakdown_downloads_as_excel_that_adds_up(cb, tmp_path: Path):
    _, _, dossier, typemodule, client = cb
    vraag = {**PERIODE, "typemodules": typemodule.code, "rij": typemodule.code}
    response = client.get(OPBOUW, {**vraag, "export": "1"})
    assert "Opbouw" in response["Content-Disposition"]
    boek = load_workbook(io.BytesIO(response.content))
    assert boek.sheetnames == ["Opbouw", "Teller", "Noemer"]
    assert boek["Opbouw"]["B6"].number_format == "0.00%"
    teller = list(boek["Teller"].iter_rows(values_only=True))
    assert teller[1][0] == dossier.code
    assert teller[1][-1] == 7
    assert ("Totaal teller", 17) in [r[:2] for r in teller]
    assert ("Totaal noemer", 20) in [r[:2] for r in boek["Noemer"].iter_rows(values_only=True)]
    pad = tmp_path / "opbouw.xlsx"
    pad.write_bytes(response.content)
    libreoffice_opent(pad)


def test_the_exports_hold_percentages_and_numbers_formatted(cb):
    _, _, _, typemodule, client = cb
    response = client.get(PAGINA, {**PERIODE, "typemodules": typemodule.code, "export": "1"})
    blad = load_workbook(io.BytesIO(response.content))["Bezettingsgraad"]
    cellen = [c for rij in blad.iter_rows() for c in rij if isinstance(c.value, float)]
    assert cellen
    assert {c.number_format for c in cellen} == {"0.00%"}


def test_what_is_not_the_voorzienings_answers_404(cb, opgroeien_gebruiker):
    voorziening, _, _dossier, typemodule, client = cb
    vraag = {**PERIODE, "typemodules": typemodule.code, "rij": typemodule.code}
    assert client.get(OPBOUW, vraag).status_code == 200
    # Another voorziening's medewerker: the typemodule is none of theirs, the dossier never shown.
    ander = VoorzieningFactory()
    collega = MedewerkerFactory(voorziening=ander).gebruiker
    buiten = logged_in_client(collega, ander)
    assert buiten.get(OPBOUW, vraag).status_code == 404
    assert buiten.get(OPBOUW, {**vraag, "rij": "gewogen"}).status_code == 404
    assert buiten.get(reverse("bezetting:bezetting_trend"), vraag).status_code == 404
    # A row that was not asked, or a period that is not one: 404, never 500.
    assert client.get(OPBOUW, {**vraag, "rij": "onbestaand"}).status_code == 404
    assert client.get(OPBOUW, {**vraag, "van": "geen"}).status_code == 404
    benutting = reverse("bezetting:benutting_opbouw")
    kwartaal = {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": typemodule.code}
    assert buiten.get(benutting, {**kwartaal, "rij": typemodule.code}).status_code == 404
    # Opgroeien's breakdown is Opgroeien's: a medewerker is refused.
    opgroeien_url = reverse("bezetting_opgroeien:opbouw", args=[voorziening.pk])
    assert client.get(opgroeien_url, PERIODE).status_code == 403


def test_opgroeien_opens_a_voorzienings_figure_with_dossier_codes_only(cb, opgroeien_gebruiker):
    voorziening, _, dossier, typemodule, _ = cb
    opgroeien = logged_in_client(opgroeien_gebruiker)
    html = opgroeien.get(reverse("bezetting_opgroeien:overzicht"), PERIODE).content.decode()
    url = reverse("bezetting_opgroeien:opbouw", args=[voorziening.pk])
    (link,) = {a.replace("&amp;", "&") for a in re.findall(f'href="({url}[^"]*)"', html)}
    gewogen = opgroeien.get(link).content.decode()
    assert "85,00 %" in gewogen
    (rij,) = _links(gewogen, typemodule.code)
    opbouw = opgroeien.get(rij).content.decode()
    assert dossier.code in opbouw
    assert dossier.client.naam not in opbouw
    assert reverse("dossiers:dossier_detail", args=[dossier.pk]) not in opbouw
    assert opgroeien.get(url, {**PERIODE, "rij": "onbestaand"}).status_code == 404
    assert (
        opgroeien.get(reverse("bezetting_opgroeien:opbouw", args=[0]), PERIODE).status_code == 404
    )


def test_a_breakdowns_queries_do_not_grow_with_the_dossiers(
    cb, django_assert_num_queries, django_assert_max_num_queries
):
    voorziening, gebruiker, _, typemodule, client = cb
    vraag = {**PERIODE, "typemodules": typemodule.code, "rij": typemodule.code}
    client.get(OPBOUW, vraag)
    # Beside the session, membership and menu: the catalogue, capacities, schakelingen,
    # typemodules, kwartalen and the dossiers' codes and names.
    with django_assert_max_num_queries(14) as een:
        client.get(OPBOUW, vraag)
    for _ in range(4):
        dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
        b = beslissing(dossier, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02",))
        add(dossier, gebruiker, b, D(2026, 1, 3), D(2026, 1, 9))
    with django_assert_num_queries(len(een.captured_queries)):
        html = client.get(OPBOUW, vraag).content.decode()
    assert "5 dossiers" in html


def test_benutting_opens_to_its_quarters_and_says_what_is_not_filled_in_or_sent(cb):
    _, _, _, typemodule, client = cb
    url = reverse("bezetting:benuttingsgraad")
    vraag = {"van": "2026-Q1", "tot": "2026-Q1", "typemodules": typemodule.code}
    html = client.get(url, vraag).content.decode()
    assert "Kwartaal 1 - 2026: nog niet ingevuld voor" in html
    assert "Kwartaal 1 - 2026: nog niet verzonden (Open)." in html
    # Nothing filled in: no 0,00 % for the typemodule nor its function, but what is missing.
    assert "0,00 %" not in html
    assert html.count("nog niet ingevuld") == 3
    with all_voorzieningen():
        TypemoduleInzet.objects.filter(typemodule=typemodule).update(totaal=Decimal("13"))
    html = client.get(url, vraag).content.decode()
    assert "nog niet ingevuld" not in html
    (link,) = _links(html, typemodule.code)
    opbouw = client.get(link).content.decode()
    # 13 hours over (2 - 1 innovatief) inzetbare places * intensiteit * 13 weeks.
    assert "Kwartaal 1 - 2026: modulair kwartaal" in opbouw
    assert "Kwartaal 1 - 2026: inzetbare capaciteit" in opbouw
    (groep,) = _links(html, "functie:contextbegeleiding")
    assert client.get(groep).status_code == 200


def test_the_presets_compute_every_typemodule_over_a_known_period(cb):
    _, _, _, typemodule, client = cb
    html = client.get(PAGINA).content.decode()
    assert "dit kwartaal" in html
    assert "vorig jaar" in html
    (vorig_kwartaal,) = re.findall(r'href="\?([^"]*)">vorig kwartaal', html)
    antwoord = client.get(PAGINA + "?" + vorig_kwartaal.replace("&amp;", "&")).content.decode()
    assert typemodule.naam in antwoord
    assert "Gewogen gemiddelde" in antwoord
    leeg = client.get(PAGINA, PERIODE).content.decode()
    assert "Kies minstens één typemodule of vink" in leeg


def test_the_preview_and_the_page_give_the_same_figure_for_the_same_quarter(cb):
    """The preview's quarter runs to its last day, as the page does for that period: after
    saving, the page shows the figure after the preview's arrow, and the preview links there."""
    voorziening, gebruiker, _, _, client = cb
    dossier = DossierFactory(voorziening=voorziening, client=ClientFactory())
    b = beslissing(dossier, gebruiker, begin=D(2026, 2, 1), codes=("BEGBJB02",))
    url = reverse("bezetting:voorbeeld", args=[dossier.pk])
    html = client.get(url, {"begindatum": "2026-02-10", "modules": m("BEGBJB02").pk}).content
    voorbeeld = html.decode()
    assert "Kwartaal 01/01/2026 &ndash; 31/03/2026" in voorbeeld
    voor, na = re.search(r"(\d+,\d\d %) → (\d+,\d\d %) <a", voorbeeld).groups()
    (pagina,) = re.findall(r'href="(/bezetting/\?[^"]*)"', voorbeeld)
    assert voor in client.get(pagina.replace("&amp;", "&")).content.decode()
    add(dossier, gebruiker, b, D(2026, 2, 10))
    assert na in client.get(pagina.replace("&amp;", "&")).content.decode()


def test_inzet_modules_takes_every_module_and_a_preset(cb):
    _, _, _, _, client = cb
    url = reverse("bezetting:inzet")
    html = client.get(url, {"van": "2026-01-05", "tot": "2026-01-05", "alle": "on"}).content
    assert "Vrije plaatsen op 05/01/2026" in html.decode()
    assert "Alle modules over" in client.get(url).content.decode()
    leeg = client.get(url, {"van": "2026-01-05", "tot": "2026-01-05"}).content.decode()
    assert "Kies minstens één module of vink &#x27;Alle modules&#x27; aan." in leeg


def test_a_kwartaal_total_opens_to_the_figures_it_is_made_of(cb):
    _, _, _, typemodule, client = cb
    with all_voorzieningen():
        inzet = TypemoduleInzet.objects.get(typemodule=typemodule)
        inzet.totaal = Decimal("1217.5")
        inzet.save()
    staat = reverse("kwartaal:staat", args=[inzet.kwartaalstaat_id])
    html = client.get(staat).content.decode()
    detail = reverse("kwartaal:typemodule", args=[inzet.kwartaalstaat_id, inzet.pk])
    assert f'<a href="{detail}">1.217,5<span class="visually-hidden">' in html
    pagina = client.get(detail).content.decode()
    assert "tellen samen op tot 0: het totaal werd apart ingevuld en wijkt daarvan af" in pagina


def test_the_month_trend_loads_after_the_page_and_without_javascript(cb):
    _, _, _, typemodule, client = cb
    vraag = {"van": "2026-01-01", "tot": "2026-02-28", "typemodules": typemodule.code}
    html = client.get(PAGINA, vraag).content.decode()
    trend = reverse("bezetting:bezetting_trend")
    assert f'hx-get="{trend}?' in html
    assert "Toon het gewogen gemiddelde per maand" in html
    deel = client.get(trend, vraag, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in deel
    # January: 7 + 31 innovatief days over 62; February: 28 over 56.
    assert '<th scope="row">01/2026</th><td class="getal">61,29 %</td>' in deel
    assert '<th scope="row">02/2026</th><td class="getal">50,00 %</td>' in deel
    assert "<h1>Gewogen gemiddelde per maand</h1>" in client.get(trend, vraag).content.decode()
    assert client.get(trend, {"van": "geen"}).status_code == 404
