from decimal import Decimal

from django import template

from lib.getallen import nederlands

register = template.Library()


@register.filter
def cijfer(waarde: Decimal | None) -> str:
    """A stored figure (four decimals) with only the decimals it has, in Dutch: 24,75 and 1.217,
    not 24,7500 and 1217,0000; a missing one as a dash."""
    if waarde is None:
        return "–"
    return nederlands(Decimal(waarde))
