from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django import template

from lib.getallen import nederlands

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)


@register.filter
def procent(graad: Decimal) -> str:
    waarde = (graad * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{nederlands(waarde, 2)} %"


@register.filter
def getal(waarde) -> str:
    """A count or a sum as a person reads it: whole numbers without decimals, others to two
    (a CKG's points pro rata, hours in quarters)."""
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, Fraction):
        waarde = Decimal(waarde.numerator) / Decimal(waarde.denominator)
    waarde = Decimal(str(waarde)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return nederlands(waarde, 0 if waarde == waarde.to_integral_value() else 2)


@register.filter
def breuk(waarde: Fraction) -> str:
    """A factor as the manual writes it: 30, 1,5 or 2/7 (8 per 28 days), 1/365."""
    waarde = Fraction(waarde)
    if waarde.denominator == 1 or 10 % waarde.denominator == 0 or waarde.denominator == 4:
        return getal(waarde)
    return f"{waarde.numerator}/{waarde.denominator}"
