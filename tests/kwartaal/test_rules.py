"""The kwartaal's pure rules (000 §12): rounding per typemodule and benutting = inzet."""

import datetime
from decimal import Decimal

import pytest

from binc.constants import Afronding
from kwartaal.rules import Inzetregel, Kwartaal, benuttingsfout, inzetdagen, kwartalen

D = datetime.date
Q1 = Kwartaal(2026, 1)


@pytest.mark.parametrize(
    ("waarde", "afronding", "fout"),
    [
        ("1.5", Afronding.HALVE_EENHEID, None),
        ("1.25", Afronding.HALVE_EENHEID, "halve eenheid"),
        ("1.75", Afronding.KWART_EENHEID, None),
        ("1.3", Afronding.KWART_EENHEID, "kwart eenheid"),
        ("1.33", Afronding.GEEN, None),
        ("0", Afronding.KWART_EENHEID, None),
        ("1.333", Afronding.GEEN, None),  # 'geen beperking': any decimals
        ("1.33333", Afronding.GEEN, "vier cijfers"),
        ("-1", Afronding.GEEN, "negatief"),
        ("100000000", Afronding.GEEN, "te groot"),
    ],
)
def test_each_rounding_rule_is_checked(waarde, afronding, fout):
    melding = benuttingsfout(Decimal(waarde), afronding)
    assert (melding is None) if fout is None else (fout in melding)


def test_benutting_is_inzet_counts_the_last_day_and_a_shared_boundary_day_once():
    regels = [
        # one client, two schakelingen sharing 10/02: 01/02–10/02 and 10/02–20/02 = 20 days
        Inzetregel(1, 7, D(2026, 2, 1), D(2026, 2, 10)),
        Inzetregel(1, 7, D(2026, 2, 10), D(2026, 2, 20)),
        # another client from before the quarter, still open: 01/01–31/03 = 90 days
        Inzetregel(2, 7, D(2025, 11, 1), None),
    ]
    assert inzetdagen(regels, Q1) == 20 + 90


def test_quarters_start_in_2015_and_stop_at_the_current_one():
    assert kwartalen(D(2014, 6, 1), D(2015, 2, 1), vandaag=D(2026, 3, 16)) == [Kwartaal(2015, 1)]
    assert kwartalen(D(2026, 1, 5), None, vandaag=D(2026, 4, 1)) == [Q1, Kwartaal(2026, 2)]
    assert Kwartaal(2025, 4).einde == D(2025, 12, 31)
