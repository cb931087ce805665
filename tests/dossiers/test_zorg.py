"""Beslissingen and schakelingen (000 §4.2), processed years (§4.2.4.1), Groeipakket (§4.2.7)."""

import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from binc.constants import Organisatietype
from binc.models import Typemodule
from binc.tenancy import voorziening_context
from dossiers import rules, selectors
from dossiers.constants import (
    BESLISSING_WEG,
    EINDIGT_IN_VERWERKT_JAAR,
    NIET_MEEST_RECENTE_SCHAKELING,
    OPEN_SCHAKELING_INTUSSEN,
    START_IN_VERWERKT_JAAR,
    SchakelingSoort,
    WijzigingActie,
)
from dossiers.models import Schakeling, SchakelingWijziging, VerwerktJaar
from dossiers.rules import ModuleKeuze
from dossiers.services import beslissingen, schakelingen
from kwartaal.constants import KwartaalStatus
from kwartaal.models import Kwartaalstaat
from lib.concurrency import Conflict
from tests.binc.factories import (
    MedewerkerFactory,
    ModuleFactory,
    ModuleGoedkeuringFactory,
    VoorzieningFactory,
)
from tests.conftest import logged_in_client
from tests.dossiers.factories import (
    BeslissingFactory,
    ClientFactory,
    DossierFactory,
    SchakelingFactory,
)
from tests.dossiers.zorg_helpers import D, add, beslissing, invoer, m

# --- Beslissingen ---------------------------------------------------------------------------


def test_beslissing_takes_only_modules_approved_on_its_date(omgeving):
    _, gebruiker, dossier = omgeving
    with pytest.raises(
        ValidationError, match="Niet goedgekeurd voor je voorziening op 05/01/2026: DAGBJB01"
    ):
        beslissing(dossier, gebruiker, codes=("VBFBJB04", "DAGBJB01"))
    with pytest.raises(ValidationError, match="Kies minstens één module."):
        beslissing(dossier, gebruiker, codes=())


def test_first_beslissing_opens_start_hulpaanbod(omgeving):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    response = client.post(
        reverse("dossiers:beslissing_nieuw", args=[dossier.pk]),
        {
            "begindatum": "2026-01-05",
            "modules": [m("VBFBJB04").pk],
            "verwijzingsgrond": "vrijwillig",
            "gemandateerde_voorziening": "geen",
        },
    )
    assert response.url == reverse("dossiers:schakeling_nieuw", args=[dossier.pk])
    assert "Toevoegen Start Hulpaanbod" in client.get(response.url).content.decode()


def test_beslissing_with_schakelingen_cannot_be_deleted(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5))
    with pytest.raises(ValidationError, match="geen schakelingen aan gekoppeld"):
        beslissingen.beslissing_delete(beslissing_pk=b.pk, gebruiker=gebruiker)


def test_beslissing_deleted_meanwhile_gets_the_manuals_message(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    beslissingen.beslissing_delete(beslissing_pk=b.pk, gebruiker=gebruiker)
    with pytest.raises(Conflict, match=BESLISSING_WEG):
        schakelingen.schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=b.pk,
            invoer=invoer(D(2026, 1, 5)),
            gebruiker=gebruiker,
        )


# --- Schakelingen -----------------------------------------------------------------------------


def test_first_is_start_hulpaanbod_then_schakeling(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    first = add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 3, 1))
    second = add(dossier, gebruiker, b, D(2026, 3, 1))
    assert (first.soort, second.soort) == (
        SchakelingSoort.START_HULPAANBOD,
        SchakelingSoort.SCHAKELING,
    )


def test_schakeling_only_under_the_latest_beslissing(omgeving):
    _, gebruiker, dossier = omgeving
    oud = beslissing(dossier, gebruiker, begin=D(2026, 1, 5))
    beslissing(dossier, gebruiker, begin=D(2026, 2, 1))
    with pytest.raises(Conflict, match="De gevraagde actie kon niet uitgevoerd worden."):
        add(dossier, gebruiker, oud, D(2026, 2, 1))


def test_previous_must_be_closed_first(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5))
    with pytest.raises(ValidationError, match=OPEN_SCHAKELING_INTUSSEN):
        add(dossier, gebruiker, b, D(2026, 2, 1))


def test_begin_not_before_previous_end_and_seamless_is_allowed(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 3, 1))
    with pytest.raises(ValidationError, match="op of na de einddatum van de vorige schakeling"):
        add(dossier, gebruiker, b, D(2026, 2, 28))
    assert add(dossier, gebruiker, b, D(2026, 3, 1)).begindatum == D(2026, 3, 1)


def test_end_not_before_begin(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    with pytest.raises(ValidationError, match="De einddatum kan niet vóór de begindatum liggen."):
        add(dossier, gebruiker, b, D(2026, 2, 1), D(2026, 1, 31))


def test_no_overlap_is_enforced_by_postgresql(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 3, 1))
    with pytest.raises(IntegrityError, match="schakeling_no_overlap"), transaction.atomic():
        Schakeling.objects.create(
            dossier=dossier, beslissing=b, soort="schakeling", begindatum=D(2026, 2, 1)
        )
    Schakeling.objects.create(
        dossier=dossier, beslissing=b, soort="schakeling", begindatum=D(2026, 3, 1)
    )


