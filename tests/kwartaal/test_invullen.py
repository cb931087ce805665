"""Entering, sending and processing the kwartaal (000 §12.2) and its export (000 §12.3)."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from binc.constants import Functie, Organisatietype
from dossiers.models import VerwerktJaar
from dossiers.services import schakelingen
from kwartaal.constants import EXPORT_DISCLAIMER, KwartaalStatus
from kwartaal.models import ClientInzet, Kwartaalstaat, TypemoduleInzet
from kwartaal.services import invullen
from kwartaal.services.opgroeien import heropenen, jaar_verwerken, jaar_voorbeeld
from lib.concurrency import Conflict
from tests.binc.factories import MedewerkerFactory, TypemoduleFactory, VoorzieningFactory
from tests.conftest import OP_VANDAAG, logged_in_client
from tests.dossiers.factories import DossierFactory
from tests.dossiers.zorg_helpers import D, add, beslissing, invoer
from tests.kwartaal.factories import (
    ClientInzetFactory,
    KwartaalstaatFactory,
    TypemoduleInzetFactory,
)

pytestmark = OP_VANDAAG


@pytest.fixture
def kwartaal(omgeving):
    """Q1 2026 with contextbegeleiding (kwart eenheid) for two clients and verblijf for one."""
    voorziening, gebruiker, (een, twee, _) = omgeving
    for dossier, codes in ((een, ("BEGBJB02", "VBFBJB04")), (twee, ("BEGBJB02",))):
        b = beslissing(dossier, gebruiker, begin=D(2026, 1, 5), codes=codes)
        add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 3, 1), codes=codes)
    staat = Kwartaalstaat.objects.get()
    inzet = {i.typemodule.code: i for i in TypemoduleInzet.objects.select_related("typemodule")}
    return voorziening, gebruiker, staat, inzet


def _url(name, staat, *args):
    return reverse(f"kwartaal:{name}", args=[staat.pk, *args])


def test_totals_are_saved_and_a_wrong_rounding_is_refused_at_the_field(kwartaal):
    voorziening, gebruiker, staat, inzet = kwartaal
    client = logged_in_client(gebruiker, voorziening)
    cb, verblijf = inzet["cb-laagintensief"], inzet["verblijf-minderjarigen"]
    data = {"versie": staat.versie, "actie": "opslaan", f"totaal_{verblijf.pk}": "12"}

    for fout, melding in (("1,3", "kwart eenheid"), ("veel", "getal"), ("-2", "negatief")):
        response = client.post(_url("staat", staat), {**data, f"totaal_{cb.pk}": fout})
        html = response.content.decode()
        assert melding in html
        assert f'id="id_totaal_{cb.pk}_error"' in html
        assert f'value="{fout}"' in html  # what was typed stays
    assert TypemoduleInzet.objects.filter(totaal__isnull=False).count() == 0

    response = client.post(_url("staat", staat), {**data, f"totaal_{cb.pk}": "10,75"})
    assert response.status_code == 302
    cb.refresh_from_db()
    assert cb.totaal == Decimal("10.75")


def test_a_tampered_typemodule_of_another_kwartaal_is_refused(kwartaal):
    _, gebruiker, staat, _ = kwartaal
    ander = TypemoduleInzetFactory(kwartaalstaat=KwartaalstaatFactory())
    with pytest.raises(ValidationError, match="horen niet bij dit kwartaal"):
        invullen.totalen_opslaan(
            staat_pk=staat.pk,
            versie=staat.versie,
            totalen={ander.pk: Decimal(1)},
            gebruiker=gebruiker,
        )


def test_sending_needs_every_total_and_a_change_makes_it_to_be_sent_again(kwartaal):
    _, gebruiker, staat, inzet = kwartaal
    cb, verblijf = inzet["cb-laagintensief"].pk, inzet["verblijf-minderjarigen"].pk
    with pytest.raises(ValidationError, match="Vul eerst het totaal in"):
        invullen.totalen_opslaan(
            staat_pk=staat.pk,
            versie=1,
            totalen={cb: Decimal(4)},
            gebruiker=gebruiker,
            verzenden=True,
        )
    assert Kwartaalstaat.objects.get().status == KwartaalStatus.OPEN  # nothing saved

    invullen.totalen_opslaan(
        staat_pk=staat.pk,
        versie=1,
        totalen={cb: Decimal(4), verblijf: Decimal(0)},
        gebruiker=gebruiker,
        verzenden=True,
    )
    staat.refresh_from_db()
    assert staat.status == KwartaalStatus.VERZONDEN

    invullen.totalen_opslaan(
        staat_pk=staat.pk, versie=staat.versie, totalen={cb: Decimal(5)}, gebruiker=gebruiker
    )
    assert Kwartaalstaat.objects.get().status == KwartaalStatus.TE_VERZENDEN


def test_bereken_totaal_sums_the_clients_and_asks_before_overwriting(kwartaal):
    _, gebruiker, staat, inzet = kwartaal
    cb = inzet["cb-laagintensief"]
    rijen = list(ClientInzet.objects.filter(inzet=cb).values_list("pk", flat=True))

    def detail(bereken, bevestigd=False, **waarden):
        return invullen.detail_opslaan(
            staat_pk=staat.pk,
            versie=Kwartaalstaat.objects.get().versie,
            inzet_pk=cb.pk,
            clienten=dict(zip(rijen, [Decimal("2.25"), Decimal("3")], strict=True)),
            soorten={},
            niet_clientgebonden=None,
            bereken_totaal=bereken,
            bevestigd=bevestigd,
            gebruiker=gebruiker,
        )

    detail(bereken=False)
    cb.refresh_from_db()
    assert cb.totaal is None  # saving without calculating keeps the clients, not a total
    assert detail(bereken=True).object.totaal == Decimal("5.25")

    TypemoduleInzet.objects.filter(pk=cb.pk).update(totaal=9)  # a manual total overrides
    assert detail(bereken=True).te_bevestigen
    assert TypemoduleInzet.objects.get(pk=cb.pk).totaal == 9
    assert detail(bereken=True, bevestigd=True).object.totaal == Decimal("5.25")


def test_a_stale_kwartaal_form_loses_to_the_first_save(kwartaal):
    _, gebruiker, staat, inzet = kwartaal
    cb = inzet["cb-laagintensief"].pk
    invullen.totalen_opslaan(
        staat_pk=staat.pk, versie=1, totalen={cb: Decimal(1)}, gebruiker=gebruiker
    )
    with pytest.raises(Conflict):
        invullen.totalen_opslaan(
            staat_pk=staat.pk, versie=1, totalen={cb: Decimal(2)}, gebruiker=gebruiker
        )


def test_a_processed_year_is_immutable_locks_its_schakelingen_and_can_be_reopened(omgeving):
    _, gebruiker, (dossier, *_) = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2025, 2, 1))
    s = add(dossier, gebruiker, b, D(2025, 2, 1), D(2025, 12, 31))
    Kwartaalstaat.objects.filter(jaar=2025).update(status=KwartaalStatus.VERZONDEN)

    assert jaar_verwerken(jaar=2025, gebruiker=gebruiker) == 4
    assert VerwerktJaar.objects.filter(jaar=2025).exists()
    staat = Kwartaalstaat.objects.get(kwartaal=2)
    assert staat.status == KwartaalStatus.VERWERKT
    with pytest.raises(ValidationError, match="verwerkt"):
        invullen.totalen_opslaan(
            staat_pk=staat.pk, versie=staat.versie, totalen={}, gebruiker=gebruiker
        )
    with pytest.raises(ValidationError):
        schakelingen.schakeling_update(
            schakeling_pk=s.pk,
            dossier_pk=dossier.pk,
            versie=s.versie,
            invoer=invoer(D(2025, 3, 1), D(2025, 12, 31)),
            gebruiker=gebruiker,
            bevestigd=True,
        )
    assert heropenen(staat_pk=staat.pk, gebruiker=gebruiker).status == KwartaalStatus.HEROPEND
    with pytest.raises(ValidationError, match="afgelopen jaar"):
        jaar_verwerken(jaar=2026, gebruiker=gebruiker)


def test_verwerk_jaar_processes_only_what_was_sent_and_locks_only_what_was_processed(omgeving):
    """000 §12.2: sent kwartalen are processed; one not sent stays as it is, in the work list,
    and the year does not lock that voorziening's schakelingen until it is processed too."""
    _, gebruiker, (dossier, *_) = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2025, 2, 1))
    s = add(dossier, gebruiker, b, D(2025, 2, 1), D(2025, 12, 31))
    Kwartaalstaat.objects.filter(jaar=2025, kwartaal__lt=4).update(status=KwartaalStatus.VERZONDEN)
    assert [staat.kwartaal for staat in jaar_voorbeeld(2025).niet_verzonden] == [4]

    assert jaar_verwerken(jaar=2025, gebruiker=gebruiker) == 3
    vierde = Kwartaalstaat.objects.get(jaar=2025, kwartaal=4)
    assert vierde.status == KwartaalStatus.OPEN
    assert vierde.verwerkt_op is None
    # Not locked: the voorziening can still correct the care behind its unsent kwartaal.
    s = schakelingen.schakeling_update(
        schakeling_pk=s.pk,
        dossier_pk=dossier.pk,
        versie=s.versie,
        invoer=invoer(D(2025, 4, 1), D(2025, 11, 30)),
        gebruiker=gebruiker,
        bevestigd=True,
    ).object

    # What Opgroeien processed does not change with it.
    eerste = Kwartaalstaat.objects.get(jaar=2025, kwartaal=1)
    assert eerste.status == KwartaalStatus.VERWERKT
    assert ClientInzet.objects.filter(inzet__kwartaalstaat=eerste, dossier=dossier).exists()

    Kwartaalstaat.objects.filter(pk=vierde.pk).update(status=KwartaalStatus.VERZONDEN)
    assert jaar_verwerken(jaar=2025, gebruiker=gebruiker) == 1
    with pytest.raises(ValidationError):
        schakelingen.schakeling_update(
            schakeling_pk=s.pk,
            dossier_pk=dossier.pk,
            versie=s.versie,
            invoer=invoer(D(2025, 4, 1), D(2025, 11, 29)),
            gebruiker=gebruiker,
            bevestigd=True,
        )


