from django import forms
from django.core.exceptions import ValidationError

from bezetting.engine.bezetting import kwartalen_tussen, periode_fout
from dossiers.forms.common import DateInput


class PeriodeForm(forms.Form):
    """A period of at most one year (000 §14.1), counted up to and including its last day."""

    van = forms.DateField(label="Van", widget=DateInput)
    tot = forms.DateField(
        label="Tot en met", widget=DateInput, help_text="We tellen tot en met deze datum."
    )

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and (fout := periode_fout("", van, tot)):
            self.add_error("tot", fout)
        return data


class BezettingForm(PeriodeForm):
    """'Bereken bezettingsgraad' (000 §14.1): a period and the typemodules."""

    typemodules = forms.MultipleChoiceField(
        label="Typemodules",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één typemodule."},
    )

    def __init__(self, *args, keuzes: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["typemodules"].choices = keuzes

    def clean_typemodules(self):
        waarde = self.cleaned_data["typemodules"]
        if not waarde:
            raise ValidationError("Kies minstens één typemodule.")
        return waarde


def _kwartalen(vandaag_jaar: int) -> list[tuple[str, str]]:
    return [
        (f"{jaar}-Q{nummer}", f"Kwartaal {nummer} - {jaar}")
        for jaar in range(vandaag_jaar, 2014, -1)
        for nummer in (4, 3, 2, 1)
    ]


class KwartaalForm(forms.Form):
    """'Bereken benuttingsgraad' (000 §13) and OB bezetting (000 §14.1): from one quarter to
    another; the same quarter twice for one quarter."""

    van = forms.ChoiceField(label="Van kwartaal")
    tot = forms.ChoiceField(label="Tot en met kwartaal")
    typemodules = forms.MultipleChoiceField(
        label="Typemodules",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één typemodule."},
    )

    def __init__(self, *args, keuzes: list[tuple[str, str]], jaar: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["typemodules"].choices = keuzes
        self.fields["van"].choices = self.fields["tot"].choices = _kwartalen(jaar)

    def kwartalen(self) -> list[tuple[int, int]]:
        van = tuple(int(x) for x in self.cleaned_data["van"].split("-Q"))
        tot = tuple(int(x) for x in self.cleaned_data["tot"].split("-Q"))
        return kwartalen_tussen(van, tot)  # type: ignore[arg-type]

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot"):
            aantal = len(self.kwartalen())
            if aantal == 0:
                self.add_error("tot", "Het laatste kwartaal ligt vóór het eerste.")
            elif aantal > 4:
                self.add_error("tot", "Kies hoogstens 4 kwartalen (1 jaar).")
        return data


class InzetForm(forms.Form):
    """'Inzet modules' (000 §16): modules and a period; one day shows the open places."""

    van = forms.DateField(label="Van", widget=DateInput)
    tot = forms.DateField(label="Tot en met", widget=DateInput)
    modules = forms.MultipleChoiceField(
        label="Modules",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één module."},
    )

    def __init__(self, *args, keuzes: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["modules"].choices = keuzes

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data