def test_seamless_follow_up_of_a_one_day_schakeling(omgeving):
    """000 §4.2.2: begin >= previous end, also when the previous one lasted a single day."""
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 2, 1), D(2026, 3, 1))
    add(dossier, gebruiker, b, D(2026, 3, 1), D(2026, 3, 1))
    assert add(dossier, gebruiker, b, D(2026, 3, 1), D(2026, 4, 1)).begindatum == D(2026, 3, 1)


def test_no_schakeling_straddles_a_one_day_schakeling_in_postgresql(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 3, 10), D(2026, 3, 10))
    for begin, einde in [(D(2026, 3, 1), D(2026, 3, 20)), (D(2026, 3, 10), D(2026, 3, 10))]:
        with pytest.raises(IntegrityError, match="schakeling_no_overlap"), transaction.atomic():
            Schakeling.objects.create(
                dossier=dossier, beslissing=b, soort="schakeling", begindatum=begin, einddatum=einde
            )
    Schakeling.objects.create(
        dossier=dossier,
        beslissing=b,
        soort="schakeling",
        begindatum=D(2026, 3, 1),
        einddatum=D(2026, 3, 10),
    )


def test_only_the_most_recent_schakeling_is_editable_and_deletable(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    first = add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 3, 1))
    add(dossier, gebruiker, b, D(2026, 3, 1))
    with pytest.raises(ValidationError, match="niet de meest recente schakeling"):
        schakelingen.schakeling_update(
            schakeling_pk=first.pk,
            dossier_pk=dossier.pk,
            versie=first.versie,
            invoer=invoer(D(2026, 1, 6), D(2026, 3, 1)),
            gebruiker=gebruiker,
            bevestigd=True,
        )
    with pytest.raises(ValidationError, match=NIET_MEEST_RECENTE_SCHAKELING):
        schakelingen.schakeling_delete(
            schakeling_pk=first.pk, dossier_pk=dossier.pk, gebruiker=gebruiker
        )


def test_verlenging_copies_modules_and_detail_under_a_new_beslissing(omgeving):
    _, gebruiker, dossier = omgeving
    b1 = beslissing(dossier, gebruiker)
    add(
        dossier,
        gebruiker,
        b1,
        D(2026, 1, 5),
        D(2026, 6, 1),
        keuzes=[ModuleKeuze(m("OBBJB01"), ob_vorm="ontheming")],
    )
    b2 = beslissing(dossier, gebruiker, begin=D(2026, 6, 1))
    assert selectors.verlenging_mogelijk(dossier, b2, selectors.laatste_schakeling(dossier))

    verlenging = add(dossier, gebruiker, b2, D(2026, 6, 1), codes=("BEGBJB02",), verlenging=True)

    assert verlenging.soort == SchakelingSoort.VERLENGING
    assert [(sm.module.code, sm.ob_vorm) for sm in verlenging.modules.all()] == [
        ("OBBJB01", "ontheming")
    ]


def test_verlenging_stays_locked_or_becomes_a_schakeling(omgeving):
    """000 §4.2.6: a verlenging's copied offer cannot change while it is a verlenging;
    unticking 'verlenging' makes it an ordinary schakeling whose offer may change."""
    voorziening, gebruiker, dossier = omgeving
    b1 = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b1, D(2026, 1, 5), D(2026, 6, 1))
    b2 = beslissing(dossier, gebruiker, begin=D(2026, 6, 1))
    verlenging = add(dossier, gebruiker, b2, D(2026, 6, 1), verlenging=True)
    page = logged_in_client(gebruiker, voorziening).get(
        reverse("dossiers:schakeling_wijzigen", args=[dossier.pk, verlenging.pk])
    )
    html = page.content.decode()
    assert 'data-lock-when="verlenging=on"' in html
    assert re.search(r'<input type="checkbox" name="verlenging"[^>]* checked>', html)

    def wijzig(**extra):
        schakeling = Schakeling.objects.get(pk=verlenging.pk)
        return schakelingen.schakeling_update(
            schakeling_pk=schakeling.pk,
            dossier_pk=dossier.pk,
            versie=schakeling.versie,
            invoer=invoer(D(2026, 6, 2), codes=("VBFBJB04",), **extra),
            gebruiker=gebruiker,
            bevestigd=True,
        ).object

    locked = wijzig(verlenging=True)
    assert (locked.soort, locked.begindatum) == (SchakelingSoort.VERLENGING, D(2026, 6, 2))
    assert [sm.module.code for sm in locked.modules.all()] == ["BEGBJB02"]

    changed = wijzig(verlenging=False)
    assert changed.soort == SchakelingSoort.SCHAKELING
    assert [sm.module.code for sm in changed.modules.all()] == ["VBFBJB04"]


