"""A kwartaalstaat exists exactly while a schakeling is active in its quarter, holding the
typemodules and dossiers of those schakelingen (000 §12), kept in the same transaction as every
schakeling change."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError

from dossiers.models import Beslissing, Schakeling
from dossiers.services import schakelingen
from kwartaal.constants import KwartaalStatus
from kwartaal.models import ClientInzet, Kwartaalstaat, TypemoduleInzet
from kwartaal.rules import Kwartaal, inhoud
from kwartaal.selectors import inzetregels
from kwartaal.tasks import kwartaalstaten_bijwerken
from tests.conftest import OP_VANDAAG, VANDAAG
from tests.dossiers.zorg_helpers import D, add, beslissing, invoer, m

pytestmark = OP_VANDAAG
DAG = datetime.timedelta(days=1)


def stored(voorziening) -> dict:
    result: dict = {}
    for jaar, nummer, typemodule, dossier in ClientInzet.objects.filter(
        inzet__kwartaalstaat__voorziening=voorziening
    ).values_list(
        "inzet__kwartaalstaat__jaar",
        "inzet__kwartaalstaat__kwartaal",
        "inzet__typemodule_id",
        "dossier_id",
    ):
        result.setdefault(Kwartaal(jaar, nummer), {}).setdefault(typemodule, set()).add(dossier)
    staten = {
        Kwartaal(j, k)
        for j, k in Kwartaalstaat.objects.filter(voorziening=voorziening).values_list(
            "jaar", "kwartaal"
        )
    }
    assert staten == set(result), "a kwartaalstaat without inzet, or inzet without staat"
    assert not TypemoduleInzet.objects.filter(clienten__isnull=True).exists()
    return result


def test_a_kwartaalstaat_appears_with_the_first_schakeling_and_goes_with_the_last(omgeving):
    voorziening, gebruiker, (dossier, *_) = omgeving
    b = beslissing(dossier, gebruiker, begin=D(2025, 11, 1))
    s = add(dossier, gebruiker, b, D(2025, 11, 3), D(2026, 1, 10))

    assert set(stored(voorziening)) == {Kwartaal(2025, 4), Kwartaal(2026, 1)}
    assert stored(voorziening)[Kwartaal(2025, 4)] == {m("BEGBJB02").typemodule_id: {dossier.pk}}

    schakelingen.schakeling_delete(schakeling_pk=s.pk, dossier_pk=dossier.pk, gebruiker=gebruiker)
    assert not Kwartaalstaat.objects.exists()


def test_an_open_schakeling_reaches_the_current_quarter_not_beyond(omgeving):
    voorziening, gebruiker, (dossier, *_) = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker, begin=D(2025, 8, 1)), D(2025, 8, 1))
    assert sorted(stored(voorziening)) == [Kwartaal(2025, 3), Kwartaal(2025, 4), Kwartaal(2026, 1)]
    assert Kwartaal.van(VANDAAG) == Kwartaal(2026, 1)


def test_a_sent_kwartaal_gaining_a_typemodule_to_register_is_to_be_sent_again(omgeving):
    _, gebruiker, (een, twee, _) = omgeving
    b = beslissing(een, gebruiker, begin=D(2026, 1, 5), codes=("BEGBJB02",))
    add(een, gebruiker, b, D(2026, 1, 5))
    Kwartaalstaat.objects.update(status=KwartaalStatus.VERZONDEN)
    b2 = beslissing(twee, gebruiker, begin=D(2026, 1, 5), codes=("VBFBJB04",))
    add(twee, gebruiker, b2, D(2026, 1, 6), codes=("VBFBJB04",))
    assert Kwartaalstaat.objects.get().status == KwartaalStatus.TE_VERZENDEN


@pytest.mark.traag  # random changes, twelve seeds
@pytest.mark.parametrize("seed", range(12))
def test_kwartaalstaten_equal_a_recomputation_after_random_changes(seed, omgeving):
    """Property: after any sequence of adds, changes and deletes, the stored kwartaalstaten
    equal the ones computed from scratch from the schakelingen."""
    voorziening, gebruiker, dossiers = omgeving
    rng = random.Random(seed)
    codes = ["VBFBJB04", "BEGBJB02", "BEGBJB05", "OBBJB01"]
    for dossier in dossiers:
        beslissing(dossier, gebruiker, begin=D(2024, 1, 1), codes=tuple(codes))
    for _ in range(25):
        dossier = rng.choice(dossiers)
        laatste = Schakeling.objects.filter(dossier=dossier).order_by("-begindatum", "-id").first()
        actie = rng.choice(["add", "add", "update", "delete"])
        keuze = tuple(rng.sample(codes, rng.randint(1, 2)))
        try:
            if actie == "add" or laatste is None:
                if laatste is None:
                    begin = D(2024, 1, 1) + DAG * rng.randint(0, 60)
                else:
                    if laatste.einddatum is None:
                        schakelingen.schakeling_einddatum_set(
                            schakeling_pk=laatste.pk,
                            dossier_pk=dossier.pk,
                            versie=laatste.versie,
                            einddatum=laatste.begindatum + DAG * rng.randint(0, 120),
                            gebruiker=gebruiker,
                        )
                        laatste.refresh_from_db()
                    begin = laatste.einddatum + DAG * rng.randint(0, 20)
                einde = rng.choice([begin + DAG * rng.randint(0, 200), None])
                b = Beslissing.objects.filter(dossier=dossier).first()
                add(dossier, gebruiker, b, begin, einde, codes=keuze)
            elif actie == "update":
                schakelingen.schakeling_update(
                    schakeling_pk=laatste.pk,
                    dossier_pk=dossier.pk,
                    versie=laatste.versie,
                    invoer=invoer(laatste.begindatum, laatste.einddatum, keuze),
                    gebruiker=gebruiker,
                    bevestigd=True,
                )
            else:
                schakelingen.schakeling_delete(
                    schakeling_pk=laatste.pk, dossier_pk=dossier.pk, gebruiker=gebruiker
                )
        except ValidationError:
            continue  # a sequence the rules refuse changes nothing
        assert stored(voorziening) == inhoud(inzetregels(voorziening.pk), vandaag=VANDAAG)


def test_the_nightly_task_opens_a_new_quarter_for_running_schakelingen(omgeving, time_machine):
    voorziening, gebruiker, (dossier, *_) = omgeving
    add(dossier, gebruiker, beslissing(dossier, gebruiker, begin=D(2026, 1, 5)), D(2026, 1, 5))
    time_machine.move_to(D(2026, 4, 1))
    assert kwartaalstaten_bijwerken.apply().get() >= 1
    assert set(stored(voorziening)) == {Kwartaal(2026, 1), Kwartaal(2026, 2)}
