"""'API-koppelingen' in Chromium (axe-core on every page): a medewerker makes a koppeling for
the voorziening's own system, copies its secret once, and revokes it."""

import re

from playwright.sync_api import expect

from binc.constants import Organisatietype
from tests.binc.factories import GebruikerFactory, MedewerkerFactory, VoorzieningFactory
from tests.browser.helpers import als_opgroeien, login


def test_a_medewerker_makes_and_revokes_a_koppeling(page, transactional_db, settings):
    settings.WEBHOOKS_ENKEL_PUBLIEK = False  # no name lookup in a test
    voorziening = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    MedewerkerFactory(voorziening=voorziening, gebruiker=GebruikerFactory(username="hulpverlener"))

    login(page, "hulpverlener")
    page.get_by_role("link", name="API-koppelingen").click()
    page.get_by_role("button", name="Koppeling aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Naam")
    page.get_by_label("Naam").fill("Eigen cliëntdossier")
    page.get_by_label("Schrijven").check()
    page.get_by_role("button", name="Koppeling aanmaken").click()
    expect(page.get_by_text("Bewaar het geheim nu")).to_be_visible()
    expect(page.get_by_role("cell", name="lezen schrijven")).to_be_visible()
    geheim = page.locator("#geheim").inner_text()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Kopieer het geheim").click()
    expect(page.locator("#geheim-gekopieerd")).to_have_text("Gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == geheim

    # Its system gets the changes pushed: a webhook, its secret shown once.
    page.get_by_role("link", name="Webhooks").click()
    page.get_by_label("Adres").fill("https://dms.voorbeeld.be/binc")
    page.get_by_role("button", name="Webhook aanmaken").click()
    expect(page.get_by_text("Bewaar het geheim nu")).to_be_visible()
    expect(page.get_by_role("cell", name="Actief")).to_be_visible()
    page.get_by_role("navigation", name="Kruimelpad").get_by_role(
        "link", name="API-koppelingen"
    ).click()

    page.get_by_role("link", name="Intrekken koppeling Eigen cliëntdossier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Koppeling 'Eigen cliëntdossier' intrekken?"
    )
    page.get_by_role("button", name="Koppeling 'Eigen cliëntdossier' intrekken").click()
    expect(page.get_by_text("werd ingetrokken")).to_be_visible()
    expect(page.get_by_text("Ingetrokken op")).to_be_visible()


def test_voorzieningenbeleid_makes_a_koppeling_and_retries_a_bounced_mail(
    page, transactional_db, settings
):
    from binc.constants import OpgroeienRol
    from documenten.constants import MAX_MAILPOGINGEN, MailStatus
    from documenten.models import Deling
    from tests.documenten.helpers import delen

    settings.CELERY_TASK_ALWAYS_EAGER = True
    linde = VoorzieningFactory(naam="De Linde", organisatietype=Organisatietype.OVBJ)
    anker = VoorzieningFactory(naam="Het Anker", organisatietype=Organisatietype.OVBJ)
    afzender = MedewerkerFactory(voorziening=linde).gebruiker
    delen(afzender, linde, anker)
    Deling.objects.update(
        mail_status=MailStatus.MISLUKT, mail_pogingen=MAX_MAILPOGINGEN, mail_fout="550 onbekend"
    )
    als_opgroeien(page, OpgroeienRol.VOORZIENINGENBELEID, "beleid")
    page.goto("/opgroeien/api/koppeling/")
    page.get_by_role("link", name="Nieuwe koppeling voor een voorziening").click()
    page.get_by_role("button", name="Koppeling aanmaken").click()
    expect(page.get_by_text("Dit veld is vereist.").first).to_be_visible()
    page.get_by_label("Voorziening").select_option(label="De Linde")
    page.get_by_label("Naam").fill("Rapportering")
    page.get_by_label("Lezen").check()
    page.get_by_role("button", name="Koppeling aanmaken").click()
    expect(page.get_by_text("toont het niet meer")).to_be_visible()

    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("row", name=re.compile("directie@voorziening.example")).get_by_role(
        "link"
    ).click()
    expect(page.get_by_text("550 onbekend")).to_be_visible()
    page.goto("/opgroeien/documenten/nietafgeleverdemail/")
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option("opnieuw")
    page.get_by_role("button", name="Uitvoeren").click()
    expect(page.get_by_text("1 e-mails staan opnieuw in de wachtrij.")).to_be_visible()