def test_no_verlenging_under_the_same_beslissing(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    with pytest.raises(ValidationError, match="Een verlenging is hier niet mogelijk."):
        add(dossier, gebruiker, b, D(2026, 2, 1), verlenging=True)


@pytest.mark.parametrize(
    ("keuze", "message"),
    [
        (lambda: ModuleKeuze(m("OBBJB01")), "Duid aan welke vorm van ondersteunende begeleiding"),
        (
            lambda: ModuleKeuze(m("BEGBJB02"), verzekerd_aanbod=True),
            "Verzekerd aanbod kan enkel bij een aanmelding door het crisismeldpunt.",
        ),
    ],
)
def test_module_detail_rules(keuze, message, omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    with pytest.raises(ValidationError, match=message):
        add(dossier, gebruiker, b, D(2026, 1, 5), keuzes=[keuze()])


def test_verzekerd_aanbod_with_crisismeldpunt_and_the_aanmelder_then_stays(omgeving):
    voorziening, gebruiker, dossier = omgeving
    dossier.aanmelding.via_toegangspoort, dossier.aanmelding.aanmelder = False, "crisismeldpunt"
    dossier.aanmelding.save()
    b = beslissing(dossier, gebruiker)
    add(
        dossier,
        gebruiker,
        b,
        D(2026, 1, 5),
        keuzes=[ModuleKeuze(m("BEGBJB02"), verzekerd_aanbod=True)],
    )
    client = logged_in_client(gebruiker, voorziening)

    response = client.post(
        reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk]),
        {
            "via_toegangspoort": "nee",
            "aanmelder": "caw",
            "uitstroom_gi": "nee",
            "specifieke_aanmelding": "geen",
            "versie": dossier.aanmelding.versie,
        },
    )

    assert "als verzekerd aanbod zijn ingezet" in response.content.decode()
    dossier.aanmelding.refresh_from_db()
    assert dossier.aanmelding.aanmelder == "crisismeldpunt"


@pytest.mark.parametrize("met_schakeling", [True, False])
def test_a_specifieke_aanmelding_with_schakelingen_never_becomes_regular_care(
    met_schakeling, omgeving
):
    """000 §4.1: a time-out dossier that turns into regular care needs a new dossier."""
    voorziening, gebruiker, dossier = omgeving
    dossier.aanmelding.specifieke_aanmelding = "time_out"
    dossier.aanmelding.save()
    if met_schakeling:
        add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5))
    client = logged_in_client(gebruiker, voorziening)

    response = client.post(
        reverse("dossiers:aanmelding_wijzigen", args=[dossier.pk]),
        {
            "via_toegangspoort": "ja",
            "uitstroom_gi": "nee",
            "specifieke_aanmelding": "geen",
            "versie": dossier.aanmelding.versie,
        },
    )

    dossier.aanmelding.refresh_from_db()
    if met_schakeling:
        assert "maak je een nieuw dossier aan" in response.content.decode()
        assert 'value="geen"' in response.content.decode()  # what was chosen stays
        assert dossier.aanmelding.specifieke_aanmelding == "time_out"
    else:
        assert response.status_code == 302
        assert dossier.aanmelding.specifieke_aanmelding == "geen"


# --- Warnings and the Groeipakket ----------------------------------------------------------------


def warnings_for(dossier, gebruiker, b, codes, begin=None, **extra):
    begin = begin or D(2026, 1, 5)
    vorige = selectors.laatste_schakeling(dossier)
    return rules.waarschuwingen(
        selectors.dossier_feiten(dossier),
        invoer(begin, codes=codes, **extra),
        voor=selectors.schakeling_invoer(vorige) if vorige else None,
        zelfde=False,
    )


