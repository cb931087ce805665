from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def cijfer(waarde: Decimal | None) -> str:
    """A stored figure (four decimals) with only the decimals it has, in Dutch: 24,75 and 217,
    not 24,7500 and 217,0000; a missing one as a dash."""
    if waarde is None:
        return "–"
    tekst = format(Decimal(waarde).normalize(), "f")
    return tekst.replace(".", ",")
