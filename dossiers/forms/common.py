"""The national number as every form checks it."""

from django.core.exceptions import ValidationError
from stdnum.be import bis, nn

ONGELDIG_NUMMER = "Dit is geen geldig rijksregisternummer of BIS-nummer. Controleer de cijfers."


def rijksregisternummer_clean(value: str) -> str:
    """Digits only, valid checksum under either century rule (python-stdnum)."""
    number = nn.compact(value)
    # Eleven digits before any arithmetic: a far longer string would not even convert.
    if len(number) != 11 or not (nn.is_valid(number) or bis.is_valid(number)):
        raise ValidationError(ONGELDIG_NUMMER)
    return number