def test_several_verblijf_modules_warn_and_save_only_after_confirmation(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    result = schakelingen.schakeling_add(
        dossier_pk=dossier.pk,
        beslissing_pk=b.pk,
        invoer=invoer(D(2026, 1, 5), codes=("VBFBJB04", "VBFBJB16")),
        gebruiker=gebruiker,
        bevestigd=False,
    )
    assert any("meerdere verblijfsmodules" in w for w in result.waarschuwingen)
    assert not Schakeling.objects.exists()
    add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFBJB04", "VBFBJB16"))


def test_groeipakket_warning_when_a_module_with_impact_starts(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    assert any("D227" in w for w in warnings_for(dossier, gebruiker, b, ("VBFBJB04",)))
    assert warnings_for(dossier, gebruiker, b, ("BEGBJB02",)) == []


@pytest.mark.parametrize(("geboren", "warned"), [(D(2008, 6, 1), True), (D(2007, 6, 1), False)])
def test_cbaw_has_impact_only_under_18(geboren, warned, omgeving):
    _, gebruiker, dossier = omgeving
    dossier.client.geboortedatum = geboren  # 17 resp. 18 on 5 January 2026
    dossier.client.save()
    b = beslissing(dossier, gebruiker, codes=("BEGBJB05",))
    assert any("D227" in w for w in warnings_for(dossier, gebruiker, b, ("BEGBJB05",))) is warned


def test_time_out_dossier_and_zwaartepunt_elders_send_nothing(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    assert warnings_for(dossier, gebruiker, b, ("VBFBJB04",), zwaartepunt_elders=True) == []
    dossier.aanmelding.specifieke_aanmelding = "time_out"
    dossier.aanmelding.save()
    s = add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFBJB04",))
    assert SchakelingWijziging.objects.get(schakeling_id=s.pk).groeipakket is False


@pytest.mark.parametrize("pleegzorgmodule", ["VBFINT05", "BHDINT01"])
def test_zwaartepunt_elders_is_refused_while_the_client_is_in_pleegzorg_elsewhere(
    omgeving, pleegzorgmodule
):
    """000 §4.2.7: the client in a pleeggezin through another voorziening during the period: the
    tick would silently suppress the D227. The message names no other voorziening. Any
    pleegzorg typemodule of the catalogue counts, behandelpleegzorg (BHDINT01) included."""
    _, gebruiker, dossier = omgeving
    pleegzorg = VoorzieningFactory(
        naam="Pleegzorg Geheim", organisatietype=Organisatietype.PLEEGZORG
    )
    with voorziening_context(pleegzorg):
        elders = DossierFactory(voorziening=pleegzorg, client=dossier.client)
        SchakelingFactory(
            beslissing__dossier=elders,
            begindatum=D(2026, 1, 1),
            einddatum=D(2026, 1, 31),
            modules=[m(pleegzorgmodule)],
        )
    b = beslissing(dossier, gebruiker)
    with pytest.raises(ValidationError, match="in een pleeggezin") as error:
        add(dossier, gebruiker, b, D(2026, 1, 20), codes=("VBFBJB04",), zwaartepunt_elders=True)
    assert "Pleegzorg Geheim" not in str(error.value)
    assert not Schakeling.objects.filter(dossier=dossier).exists()
    # After the pleegzorg has ended, the tick is the voorziening's own choice.
    add(dossier, gebruiker, b, D(2026, 2, 1), codes=("VBFBJB04",), zwaartepunt_elders=True)


def test_the_catalogue_says_which_typemodules_are_pleegzorg(db):
    pleegzorg = set(Typemodule.objects.filter(pleegzorg=True).values_list("code", flat=True))
    assert pleegzorg == {
        "pleeggezin-perspectiefzoekend",
        "pleeggezin-perspectiefbiedend",
        "pleeggezin-ondersteunend",
        "behandelpleegzorg",
        "begeleiding-pleeggezinnen",
    }


def test_change_history_records_create_change_and_delete_with_before_and_after(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    s = add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFBJB04",))
    schakelingen.schakeling_update(
        schakeling_pk=s.pk,
        dossier_pk=dossier.pk,
        versie=s.versie,
        invoer=invoer(D(2026, 1, 5), D(2026, 4, 30), codes=("VBFBJB04",)),
        gebruiker=gebruiker,
        bevestigd=True,
    )
    schakelingen.schakeling_delete(schakeling_pk=s.pk, dossier_pk=dossier.pk, gebruiker=gebruiker)

    history = list(SchakelingWijziging.objects.filter(schakeling_id=s.pk))
    assert [h.actie for h in history] == [
        WijzigingActie.AANGEMAAKT,
        WijzigingActie.GEWIJZIGD,
        WijzigingActie.VERWIJDERD,
    ]
    assert history[0].voor is None
    assert history[0].na["modules"][0]["code"] == "VBFBJB04"
    assert history[1].voor["einddatum"] is None
    assert history[1].na["einddatum"] == "2026-04-30"
    assert history[2].na is None
    assert all(h.groeipakket for h in history)
    assert history[0].na["verwijzingsgrond"] == "vrijwillig"


def test_start_page_shows_the_latest_dates(omgeving):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 5))
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    add(dossier, gebruiker, b, D(2026, 2, 1), D(2026, 5, 31))
    dossier.refresh_from_db()
    assert (
        dossier.laatste_beslissing_begindatum,
        dossier.laatste_schakeling_begindatum,
        dossier.laatste_schakeling_einddatum,
    ) == (
        D(2026, 1, 5),
        D(2026, 2, 1),
        D(2026, 5, 31),
    )
    html = (
        logged_in_client(gebruiker, voorziening).get(reverse("dossiers:overzicht")).content.decode()
    )
    assert "31/05/2026" in html


def test_the_reports_start_follows_the_care_and_the_aanmelding(omgeving):
    """000 §17.2: the start is 'startdatum lopend dossier', else that of 'Start hulpaanbod';
    the dossier keeps both current in the transaction of each change."""
    from dossiers.services.dossiers import aanmelding_update

    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 5))
    add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    add(dossier, gebruiker, b, D(2026, 2, 1), None)
    dossier.refresh_from_db()
    assert (dossier.eerste_schakeling_begindatum, dossier.startdatum) == (
        D(2026, 1, 5),
        D(2026, 1, 5),
    )

    with voorziening_context(voorziening):
        aanmelding = dossier.aanmelding
        data = {f.name: getattr(aanmelding, f.name) for f in aanmelding._meta.concrete_fields}
        data.update(lopend_dossier=True, startdatum_lopend_dossier=D(2025, 11, 3))
        aanmelding_update(
            dossier_pk=dossier.pk, versie=aanmelding.versie, data=data, gebruiker=gebruiker
        )
    dossier.refresh_from_db()
    assert dossier.startdatum == D(2025, 11, 3)


# --- Processed years (000 §4.2.4.1) --------------------------------------------------------------


@pytest.fixture
def verwerkt_2025(omgeving):
    _, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2025, 1, 6))
    VerwerktJaar.objects.create(jaar=2024)
    return b


def _process(year):
    """The year's kwartalen were all sent and Opgroeien processed them (000 §12.2)."""
    Kwartaalstaat.objects.filter(jaar=year).update(
        status=KwartaalStatus.VERWERKT, verwerkt_op=timezone.now()
    )
    VerwerktJaar.objects.create(jaar=year)


