"""Numbers as a Dutch reader writes them: a point between thousands, a comma before decimals
(22.172 and 829,31), for every screen."""

from decimal import Decimal


def nederlands(waarde: Decimal, decimalen: int | None = None) -> str:
    """With `decimalen` rounded to that many; without, the decimals the number has."""
    if decimalen is None:
        waarde = waarde.normalize()
        exponent = waarde.as_tuple().exponent
        decimalen = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")
