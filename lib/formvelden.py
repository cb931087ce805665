"""Form fields and widgets every app's forms share: a date input, radio buttons without an
empty choice, a Ja/Nee question, the version a save checks, and the hints the field template
reads."""

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


def hint(
    veld: forms.Field,
    *,
    verplicht: bool = False,
    show_when: str | None = None,
    lock_when: str | None = None,
) -> None:
    """What the field template (forms/form.html, forms/field.html) shows beside a field: '*' for
    a field a rule requires though the form cannot (it depends on other answers), and when the
    script shows or locks it. Kept on the field, so it travels wherever the field is shown."""
    if verplicht:
        veld.verplicht = True  # type: ignore[attr-defined]
    if show_when is not None:
        veld.show_when = show_when  # type: ignore[attr-defined]
    if lock_when is not None:
        veld.lock_when = lock_when  # type: ignore[attr-defined]