def test_the_export_holds_the_disclaimer_the_user_and_every_client_as_a_number(kwartaal):
    voorziening, gebruiker, staat, inzet = kwartaal
    cb = inzet["cb-laagintensief"]
    ClientInzet.objects.filter(inzet=cb).update(benutting=Decimal("2.5"))
    TypemoduleInzet.objects.filter(pk=cb.pk).update(totaal=5)

    response = logged_in_client(gebruiker, voorziening).get(_url("export", staat))

    assert response.status_code == 200
    naam = response["Content-Disposition"]
    assert f"{voorziening.naam} 2026-1 20260316.xlsx" in naam
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rijen = [tuple(c.value for c in rij) for rij in blad.iter_rows()]
    assert rijen[0][0] == EXPORT_DISCLAIMER
    assert gebruiker.get_full_name() in rijen[1][0]
    assert rijen[4] == ("Typemodule", "Eenheid", "Naam", "Voornaam", "Dossiercode", "Benutting")
    cb_rijen = [r for r in rijen[5:] if r[0] == cb.typemodule.naam]
    assert [r[5] for r in cb_rijen] == [2.5, 2.5, 5]
    assert cb_rijen[-1][2] == "Totaal"
    assert {r[4] for r in cb_rijen[:2]} == {
        c.dossier.code for c in ClientInzet.objects.filter(inzet=cb)
    }