def test_no_new_schakeling_in_a_processed_year(omgeving, verwerkt_2025):
    _, gebruiker, dossier = omgeving
    _process(2025)
    with pytest.raises(ValidationError, match="Nieuwe schakelingen kunnen niet gecreëerd worden"):
        add(dossier, gebruiker, verwerkt_2025, D(2025, 2, 1))


def test_schakeling_ending_in_a_processed_year_cannot_change(omgeving, verwerkt_2025):
    _, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, verwerkt_2025, D(2025, 2, 1), D(2025, 11, 30))
    _process(2025)
    with pytest.raises(ValidationError, match=EINDIGT_IN_VERWERKT_JAAR):
        schakelingen.schakeling_update(
            schakeling_pk=s.pk,
            dossier_pk=dossier.pk,
            versie=s.versie,
            invoer=invoer(D(2025, 2, 1), D(2026, 1, 31)),
            gebruiker=gebruiker,
            bevestigd=True,
        )


def test_schakeling_starting_in_a_processed_year_only_changes_its_end_after_that_year(
    omgeving, verwerkt_2025
):
    _, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, verwerkt_2025, D(2025, 2, 1))
    _process(2025)
    with pytest.raises(ValidationError, match=START_IN_VERWERKT_JAAR):
        schakelingen.schakeling_update(
            schakeling_pk=s.pk,
            dossier_pk=dossier.pk,
            versie=s.versie,
            invoer=invoer(D(2025, 2, 1), codes=("BEGBJB02", "OBBJB01")),
            gebruiker=gebruiker,
            bevestigd=True,
        )
    with pytest.raises(ValidationError, match="na het laatste verwerkte jaar"):
        schakelingen.schakeling_update(
            schakeling_pk=s.pk,
            dossier_pk=dossier.pk,
            versie=s.versie,
            invoer=invoer(D(2025, 2, 1), D(2025, 12, 31)),
            gebruiker=gebruiker,
            bevestigd=True,
        )
    schakelingen.schakeling_update(
        schakeling_pk=s.pk,
        dossier_pk=dossier.pk,
        versie=s.versie,
        invoer=invoer(D(2025, 2, 1), D(2026, 1, 15)),
        gebruiker=gebruiker,
        bevestigd=True,
    )
    s.refresh_from_db()
    assert s.einddatum == D(2026, 1, 15)


def test_nothing_moves_into_a_processed_year(omgeving, verwerkt_2025):
    """000 §4.2.4.1: with 2024 processed, neither the latest schakeling nor a Start hulpaanbod
    may be moved back into 2024."""
    _, gebruiker, dossier = omgeving
    start = add(dossier, gebruiker, verwerkt_2025, D(2025, 1, 10))
    for begin in (D(2024, 12, 20), D(2024, 6, 1)):
        with pytest.raises(ValidationError, match=r"verplaatst worden naar een verwerkt jaar"):
            schakelingen.schakeling_update(
                schakeling_pk=start.pk,
                dossier_pk=dossier.pk,
                versie=start.versie,
                invoer=invoer(begin),
                gebruiker=gebruiker,
                bevestigd=True,
            )
    start.refresh_from_db()
    assert start.begindatum == D(2025, 1, 10)


def test_no_verlenging_when_the_previous_ends_in_a_processed_year(omgeving, verwerkt_2025):
    _, gebruiker, dossier = omgeving
    add(dossier, gebruiker, verwerkt_2025, D(2025, 2, 1), D(2025, 12, 31))
    _process(2025)
    nieuw = beslissing(dossier, gebruiker, begin=D(2026, 1, 1))
    assert not selectors.verlenging_mogelijk(dossier, nieuw, selectors.laatste_schakeling(dossier))
    with pytest.raises(ValidationError, match="Een verlenging is hier niet mogelijk."):
        add(dossier, gebruiker, nieuw, D(2026, 1, 1), verlenging=True)


def test_schakeling_starting_in_a_processed_year_cannot_be_deleted(omgeving, verwerkt_2025):
    voorziening, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, verwerkt_2025, D(2025, 2, 1))
    _process(2025)
    with pytest.raises(ValidationError, match="kan niet worden verwijderd"):
        schakelingen.schakeling_delete(
            schakeling_pk=s.pk, dossier_pk=dossier.pk, gebruiker=gebruiker
        )
    html = logged_in_client(gebruiker, voorziening).get(dossier.get_absolute_url()).content.decode()
    assert START_IN_VERWERKT_JAAR in html


# --- Pleegzorg (000 §4.2.7) -------------------------------------------------------------------


@pytest.fixture
def pleegzorg(db):
    voorziening = VoorzieningFactory(organisatietype=Organisatietype.PLEEGZORG)
    for code in ["VBFINT04", "VBFINT05", "VBFINT06", "VBFINT01", "BHDINT01"]:
        ModuleGoedkeuringFactory(voorziening=voorziening, module=m(code), geldig_van=D(2015, 1, 1))
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    with voorziening_context(voorziening):
        yield voorziening, gebruiker


def _pleegzorg_dossier(voorziening, gebruiker, geboren):
    dossier = DossierFactory(voorziening=voorziening, client=ClientFactory(geboortedatum=geboren))
    return dossier, beslissing(dossier, gebruiker, codes=("VBFINT04",))


