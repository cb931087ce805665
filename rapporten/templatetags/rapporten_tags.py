import datetime

from django import template

register = template.Library()


@register.filter
def duur(waarde: datetime.timedelta) -> str:
    """A duration as a user reads it: 'minder dan een minuut', '3 minuten'."""
    minuten = round(waarde.total_seconds() / 60)
    if minuten < 1:
        return "minder dan een minuut"
    return "1 minuut" if minuten == 1 else f"{minuten} minuten"