def test_a_ckg_gets_its_mobile_and_ambulant_typemodules_with_0(db):
    """000 §12.2.1: for a CKG they count in the begeleidingspunten; 'hier vul je een 0 in'."""
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.CKG)
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    inzet = ClientInzetFactory(
        inzet__kwartaalstaat__voorziening=voorziening,
        inzet__typemodule=TypemoduleFactory(functie=Functie.BEGELEIDING),
    ).inzet
    html = (
        logged_in_client(gebruiker, voorziening)
        .get(_url("staat", inzet.kwartaalstaat))
        .content.decode()
    )
    assert f'name="totaal_{inzet.pk}" value="0"' in html
    assert "Telt voor een CKG in de begeleidingspunten" in html


def test_opgroeien_reads_a_kwartaalstaat_with_its_figures_in_constant_queries(
    kwartaal, opgroeien_gebruiker, django_assert_max_num_queries
):
    """000 §12.2: the totals per typemodule and the per-client figures, read-only."""
    _, _, staat, inzet = kwartaal
    cb = inzet["cb-laagintensief"]
    ClientInzet.objects.filter(inzet=cb).update(benutting=Decimal("2.75"))
    TypemoduleInzet.objects.filter(pk=cb.pk).update(totaal=Decimal("5.5"))
    client = logged_in_client(opgroeien_gebruiker)
    url = reverse("opgroeien:kwartaal_kwartaalstaat_change", args=[staat.pk])
    with django_assert_max_num_queries(25) as eerst:
        html = client.get(url).content.decode()
    assert "5,5<" in html
    assert "2,75<" in html
    assert "2,7500" not in html
    assert html.count("(BNC_") == 2  # each client with their dossier code
    assert 'name="_save"' not in html
    # No plumbing: neither the row's id nor its version for concurrent saves.
    assert "<label>Versie:</label>" not in html
    assert "<label>ID:</label>" not in html
    for dossier in DossierFactory.create_batch(3, voorziening=staat.voorziening):
        ClientInzet.objects.create(inzet=cb, dossier=dossier, benutting=1)
    with django_assert_max_num_queries(len(eerst.captured_queries)):
        assert client.get(url).content.decode().count("(BNC_") == 5


def test_the_list_names_a_quarter_without_kwartaal_and_figures_keep_only_their_decimals(
    kwartaal,
):
    voorziening, gebruiker, staat, inzet = kwartaal
    KwartaalstaatFactory(voorziening=voorziening, jaar=2025, kwartaal=3)
    TypemoduleInzet.objects.filter(pk=inzet["cb-laagintensief"].pk).update(totaal=Decimal("24.75"))
    TypemoduleInzet.objects.filter(pk=inzet["verblijf-minderjarigen"].pk).update(totaal=217)
    client = logged_in_client(gebruiker, voorziening)

    lijst = client.get(reverse("kwartaal:lijst")).content.decode()
    assert "Kwartaal 4 - 2025" in lijst  # between Q3 2025 and Q1 2026: no schakeling active
    assert "Geen kwartaal: er was geen schakeling actief." in lijst

    html = client.get(_url("staat", staat)).content.decode()
    assert 'value="24,75"' in html
    assert 'value="217"' in html
    assert "24,7500" not in html
