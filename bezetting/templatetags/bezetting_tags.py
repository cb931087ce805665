from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)


@register.filter
def procent(graad: Decimal) -> str:
    waarde = (graad * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{waarde} %".replace(".", ",")


@register.filter
def getal(waarde) -> str:
    return f"{float(waarde):.2f}".rstrip("0").rstrip(".").replace(".", ",")