PLEEGZORGER = ("85073003328", "Marc Peeters")


def test_pleegzorgers_are_mandatory_under_25(pleegzorg):
    voorziening, gebruiker = pleegzorg
    dossier, b = _pleegzorg_dossier(voorziening, gebruiker, D(2012, 1, 1))
    with pytest.raises(ValidationError, match="Vul minstens één pleegzorger in"):
        add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFINT04",))
    s = add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFINT04",), pleegzorgers=[PLEEGZORGER])
    assert s.pleegzorgers.get().naam == "Marc Peeters"


def test_pleegzorgers_optional_from_25(pleegzorg):
    voorziening, gebruiker = pleegzorg
    dossier, b = _pleegzorg_dossier(voorziening, gebruiker, D(1990, 1, 1))
    add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFINT04",))


def test_at_most_two_pleegzorgers(pleegzorg):
    voorziening, gebruiker = pleegzorg
    dossier, b = _pleegzorg_dossier(voorziening, gebruiker, D(2012, 1, 1))
    with pytest.raises(ValidationError, match="hoogstens twee pleegzorgers"):
        add(
            dossier,
            gebruiker,
            b,
            D(2026, 1, 5),
            codes=("VBFINT04",),
            pleegzorgers=[PLEEGZORGER] * 3,
        )


def test_overgangsregeling_for_dossiers_running_before_2019(pleegzorg):
    voorziening, gebruiker = pleegzorg
    dossier, b = _pleegzorg_dossier(voorziening, gebruiker, D(2012, 1, 1))
    dossier.aanmelding.lopend_dossier, dossier.aanmelding.startdatum_lopend_dossier = (
        True,
        D(2018, 3, 1),
    )
    dossier.aanmelding.save()
    with pytest.raises(ValidationError, match="overgangsregeling pleegzorgtoeslag"):
        add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFINT04",), pleegzorgers=[PLEEGZORGER])
    s = add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFINT04",), uitbetaling_aan_ouders=True)
    assert not s.pleegzorgers.exists()


def test_uitbetaling_aan_ouders_clears_the_pleegzorgers(pleegzorg):
    """000 §4.2.7: with 'Uitbetaling aan ouders = Ja' no pleegzorgers are registered, also
    when a caller of the service sends them."""
    voorziening, gebruiker = pleegzorg
    dossier, b = _pleegzorg_dossier(voorziening, gebruiker, D(2012, 1, 1))
    dossier.aanmelding.lopend_dossier, dossier.aanmelding.startdatum_lopend_dossier = (
        True,
        D(2018, 3, 1),
    )
    dossier.aanmelding.save()
    s = add(
        dossier,
        gebruiker,
        b,
        D(2026, 1, 5),
        codes=("VBFINT04",),
        uitbetaling_aan_ouders=True,
        pleegzorgers=[PLEEGZORGER],
    )
    assert not s.pleegzorgers.exists()


def test_behandelpleegzorg_and_overbruggingszorg_need_their_detail(pleegzorg):
    voorziening, gebruiker = pleegzorg
    dossier = DossierFactory(voorziening=voorziening)
    b = beslissing(dossier, gebruiker, codes=("BHDINT01",))
    with pytest.raises(ValidationError) as error:
        add(dossier, gebruiker, b, D(2026, 1, 5), codes=("BHDINT01", "VBFINT01"))
    assert set(error.value.message_dict) == {"behandeling_gericht_op", "overbruggingszorg"}


def test_combinatie_met_verblijf_is_pleegzorgs_label(pleegzorg):
    voorziening, gebruiker = pleegzorg
    dossier, _ = _pleegzorg_dossier(voorziening, gebruiker, D(2012, 1, 1))
    html = (
        logged_in_client(gebruiker, voorziening)
        .get(reverse("dossiers:schakeling_nieuw", args=[dossier.pk]))
        .content.decode()
    )
    assert "Er is een combinatie met verblijf" in html


