"""'Bereken bezettingsgraad' in Chromium (000 §14.1): a period, a typemodule, the rate."""

import datetime
import re
from decimal import Decimal

from playwright.sync_api import expect

from binc.constants import Organisatietype
from binc.tenancy import voorziening_context
from dossiers.rules import ModuleKeuze, SchakelingInvoer
from dossiers.services.beslissingen import beslissing_create
from dossiers.services.schakelingen import schakeling_add
from kwartaal.models import TypemoduleInzet
from tests.binc.factories import (
    GebruikerFactory,
    MedewerkerFactory,
    ModuleFactory,
    ModuleGoedkeuringFactory,
    TypemoduleFactory,
    VoorzieningFactory,
)
from tests.browser.helpers import als_opgroeien, login
from tests.conftest import OP_VANDAAG
from tests.dossiers.factories import DossierFactory
from tests.kwartaal.factories import CapaciteitFactory

pytestmark = OP_VANDAAG
D = datetime.date


def test_a_medewerker_computes_the_bezettingsgraad(page, transactional_db):
    voorziening = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    gebruiker = MedewerkerFactory(
        voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener")
    ).gebruiker
    typemodule = TypemoduleFactory(
        code="cb-laagintensief", naam="Contextbegeleiding laagintensief", intensiteit=Decimal("1.5")
    )
    module = ModuleFactory(code="TSTCB01", naam="Contextbegeleiding", typemodule=typemodule)
    ModuleGoedkeuringFactory(voorziening=voorziening, module=module, geldig_van=D(2015, 1, 1))
    CapaciteitFactory(
        voorziening=voorziening,
        typemodule=typemodule,
        geldig_van=D(2020, 1, 1),
        erkende_capaciteit=2,
    )
    with voorziening_context(voorziening):
        dossier = DossierFactory(voorziening=voorziening)
        b = beslissing_create(
            dossier_pk=dossier.pk,
            gebruiker=gebruiker,
            modules=[module],
            begindatum=D(2026, 1, 3),
            verwijzingsgrond="vrijwillig",
            gemandateerde_voorziening="geen",
        )
        invoer = SchakelingInvoer(D(2026, 1, 3), D(2026, 1, 7), [ModuleKeuze(module)])
        schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=b.pk,
            invoer=invoer,
            gebruiker=gebruiker,
            bevestigd=True,
        )

    login(page, "hulpverlener")
    page.get_by_role("link", name="Bereken bezettingsgraad").click()
    page.get_by_label("Van").fill("2026-01-01")
    page.get_by_label("Tot en met").fill("2026-01-10")
    page.get_by_label("Contextbegeleiding laagintensief").check()
    page.get_by_role("button", name="Bereken bezettingsgraad").click()
    expect(page.get_by_role("cell", name="25,00 %").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteer resultaat").click()
    assert "Bezettingsgraad" in download.value.suggested_filename

    # Every figure opens to what it is made of: the chart beside its table, the teller to its
    # dossiers, a dossier to its page.
    expect(
        page.get_by_role("img", name=re.compile("^Bezettingsgraad per typemodule"))
    ).to_be_visible()
    page.get_by_role(
        "link", name=re.compile("opbouw van de teller van Contextbegeleiding laagintensief")
    ).click()
    expect(
        page.get_by_role("heading", name="Opbouw: Contextbegeleiding laagintensief")
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Bezette plaatsen per dag"))).to_be_visible()
    page.get_by_text("De cijfers van de grafiek, per dag").click()
    # 3-7 January one place of 2, then none: two stretches.
    stuk = page.get_by_role("row", name=re.compile("^03.01.2026"))
    expect(stuk.get_by_role("cell")).to_have_text(["07/01/2026", "1", "2"])
    page.get_by_role("link", name=dossier.code).click()
    expect(page).to_have_url(re.compile(f"/dossiers/{dossier.pk}/$"))

    with voorziening_context(voorziening):
        TypemoduleInzet.objects.filter(typemodule=typemodule).update(totaal=Decimal("19.5"))
    page.get_by_role("link", name="Bereken benuttingsgraad").click()
    page.get_by_label("Van kwartaal").select_option(label="Kwartaal 1 - 2026")
    page.get_by_label("Tot en met kwartaal").select_option(label="Kwartaal 1 - 2026")
    page.get_by_label("Contextbegeleiding laagintensief").check()
    page.get_by_role("button", name="Bereken benuttingsgraad").click()
    # 19,5 hours / (2 places * 1,5 hours a week * 13 weeks): the typemodule and its function.
    totaal = page.get_by_role("row", name=re.compile("Totaal contextbegeleiding"))
    expect(totaal.get_by_role("cell", name="50,00 %")).to_be_visible()
    expect(page.get_by_text(re.compile("intensiteit .uren per week. . 13 weken"))).to_be_visible()

    page.get_by_role("link", name="Inzet modules").click()
    page.get_by_label("Van").fill("2026-01-05")
    page.get_by_label("Tot en met").fill("2026-01-05")
    page.get_by_label("TSTCB01 Contextbegeleiding").check()
    page.get_by_role("button", name="Toon inzet").click()
    expect(page.get_by_text("Contextbegeleiding laagintensief: 1")).to_be_visible()

    page.get_by_role("link", name="Bereken benuttingsgraad").click()
    page.get_by_label("Van kwartaal").select_option("2026-Q1")
    page.get_by_label("Tot en met kwartaal").select_option("2026-Q1")
    page.get_by_label("Contextbegeleiding laagintensief").check()
    page.get_by_role("button", name="Bereken benuttingsgraad").click()
    expect(page.get_by_role("heading", name="Resultaat")).to_be_visible()

    page.goto("/bezetting/ondersteunende-begeleiding/")
    expect(
        page.get_by_role("heading", name=re.compile("ondersteunende begeleiding"))
    ).to_be_visible()
    page.get_by_role("button", name=re.compile("^Bereken")).click()
    expect(page.get_by_role("alert")).to_be_visible()  # nothing chosen: errors, not a crash

    # The schakeling form previews the effect on the bezetting before saving (HTMX).
    with voorziening_context(voorziening):
        nieuw = DossierFactory(voorziening=voorziening)
        beslissing_create(
            dossier_pk=nieuw.pk,
            gebruiker=gebruiker,
            modules=[module],
            begindatum=D(2026, 1, 3),
            verwijzingsgrond="vrijwillig",
            gemandateerde_voorziening="geen",
        )
    page.goto(f"/dossiers/{nieuw.pk}/schakelingen/nieuw/")
    page.get_by_label("Begindatum").fill("2026-01-05")
    page.get_by_role("group", name=re.compile("^Modules")).get_by_label(
        re.compile("TSTCB01")
    ).check()
    voorbeeld = page.get_by_role("region", name="Effect op de bezetting")
    expect(voorbeeld).to_contain_text("50,00 % → 100,00 %")


def test_opgroeien_sees_the_bezetting_of_every_voorziening(page, transactional_db):
    from binc.constants import OpgroeienRol

    voorziening = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    typemodule = TypemoduleFactory(
        code="cb-laagintensief", naam="Contextbegeleiding laagintensief", intensiteit=Decimal("1.5")
    )
    CapaciteitFactory(
        voorziening=voorziening,
        typemodule=typemodule,
        geldig_van=D(2020, 1, 1),
        erkende_capaciteit=2,
        innovatief_project=1,
    )
    als_opgroeien(page, OpgroeienRol.VOORZIENINGENBELEID, "omar")
    page.goto("/opgroeien/bezetting/")
    page.get_by_label("Van").fill("2026-01-01")
    page.get_by_label("Tot en met").fill("2026-01-10")
    page.get_by_role("button", name="Bereken").click()
    expect(page.get_by_role("row", name=re.compile("De Linde"))).to_contain_text("50,00 %")
    expect(
        page.get_by_role("img", name=re.compile("^Bezettingsgraad van de voorzieningen"))
    ).to_be_visible()
    # The teller opens to the voorziening's parts, a part to its lines: 10 innovatief places.
    page.get_by_role("link", name=re.compile("^10.*opbouw van de teller van De Linde")).click()
    page.get_by_role("link", name="Contextbegeleiding laagintensief").click()
    expect(page.get_by_role("row", name=re.compile("^Innovatief project"))).to_contain_text("10")
