"""Shared form parts: dates, Ja/Nee answers, national numbers and the version a save checks."""

from django import forms
from django.core.exceptions import ValidationError
from stdnum.be import bis, nn

from binc.forms import Keuzerondjes

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


ONGELDIG_NUMMER = "Dit is geen geldig rijksregisternummer of BIS-nummer. Controleer de cijfers."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def rijksregisternummer_clean(value: str) -> str:
    """Digits only, valid checksum under either century rule (python-stdnum)."""
    number = nn.compact(value)
    if not (nn.is_valid(number) or bis.is_valid(number)):
        raise ValidationError(ONGELDIG_NUMMER)
    return number


class JaNeeField(forms.TypedChoiceField):
    """A yes/no question answered with radio buttons; None when unanswered."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            choices=JA_NEE,
            coerce=lambda value: value == "ja",
            empty_value=None,
            widget=Keuzerondjes,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "ja"
        if value is False:
            return "nee"
        return value


class VersieForm(forms.Form):
    """Carries the version the user saw, so a later conflicting save is refused (000 §11)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
