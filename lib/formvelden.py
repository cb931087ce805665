"""Form fields and widgets every app's forms share: a date input, radio buttons without an
empty choice, a Ja/Nee question, and the version a save checks."""

from django import forms

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class Keuzerondjes(forms.RadioSelect):
    """Radio buttons without Django's empty choice ('---------'): on a radio list leaving every
    button unticked is the empty answer, and a required one says so at the field."""

    def optgroups(self, name, value, attrs=None):
        groepen = super().optgroups(name, value, attrs)
        result = []
        for groep, opties, index in groepen:
            opties = [o for o in opties if o["value"] not in ("", None)]
            if opties:
                result.append((groep, opties, index))
        return result


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