# --- Concurrency -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_add_schakeling_posts_never_both_succeed():
    # Its own module: transactional tests flush the catalogue the migrations loaded.
    module = ModuleFactory()
    voorziening = VoorzieningFactory()
    ModuleGoedkeuringFactory(voorziening=voorziening, module=module, geldig_van=D(2015, 1, 1))
    gebruikers = [MedewerkerFactory(voorziening=voorziening).gebruiker for _ in range(2)]
    dossier = DossierFactory(voorziening=voorziening)
    b = BeslissingFactory(dossier=dossier, modules=[module])
    barrier = threading.Barrier(2)
    outcomes = []

    def post(client, begin):
        try:
            barrier.wait()
            response = client.post(
                reverse("dossiers:schakeling_nieuw", args=[dossier.pk]),
                {
                    "beslissing": b.pk,
                    "begindatum": begin,
                    "modules": [module.pk],
                    "bevestigd": "on",
                },
            )
            outcomes.append(
                (response.status_code, OPEN_SCHAKELING_INTUSSEN in response.content.decode())
            )
        except Exception as exc:  # reported by the assertion below
            outcomes.append(repr(exc))
        finally:
            connection.close()

    clients = [logged_in_client(g, voorziening) for g in gebruikers]
    threads = [
        threading.Thread(target=post, args=(c, d))
        for c, d in zip(clients, ["2026-01-05", "2026-01-10"], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # 000 §11: the later one stays on its form with the manual's message, not the error page.
    assert sorted(outcomes) == [(200, True), (302, False)]
    assert Schakeling._base_manager.filter(dossier=dossier).count() == 1


@pytest.mark.django_db(transaction=True)
def test_aanmelding_change_and_verzekerd_aanbod_never_both_succeed():
    """Both lock the dossier: the aanmelder leaves the crisismeldpunt, or a schakeling uses
    verzekerd aanbod (which needs it), never both (000 §4.1, §4.2.3)."""
    from dossiers.services.dossiers import aanmelding_update

    module = ModuleFactory()
    voorziening = VoorzieningFactory()
    ModuleGoedkeuringFactory(voorziening=voorziening, module=module, geldig_van=D(2015, 1, 1))
    gebruiker = MedewerkerFactory(voorziening=voorziening).gebruiker
    dossier = DossierFactory(
        voorziening=voorziening,
        aanmelding__via_toegangspoort=False,
        aanmelding__aanmelder="crisismeldpunt",
        aanmelding__uitstroom_gi=False,
    )
    b = BeslissingFactory(dossier=dossier, modules=[module])
    barrier = threading.Barrier(2)
    outcomes = {}

    def run(name, action):
        try:
            with voorziening_context(voorziening):
                barrier.wait()
                action()
            outcomes[name] = "ok"
        except ValidationError:
            outcomes[name] = "geweigerd"
        finally:
            connection.close()

    def wijzig_aanmelder():
        aanmelding_update(
            dossier_pk=dossier.pk,
            versie=dossier.aanmelding.versie,
            data={"via_toegangspoort": False, "aanmelder": "caw", "uitstroom_gi": False},
            gebruiker=gebruiker,
        )

    def verzekerd_aanbod():
        schakelingen.schakeling_add(
            dossier_pk=dossier.pk,
            beslissing_pk=b.pk,
            invoer=invoer(D(2026, 1, 5), keuzes=[ModuleKeuze(module, verzekerd_aanbod=True)]),
            gebruiker=gebruiker,
            bevestigd=True,
        )

    threads = [
        threading.Thread(target=run, args=("aanmelding", wijzig_aanmelder)),
        threading.Thread(target=run, args=("schakeling", verzekerd_aanbod)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["geweigerd", "ok"], outcomes
    with voorziening_context(voorziening):
        dossier.aanmelding.refresh_from_db()
        verzekerd = Schakeling.objects.filter(modules__verzekerd_aanbod=True).exists()
    assert verzekerd != (dossier.aanmelding.aanmelder == "caw")


def test_editing_a_schakeling_that_is_no_longer_the_latest_keeps_the_form(omgeving):
    """000 §11: a message in the screen, with what the user typed, not the error page."""
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    s = add(dossier, gebruiker, b, D(2026, 1, 5), D(2026, 2, 1))
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("dossiers:schakeling_wijzigen", args=[dossier.pk, s.pk])
    client.get(url)
    add(dossier, gebruiker, b, D(2026, 2, 1))  # a colleague adds the next one meanwhile

    response = client.post(
        url,
        {
            "begindatum": "2026-01-05",
            "einddatum": "2026-01-27",
            "modules": [m("BEGBJB02").pk],
            "versie": s.versie,
            "bevestigd": "on",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert NIET_MEEST_RECENTE_SCHAKELING in html
    assert 'value="2026-01-27"' in html
    s.refresh_from_db()
    assert s.einddatum == D(2026, 2, 1)


def test_stale_schakeling_form_is_refused(omgeving):
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    s = add(dossier, gebruiker, b, D(2026, 1, 5))
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("dossiers:schakeling_wijzigen", args=[dossier.pk, s.pk])
    data = {
        "begindatum": "2026-01-05",
        "einddatum": "2026-02-01",
        "modules": [m("BEGBJB02").pk],
        "versie": s.versie,
        "bevestigd": "on",
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "einddatum": "2026-03-01"})
    assert response.status_code == 409
    s.refresh_from_db()
    assert s.einddatum == D(2026, 2, 1)


def test_adding_a_beslissing_to_a_dossier_deleted_meanwhile(omgeving):
    from dossiers.constants import DOSSIER_WEG

    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    client.post(reverse("dossiers:dossier_verwijderen", args=[dossier.pk]))

    response = client.post(
        reverse("dossiers:beslissing_nieuw", args=[dossier.pk]),
        {
            "begindatum": "2026-01-05",
            "modules": [m("VBFBJB04").pk],
            "verwijzingsgrond": "vrijwillig",
        },
    )

    assert response.status_code == 404
    assert DOSSIER_WEG in response.content.decode()


def test_schakeling_can_be_added_from_the_start_page(omgeving):
    voorziening, gebruiker, dossier = omgeving
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("dossiers:schakeling_nieuw", args=[dossier.pk])
    assert (
        url not in client.get(reverse("dossiers:overzicht")).content.decode()
    )  # no beslissing yet

    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5))

    assert url in client.get(reverse("dossiers:overzicht")).content.decode()
    assert client.get(url).url == reverse("dossiers:vorige_afsluiten", args=[dossier.pk])


def test_a_tampered_beslissing_field_is_not_a_server_error(omgeving):
    voorziening, gebruiker, dossier = omgeving
    beslissing(dossier, gebruiker)
    client = logged_in_client(gebruiker, voorziening)
    response = client.post(
        reverse("dossiers:schakeling_nieuw", args=[dossier.pk]),
        {"beslissing": "abc", "begindatum": "niet-een-datum", "modules": ["x"]},
    )
    assert response.status_code == 200
    assert "Het formulier bevat fouten" in response.content.decode()


def test_groeipakket_history_cannot_be_rewritten_only_stamped_as_sent(omgeving):
    from django.db import DatabaseError
    from django.utils import timezone

    _, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, beslissing(dossier, gebruiker), D(2026, 1, 5), codes=("VBFBJB04",))
    history = SchakelingWijziging._base_manager.filter(schakeling_id=s.pk)

    history.update(verzonden_op=timezone.now())
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        history.update(groeipakket=False)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        history.delete()
    assert history.get().verzonden_op is not None


def test_afsluiten_vorig_hulpaanbod_says_why_it_opened(omgeving):
    """000 §4.2.2: the '+' of a dossier whose last schakeling runs on opens this page first."""
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker)
    add(dossier, gebruiker, b, D(2026, 1, 5), codes=("VBFBJB04",))
    client = logged_in_client(gebruiker, voorziening)
    response = client.get(reverse("dossiers:schakeling_nieuw", args=[dossier.pk]), follow=True)
    html = response.content.decode()
    assert "Afsluiten vorig hulpaanbod" in html
    assert "de vorige schakeling loopt nog" in html


def test_the_dossier_page_offers_only_what_its_state_and_processed_years_allow(
    omgeving, verwerkt_2025
):
    """A schakeling ending in a processed year shows the manual's message and neither a link
    to change it nor a delete; a closed dossier without room before its closing date offers no
    new schakeling; a pending reopen request is shown with its date, not offered again."""
    from dossiers.constants import DossierStatus
    from dossiers.models import Dossier, HeropenAanvraag

    voorziening, gebruiker, dossier = omgeving
    s = add(dossier, gebruiker, verwerkt_2025, D(2025, 1, 6), D(2025, 12, 1))
    _process(2025)
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("dossiers:dossier_detail", args=[dossier.pk])
    html = client.get(url).content.decode()
    assert "kan niet aangepast worden" in html
    assert reverse("dossiers:schakeling_verwijderen", args=[dossier.pk, s.pk]) not in html
    assert reverse("dossiers:schakeling_wijzigen", args=[dossier.pk, s.pk]) not in html
    assert reverse("dossiers:schakeling_nieuw", args=[dossier.pk]) in html

    # Closed on the day its care ended: nothing can be added before the closing date.
    laatste = add(dossier, gebruiker, verwerkt_2025, D(2026, 1, 5), D(2026, 2, 1))
    Dossier.objects.filter(pk=dossier.pk).update(
        status=DossierStatus.AFGESLOTEN, afgesloten_op=laatste.einddatum
    )
    aanvraag = HeropenAanvraag.objects.create(dossier=dossier, aangevraagd_door=gebruiker)
    html = client.get(url).content.decode()
    assert reverse("dossiers:schakeling_nieuw", args=[dossier.pk]) not in html
    ingediend = timezone.localtime(aanvraag.aangevraagd_op)  # as the page shows it, in Brussels
    assert f"Aanvraag tot heropenen ingediend op {ingediend:%d/%m/%Y}" in html
    assert reverse("dossiers:dossier_heropenen", args=[dossier.pk]) not in html


def test_room_for_a_schakeling_in_a_closed_dossier(db):
    assert rules.schakeling_toevoegbaar(None, afgesloten_op=None, verwerkt=set())
    einde = invoer(D(2026, 1, 5), D(2026, 2, 1))
    assert not rules.schakeling_toevoegbaar(einde, afgesloten_op=D(2026, 2, 1), verwerkt=set())
    assert rules.schakeling_toevoegbaar(einde, afgesloten_op=D(2026, 2, 3), verwerkt=set())
    assert not rules.schakeling_toevoegbaar(einde, afgesloten_op=D(2026, 2, 3), verwerkt={2026})


def test_a_new_schakeling_follows_its_beslissing(omgeving):
    """000 §4.2: the first schakeling under a beslissing offers the beslissing's begin date and
    modulair aanbod; a follow-up starts on the previous end date."""
    voorziening, gebruiker, dossier = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2026, 1, 3), codes=("BEGBJB02", "VBFBJB04"))
    client = logged_in_client(gebruiker, voorziening)
    url = reverse("dossiers:schakeling_nieuw", args=[dossier.pk])
    html = client.get(url).content.decode()
    assert 'name="begindatum" value="2026-01-03"' in html
    for code in ("BEGBJB02", "VBFBJB04"):
        assert re.search(rf'value="{m(code).pk}"[^>]*checked', html), code
    add(dossier, gebruiker, b, D(2026, 1, 3), D(2026, 2, 1))
    html = client.get(url).content.decode()
    assert 'name="begindatum" value="2026-02-01"' in html
    assert not re.search(rf'value="{m("BEGBJB02").pk}"[^>]*checked', html)
